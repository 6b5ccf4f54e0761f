// A delivery time offered without "will": headlines and list items ("48-hour delivery", "Ready in 1 week",
// "live within 10 days of signing"), proposal labels ("Timeline: 7 weeks", "Implementation time: 30 days"),
// plan lines whose step is the go-live ("Week 4: Go-live", "Phase 3 (Week 6): Launch"), promise verbs over a
// delivery ("we promise delivery within 10 days"), present-tense offers ("orders ship within 24 hours", "we
// deliver reports within 72 hours"), imperative and infinitive offers ("Get your store running in 48 hours",
// "the chance to fix it in 48 hours", "Our approach: install it in 30 days"). Passes hedges (estimated,
// usually, about, most, vary; "you can expect" assures and is no hedge), past events, the customer's own
// deadlines (please, must, required), maintenance windows, trials and support hours, questions, negations.
// Suggests the same words marked as an estimate pending delivery's confirmation.
import type { CheckContext } from '../../context.ts';
import { defineRule, MAX_FINDINGS_PER_FIELD, type RawFinding } from '../../rule.ts';
import {
  alternation,
  DELIVERY_NOUNS,
  DELIVERY_VERBS,
  DURATION,
  GO_LIVE_STEP,
  HEDGE_WORDS,
  NOT_OURS,
  PAST_WORDS,
  RESULT_WORDS,
  TIMELINE_LABELS,
  COUNT,
} from '../../text/delivery-words.ts';
import type { FieldText } from '../../text/field.ts';

// Delivery promises that are not "we will … by <date>": headlines and list items ("48-hour delivery",
// "Ready in 1 week"), proposal labels ("Timeline: 7 weeks"), plan lines ("Week 4: Go-live") and offers in
// the infinitive or imperative ("the chance to fix all of this in 48 hours", "Our approach: install it in 30
// days"). Each states, without a hedge, how soon something is delivered. The finite forms are
// timeline/delivery-commitment's.
const LEAD = String.raw`(?:in|within|inside|under|in\s+under|in\s+just|in\s+only|in\s+less\s+than)\s+(?:the\s+next\s+|just\s+|only\s+)?`;
const FORMS: readonly RegExp[] = [
  // "48-hour delivery", "1-week setup", "30-day implementation": a compound modifier (singular unit); "2-6 weeks
  // onboarding" measures an effort instead.
  new RegExp(
    String.raw`\b${COUNT}[\s-]+(?:business[\s-]+|working[\s-]+)?(?:minute|hour|day|week|month)[\s-]+(?:${alternation(DELIVERY_NOUNS)})\b`,
    'gi',
  ),
  // "Ready in 1 week", "Delivery in 4 to 5 days", "live within 10 days of signing", "orders ship within 24 hours"
  new RegExp(String.raw`\b(?:${alternation(RESULT_WORDS)})\s+${LEAD}${DURATION}`, 'gi'),
  // "Timeline: 7 weeks", "Implementation time: 30 days to first results"
  new RegExp(String.raw`\b${TIMELINE_LABELS}\s*\**\s*(?:[:=-]|\()\s*\**\s*(?:about\s+)?${DURATION}`, 'gi'),
  // "We ship replacement units within 2 days", "our team installs it in a week": a present-tense offer by us
  new RegExp(
    String.raw`\b(?:we|our\s+(?:team|engineers|experts|specialists|crew))\s+(?:${alternation(DELIVERY_VERBS.flatMap((v) => [v, v.replace(/^(\w+?)(s|sh|x)?$/, (_, a, b) => (b ? `${a}${b}es` : `${a}s`))]))})\b[^.;:!?\n]{0,60}?\b${LEAD}${DURATION}`,
    'gi',
  ),
  // "Get your storefront running in 48 hours": an imperative offer of the result
  new RegExp(
    String.raw`^[^\p{L}]*(?:get|have)\s+(?:you|it|everything|your\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:${alternation([...RESULT_WORDS, 'running', 'set up', 'up and running', 'online'])})\s+${LEAD}${DURATION}`,
    'giu',
  ),
  // "We promise delivery of the report within 10 days": a promise verb over a delivery
  new RegExp(
    String.raw`\b(?:we|i)\s+(?:promise|pledge|guarantee|commit\s+to)\s+(?:to\s+)?(?:the\s+|your\s+)?(?:${alternation([...DELIVERY_VERBS, ...DELIVERY_NOUNS])})\b[^.;:!?\n]{0,80}?\b${LEAD}${DURATION}`,
    'gi',
  ),
  // "the opportunity to fix all of this in 48 hours", "Our approach: install the stack in 30 days"
  new RegExp(
    String.raw`\b(?:our\s+(?:approach|process|promise|offer|commitment|method)\s*\**\s*[:-]\s*\**|(?:opportunity|chance|option|ability|power)\s+to|(?:able|ready)\s+to)\s+(?:(?:just|simply|fully|easily)\s+)?(?:${alternation(DELIVERY_VERBS)})\b[^.;:!?\n]{0,80}?\b${LEAD}${DURATION}`,
    'gi',
  ),
];
// A plan line: "Week 4: Go-live", "• **Hour 33-48:** Team training and go-live", "Phase 3 (Week 6): Launch".
const PLAN_LINE = new RegExp(
  String.raw`^[\s•·*>#-]*(?:\d+[.)]\s*)?\**\s*(?:(?:phase|step|stage|milestone)\s+\d+\s*\(\s*)?(?:weeks?|days?|hours?|months?)\s+\d+(?:\s*(?:-|to)\s*\d+|\s*\+)?\s*\)?\s*\**\s*[:-]\s*\**[^\n]{0,60}?\b${GO_LIVE_STEP}\b`,
  'i',
);
// Every form names a unit of time ("48-hour", "Week 4", "7 weeks"): sentences without one are not read.
const CUE = /\b(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\b/i;
const HEDGED = new RegExp(HEDGE_WORDS, 'i');
const PAST = new RegExp(PAST_WORDS, 'i');
const FINITE_BEFORE = /(?:\b(?:will|shall|going to)|'ll)\s+(?:\w+\s+){0,2}$/i;
const ASSURED_EXPECT = /\b(?:you\s+(?:can|will|'ll)\s+expect|^\W*expect)\b/gi;
const OTHERS = new RegExp(NOT_OURS, 'i');
// "from 2 to 4 p.m.", "during the maintenance window": a schedule, not a delivery.
const SCHEDULE =
  /\b(?:maintenance|outage|downtime|window|scheduled|upgrade period|suspended|trial|support|warranty|guarantee|refund|money-back|notice|response|reply|respond|update)\b/i;

// Nouns of meetings and sessions: a length before them measures the meeting ("a free 20-minute setup review").
const EVENT_HEAD =
  /^[\s-]+(?:audit|assessment|call|chat|check-?up|consultation|conversation|demo|demonstration|discussion|meeting|overview|presentation|q&a|review|session|sync|training|walk-?through|webinar|workshop)s?\b/i;

const EVENT_SUBJECT =
  /\b(?:audit|call|chat|check-?up|consultation|conversation|demo|demonstration|discussion|meeting|overview|presentation|q&a|session|sync|training|walk-?through|webinar|workshop)s?\s+(?:is|are|will\s+be|'s|'ll\s+be|should\s+be)?\s*$/i;

export const SUGGESTION_TAIL = ' (an estimate, pending confirmation from our delivery team)';

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
      if (!CUE.test(sentence)) continue;
      const found: [number, number][] = [];
      const plan = PLAN_LINE.exec(sentence);
      if (plan) {
        const lead = plan[0].length - plan[0].trimStart().length;
        found.push([plan.index + lead, plan.index + plan[0].length]);
      }
      for (const re of FORMS) {
        re.lastIndex = 0;
        for (const m of sentence.matchAll(re)) {
          if (found.some(([a, b]) => m.index < b && m.index + m[0].length > a)) continue;
          // "a 30-minute onboarding call": the length of a meeting about the delivery, not of the delivery.
          if (EVENT_HEAD.test(sentence.slice(m.index + m[0].length))) continue;
          // "the kickoff call is done in 30 minutes": a meeting's length, the meeting as the subject.
          if (EVENT_SUBJECT.test(sentence.slice(Math.max(0, m.index - 40), m.index))) continue;
          found.push([m.index, m.index + m[0].length]);
        }
      }
      if (found.length === 0) continue;
      // "You can expect it within 5 days" assures the reader; only the sender's own "we expect" hedges.
      const hedgeable = sentence.replace(ASSURED_EXPECT, ' ');
      if (HEDGED.test(hedgeable) || PAST.test(sentence) || OTHERS.test(sentence) || SCHEDULE.test(sentence))
        continue;
      const analysis = ctx.analyse(field, sS, sE);
      if (analysis.isQuestion) continue;
      for (const [a, b] of found) {
        // A finite promise ("I'll be ready in 5 minutes") is timeline/delivery-commitment's to judge.
        if (FINITE_BEFORE.test(sentence.slice(Math.max(0, a - 40), a))) continue;
        // "not ready in 2 weeks", "no 48-hour delivery"
        if (analysis.negations.some((n) => n < a && a - n < 30)) continue;
        const [os, oe] = field.toOriginal(sS + a, sS + b);
        const excerpt = field.original.slice(os, oe);
        out.push(
          ctx.report(
            field,
            sS + a,
            sS + b,
            `"${excerpt}" promises a delivery time. Unless delivery has approved it, give it as an estimate.`,
            `${excerpt}${SUGGESTION_TAIL}`,
          ),
        );
      }
    }
  }
  return out;
}

export const rule = defineRule(
  {
    id: 'timeline/delivery-offer',
    category: 'timeline',
    severity: 'warn',
    clause: 'timeline-commitments-realistic',
    description:
      'A delivery time offered without "will": headlines ("48-hour delivery", "Ready in 1 week"), proposal labels ("Timeline: 6 weeks"), plan lines ("Week 4: Go-live") and offers ("the chance to fix it in 48 hours").',
    source:
      'customer-policy.md, Proposals & Sales Materials (Timeline commitments realistic and approved by delivery)',
    examples: {
      flag: [
        { subject: 'Your portal, 72-hour setup', text: 'Hi Jordan,\nDetails below.', why: 'a headline' },
        { text: 'Live within ten days of signing.', why: 'a verbless offer' },
        { text: 'Project timeline: 6 weeks', why: 'a proposal label' },
        { text: '- Fully migrated and done in 5 days, start to finish', why: 'a verbless list item' },
        { text: 'Full rollout timeline (10 days) included', why: 'a label with its duration in brackets' },
        { text: 'Weeks 4+: Go-live and hypercare', why: 'an open-ended plan line' },
        { text: 'Week 5: Launch and hand-over to your team', why: 'a plan line with the go-live step' },
        { text: 'Stage 3 (Weeks 7-8): Cutover to production', why: 'a plan line under a stage label' },
        {
          text: 'You get the chance to migrate every workspace in 3 days.',
          why: 'an offer in the infinitive',
        },
        { text: 'Our method: deploy the connector within 2 weeks, then train your admins.' },
        { text: 'New orders ship within 24 hours.', why: 'present tense' },
        { text: 'We pledge to deploy the connector within 14 days.', why: 'a promise verb over a delivery' },
        {
          text: 'You can expect your badge to arrive within 3 working days.',
          why: 'an assurance to the reader; only our own "we expect" hedges',
        },
      ],
      pass: [
        { text: 'Estimated delivery: 4-6 days', why: 'hedged' },
        { text: 'Setup usually takes about 3 weeks.', why: 'hedged' },
        { text: 'Our last client went live in 10 days.', why: 'a past result' },
        { text: 'The import was done in 4 hours last night.', why: 'a past result' },
        { text: 'The kickoff call is done in 30 minutes.', why: 'the length of a meeting' },
        { text: 'Please sign the form within 5 days.', why: "the customer's deadline" },
        { text: 'Maintenance window: 4 hours on Saturday night.', why: 'a maintenance window' },
        { text: 'Is a 2-week rollout realistic for you?', why: 'a question' },
        {
          text: 'Book a 30-minute migration review with our architect.',
          why: 'the length of a meeting about the delivery',
        },
        {
          text: 'Live within ten days of signing (an estimate, pending confirmation from our delivery team).',
          why: 'the suggested rewrite',
        },
        'Our 30-day trial includes every feature.',
        {
          text: 'Delivery times vary; most parcels arrive within a week.',
          why: 'hedged by "vary" and "most"',
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
