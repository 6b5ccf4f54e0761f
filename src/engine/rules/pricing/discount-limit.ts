// A percentage next to discount wording or a price ("30% off", "a 25% discount", "discount of 25 percent",
// "30 % Rabatt"); "50% reduction in processing time" is not one. Above `pricing.maxDiscountPercent` it blocks
// and suggests the maximum ("15% off"); within it, the discount is approved and stays clean; without a
// maximum it is `info`.
import { defineRule, type RawFinding } from '../../rule.ts';

const PCT = String.raw`(\d{1,3}(?:[.,]\d+)?)\s?(?:%|percent|per cent)`;
const PRICE_NOUN = String.raw`(?:the\s+)?(?:price|pricing|list(?: price)?|licen[cs]e(?: fees?)?|subscription|fees?|cost|invoice|renewal|contract|plan|seats?|first (?:year|month|invoice)|annual|bill)`;
// A percentage counts as a discount only next to discount wording or a price: "50% reduction in processing
// time" is a performance claim. The last two alternatives read German, French, Spanish, Italian, Dutch and
// Portuguese drafts, since discount figures are checked in every language.
const DISCOUNT = new RegExp(
  [
    String.raw`\b${PCT}\s*(?:off|discount(?:ed)?|rebate|markdown|price (?:cut|reduction))\b`,
    String.raw`\b${PCT}\s+(?:reduction|saving|savings|lower|less|cheaper)\s+(?:on|in|off|to|than|from)\s+${PRICE_NOUN}`,
    String.raw`\b${PCT}\s+(?:below|under)\s+(?:the\s+)?list\b`,
    String.raw`\bdiscount(?:ed)?\s+(?:of|by|at)\s+${PCT}`,
    String.raw`\b(?:take|knock|knocking|taking)\s+${PCT}\s+off\b`,
    String.raw`\b${PCT}\s*(?:rabatt|nachlass|remise|réduction|descuento|sconto|korting|desconto)`,
    String.raw`\b(?:rabatt|nachlass|remise|réduction|descuento|sconto|korting|desconto)\s+(?:de\s+|del\s+|von\s+|di\s+|van\s+|of\s+)?${PCT}`,
  ].join('|'),
  'giu',
);
const CHEAP = /%|percent|per cent/i;

export const rule = defineRule(
  {
    id: 'pricing/discount-limit',
    category: 'pricing',
    severity: 'block',
    clause: 'pricing-approved',
    description:
      "A discount above the policy's approved maximum (pricing.maxDiscountPercent); without a maximum, informational.",
    source: 'customer-policy.md, Proposals & Sales Materials (Pricing aligned with approved pricing models)',
    languageIndependent: true,
    examples: {
      flag: [
        { text: 'We can offer 40% off the first year.', policy: { pricing: { maxDiscountPercent: 20 } } },
        {
          text: 'That is a discount of 25 percent on list.',
          policy: { pricing: { maxDiscountPercent: 15 } },
        },
        {
          text: 'We can include a 30% discount on the renewal.',
          policy: { pricing: { maxDiscountPercent: 15 } },
        },
        {
          text: 'Wir bieten Ihnen 30 % Rabatt auf die Lizenzen.',
          policy: { pricing: { maxDiscountPercent: 15 } },
          why: 'figures are checked in any language',
        },
        { text: 'We can offer 40% off the first year.', why: 'no maximum in the policy: informational' },
      ],
      pass: [
        { text: 'We can offer 15% off the first year.', policy: { pricing: { maxDiscountPercent: 20 } } },
        {
          text: 'You will see a 50% reduction in processing time.',
          policy: { pricing: { maxDiscountPercent: 20 } },
          why: 'a reduction in time is not a discount',
        },
        {
          text: 'Adoption is up 30% since the last review.',
          policy: { pricing: { maxDiscountPercent: 20 } },
          why: 'a percentage that is not a discount',
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    const max = ctx.policy.pricing?.maxDiscountPercent;
    const out: RawFinding[] = [];
    for (const field of [ctx.field('subject'), ctx.field('body')]) {
      if (!CHEAP.test(field.text)) continue;
      const ranges = field.rangesFor(['body', 'subject']);
      for (const m of field.text.matchAll(DISCOUNT)) {
        const raw = m.slice(1).find((g) => g !== undefined);
        if (raw === undefined) continue;
        const value = Number(raw.replace(',', '.'));
        const start = m.index;
        const end = start + m[0].length;
        if (!ranges.some(([s, e]) => start >= s && end <= e)) continue;
        if (max === undefined) {
          out.push({
            ...ctx.report(
              field,
              start,
              end,
              `A ${value}% discount: the policy sets no approved maximum, so check it with whoever approves discounts.`,
            ),
            severity: 'info',
          });
        } else if (value > max) {
          out.push(
            ctx.report(
              field,
              start,
              end,
              `A ${value}% discount is above the approved maximum of ${max}%. Get it approved or offer at most ${max}%.`,
              m[0].replace(raw, String(max)),
            ),
          );
        }
      }
    }
    return out;
  },
  // Each match reads its own sentence at most.
  { local: true },
);
