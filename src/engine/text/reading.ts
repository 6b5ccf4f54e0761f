/**
 * The sentence reading the rules' exceptions and the timeline rule use: negation cues, hedging modals,
 * questions and date mentions, from word lists and a few regular expressions. compromise's full parse of one
 * sentence costs milliseconds (more than every other rule together on a 300-word email) and importing it costs
 * hundreds of milliseconds of worker start-up, so checks read sentences this way instead (see BENCHMARKS.md).
 * Readings are memoised by sentence text: a check after one typed word re-reads one sentence.
 */
import { Lru } from './lru.ts';

export interface SentenceAnalysis {
  /** Offsets (into the analysed text) of negation cues, including the "not" of "can't". */
  readonly negations: readonly number[];
  /** Offsets of hedging modal verbs (may, might, could); "May 3" is a date, not a hedge. */
  readonly hedges: readonly number[];
  readonly isQuestion: boolean;
  /** Date and duration mentions ("March 3", "24 hours", "next week", "Friday", "Q3", "3/15", "EOD"). */
  readonly dates: readonly { readonly start: number; readonly end: number }[];
}

// Numeric dates, ISO dates and business shorthand.
const DATE_SHORTHAND =
  /\b(?:\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d{4}-\d{2}-\d{2}|EOD|EOW|COB|EOM|end of (?:the )?(?:day|week|month|quarter|year)|Q[1-4])\b/gi;

const NEGATION_CUE =
  /\b(?:not|no|never|nobody|nothing|none|neither|nor|without|cannot|(?:ca|wo|do|does|is|are|was|were|should|would|could|did|has|have|had|must|need|ai|sha|might)n't|(?:can|won|don|doesn|isn|aren|wasn|weren|shouldn|wouldn|couldn|didn|hasn|haven|hadn|mustn)t)\b/gi;
const HEDGE_CUE = /\b(?:may(?!\s+\d)|might|could)\b/gi;
const DATE_WORDS =
  /\b(?:(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?: \d{1,2}(?:st|nd|rd|th)?)?|may \d{1,2}|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|today|tonight|(?:next|this|coming) (?:week|month|quarter|year)|(?:\d+|an?|one|two|three|four|five|six|seven|ten|twenty-four|48|72) (?:business |working )?(?:minutes?|hours?|days?|weeks?|months?))\b/gi;

// A question: a question mark ending a sentence, "... or not" at the end, or a sentence opening with a
// question word or an auxiliary followed by a pronoun ("Could you ...", "Is it ...", "Have you ...").
const QUESTION_MARK = /[?\uFF1F]["')\]]*(?:\s|$)/;
const OR_NOT_END = /\bor not\W*$/i;
const QUESTION_OPENING =
  /(?:^|[.!?]["')\]]*\s+)[^\p{L}\p{N}]*(?:(?:how|what|when|where|who|whom|whose|why|which)\b(?![^.!?]*,)|(?:do|does|did|is|was|can|could|will|would|may|have|must)\s+(?:i|you|we|they|he|she|it|this|that|these|those|there|anyone|someone|everyone|anybody|somebody)\b)/iu;

function mergeSpans(spans: { start: number; end: number }[]): { start: number; end: number }[] {
  spans.sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end + 1) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

export function shorthandDates(text: string): { start: number; end: number }[] {
  return Array.from(text.matchAll(DATE_SHORTHAND), (m) => ({ start: m.index, end: m.index + m[0].length }));
}

export function mergeDateSpans(spans: { start: number; end: number }[]): { start: number; end: number }[] {
  return mergeSpans(spans);
}

export function isQuestionText(text: string): boolean {
  return (
    /\?\s*["')]*\s*$/.test(text) ||
    QUESTION_MARK.test(text) ||
    OR_NOT_END.test(text) ||
    QUESTION_OPENING.test(text)
  );
}

/** Reads one sentence (no memo; see readSentence). */
export function quickAnalysis(text: string): SentenceAnalysis {
  const at = (re: RegExp) => Array.from(text.matchAll(re), (m) => m.index);
  const dates = [
    ...shorthandDates(text),
    ...Array.from(text.matchAll(DATE_WORDS), (m) => ({ start: m.index, end: m.index + m[0].length })),
  ];
  return {
    negations: at(NEGATION_CUE),
    hedges: at(HEDGE_CUE),
    isQuestion: isQuestionText(text),
    dates: mergeSpans(dates),
  };
}

const readings = new Lru<SentenceAnalysis>(2000);

/** quickAnalysis, memoised by sentence text (results are frozen-by-convention: callers never mutate them). */
export function readSentence(text: string): SentenceAnalysis {
  let r = readings.get(text);
  if (!r) {
    r = quickAnalysis(text);
    readings.set(text, r);
  }
  return r;
}
