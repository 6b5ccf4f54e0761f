// Any other price offered to the reader, read by what the amount does in its sentence
// (src/engine/text/money.ts): a price label ("Setup fee: $900", "Month 1: €2,500", "Pilot total: …"), a price
// noun linked to it ("the new total is", "a minimum cost of", "pricing for that is"), a starting or offered
// price ("starting at", "I can do it for"), a fee named after it ("$7.5K investment", "a $2K retainer"), "@
// $255", a term we change ("lower the cap from $10mm to zero"), items of a list under a price heading ("Here
// are the numbers:"), unfilled amounts ("$[amount]") included. Not offers: savings, benefits, ROI and other
// result figures, market statistics ("average price"), computed figures ("= $83K"), the other side of a
// comparison, a third party's or a policy competitor's price, the customer's own bill, subscription or
// spending, questions, bills and receipts (invoice number, amount due). Approved plan amounts stay clean.
// Suggests "(subject to approval)".
import type { CheckContext } from '../../context.ts';
import { defineRule, type RawFinding } from '../../rule.ts';
import { inRanges } from '../../text/field.ts';
import { readSentence } from '../../text/reading.ts';
import {
  BILL,
  CORRECTION,
  HAS_MONEY_CHEAP,
  type MoneyMention,
  PENDING_APPROVAL,
  type PriceRole,
  pricesIn,
  underPriceHeading,
} from '../../text/money.ts';
import { isUnitPrice } from './unapproved-price.ts';

const ROLE: Record<PriceRole, string> = {
  label: 'a quoted price',
  price: 'a quoted price',
  rate: 'a quoted rate',
  investment: 'a quoted fee',
  at: 'a quoted price',
  change: 'a changed commercial term',
};
/** A changed term is an offer when we make it or it is made to the reader. */
const ADDRESSED = /\b(?:we|i|our|us|we're|we'll|i'll|i've|we've|let me|you|your)\b/i;

function approvedAmount(ctx: CheckContext, m: MoneyMention): boolean {
  const pricing = ctx.policy.pricing;
  const currency = pricing?.currency?.toUpperCase();
  if (m.amount === undefined) return false;
  if (currency && m.currency && m.currency !== currency) return false;
  return (pricing?.approvedPrices ?? []).some((p) => p.amount === m.amount);
}

const POLICY = {
  pricing: {
    currency: 'USD',
    maxDiscountPercent: 15,
    approvedPrices: [
      { plan: 'Starter', amount: 29, per: 'seat/month' },
      { plan: 'Business', amount: 12000, per: 'year' },
    ],
  },
};

export const rule = defineRule(
  {
    id: 'pricing/ad-hoc-price',
    category: 'pricing',
    severity: 'warn',
    clause: 'pricing-approved',
    description:
      'A fee, total, investment or rate offered to the reader ("Setup fee: $900", "the revised total is $8,300", "starting at $60") that is not an approved plan price; bills, savings, market figures, third parties\' and the customer\'s own spending are not offers. Informational without a pricing policy.',
    source: 'customer-policy.md, Proposals & Sales Materials (Pricing aligned with approved pricing models)',
    examples: {
      flag: [
        { text: 'Hi Dana,\nOne-time setup fee: $900\nLet me know.', policy: POLICY, why: 'a price label' },
        {
          text: 'Hi Dana,\nYour quote for the rollout, totaling {{quote_total}}, is attached.',
          policy: POLICY,
          why: 'a total as a template field named for money',
        },
        {
          text: 'Hi Dana,\nAfter removing the training day, the revised total is $8,300.',
          policy: POLICY,
          why: 'a revised total',
        },
        {
          text: 'Managed backups start at $60 for a small office.',
          policy: POLICY,
          why: 'a starting price',
        },
        {
          text: 'Your investment would be a $4.5K flat fee for the whole project.',
          policy: POLICY,
          why: 'a fee named after the amount',
        },
        {
          text: 'For the bundle we would lower the platform charge from $2,000 to $1,200.',
          policy: POLICY,
          why: 'we change a commercial term',
        },
        {
          text: 'If you commit to three years, the yearly licence price comes down to $9,000.',
          policy: POLICY,
          why: 'a price that moves for the reader',
        },
        {
          text: 'We could deliver both workshops at $2,200 instead of the usual $3,000.',
          policy: POLICY,
          why: 'work offered at a price',
        },
        { text: 'Hi Dana,\nProject fee: $3,200', why: 'no pricing policy: informational' },
      ],
      pass: [
        {
          text: 'Thanks for your order! Your receipt for {{order_total}} is below.',
          policy: POLICY,
          why: "a receipt of the customer's purchase",
        },
        {
          text: 'The Business plan is $12,000 per year, billed annually.',
          policy: POLICY,
          why: 'an approved plan price',
        },
        {
          text: 'Teams like yours usually recover $40K a year in unbilled hours.',
          policy: POLICY,
          why: 'a saving, not a price',
        },
        {
          text: 'Invoice number: 5521\nSubscription: $348.00\nAmount due: $348.00',
          policy: POLICY,
          why: 'a bill, not an offer',
        },
        {
          text: 'Last quarter the average price of a kilowatt-hour was $0.19.',
          policy: POLICY,
          why: 'a market statistic',
        },
        {
          text: 'Setup fee: $900 (subject to approval by our finance team)',
          policy: POLICY,
          why: 'offered only once approved',
        },
        {
          text: 'The $18 late fee on your statement was applied in error and has been removed.',
          policy: POLICY,
          why: 'a billing mistake put right',
        },
        {
          text: 'Are you paying more than $300 a month for storage today?',
          policy: POLICY,
          why: "the customer's own spending, asked about",
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    if (ctx.internalOnly) return [];
    const hasPolicy = ctx.policy.pricing !== undefined;
    const body = ctx.field('body');
    const subject = ctx.field('subject');
    if (!HAS_MONEY_CHEAP.test(body.text) && !HAS_MONEY_CHEAP.test(subject.text)) return [];
    if (BILL.test(ctx.ownBody) || BILL.test(subject.text)) return [];
    const out: RawFinding[] = [];
    for (const field of [subject, body]) {
      if (!HAS_MONEY_CHEAP.test(field.text)) continue;
      // A sentence that names a policy competitor quotes their prices, not ours (read once, when needed).
      let competitors: { start: number; end: number }[] | undefined;
      const namesCompetitor = (s: number, e: number) => {
        competitors ??= ctx.compiled.competitors.findAll(
          field.text,
          field.rangesFor(['body', 'subject']),
          undefined,
          field.lower,
        );
        return competitors.some((c) => c.start < e && c.end > s);
      };
      const ranges = field.rangesFor(['body', 'subject']);
      for (const [s, e] of field.sentences) {
        if (!inRanges(ranges, s, e)) continue;
        const text = field.text.slice(s, e);
        if (!HAS_MONEY_CHEAP.test(text)) continue;
        const lineStart = field.text.lastIndexOf('\n', s - 1) + 1;
        const listed =
          /^\s*(?:[-•*·+>]+|\d+[.)])?\s*$/.test(field.text.slice(lineStart, s)) &&
          underPriceHeading(field.text, lineStart);
        let offered: boolean | undefined;
        for (const m of pricesIn(text, listed)) {
          const { role } = m;
          if (!role) continue;
          offered ??= !(
            PENDING_APPROVAL.test(text) ||
            CORRECTION.test(text) ||
            readSentence(text).isQuestion ||
            namesCompetitor(s, e)
          );
          if (!offered) break;
          if (role === 'change' && !ADDRESSED.test(text)) continue;
          // Whole unit prices ("$49 per seat") are compared with the price list by pricing/unapproved-price.
          if (m.amount !== undefined && isUnitPrice(text.slice(m.end))) continue;
          if (approvedAmount(ctx, m)) continue;
          const [os, oe] = field.toOriginal(s + m.start, s + m.end);
          const excerpt = field.original.slice(os, oe);
          const finding = ctx.report(
            field,
            s + m.start,
            s + m.end,
            hasPolicy
              ? `${excerpt} is ${ROLE[role]} that is not in the approved price list. Have it approved before it goes out, or quote an approved plan price.`
              : `${excerpt} is ${ROLE[role]}; check it against your approved pricing.`,
            `${excerpt} (subject to approval)`,
          );
          out.push(hasPolicy ? finding : { ...finding, severity: 'info' });
        }
      }
    }
    return out;
  },
);
