import { defineRule, type RawFinding } from '../../rule.ts';

const DISCOUNT =
  /\b(\d{1,3}(?:\.\d+)?)\s?(?:%|percent)\s*(?:off|discount)\b|\bdiscount\s+of\s+(\d{1,3}(?:\.\d+)?)\s?(?:%|percent)/gi;

export const rule = defineRule(
  {
    id: 'pricing/discount-limit',
    category: 'pricing',
    severity: 'block',
    clause: 'pricing-approved',
    description: "A discount above the policy's approved maximum (pricing.maxDiscountPercent).",
    source: 'customer-policy.md, Proposals & Sales Materials (Pricing aligned with approved pricing models)',
    examples: {
      flag: [
        { text: 'We can offer 40% off the first year.', policy: { pricing: { maxDiscountPercent: 20 } } },
        {
          text: 'That is a discount of 25 percent on list.',
          policy: { pricing: { maxDiscountPercent: 15 } },
        },
      ],
      pass: [
        { text: 'We can offer 15% off the first year.', policy: { pricing: { maxDiscountPercent: 20 } } },
        { text: 'We can offer 40% off the first year.', why: 'no maximum in the policy' },
        {
          text: 'You will see a 50% reduction in processing time.',
          policy: { pricing: { maxDiscountPercent: 20 } },
          why: 'a reduction in time is not a discount',
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    const max = ctx.policy.pricing?.maxDiscountPercent;
    if (max === undefined) return [];
    const out: RawFinding[] = [];
    for (const field of [ctx.field('subject'), ctx.field('body')]) {
      const ranges = field.rangesFor(['body', 'subject']);
      for (const m of field.text.matchAll(DISCOUNT)) {
        const value = Number(m[1] ?? m[2]);
        const start = m.index;
        const end = start + m[0].length;
        if (!(value > max) || !ranges.some(([s, e]) => start >= s && end <= e)) continue;
        out.push(
          ctx.report(
            field,
            start,
            end,
            `A ${value}% discount is above the approved maximum of ${max}%.`,
            undefined,
          ),
        );
      }
    }
    return out;
  },
);
