/**
 * A cheap sentence splitter for the prefilter: ends at . ! ? followed by space and not after a common
 * abbreviation, and at every line break (email lines, bullets and sign-offs are units of their own), except
 * where a plain-text email wrapped a sentence over lines (joinWrappedLines).
 */

const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'inc',
  'ltd',
  'corp',
  'co',
  'no',
  'approx',
  'est',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'st',
  'u.s',
  // Times of day: "by 5 p.m. Friday" is one sentence.
  'a.m',
  'p.m',
]);

export type Span = readonly [start: number, end: number];

/**
 * Past this many characters without a full stop or a line break, a "sentence" is pasted data or a dodge
 * ("guarantee guarantee …" for a megabyte): it is cut at a space near this length, so that reading the
 * sentence around each of many matches stays linear in the text, not quadratic.
 */
export const MAX_SENTENCE = 2000;

export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let start = from;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push([s, e]);
  };
  const flush = (end: number) => {
    let s = start;
    while (end - s > MAX_SENTENCE) {
      const space = text.lastIndexOf(' ', s + MAX_SENTENCE);
      const cut = space > s + MAX_SENTENCE / 2 ? space : s + MAX_SENTENCE;
      push(s, cut);
      s = cut;
    }
    push(s, end);
  };
  const boundary = /[.!?\n]/g;
  boundary.lastIndex = from;
  for (;;) {
    const m = boundary.exec(text);
    if (!m || m.index >= to) break;
    const i = m.index;
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      flush(i);
      start = i + 1;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (i + 1 < to && next !== 32 && next !== 9 && next !== 10 && next !== 13 && next !== 34 && next !== 41)
      continue;
    // An aside that ends in its own mark, inside a sentence that goes on: "a new (and approved!) $50 credit".
    if (next === 41) {
      const after = /^\)+[ \t]*(.)/u.exec(text.slice(i + 1, Math.min(to, i + 8)));
      if (after && /[\p{Ll}\p{N}$€£,;:]/u.test(after[1]!)) continue;
    }
    if (ch === 46) {
      let w = i;
      while (w > from && /[\p{L}.]/u.test(text[w - 1]!)) w--;
      const word = text.slice(w, i).toLowerCase();
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
    }
    let end = i + 1;
    while (end < to && /[.!?"')]/.test(text[end]!)) end++;
    flush(end);
    start = end;
    boundary.lastIndex = end;
  }
  flush(to);
  return out;
}

/** Index of the span containing `pos` (spans sorted, non-overlapping), or -1. */
export function findSpan(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = spans[mid]!;
    if (pos < s) hi = mid - 1;
    else if (pos >= e) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** A list item's marker at the start of a line: "- ", "• ", "1. ", "a) ". */
export const LIST_ITEM = /^[ \t]*(?:[-*•·▪‣◦>]|\d{1,2}[.)]|[a-z][.)])[ \t]+/u;

/**
 * Sentences with hard-wrapped lines joined again. Plain-text mail is often wrapped at about 72 characters, and
 * the splitter ends a sentence at every line break; but a line that does not end a sentence, followed by one
 * that opens in lower case (and is no list item), is the same sentence wrapped: "we would like to offer you a
 * new (and fully\nauthorized!) $50 discount". A joined sentence stays within MAX_SENTENCE.
 */
export function joinWrappedLines(text: string, sentences: readonly Span[]): Span[] {
  const out: [number, number][] = [];
  for (const [s, e] of sentences) {
    const prev = out[out.length - 1];
    if (prev && e - prev[0] <= MAX_SENTENCE) {
      const gap = text.slice(prev[1], s);
      // "1." alone: the splitter ended a sentence at a numbered list item's full stop.
      if (
        prev[1] - prev[0] <= 4 &&
        /^\s*\d{1,2}\.$/.test(text.slice(prev[0], prev[1])) &&
        /^[ \t]+$/.test(gap)
      ) {
        prev[1] = e;
        continue;
      }
      if (
        /^[ \t]*\n[ \t]*$/.test(gap) &&
        !'.!?:;)*'.includes(text[prev[1] - 1]!) &&
        /^\p{Ll}/u.test(text[s]!) &&
        !LIST_ITEM.test(text.slice(s, e))
      ) {
        prev[1] = e;
        continue;
      }
    }
    out.push([s, e]);
  }
  return out;
}
