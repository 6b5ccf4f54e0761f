// A proposal, recognised from what the email does: subject or attachment names saying proposal, quote,
// quotation, SOW, statement of work, order form, pricing proposal ("pricing" alone, or "quote from / of"
// someone, is not one; a reply or forward — "Re:", "Fwd:", "AW:" — keeps the thread's subject, so there only
// the text and attachments count); in the body, an offer document handed over now ("attached is our quote",
// "please find enclosed our proposal", "I'm pleased to submit", "here is the revised estimate", a list after
// "I'm attaching:" that names one, "the plan is ready for your review" with prices or price words in the
// email), a revision by us with prices ("I've updated the scope", "I revised the contract" with a quoted
// price), prices handed over ("here you go", "here are the numbers:" with priced lines), or a priced total
// ("Revised contract total: $19,400"). Not proposals sent now: follow-ups ("the quote I sent last week",
// "following up on the proposal"), the customer's or a third party's proposal ("your proposal", "the quote
// you put together", "Acme's proposal", "thanks for the proposal"), a quote offered later or on condition ("I
// can put together a quote", "let me know if you need an updated quote"), an order form with neither prices
// nor signing, an estimate of something other than price or work, and a draft circulated for comments that
// goes to a named party or out later (internal review is the review step). A cold sales email with an
// "Investment: $15K" line is pricing only. Passes when the marker (`humanReview.marker`, default "Pending
// human review") is anywhere in the subject or body, in any case. The finding spans the **whole subject** —
// also when the proposal was spotted in the body or an attachment — and the suggestion is the whole new
// subject, ending with ` [Pending human review]`. With an empty subject it points at the proposal wording in
// the body (suggestion: the wording followed by the marker) or at the attachment (no suggestion).
import type { CheckContext } from '../../context.ts';
import { defineRule, type RawFinding } from '../../rule.ts';
import type { FieldText } from '../../text/field.ts';
import { PROPOSAL_WORD } from '../../text/signals.ts';
import { proposalInBody } from './proposal-reading.ts';

const markerPatterns = new Map<string, { key: string; pattern: RegExp }>();

/**
 * The marker in the subject or the body, in any case and however its words are spaced: its lower-cased words
 * with any run of white space between them (what squashing the text's white space and searching would find,
 * without copying the whole body).
 */
function markerPresent(ctx: CheckContext, marker: string): boolean {
  let m = markerPatterns.get(marker);
  if (!m) {
    const key = marker.toLowerCase().replace(/\s+/g, ' ').trim();
    const source = key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, '\\s+');
    m = { key, pattern: new RegExp(source) };
    if (markerPatterns.size > 20) markerPatterns.clear();
    markerPatterns.set(marker, m);
  }
  const { key, pattern } = m;
  const has = (text: string) => text.includes(key) || pattern.test(text);
  return has(ctx.field('subject').lower) || has(ctx.field('body').lower);
}

const REPLY = /^\s*(?:(?:re|aw|sv|antw|vs|fwd?|fw|tr|wg|rv)\s*(?:\[\d+\])?\s*:\s*)+/i;

function firstSignal(ctx: CheckContext): { field: FieldText; start: number; end: number } | undefined {
  const subject = ctx.field('subject');
  // A reply or forward keeps the thread's subject ("Re: Proposal for …"): what this email does is in its
  // text and attachments.
  PROPOSAL_WORD.lastIndex = 0;
  const s = REPLY.test(subject.text) ? null : PROPOSAL_WORD.exec(subject.lower);
  if (s) return { field: subject, start: s.index, end: s.index + s[0].length };
  const body = ctx.field('body');
  const spot = proposalInBody(ctx, body);
  if (spot) return { field: body, ...spot };
  const attachments = ctx.field('attachments');
  PROPOSAL_WORD.lastIndex = 0;
  const a = PROPOSAL_WORD.exec(attachments.lower.replace(/[_.]/g, ' '));
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
      'A proposal, quote, estimate, SOW or revised total sent without the review marker: the subject or an attachment says so, or the text hands one over (attached, here is, submit, a list after "I am sending"), revises one with prices, hands over prices ("here you go"), or states a priced total. Follow-ups, the customer\'s own proposal, quotes offered later and drafts circulated for comments are not proposals sent now.',
    source: 'customer-policy.md, Proposals & Sales Materials (All proposals marked "pending human review")',
    // The marker is a fixed string and proposal words show up in subjects and file names in every language.
    languageIndependent: true,
    examples: {
      flag: [
        { subject: 'Proposal for the Q3 expansion', text: 'Hi Jordan,\nThe details are attached.' },
        { text: 'Hi Jordan,\nAttached is our proposal for the rollout.' },
        {
          text: 'Hi Jordan,\nPlease find attached your quote Q-204 totaling {{quote_total}}. You can accept it online.',
          why: "the reader's copy of our quote, its total a template field",
        },
        { text: 'Hi Jordan,\nSee attached.', attachments: ['Northwind_Order_Form_v2.pdf'] },
        {
          subject: 'Next steps',
          text: 'Hi Jordan,\nPlease find the statement of work attached.',
          why: 'found in the body; the finding points at the subject',
        },
        { subject: 'Quotation: 40 Enterprise seats', text: 'Hi Jordan,\nAs discussed.' },
        {
          text: 'Hi Jordan,\nI have reworked the estimate without the second site visit: the new total is $6,480.',
          why: 'a revised estimate with its total, no proposal word needed',
        },
        {
          text: 'Hi Jordan,\nHere are the numbers we talked about:\n- Discovery: $4,000\n- Rollout: $19,500',
          why: 'prices handed over for acceptance',
        },
        {
          text: "Hi Jordan,\nAs agreed, I'm sending over:\n- the architecture notes\n- the pilot proposal for the Lisbon office",
          why: 'the proposal named in a list after the sending verb',
        },
        {
          text: 'Hi Jordan,\nThat works. Here you go: a one-off fee of $950 covers the data clean-up.',
          why: 'a price handed over',
        },
        {
          text: 'Hi Jordan,\nOur estimate for the warehouse shelving comes to $7,900 installed.',
          why: 'our estimate stated with its price',
        },
        {
          subject: 'RE: Quote for the Denver office',
          text: 'Hi Jordan,\nSure. For the Denver office the revised total comes to $3,150.',
          why: 'a reply that quotes a revised total',
        },
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
          subject: 'RE: Quote from your CEO for the case study',
          text: 'Hi Jordan,\nThanks, we will use the quote as written.',
          why: "quoting someone's words",
        },
        {
          subject: 'Pricing proposal for 40 seats [pending HUMAN review]',
          text: 'Hi Jordan,\nAttached.',
          why: 'the marker in any case',
        },
        {
          subject: 'Proposal draft',
          to: ['pat@ourco.example'],
          text: 'Pat, can you review this before it goes out?',
          policy: { organization: { internalDomains: ['ourco.example'] } },
          why: 'internal review is how it gets reviewed',
        },
        {
          subject: 'Re: Proposal for the Q3 expansion',
          text: 'Hi Jordan,\nJust checking in on the proposal I sent last week. Any questions so far?',
          why: 'a reply in the thread of a proposal already sent',
        },
        {
          text: 'Hi Jordan,\nAttached is your signed order form from last year, for your records.',
          why: "the customer's own document, no price offered",
        },
        {
          text: 'Hi Jordan,\nThanks for the proposal your team shared on Monday; we will reply by Friday.',
          why: "a reply about the customer's own proposal",
        },
        {
          text: 'Hi Jordan,\nChecking in on the quote I sent last week. Any questions so far?',
          why: 'a follow-up about a proposal already sent',
        },
        {
          text: 'Hi Jordan,\nIf it helps, I can put together a formal quote once the seat count is settled.',
          why: 'a quote offered later, not sent now',
        },
        {
          text: 'Attached for your comments is my outline of a service proposal to Fabrikam. I will mail it on Thursday.',
          why: 'a draft circulated for comments before it goes to a third party',
        },
        {
          text: 'Hi Jordan,\nAttached is the quote template you asked for, to use in your own tender.',
          why: '"quote" modifies another noun',
        },
        {
          text: 'Hi Jordan,\nThe attached estimate is from our flooring subcontractor; they bill you directly.',
          why: "a third party's estimate, passed on",
        },
        {
          text: 'Hi Jordan,\nAttached is the estimate of affected accounts from the sync incident.',
          why: 'an estimate of something other than price or work',
        },
        {
          text: 'Hi Jordan,\nHere is the quote for the new lease.\n\nPending human review',
          why: 'marked',
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
    const where = field.name === 'subject' ? 'subject' : field.name === 'body' ? 'text' : 'attachment';
    const message = `This looks like a proposal (the ${where} says "${word}") but is not marked "${marker}". Mark it, and have it reviewed before it goes out.`;
    // The fix is always the subject: the marker belongs where reviewers and recipients see it first. So
    // the finding spans the whole subject even when the proposal was spotted in the body or an attachment,
    // and the suggestion is the whole new subject.
    const subject = ctx.field('subject');
    const original = subject.original;
    if (original.trim().length > 0) {
      const trimmed = original.replace(/\s+$/, '');
      return [
        {
          field: 'subject',
          start: 0,
          end: original.length,
          message,
          suggestion: `${trimmed} [${marker}]`,
        },
      ];
    }
    // No subject to mark: point at the proposal itself; in the text, the marker goes right after it.
    return [
      ctx.report(field, start, end, message, field.name === 'body' ? `${word} [${marker}]` : undefined),
    ];
  },
);
