import { defineRule, type RawFinding } from '../../rule.ts';
import { type FieldText, inRanges } from '../../text/field.ts';
import { fixFor, messageFor } from './advice.ts';

const CANDIDATE = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b/g;

export function ibanValid(raw: string): boolean {
  const iban = raw.replace(/\s/g, '');
  if (iban.length < 15 || iban.length > 34) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const d of value) rest = (rest * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rest === 1;
}

/** The checksum-valid IBANs this rule reports in a field (normalised offsets). */
export function ibanSpans(field: FieldText): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const ranges = field.rangesFor(['body', 'body.signature', 'subject']);
  for (const m of field.text.matchAll(CANDIDATE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (inRanges(ranges, start, end) && ibanValid(m[0])) out.push({ start, end });
  }
  return out;
}

export const rule = defineRule(
  {
    id: 'pii/iban',
    category: 'pii',
    severity: 'block',
    clause: 'data-dpa',
    description: 'A bank account number in IBAN form (checksum-valid).',
    source: 'customer-policy.md, Data & Privacy (Customer data handled per data processing agreement)',
    examples: {
      flag: ['Their account is GB82 WEST 1234 5698 7654 32 at the moment.', 'IBAN: DE89370400440532013000'],
      pass: [
        { text: 'Reference GB82 WEST 1234 5698 7654 33 on the invoice.', why: 'checksum fails' },
        'Our VAT number is GB123456789.',
      ],
    },
  },
  (ctx): RawFinding[] => {
    const out: RawFinding[] = [];
    for (const field of [ctx.field('subject'), ctx.field('body')])
      for (const { start, end } of ibanSpans(field))
        out.push(
          ctx.report(
            field,
            start,
            end,
            messageFor(ctx, 'an IBAN (bank account number)', 'identifier'),
            fixFor(ctx, field.text.slice(start, end), 'identifier'),
          ),
        );
    return out;
  },
);
