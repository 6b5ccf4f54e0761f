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
  const sentences = doc.json({ offset: true }) as { terms: TermJson[] }[];
  for (const s of sentences) {
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
    isQuestion: doc.questions().found || /\?\s*["')]*\s*$/.test(text),
  };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(text, result);
  return result;
}

const NEGATION_CUE =
  /\b(?:not|no|never|nobody|nothing|none|neither|nor|without|cannot|(?:ca|wo|do|does|is|are|was|were|should|would|could|did|has|have|had|must|need)n't)\b/gi;
const HEDGE_CUE = /\b(?:may|might|could)\b/gi;

/**
 * The same reading from word lists alone, for when a check has already spent its budget of full parses
 * (a pathological draft with thousands of candidate sentences must still finish quickly).
 */
export function quickAnalysis(text: string): SentenceAnalysis {
  const at = (re: RegExp) => Array.from(text.matchAll(re), (m) => m.index);
  return { negations: at(NEGATION_CUE), hedges: at(HEDGE_CUE), isQuestion: /\?\s*["')]*\s*$/.test(text) };
}

export function isCached(text: string): boolean {
  return cache.has(text);
}
