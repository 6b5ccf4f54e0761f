import { defineRule, type RawFinding } from '../../rule.ts';
import { type FieldText, inRanges } from '../../text/field.ts';
import { fixFor, messageFor } from './advice.ts';
import { introducesExample } from './labelled-values.ts';

const CANDIDATE = /(?<![\d.,-])(?:\d[ -]?){12,18}\d(?![\d-])/g;
// Order, tracking and invoice numbers can pass Luhn by chance; their label says what they are.
const REFERENCE_BEFORE =
  /\b(?:order|tracking|invoice|reference|ref|ticket|case|po|confirmation|booking|shipment|serial|imei|phone|tel|fax|mobile|call|waybill|awb)\b[^\n\d]{0,20}$/i;

export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The card numbers this rule reports in a field (normalised offsets). */
export function cardSpans(field: FieldText): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  // Not the signature: the sender's own footer holds phone and account numbers, never a card.
  const ranges = field.rangesFor(['body', 'subject']);
  for (const m of field.text.matchAll(CANDIDATE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!inRanges(ranges, start, end)) continue;
    if (REFERENCE_BEFORE.test(field.text.slice(Math.max(0, start - 40), start))) continue;
    // A format example ("in the format 123-45-6789", "e.g. …") is not anyone's number.
    if (introducesExample(field.text, start)) continue;
    const digits = m[0].replace(/\D/g, '');
    // Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay prefixes.
    if (!/^(?:4|5[1-5]|2[2-7]|3[47]|6(?:011|5|4[4-9]|22)|35|3(?:0[0-5]|[68])|62)/.test(digits)) continue;
    if (luhn(digits)) out.push({ start, end });
  }
  return out;
}

export const rule = defineRule(
  {
    id: 'pii/payment-card',
    category: 'pii',
    severity: 'block',
    clause: 'data-dpa',
    description: 'A payment card number (13–19 digits, Luhn-valid, known issuer prefix).',
    source: 'customer-policy.md, Data & Privacy (Customer data handled per data processing agreement)',
    examples: {
      flag: ['The card on file is 4111 1111 1111 1111, expiring 09/28.', 'Card: 5500-0000-0000-0004'],
      pass: [
        { text: 'Your order number is 4111 1111 1111 1112.', why: 'fails the Luhn check' },
        { text: 'Call us on +1 415 555 0100 123 4567 any time.', why: 'a phone number, not a card prefix' },
        { text: 'Your tracking number is 4111 1111 1111 1111.', why: 'labelled as a tracking number' },
      ],
    },
  },
  (ctx): RawFinding[] => {
    const out: RawFinding[] = [];
    for (const field of [ctx.field('subject'), ctx.field('body')])
      for (const { start, end } of cardSpans(field))
        out.push(
          ctx.report(
            field,
            start,
            end,
            messageFor(ctx, 'a payment card number', 'identifier'),
            fixFor(ctx, field.text.slice(start, end), 'identifier'),
          ),
        );
    return out;
  },
);
