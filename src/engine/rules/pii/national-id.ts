// US Social Security numbers (separated form; bare nine digits only after an SSN label) that pass the issuing
// rules (no area 000, 666 or 9xx, no group 00, no serial 0000, not the advertising numbers), UK National
// Insurance numbers with a valid prefix (no D F I Q U V first, no D F I O Q U V second, not BG GB KN NK NT TN
// ZZ). Not after "e.g.", "in the format", "Example:".
import { defineRule, type RawFinding } from '../../rule.ts';
import { type FieldText, inRanges } from '../../text/field.ts';
import { fixFor, messageFor } from './advice.ts';
import { introducesExample } from './labelled-values.ts';

// US SSN written with separators; bare nine digits only next to an SSN label (otherwise it is any number).
const SSN = /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g;
const SSN_BARE =
  /\b(?:ssn|social security(?: number| no\.?| #)?)\s*(?:is|:|#|=)?\s*(\d{3})(\d{2})(\d{4})\b/gi;
// UK National Insurance number: two prefix letters, six digits, suffix A-D; spaces optional.
const NINO = /\b([A-Z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])\b/g;
const NINO_BAD_PREFIX = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
// Order, tracking, invoice and ticket numbers are references, not identities.
const REFERENCE_BEFORE =
  /\b(?:order|tracking|invoice|reference|ref|ticket|case|po|account|acct|confirmation|booking|shipment|serial|model|part|sku|phone|tel|fax|mobile|call)\b[^\n]{0,20}$/i;

export function ssnValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  if (a === 0 || a === 666 || a >= 900) return false;
  if (group === '00' || serial === '0000') return false;
  // Numbers published in advertising and never issued.
  if (`${area}${group}${serial}` === '078051120' || `${area}${group}${serial}` === '219099999') return false;
  return true;
}

export function ninoValid(prefix: string): boolean {
  const [first, second] = [prefix[0]!, prefix[1]!];
  if ('DFIQUV'.includes(first) || 'DFIOQUV'.includes(second)) return false;
  return !NINO_BAD_PREFIX.has(prefix);
}

/** The identity numbers this rule reports in a field (normalised offsets), whether labelled or not. */
export function nationalIdSpans(field: FieldText): { start: number; end: number; what: string }[] {
  const out: { start: number; end: number; what: string }[] = [];
  if (!/\d{2}/.test(field.text)) return out;
  // The sender's own signature holds phone numbers and references, never an identity number.
  const ranges = field.rangesFor(['body', 'subject']);
  const push = (start: number, end: number, what: string) => {
    if (!inRanges(ranges, start, end)) return;
    if (REFERENCE_BEFORE.test(field.text.slice(Math.max(0, start - 40), start))) return;
    // A format example ("in the format 123-45-6789", "e.g. …") is not anyone's number.
    if (introducesExample(field.text, start)) return;
    out.push({ start, end, what });
  };
  for (const m of field.text.matchAll(SSN))
    if (ssnValid(m[1]!, m[3]!, m[4]!)) push(m.index, m.index + m[0].length, 'a US Social Security number');
  for (const m of field.text.matchAll(SSN_BARE)) {
    if (!ssnValid(m[1]!, m[2]!, m[3]!)) continue;
    const digits = `${m[1]}${m[2]}${m[3]}`;
    const at = m.index + m[0].lastIndexOf(digits);
    push(at, at + 9, 'a US Social Security number');
  }
  for (const m of field.text.matchAll(NINO))
    if (ninoValid(m[1]!)) push(m.index, m.index + m[0].length, 'a UK National Insurance number');
  return out;
}

export const rule = defineRule(
  {
    id: 'pii/national-id',
    category: 'pii',
    severity: 'block',
    clause: 'data-dpa',
    description:
      'A national identity number that passes its validity rules (US SSN, UK National Insurance number).',
    source: 'customer-policy.md, Data & Privacy (Customer data handled per data processing agreement)',
    examples: {
      flag: [
        "The employee's SSN is 123-45-6789, please update the record.",
        { text: 'Her NI number is AB 12 34 56 C.', why: 'UK National Insurance number' },
        { text: 'SSN: 123456789', why: 'bare digits next to an SSN label' },
      ],
      pass: [
        { text: 'Use 000-12-3456 as a test value.', why: 'area 000 is never issued' },
        { text: 'The test SSN 666-12-3456 is rejected.', why: 'area 666 is never issued' },
        { text: 'Placeholder 987-65-4321 is in the 9xx range.', why: '9xx areas are not SSNs' },
        { text: 'Your order number is 123-45-6789.', why: 'an order number' },
        { text: 'Prefix GB 12 34 56 A is reserved.', why: 'GB is not a valid NI prefix' },
        'Call us on 555-12-3456 ext 2.',
      ],
    },
  },
  (ctx): RawFinding[] => {
    const out: RawFinding[] = [];
    for (const field of [ctx.field('subject'), ctx.field('body')])
      for (const { start, end, what } of nationalIdSpans(field))
        out.push(
          ctx.report(
            field,
            start,
            end,
            messageFor(ctx, what, 'identifier'),
            fixFor(ctx, field.text.slice(start, end), 'identifier'),
          ),
        );
    return out;
  },
);
