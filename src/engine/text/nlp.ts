/**
 * The only module that imports compromise. Its full parse is slow (milliseconds per sentence), so it only
 * ever sees the few candidate sentences a cheap prefilter has already picked.
 */
import nlp from 'compromise';

export interface SentenceAnalysis {
  /** Offsets (into the analysed text) of negation cues, including the implicit "not" of "can't". */
  readonly negations: readonly number[];
  /** Offsets of hedging modal verbs (may, might, could). */
  readonly hedges: readonly number[];
  readonly isQuestion: boolean;
  /**
   * Date and duration mentions ("March 3", "24 hours", "next week", "Friday", "Q3", "3/15", "EOD"): compromise's
   * #Date / #Duration terms with the numbers beside them, plus numeric and business shorthand it does not tag.
   */
  readonly dates: readonly { readonly start: number; readonly end: number }[];
}

// Numeric dates, ISO dates and business shorthand, which compromise leaves untagged.
const DATE_SHORTHAND =
  /\b(?:\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d{4}-\d{2}-\d{2}|EOD|EOW|COB|EOM|end of (?:the )?(?:day|week|month|quarter|year)|Q[1-4])\b/gi;

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

function shorthandDates(text: string): { start: number; end: number }[] {
  return Array.from(text.matchAll(DATE_SHORTHAND), (m) => ({ start: m.index, end: m.index + m[0].length }));
}

const cache = new Map<string, SentenceAnalysis>();
const CACHE_LIMIT = 500;

interface TermJson {
  text: string;
  implicit?: string;
  tags?: string[];
  offset: { start: number; length: number };
}

export function analyseSentence(text: string): SentenceAnalysis {
  const hit = cache.get(text);
  if (hit) return hit;
  const doc = nlp(text);
  const negations: number[] = [];
  const hedges: number[] = [];
  const dates: { start: number; end: number }[] = shorthandDates(text);
  const sentences = doc.json({ offset: true }) as { terms: TermJson[] }[];
  for (const s of sentences) {
    const terms = s.terms;
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      const tags = t.tags ?? [];
      if (!tags.includes('Date') && !tags.includes('Duration')) continue;
      // "24 hours", "March 3", "3rd of April": the numbers and "of" beside a date term belong to it.
      let a = i;
      let b = i;
      const joins = (u: TermJson | undefined) =>
        u !== undefined && ((u.tags ?? []).includes('Value') || (u.tags ?? []).includes('Date'));
      while (joins(terms[a - 1])) a--;
      while (joins(terms[b + 1])) b++;
      const first = terms[a]!;
      const last = terms[b]!;
      // compromise's term text excludes punctuation, so the span ends with the word.
      dates.push({ start: first.offset.start, end: last.offset.start + last.text.length });
      i = b;
    }
    for (const t of s.terms) {
      const tags = t.tags ?? [];
      const word = (t.implicit ?? t.text).toLowerCase();
      if (
        tags.includes('Negative') ||
        /^(?:no|never|nobody|nothing|none|neither|nor|without|cannot)$/.test(word)
      ) {
        negations.push(t.offset.start);
      }
      if (tags.includes('Modal') && /^(?:may|might|could)$/.test(word)) hedges.push(t.offset.start);
    }
  }
  const result: SentenceAnalysis = {
    negations,
    hedges,
    dates: mergeSpans(dates),
    isQuestion: doc.questions().found || /\?\s*["')]*\s*$/.test(text),
  };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(text, result);
  return result;
}

const NEGATION_CUE =
  /\b(?:not|no|never|nobody|nothing|none|neither|nor|without|cannot|(?:ca|wo|do|does|is|are|was|were|should|would|could|did|has|have|had|must|need)n't)\b/gi;
const HEDGE_CUE = /\b(?:may|might|could)\b/gi;
const DATE_WORDS =
  /\b(?:(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?: \d{1,2}(?:st|nd|rd|th)?)?|may \d{1,2}|\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|today|tonight|(?:next|this|coming) (?:week|month|quarter|year)|(?:\d+|an?|one|two|three|four|five|six|seven|ten|twenty-four|48|72) (?:business |working )?(?:minutes?|hours?|days?|weeks?|months?))\b/gi;

/**
 * The same reading from word lists alone, for when a check has already spent its budget of full parses
 * (a pathological draft with thousands of candidate sentences must still finish quickly).
 */
export function quickAnalysis(text: string): SentenceAnalysis {
  const at = (re: RegExp) => Array.from(text.matchAll(re), (m) => m.index);
  const dates = [
    ...shorthandDates(text),
    ...Array.from(text.matchAll(DATE_WORDS), (m) => ({ start: m.index, end: m.index + m[0].length })),
  ];
  return {
    negations: at(NEGATION_CUE),
    hedges: at(HEDGE_CUE),
    isQuestion: /\?\s*["')]*\s*$/.test(text),
    dates: mergeSpans(dates),
  };
}

export function isCached(text: string): boolean {
  return cache.has(text);
}
