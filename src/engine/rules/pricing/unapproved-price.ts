import { defineRule, type RawFinding } from '../../rule.ts';

const MONEY = /(?:[$€£]\s?|\b(?:USD|EUR|GBP)\s?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?![\d,])/g;
const PER_UNIT =
  /^\s*(?:(?:per|\/|a|an|each)\s*(?:seat|user|licen[cs]e|agent|device|location|site|store|month|mo|year|yr|annum|host|node)\b|(?:USD\s*)?\/\s*\w)/i;
const DISCOUNT_AFTER = /^\s*(?:off|discount|credit|rebate)\b/i;

const PRICES = {
  pricing: {
    approvedPrices: [
      { plan: 'Starter', amount: 29, per: 'seat/month' },
      { plan: 'Enterprise', amount: 99, per: 'seat/month' },
    ],
  },
};

export const rule = defineRule(
  {
    id: 'pricing/unapproved-price',
    category: 'pricing',
    severity: 'warn',
    clause: 'pricing-approved',
    description: "A unit price, or a plan's price, that is not in the policy's approved price list.",
    source: 'customer-policy.md, Proposals & Sales Materials (Pricing aligned with approved pricing models)',
    examples: {
      flag: [
        { text: 'We can do the Enterprise plan at $79 per seat/month.', policy: PRICES },
        { text: 'That works out to $45 per user per month.', policy: PRICES },
      ],
      pass: [
        { text: 'The Starter plan at $29 per seat/month covers it.', policy: PRICES },
        {
          text: 'Your invoice total is $12,400 for the year.',
          policy: PRICES,
          why: 'a total, not a unit price',
        },
        {
          text: 'We can do the Enterprise plan at $79 per seat/month.',
          why: 'no approved price list in the policy',
        },
        {
          text: 'Take $20 off the first invoice.',
          policy: PRICES,
          why: 'a discount, checked by its own rule',
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    const approved = ctx.policy.pricing?.approvedPrices ?? [];
    if (approved.length === 0) return [];
    const plans = approved.map((p) => ({
      ...p,
      re: new RegExp(
        `(?<![\\p{L}\\p{N}])${p.plan.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
        'iu',
      ),
    }));
    const out: RawFinding[] = [];
    for (const field of [ctx.field('subject'), ctx.field('body')]) {
      const ranges = field.rangesFor(['body', 'subject']);
      for (const m of field.text.matchAll(MONEY)) {
        const start = m.index;
        let end = start + m[0].length;
        if (!ranges.some(([s, e]) => start >= s && end <= e)) continue;
        const after = field.text.slice(end, end + 30);
        if (DISCOUNT_AFTER.test(after)) continue;
        const amount = Number(m[1]!.replace(/,/g, '')) + (m[2] ? Number(`0.${m[2]}`) : 0);
        const [sS] = field.sentenceAt(start) ?? [start];
        const before = field.text.slice(sS, start);
        // The plan named closest before the price is the one it quotes.
        let plan: (typeof plans)[number] | undefined;
        let planAt = -1;
        for (const p of plans) {
          for (const pm of before.matchAll(new RegExp(p.re.source, 'giu'))) {
            if (pm.index > planAt) {
              planAt = pm.index;
              plan = p;
            }
          }
        }
        const perUnit = PER_UNIT.exec(after);
        if (perUnit) end += perUnit[0].length;
        if (plan) {
          if (plan.amount === amount) continue;
        } else if (!perUnit || approved.some((p) => p.amount === amount)) continue;
        const list = plan
          ? `${plan.plan} is ${m[0].replace(/[\d.,\s]+$/, '')}${plan.amount}${plan.per ? ` per ${plan.per}` : ''}`
          : `approved: ${approved.map((p) => `${p.plan} ${p.amount}`).join(', ')}`;
        out.push(ctx.report(field, start, end, `${m[0].trim()} is not an approved price (${list}).`));
      }
    }
    return out;
  },
);
