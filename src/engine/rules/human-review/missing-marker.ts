import type { CheckContext } from '../../context.ts';
import { defineRule, type RawFinding } from '../../rule.ts';
import type { FieldText } from '../../text/field.ts';

// "pricing" alone is a support topic as often as a proposal ("promotion pricing sync"): only as a heading or
// a pricing document does it count.
const PROPOSAL_WORD =
  /(?<![\p{L}])(?:proposals?|quotes?|quotations?|sow|statement of work|order[ _-]?forms?|^\s*pricing|pricing(?=[ _-]+(?:for|proposal|quote|options|sheet|summary)\b))(?![\p{L}])/giu;
const BODY_PROPOSAL =
  /\b(?:(?:attached|enclosed|attaching|here is|here's|please find|sharing|sending(?: you)?|I've put together|we've put together|below is|included is)\b[^.!?\n]{0,60}?\b(?:proposal|quote|quotation|SOW|statement of work|order form|pricing)|(?:our|the|this|attached|revised|updated|draft|final|formal) (?:proposal|quotation|price quote|SOW|statement of work|order form|pricing proposal))\b/giu;

function markerPresent(ctx: CheckContext, marker: string): boolean {
  const key = marker.toLowerCase().replace(/\s+/g, ' ').trim();
  const body = ctx.field('body');
  const own = body
    .rangesFor(['body', 'body.signature'])
    .map(([s, e]) => body.lower.slice(s, e))
    .join('\n');
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  return squash(ctx.field('subject').lower).includes(key) || squash(own).includes(key);
}

function firstSignal(ctx: CheckContext): { field: FieldText; start: number; end: number } | undefined {
  const subject = ctx.field('subject');
  PROPOSAL_WORD.lastIndex = 0;
  const s = PROPOSAL_WORD.exec(subject.lower);
  if (s) return { field: subject, start: s.index, end: s.index + s[0].length };
  const body = ctx.field('body');
  const cheap = /proposal|quot|sow|statement of work|order form|pricing/i;
  for (const [from, to] of cheap.test(body.text) ? body.rangesFor(['body']) : []) {
    BODY_PROPOSAL.lastIndex = from;
    const m = BODY_PROPOSAL.exec(body.text);
    if (m && m.index + m[0].length <= to) return { field: body, start: m.index, end: m.index + m[0].length };
  }
  const attachments = ctx.field('attachments');
  PROPOSAL_WORD.lastIndex = 0;
  const a = PROPOSAL_WORD.exec(attachments.lower.replace(/_/g, ' '));
  if (a) return { field: attachments, start: a.index, end: a.index + a[0].length };
  return undefined;
}

export const rule = defineRule(
  {
    id: 'human-review/missing-marker',
    category: 'human-review',
    severity: 'block',
    clause: 'proposals-human-review',
    description:
      'A proposal (subject, body or attachment says proposal, quote, SOW, order form or pricing) without the review marker.',
    source: 'customer-policy.md, Proposals & Sales Materials (All proposals marked "pending human review")',
    examples: {
      flag: [
        { subject: 'Proposal for the Q3 expansion', text: 'Hi Jordan,\nThe details are attached.' },
        { text: 'Hi Jordan,\nAttached is our proposal for the rollout.' },
        { text: 'Hi Jordan,\nSee attached.', attachments: ['Northwind_Order_Form_v2.pdf'] },
      ],
      pass: [
        {
          subject: 'Proposal for the Q3 expansion — Pending human review',
          text: 'Hi Jordan,\nThe details are attached.',
        },
        { text: 'Hi Jordan,\nAttached is our proposal for the rollout.\n\nPending human review' },
        {
          text: 'Hi Jordan,\nTo quote your last email, the export is slow. We are on it.',
          why: '"to quote" is not a quote',
        },
        {
          subject: 'RE: Weekend promotion pricing sync',
          text: 'Hi Jordan,\nThe sync runs hourly.',
          why: 'a pricing topic',
        },
        {
          subject: 'Proposal draft',
          to: ['pat@ourco.example'],
          text: 'Pat, can you review this before it goes out?',
          policy: { organization: { internalDomains: ['ourco.example'] } },
          why: 'internal review is how it gets reviewed',
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    if (ctx.internalOnly) return [];
    const marker = ctx.policy.humanReview?.marker ?? 'Pending human review';
    const signal = firstSignal(ctx);
    if (!signal || markerPresent(ctx, marker)) return [];
    const { field, start, end } = signal;
    const [s, e] = field.toOriginal(start, end);
    const word = field.original.slice(s, e);
    return [
      ctx.report(
        field,
        start,
        end,
        `This looks like a proposal ("${word}") but is not marked "${marker}".`,
        field.name === 'subject' ? `${word} (${marker})` : undefined,
      ),
    ];
  },
);
