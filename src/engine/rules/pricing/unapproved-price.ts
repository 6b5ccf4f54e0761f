// A money amount ($, €, £, USD/EUR/GBP before or after) that is a unit price ("per seat per month",
// "/user/mo", "a seat a month") or names an approved plan (written as its name: "shipping is standard" is not
// the Standard plan). Warns when the amount, the stated period (month vs year) or the currency differs from
// `pricing.approvedPrices` / `pricing.currency`, and suggests the plan's approved price (or the figure
// "(subject to approval)"); without a price list, unit prices are `info`.
import { defineRule, type RawFinding } from '../../rule.ts';
import { BILL, CURRENCY, customersOwn, PENDING_APPROVAL } from '../../text/money.ts';

const AMOUNT = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?`;
// "$49", "USD 49", "€12", "49 USD", "12 €", "49 dollars".
const MONEY = new RegExp(
  String.raw`(?:([$€£])\s?|\b(USD|EUR|GBP)\s?)${AMOUNT}(?![\d,])|\b${AMOUNT}\s?(?:(€|£)|\b(USD|EUR|GBP|dollars|euros|pounds)\b)`,
  'giu',
);
const UNIT = String.raw`(seat|user|licen[cs]e|agent|device|location|site|store|host|node|month|mo|year|yr|annum|week|wk)s?\b\.?`;
// "per seat per month", "/user/mo", "a seat a month", "per user, per month", "per seat/month".
const PER_UNIT = new RegExp(String.raw`^(?:\s*,?\s*(?:per|/|a|an|each)\s*${UNIT})+`, 'iu');
const UNIT_WORD = new RegExp(UNIT, 'giu');

/** Whether the text right after an amount makes it a unit price ("per seat per month", "/user/mo"). */
export function isUnitPrice(after: string): boolean {
  return PER_UNIT.test(after);
}
const DISCOUNT_AFTER = /^\s*(?:off|discount|credit|rebate|refund|saving)/i;

type Units = { seat: boolean; time: 'month' | 'year' | 'week' | undefined };

export function unitsOf(text: string): Units {
  const units: Units = { seat: false, time: undefined };
  for (const m of text.toLowerCase().matchAll(UNIT_WORD)) {
    const u = m[1]!;
    if (/^(?:month|mo)$/.test(u)) units.time = 'month';
    else if (/^(?:year|yr|annum)$/.test(u)) units.time = 'year';
    else if (/^(?:week|wk)$/.test(u)) units.time = 'week';
    else units.seat = true;
  }
  return units;
}

/**
 * A plan the policy names with a capital ("Standard", "Premium") is that plan only when written with one:
 * "shipping is standard" or "premium support" use the word, not the plan's name.
 */
function writtenAsName(found: string, plan: string): boolean {
  const first = plan.charAt(0);
  return first.toLowerCase() === first || found.charAt(0) === first;
}

/** A stated unit agrees with an approved one unless both name a time period and the periods differ. */
function unitsAgree(stated: Units, approved: string | undefined): boolean {
  if (!approved) return true;
  const a = unitsOf(approved);
  return !(stated.time && a.time && stated.time !== a.time);
}

const PRICES = {
  pricing: {
    currency: 'USD',
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
    description:
      "A unit price, or a plan's price, not in the policy's approved price list (amount, unit, currency); without a list, informational.",
    source: 'customer-policy.md, Proposals & Sales Materials (Pricing aligned with approved pricing models)',
    languageIndependent: true,
    examples: {
      flag: [
        { text: 'We can do the Enterprise plan at $79 per seat/month.', policy: PRICES },
        { text: 'That works out to $45 per user per month.', policy: PRICES },
        { text: 'It comes to €12/user/mo for your team.', policy: PRICES, why: 'amount and currency' },
        {
          text: 'Starter is $29 per seat per year.',
          policy: PRICES,
          why: 'approved per month, not per year',
        },
        {
          text: 'We can do the Enterprise plan at $79 per seat/month.',
          why: 'no approved price list in the policy: informational',
        },
      ],
      pass: [
        { text: 'The Starter plan at $29 per seat/month covers it.', policy: PRICES },
        { text: 'That is $99 a seat a month on Enterprise.', policy: PRICES },
        {
          text: 'Your invoice total is $12,400 for the year.',
          policy: PRICES,
          why: 'a total, not a unit price',
        },
        {
          text: 'Take $20 off the first invoice.',
          policy: PRICES,
          why: 'a discount, checked by its own rule',
        },
        {
          text: 'We can do Enterprise at $79 per seat/month, subject to approval by our pricing desk.',
          policy: PRICES,
          why: 'held for approval',
        },
        {
          text: 'As a reminder, your current contract is $45 per seat per month until renewal.',
          policy: PRICES,
          why: "the customer's own contract, described",
        },
        {
          text: 'Your plan will automatically renew on June 1.\nAmount: $79 per seat/month\nPayment method: card on file',
          policy: PRICES,
          why: "a renewal notice states the customer's plan, it offers no price",
        },
        {
          text: 'Shipping is standard at $29 per order for every customer.',
          policy: PRICES,
          why: 'the word "standard", not a plan name',
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    const pricing = ctx.policy.pricing;
    const approved = pricing?.approvedPrices ?? [];
    const currency = pricing?.currency?.toUpperCase();
    const plans = ctx.compiled.pricePlans;
    const out: RawFinding[] = [];
    // A bill or a renewal notice states what the customer's plan costs; it offers no price. Read only when
    // there is money to judge (not on every typing pause).
    let bill: boolean | undefined;
    const isBill = () => (bill ??= BILL.test(ctx.ownBody) || BILL.test(ctx.field('subject').text));
    for (const field of [ctx.field('subject'), ctx.field('body')]) {
      if (!/[$€£]|usd|eur|gbp|dollars|euros|pounds/i.test(field.text)) continue;
      if (isBill()) return out;
      const ranges = field.rangesFor(['body', 'subject']);
      for (const m of field.text.matchAll(MONEY)) {
        const start = m.index;
        let end = start + m[0].length;
        if (!ranges.some(([s, e]) => start >= s && end <= e)) continue;
        const after = field.text.slice(end, end + 40);
        if (DISCOUNT_AFTER.test(after)) continue;
        const whole = m[3] ?? m[5]!;
        const cents = m[4] ?? m[6];
        const amount = Number(whole.replace(/,/g, '')) + (cents ? Number(`0.${cents}`) : 0);
        const symbol = (m[1] ?? m[2] ?? m[7] ?? m[8] ?? '').toLowerCase();
        const stated = CURRENCY[symbol];
        const [sS, sE] = field.sentenceAt(start) ?? [start, end];
        if (PENDING_APPROVAL.test(field.text.slice(sS, sE))) continue;
        // The customer's own contract or spending, described ("your contract is $48,000 per year").
        if (customersOwn(field.text.slice(sS, start))) continue;
        const before = field.text.slice(sS, start);
        // The plan named closest before the price is the one it quotes ("Enterprise at $79").
        let plan: (typeof approved)[number] | undefined;
        let planAt = -1;
        for (const [i, re] of plans.entries()) {
          re.lastIndex = 0;
          for (const pm of before.matchAll(re)) {
            if (pm.index > planAt && writtenAsName(pm[0], approved[i]!.plan)) {
              planAt = pm.index;
              plan = approved[i];
            }
          }
        }
        // …or named right after it ("$99 a seat a month on Enterprise").
        const perUnit = PER_UNIT.exec(after);
        if (perUnit) end += perUnit[0].length;
        if (!plan && !perUnit) continue;
        const units = unitsOf(perUnit?.[0] ?? '');
        const [os, oe] = field.toOriginal(start, end);
        const excerpt = field.original.slice(os, oe).trim();
        if (approved.length === 0) {
          if (perUnit)
            out.push({
              ...ctx.report(
                field,
                start,
                end,
                `${excerpt}: the policy has no approved price list to compare it with.`,
              ),
              severity: 'info',
            });
          continue;
        }
        if (!plan) {
          const afterPlan = plans.findIndex((re, i) => {
            re.lastIndex = 0;
            const pm = re.exec(after.slice(perUnit?.[0].length ?? 0, 40));
            return pm !== null && writtenAsName(pm[0], approved[i]!.plan);
          });
          if (afterPlan >= 0) plan = approved[afterPlan];
        }
        const wrongCurrency = currency !== undefined && stated !== undefined && stated !== currency;
        const candidates = plan ? [plan] : approved.filter((p) => p.amount === amount);
        const ok = !wrongCurrency && candidates.some((p) => p.amount === amount && unitsAgree(units, p.per));
        if (ok) continue;
        const fmt = (p: (typeof approved)[number]) =>
          `${p.plan} ${currency ?? ''} ${p.amount}${p.per ? ` per ${p.per}` : ''}`.replace(/\s+/g, ' ');
        const why = wrongCurrency
          ? `it is in ${stated}; approved prices are in ${currency}`
          : plan
            ? `approved: ${fmt(plan)}`
            : `approved: ${approved.map(fmt).join('; ')}`;
        // The fix: the plan's approved price in the same words, or the figure held for approval.
        const sign = { USD: '$', EUR: '€', GBP: '£' }[currency ?? ''] ?? (currency ? `${currency} ` : '$');
        const suggestion =
          plan && !wrongCurrency
            ? `${sign}${plan.amount.toLocaleString('en-US')}${plan.per ? ` per ${plan.per}` : ''}`
            : `${excerpt} (subject to approval)`;
        out.push(ctx.report(field, start, end, `${excerpt} is not an approved price (${why}).`, suggestion));
      }
    }
    return out;
  },
);
