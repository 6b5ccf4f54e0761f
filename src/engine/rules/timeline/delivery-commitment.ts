// A promise or offer (will, 'll, shall, going to, "we can"; or the present tense: "the fix ships Friday",
// "your order arrives Tuesday") of a delivery outcome (live, ready, fixed, deployed, have it done, "have you
// onboarded"…, and money owed to the reader: "refunded", "we will credit your account") followed in the same
// clause by a date or duration that compromise tags as `#Date` / `#Duration` ("March 3", "Friday", "end of
// next week", "within 24 hours", "30 days after you cancel"), plus numeric dates, Q1–Q4 and EOD/EOW. Passes
// hedged or conditional sentences (targeting, tentatively, estimated, usually, about, subject to, pending,
// if…; "once you sign" starts the clock and is not a condition), dates approved by delivery, negations,
// questions, schedules and windows ("during business hours", "72 hours ahead", "from 2 May to 5 May"), a
// person's own readiness ("I'll be ready in 5 minutes"). Suggests the same words as a target: "should be
// live by March 3 (target date, pending confirmation from our delivery team)".
import type { CheckContext } from '../../context.ts';
import { defineRule, type RawFinding } from '../../rule.ts';
import type { FieldText } from '../../text/field.ts';

// A promise (will / 'll / shall / going to) followed closely by a delivery outcome. Outcomes are what delivery
// owns: live, fixed, shipped... ("we'll be in touch by Friday" or "I'll send the notes tomorrow" are not).
const STATE =
  'live|ready|fixed|resolved|done|deployed|delivered|shipped|completed|complete|available|in place|released|implemented|finished|up and running|migrated|rolled out|launched|enabled|set up|provisioned|patched|restored|back up|operational|in production|sorted|onboarded|trained|configured|integrated|installed|connected|activated|upgraded|switched over|credited|paid out|paid back|refunded|reimbursed';
const COMMIT = new RegExp(
  String.raw`\b(?:(?<pron>we|i|they|it|that|this)\s*(?:will|'ll|shall|are going to|am going to|is going to)|(?<cpron>we|i)\s+can|will|shall|(?:is|are) going to|(?:is|are) (?:guaranteed|committed) to)\s+(?:(?:definitely|certainly|absolutely|surely|also|then|fully|all|completely)\s+)?(?<pred>be\s+(?:(?:fully|all|completely)\s+)?(?:${STATE})\b|(?:have|get)\s+(?:you|it|this|that|these|them|everything|the\s+[\w-]+(?:\s+[\w-]+)?|your\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:all\s+)?(?:${STATE}|[a-z]+ed)\b|(?:fix|deliver|ship|deploy|resolve|complete|finish|launch|release|roll out|migrate|implement|enable|provision|restore|patch|go live|refund|reimburse|credit|pay out|pay back|get (?:it|this|that|everything) (?:done|fixed|live|deployed))\b)|\b(?:it|this|that|(?:the|your|our)\s+[\w-]+(?:\s+[\w-]+)?)\s+(?<ppred>ships|launches|deploys|lands|goes live|rolls out|is live|are live|is ready|are ready|arrives|arrive|is delivered|are delivered)\b|\b(?:delivery|deliveries|shipping|shipments?|rollout|roll-out|migration|installation|implementation|onboarding|deployment|go-live|replacements?|repairs?)\b(?:\s+of\s+(?:the\s+|your\s+|our\s+|all\s+)?(?:new\s+)?[\w-]+(?:\s+[\w-]+)?)?\s+(?:will|shall|is going to|are going to)\s+(?<spred>start|begin|commence|kick off)\b`,
  'giu',
);
const PROMISE_CUE =
  /\b(?:will|shall|going to|guaranteed to|committed to|can|ships|launches|deploys|lands|goes live|rolls out|live|ready|arrives?|delivered)\b|'ll\b/i;
const DATE_CUE =
  /\d|\b(?:tomorrow|today|tonight|week|month|quarter|year|eod|eow|cob|end of|hours?|days?|minutes?|mon|tues|wednes|thurs|fri|satur|sun)|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
// How far after the promise its date may start (60 characters) and run on.
const DATE_WINDOW = 100;
// Hedges and conditions in the commitment's own clause make it an estimate, not a promise. "Once you sign"
// starts the clock of a promise rather than hedging it ("live within two weeks once you sign").
const HEDGED =
  /\b(?:aim|aims|aiming|target|targets|targeted|targeting|estimate|estimated|estimating|expect|expects|expected|expecting|hope|hoping|hopefully|plan|plans|planned|planning|tentative|tentatively|should|might|may(?!\s+\d)|could|likely|probably|approximately|roughly|around|about|usually|typically|if|unless|assuming|provided|depending|subject to|pending|barring|ideally|fingers crossed)\b/i;
const APPROVED =
  /\b(?:approved|confirmed|signed off|agreed|committed) (?:by|with) (?:the |our |your )?(?:delivery|engineering|project|implementation|release|product)\b/i;
const CLAUSE_BREAK = /[;:]|,\s*(?:and|but|so|while|which)\b|\b(?:but|however|although|though|whereas)\b/i;
const CLAUSE_BREAKS = new RegExp(CLAUSE_BREAK.source, 'gi');
// "available during business hours", "every day", "for 30 days", "from 2 May to 5 May": a schedule, a length
// or a window, not a deadline.
const NOT_A_DEADLINE =
  /\b(?:during|every|each|per|after|since|from|between|starting|until|till|business|office|working|support|opening|first|last|past|previous)\s*$|\bfor\s*(?:the\s+)?(?:next\s+)?$/i;

// A bare length ("72 hours") is a deadline only after within / in / by…; "released 72 hours ahead" is a schedule.
const BARE_DURATION =
  /^(?:\d+|an?|one|two|three|four|five|six|seven|eight|ten|twelve|twenty-four|forty-eight)?\s*(?:business |working )?(?:minutes?|hours?|days?|weeks?|months?|years?|quarters?)$/i;
const DURATION_LEAD =
  /\b(?:within|in|inside|under|by|than|later than|next|this|coming|end of|following)\s*(?:the\s+)?(?:next\s+)?$/i;
const COUNTED_LEAD =
  /\b(?:within|in|inside|under|by)\s+(?:the\s+next\s+)?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:business|working|calendar)\s*$/i;
const RELATIVE_AFTER =
  /^\s*(?:ahead|before|earlier|later|in advance|prior|of notice|notice|beforehand|apart|each|per)\b/i;
const MONEY_VERB = /^(?:refund|reimburse|credit|pay)/i;
// A date's preposition, before the date or as its first word ("refund it within 10 days", "by Friday").
const PREPOSITION = 'within|in|inside|by|on|before|until|no later than|after';
const DATE_PREPOSITION = new RegExp(
  String.raw`\b(?:${PREPOSITION})\s+(?:the\s+)?(?:next\s+|coming\s+)?$`,
  'i',
);
const PREPOSITION_FIRST = new RegExp(String.raw`^(?:${PREPOSITION})\b`, 'i');
// "30 days after you cancel", "two days after sign-off": a length counted from an event is a deadline too.
const COUNTED_FROM = /^\s*after\b(?!\s+(?:each|every)\b)/i;

export const SUGGESTION_TAIL = ' (target date, pending confirmation from our delivery team)';

function suggestion(
  field: FieldText,
  start: number,
  predStart: number,
  end: number,
  pron: string | undefined,
) {
  const [s, ps] = field.toOriginal(start, predStart);
  const [, e] = field.toOriginal(predStart, end);
  const rest = field.original.slice(ps, e);
  const isState = /^be\s/i.test(rest);
  const lead = pron ? `${field.original.slice(s, s + pron.length)} ` : '';
  const verb = isState || !pron || /^(?:it|that|this)$/i.test(pron) ? 'should' : 'expect to';
  return `${lead}${verb} ${rest}${SUGGESTION_TAIL}`;
}

function scan(
  ctx: CheckContext,
  field: FieldText,
  ranges: readonly (readonly [number, number])[],
): RawFinding[] {
  const out: RawFinding[] = [];
  for (const [from, to] of ranges) {
    for (const [sS, sE] of field.sentences) {
      if (sS < from || sE > to) continue;
      const sentence = field.text.slice(sS, sE);
      if (!PROMISE_CUE.test(sentence) || !DATE_CUE.test(sentence)) continue;
      if (APPROVED.test(sentence)) continue;
      const hedgedSentence = HEDGED.test(sentence);
      COMMIT.lastIndex = 0;
      let analysis: ReturnType<CheckContext['analyseDeeply']> | undefined;
      for (const m of sentence.matchAll(COMMIT)) {
        // "Delivery of the new units will start in 2 weeks": the start of a delivery, given as a date.
        const present = m.groups?.ppred ?? m.groups?.spred;
        const pred = m.groups?.pred ?? present ?? '';
        const predStart = m.index + m[0].length - pred.length;
        const predEnd = m.index + m[0].length;
        // The date must follow the promise closely: without a date word in that window, compromise's parse
        // (the costly part of this rule) could find none there either.
        if (!DATE_CUE.test(sentence.slice(predEnd, predEnd + DATE_WINDOW))) continue;
        analysis ??= ctx.analyseDeeply(field, sS, sE);
        if (analysis.isQuestion) break;
        const clauseBefore = sentence.slice(0, m.index);
        const breaks = [...clauseBefore.matchAll(CLAUSE_BREAKS)];
        const clauseStart = breaks.length
          ? breaks[breaks.length - 1]!.index + breaks[breaks.length - 1]![0].length
          : 0;
        if (analysis.negations.some((n) => n >= clauseStart && n < predEnd)) continue;
        if (hedgedSentence) {
          // A hedge makes its own clause an estimate; "we expect X, and it will be live by May 1" still promises.
          const nextBreak = sentence.slice(predEnd).search(CLAUSE_BREAK);
          const clauseEnd = nextBreak < 0 ? sentence.length : predEnd + nextBreak;
          if (HEDGED.test(sentence.slice(clauseStart, clauseEnd))) continue;
        }
        const date = analysis.dates.find((d) => {
          if (d.start < predEnd - 1 || d.start - predEnd > 60) return false;
          const between = sentence.slice(predEnd, d.start);
          if (CLAUSE_BREAK.test(between)) return false;
          // What is paid back may be a length ("we'll refund your first 3 months"): only a date with its
          // preposition is when.
          if (
            MONEY_VERB.test(pred) &&
            !DATE_PREPOSITION.test(between) &&
            !COUNTED_LEAD.test(between) &&
            !PREPOSITION_FIRST.test(sentence.slice(d.start, d.end))
          )
            return false;
          // "within 5 business days": the reader may leave the count and its "business" out of the date.
          if (COUNTED_LEAD.test(between)) return !RELATIVE_AFTER.test(sentence.slice(d.end));
          if (NOT_A_DEADLINE.test(between) || /\b(?:from|between|starting)\b/i.test(between)) return false;
          const rest = sentence.slice(d.end);
          if (RELATIVE_AFTER.test(rest)) return false;
          return (
            !BARE_DURATION.test(sentence.slice(d.start, d.end)) ||
            DURATION_LEAD.test(between) ||
            COUNTED_FROM.test(rest)
          );
        });
        if (!date) continue;
        const pron = m.groups?.pron ?? m.groups?.cpron;
        // "I'll be ready in 5 minutes": a person's own state, not a delivery.
        if (pron && /^i$/i.test(pron) && /^be\s/i.test(pred)) continue;
        const start = sS + m.index;
        const end = sS + date.end;
        const [os, oe] = field.toOriginal(start, end);
        const excerpt = field.original.slice(os, oe);
        out.push(
          ctx.report(
            field,
            start,
            end,
            `"${excerpt}" is a delivery commitment with a date. Unless delivery has approved it, give it as a target.`,
            present ? `${excerpt}${SUGGESTION_TAIL}` : suggestion(field, start, sS + predStart, end, pron),
          ),
        );
      }
    }
  }
  return out;
}

export const rule = defineRule(
  {
    id: 'timeline/delivery-commitment',
    category: 'timeline',
    severity: 'warn',
    clause: 'timeline-commitments-realistic',
    description:
      'A delivery commitment in promise or offer form ("will", "shall", "going to", "we can") with a date or duration ("will be live by March 3", "we can have you onboarded within 3 days").',
    source:
      'customer-policy.md, Proposals & Sales Materials (Timeline commitments realistic and approved by delivery)',
    examples: {
      flag: [
        'Your workspace will be live by March 3.',
        'The bug will be fixed within 24 hours.',
        "We'll deliver the integration by next Friday.",
        { text: "We'll have it done Friday.", why: 'no preposition: compromise tags Friday as a date' },
        { text: 'The connector will be ready by end of next week.', why: 'relative date' },
        {
          text: 'We expect strong adoption, and your workspace will be live by March 3.',
          why: 'the hedge belongs to the first clause; the second still promises a date',
        },
        {
          text: 'We can have your team onboarded within 3 days.',
          why: 'an offer with "can" and a causative "have"',
        },
        {
          text: 'Your admins will be fully trained within 5 business days.',
          why: 'a count of business days',
        },
        { text: 'The new portal launches on May 4.', why: 'present tense with a date' },
        {
          text: 'Shipping of the replacement routers will begin on March 3.',
          why: 'the start of a delivery',
        },
        {
          text: "Once the contract is signed, we'll have the portal migrated within 10 days.",
          why: '"once" starts the clock of the promise; it is not a condition',
        },
        {
          text: 'Your refund will be paid out 14 days after we receive the returned unit.',
          why: 'a length counted from an event is a deadline',
        },
        {
          text: 'We will reimburse the travel costs within 10 days of the visit.',
          why: 'a payment owed to the reader',
        },
        {
          subject: 'Fix will be deployed tomorrow',
          text: 'Hi Jordan,\nDetails below.',
          why: 'in the subject',
        },
      ],
      pass: [
        { text: "We're targeting March 3 for go-live.", why: 'hedged' },
        { text: 'The workspace will tentatively be live by March 3.', why: 'hedged' },
        {
          text: "Your workspace will be live by March 3, subject to delivery's confirmation.",
          why: 'conditional on delivery',
        },
        {
          text: 'Your workspace will be live by March 3, as confirmed by the delivery team.',
          why: 'approved by delivery',
        },
        { text: 'The estimated go-live date is March 3.', why: 'an estimate, not a promise' },
        {
          text: 'Your workspace should be live by March 3 (target date, pending confirmation from our delivery team).',
          why: 'the suggested rewrite',
        },
        { text: "I'll send you the meeting notes tomorrow.", why: 'not a delivery outcome' },
        { text: 'The team will be available during business hours.', why: 'a schedule, not a deadline' },
        { text: "It won't be ready by Friday, sorry.", why: 'negated' },
        { text: 'Will the fix be deployed by Friday?', why: 'a question' },
        { text: 'If you send the logs today, we will have it fixed by Friday.', why: 'conditional' },
        { text: 'We can usually have the portal migrated within 10 days.', why: 'hedged' },
        { text: 'We can talk about the rollout on Friday.', why: 'not a delivery outcome' },
        { text: "I'll be ready in 10 minutes, see you on the call.", why: "a person's own state" },
        { text: 'The newsletter goes live every Monday.', why: 'a schedule, not a deadline' },
        {
          text: 'We will implement the billing upgrade from 3 June (Saturday) at 8 p.m. to 5 June.',
          why: 'a maintenance window',
        },
        'Your workspace is live and ready for your team.',
        {
          text: 'We will email your admins 48 hours before the maintenance window.',
          why: 'notice ahead of an event, not a delivery',
        },
        { text: 'Backups will be completed after each nightly run.', why: 'a routine, not a deadline' },
        {
          text: 'Onboarding will start with a kickoff call; we usually book it within a week.',
          why: 'what the start is, and a hedged length',
        },
        {
          text: "If the pilot misses its goal, we'll refund your first 2 months.",
          why: 'the length is what is refunded, not when',
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
  // Each commitment is read within its own sentence.
  { local: true },
);
