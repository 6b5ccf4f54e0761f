import { defineRule, type RawFinding } from '../../rule.ts';

const N = String.raw`(?:\d+|one|two|three|four|five|six|nine|twelve)`;
// Free periods, credits, waived fees and complimentary seats: concessions outside the price list.
const CONCESSION = new RegExp(
  [
    String.raw`\bfree (?:of charge )?for (?:the )?(?:first |next )?${N} (?:months?|weeks?|years?|quarters?)`,
    String.raw`\b(?:the )?(?:first )?${N} (?:months?|weeks?|quarters?) (?:free|at no (?:cost|charge)|on us)\b`,
    String.raw`\b(?:first|next) (?:month|quarter|year) (?:free|at no (?:cost|charge)|on us)\b`,
    String.raw`\b(?:waive|waived|waiving)\s+(?:the\s+|your\s+|all\s+)?(?:[\w-]+\s+){0,2}?(?:fees?|charges?|costs?)\b`,
    String.raw`(?:[$€£]\s?\d[\d,]*(?:\.\d{2})?|\b\d[\d,]*\s?(?:USD|EUR|GBP))\s+(?:(?:service|account|billing|one-time|goodwill)\s+)?credit\b`,
    String.raw`\b(?:service|account|billing|goodwill) credits? (?:of|worth) (?:[$€£]\s?)?\d[\d,]*`,
    String.raw`\b${N} (?:free|complimentary|extra free) (?:months?|seats?|licen[cs]es?|users?)\b`,
    String.raw`\bcomplimentary (?:seats?|licen[cs]es?|months?|upgrade|add-?on)\b`,
  ].join('|'),
  'giu',
);
const CHEAP = /free|waiv|credit|complimentary|no (?:cost|charge)|on us/i;
const NOT_A_CONCESSION = /\bfree trial\b|\bfree of charge\b(?! for)|\b(?:trial|pilot) (?:period|ends)\b/i;

export const rule = defineRule(
  {
    id: 'pricing/concession',
    category: 'pricing',
    severity: 'warn',
    clause: 'pricing-approved',
    description:
      'Free periods, credits, waived fees and complimentary seats, which sit outside the approved price list; informational without a pricing policy.',
    source: 'customer-policy.md, Proposals & Sales Materials (Pricing aligned with approved pricing models)',
    examples: {
      flag: [
        {
          text: 'We can make the first three months free if you sign this week.',
          policy: { pricing: { maxDiscountPercent: 15 } },
        },
        {
          text: 'We will waive the onboarding fee for you.',
          policy: { pricing: { maxDiscountPercent: 15 } },
        },
        {
          text: "I've added a $2,000 service credit to your account.",
          policy: { pricing: { maxDiscountPercent: 15 } },
        },
        { text: 'We can add 5 complimentary seats.', why: 'no pricing policy: informational' },
      ],
      pass: [
        {
          text: 'Your free trial ends on March 3.',
          policy: { pricing: { maxDiscountPercent: 15 } },
          why: 'a standard trial',
        },
        {
          text: 'Feel free to share this with your team.',
          policy: { pricing: { maxDiscountPercent: 15 } },
        },
        {
          text: 'The credit union team joined the call.',
          policy: { pricing: { maxDiscountPercent: 15 } },
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    if (ctx.internalOnly) return [];
    const hasPolicy = ctx.policy.pricing !== undefined;
    const out: RawFinding[] = [];
    for (const field of [ctx.field('subject'), ctx.field('body')]) {
      if (!CHEAP.test(field.text)) continue;
      const ranges = field.rangesFor(['body', 'subject']);
      for (const m of field.text.matchAll(CONCESSION)) {
        const start = m.index;
        const end = start + m[0].length;
        if (!ranges.some(([s, e]) => start >= s && end <= e)) continue;
        const sentence = field.sentenceAt(start);
        if (sentence && NOT_A_CONCESSION.test(field.text.slice(sentence[0], sentence[1]))) continue;
        const [os, oe] = field.toOriginal(start, end);
        const excerpt = field.original.slice(os, oe);
        const finding = ctx.report(
          field,
          start,
          end,
          hasPolicy
            ? `"${excerpt}" is a concession outside the approved price list. Make sure it has been approved.`
            : `"${excerpt}" is a pricing concession; check it against your approved pricing.`,
        );
        out.push(hasPolicy ? finding : { ...finding, severity: 'info' });
      }
    }
    return out;
  },
  // Each match reads its own sentence at most.
  { local: true },
);
