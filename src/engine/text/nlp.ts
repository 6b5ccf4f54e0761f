/**
 * The only module that uses compromise (through compromise-loader.ts). Its full parse is slow (milliseconds per
 * sentence), so it only ever sees the few candidate sentences a cheap prefilter has already picked, and each
 * reading is cached. In the worker compromise starts only when first needed (see fullReaderLoaded).
 */
import { compromiseLoaded, loadCompromise } from './compromise-loader.ts';
import { mergeDateSpans as mergeSpans, type SentenceAnalysis, shorthandDates } from './reading.ts';

/** Whether compromise has started: until then, a check may read sentences with word lists instead. */
export function fullReaderLoaded(): boolean {
  return compromiseLoaded();
}

/** Starts compromise now (synchronous; hundreds of milliseconds the first time in the worker). */
export function loadFullReader(): void {
  loadCompromise();
}

export type { SentenceAnalysis };

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
  const doc = loadCompromise()(text);
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

export { quickAnalysis } from './reading.ts';

export function isCached(text: string): boolean {
  return cache.has(text);
}
