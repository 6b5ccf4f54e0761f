// Promises by modality (text/modality.ts): a certainty adverb on a future outcome ("will definitely double",
// "is certainly going to cut"), near-certainty about an outcome ("I'm 100% / 99.9% sure we can"),
// impossibility of an adverse event ("impossible to breach", "can never be hacked"), a performative assurance
// on a future outcome ("I can assure you the changes will prevent outages"), universal claims
// ("eliminates every risk of error", "catches every phishing email", "will never happen again", "no errors
// ever"), "always up / online", and outcome guarantees with a remedy ("if you don't save X, we'll refund
// you", "… or your money back"). Passes hedged, conditional, purposive ("to prevent any delays"), reported
// and questioned statements, approved claims, the first person's own acts ("I'll definitely send it"),
// confidence about a feeling, schedules ("always online during office hours"), billing corrections and
// bounded SLAs with service credits.
import type { CheckContext } from '../../context.ts';
import { type CompiledExceptions, isExcepted } from '../../kinds/exceptions.ts';
import { defineRule, MAX_FINDINGS_PER_FIELD, type RawFinding } from '../../rule.ts';
import { rewriteClaim } from '../../text/claims.ts';
import type { FieldText } from '../../text/field.ts';
import { MODAL_CUE, type ModalKind, readModalClaims } from '../../text/modality.ts';

const re = (list: readonly string[]) => list.map((s) => new RegExp(s, 'iu'));
// Hedged, reported or purposive contexts: "we aim to eliminate every risk", "you asked whether it will
// definitely work", "designed to prevent any data loss".
const BEFORE = [
  String.raw`\b(?:aim|aims|aiming|target|targets|targeting|strive|striving|goal|objective|hope|hoping|try|trying|working toward|work toward|designed to|built to|meant to|intended to|help|helps|helping|asked|asking|whether|wondering|you mentioned|you said|nobody|no one|no vendor|no provider|no system)\b`,
  String.raw`\b(?:to|in order to)\s*$`,
];
// A conditional or hedged statement predicts nothing categorically; a remedy is a conditional by nature.
const CONDITIONAL = String.raw`\b(?:if|unless|assuming|provided|as long as|in most cases|usually|typically|likely|probably)\b`;

const WITH_CONDITIONS: CompiledExceptions = {
  spec: { question: true, modal: true, approvedClaims: true },
  before: re([...BEFORE, CONDITIONAL]),
  after: [],
  sentence: [],
};
// An explicit near-certainty ("I'm 99% sure we can") stays one under a condition on the chance to act.
const SELF_REPORTED: CompiledExceptions = {
  spec: { question: true, approvedClaims: true },
  before: re(BEFORE),
  after: [],
  sentence: [],
};
const REMEDY_ONLY: CompiledExceptions = {
  spec: { question: true, approvedClaims: true },
  // A remedy promise is hedged by nothing but reporting: "your sales target" is the customer's, not a hedge.
  before: re([String.raw`\b(?:asked|asking|whether|wondering|you mentioned|you said|nobody|no one)\b`]),
  after: [],
  sentence: re([String.raw`\b(?:service credits?|sla credits?|refund (?:policy|terms))\b`]),
};

const MESSAGES: Record<ModalKind, string> = {
  certainty: 'states a future outcome as certain',
  confidence: 'claims near-certainty about an outcome',
  impossibility: 'claims an adverse event is impossible',
  universal: 'rules out every failure',
  always: 'claims the service is always up',
  remedy: 'guarantees an outcome with a remedy if it is missed',
};

function scan(
  ctx: CheckContext,
  field: FieldText,
  ranges: readonly (readonly [number, number])[],
): RawFinding[] {
  const out: RawFinding[] = [];
  for (const [from, to] of ranges) {
    for (const [sS, sE] of field.sentences) {
      // Past the findings a person can act on, the rest of a pasted or hostile text adds nothing.
      if (out.length >= MAX_FINDINGS_PER_FIELD) break;
      if (sS < from || sE > to) continue;
      const sentence = field.text.slice(sS, sE);
      if (!MODAL_CUE.test(sentence)) continue;
      for (const claim of readModalClaims(sentence)) {
        const start = sS + claim.start;
        const end = sS + claim.end;
        const exc =
          claim.kind === 'remedy'
            ? REMEDY_ONLY
            : claim.kind === 'confidence'
              ? SELF_REPORTED
              : WITH_CONDITIONS;
        if (isExcepted(ctx, field, start, end, exc)) continue;
        const fix = rewriteClaim(field, start, end, claim.rewrite, ctx.policy.approvedClaims ?? []);
        const [os, oe] = field.toOriginal(fix.start, fix.end);
        const excerpt = field.original.slice(os, oe);
        out.push(
          ctx.report(
            field,
            fix.start,
            fix.end,
            `"${excerpt}" ${MESSAGES[claim.kind]}, which no one can promise. Hedge it or state the bounded commitment.`,
            fix.suggestion,
          ),
        );
      }
    }
  }
  return out;
}

export const rule = defineRule(
  {
    id: 'overcommitment/certain-outcome',
    category: 'overcommitment',
    severity: 'block',
    clause: 'honest',
    description:
      'Promises by modality: certainty adverbs on an outcome ("will definitely"), near-certainty ("I\'m 100% sure we can"), impossibility ("impossible to hack"), universal claims ("eliminates every risk", "never happen again"), "always up", and outcome guarantees with a refund.',
    source: 'customer-policy.md, Principles 2 (Honest: never overcommit)',
    examples: {
      flag: [
        {
          text: 'I can assure you the new cluster will end the slowdowns at peak.',
          why: 'a performative assurance on a future outcome',
        },
        {
          text: 'Your conversion rate will definitely double this quarter.',
          why: 'certainty adverb on an outcome',
        },
        { text: 'This plan is certainly going to cut your costs.', why: 'certainty adverb before the verb' },
        {
          text: "I'm 100% confident we can halve your support backlog.",
          why: 'near-certainty about an outcome',
        },
        { text: 'With the vault, your keys cannot be stolen.', why: 'an impossibility claim' },
        { text: 'Our encryption makes it impossible for attackers to intercept a message.' },
        { text: 'The new pipeline eliminates every chance of a billing error.', why: 'a universal claim' },
        { text: 'We found the cause, and this will never happen again.', why: 'never again' },
        { text: 'Your storefront is always online.', why: '"always up"' },
        {
          text: "If your team doesn't save ten hours a week by March, we'll refund the full fee.",
          why: 'an outcome guarantee with a refund',
        },
        { text: 'Double your pipeline in a quarter or your money back.', why: 'an outcome with a refund' },
        {
          text: 'We will cut your ticket backlog in half by June, or you pay nothing for the quarter.',
          why: 'an outcome with the work unpaid as its remedy',
        },
        { text: 'Our spam filter catches every phishing email.', why: 'a universal claim over a risk' },
        { text: 'You will absolutely never miss a shipment.', why: 'certainty over a negated outcome' },
        {
          text: "If your store doesn't reach its sales target, we'll refund the setup fee.",
          why: "the customer's target is no hedge",
        },
      ],
      pass: [
        {
          text: 'I promise you we will look into the slow exports today.',
          why: 'an own act, not an outcome',
        },
        {
          text: "I can't promise the new cluster will be faster at peak.",
          why: 'negated',
        },
        {
          text: "I'll definitely pass your feedback on to the product team.",
          why: 'our own act, not an outcome',
        },
        { text: 'You will most likely see faster load times.', why: 'hedged' },
        { text: "It's impossible to say exactly when the patch will land.", why: 'not an adverse event' },
        { text: 'We added monitoring to prevent any further delays.', why: 'a purpose clause' },
        { text: 'No data was lost during the incident.', why: 'a fact about the past' },
        {
          text: 'If monthly uptime falls below 99.9%, you receive service credits as set out in the SLA.',
          why: 'a bounded commitment with a figure and a remedy',
        },
        { text: "We're confident the new index will help.", why: 'confidence without certainty' },
        {
          text: 'Let us know by Friday or you will pay the old rate for another month.',
          why: 'a deadline, not a remedy',
        },
        { text: 'Will the new release definitely fix the export?', why: 'a question' },
        { text: 'Our team is always on hand if you need us.', why: 'an idiom, not availability' },
        { text: "I'll definitely be at the kickoff on Monday.", why: 'our own presence, not an outcome' },
        {
          text: 'Your notes will certainly be passed on to our design lead.',
          why: 'our own act, in the passive',
        },
        { text: "I'm absolutely sure your admins will enjoy the training.", why: 'sure of a feeling' },
        { text: 'The help desk is always online during office hours.', why: 'bounded by a schedule' },
        { text: 'The lights in the lab are always on.', why: 'not a service' },
        {
          text: 'It will surely take a few weeks to clean up the archive.',
          why: 'an effort, not a promised outcome',
        },
        {
          text: "If the renewal quote isn't right, we'll refund the difference.",
          why: "a billing correction, not a customer's result",
        },
        {
          text: 'Your conversion rate should double this quarter.',
          why: 'the suggested rewrite',
        },
        {
          text: 'The new pipeline eliminates every chance of a billing error.',
          policy: { approvedClaims: ['eliminates every chance of a billing error'] },
          why: 'an approved claim',
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    if (ctx.internalOnly) return [];
    const body = ctx.field('body');
    const subject = ctx.field('subject');
    return [
      ...scan(ctx, subject, subject.rangesFor(['subject'])),
      ...scan(ctx, body, body.rangesFor(['body'])),
    ];
  },
  { local: true },
);
