import type { CheckContext } from '../context.ts';
import { entryText } from '../schemas/phrase-lists.ts';
import type { PatternEntry, PhraseEntry } from '../schemas/rule-pack.ts';
import type { FieldText } from '../text/field.ts';
import type { Span } from '../text/sentences.ts';
import { inflections } from './inflect.ts';

/** A match in a field's normalised text, with the entry (phrase or pattern) that produced it. */
export interface Match {
  readonly start: number;
  readonly end: number;
  readonly entry: number;
}

export type MatchFn = (ctx: CheckContext, field: FieldText, ranges: readonly Span[]) => Match[];

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Words of a phrase joined by any run of spaces, tabs, line breaks or hyphens ("fully  secure", "fully\nsecure",
 * "risk free"); where the phrase itself has a hyphen the words may also be closed up ("risk-free" = "riskfree"),
 * which is also what a compound hyphenated across a line break folds to ("risk-\nfree").
 */
function phraseSource(phrase: string, inflect: boolean): string {
  const pieces = phrase.trim().split(/([\s-]+)/);
  let out = '';
  for (let k = 0; k < pieces.length; k += 2) {
    if (k > 0) out += pieces[k - 1]!.includes('-') ? '[\\s-]*' : '[\\s-]+';
    const w = pieces[k]!;
    const forms = inflect ? inflections(w) : [w];
    const alts = forms.sort((a, b) => b.length - a.length).map(escapeRegex);
    out += alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
  }
  return out;
}

/**
 * One regex per phrase list: each entry a capturing group, word-boundary aware on both sides, spaces and
 * hyphens interchangeable ("risk-free" = "risk free"). Matched against the lower-cased text unless
 * `caseSensitive`.
 */
export function phraseMatcher(
  entries: readonly PhraseEntry[],
  inflect: boolean,
  caseSensitive = false,
): MatchFn {
  // Longest phrases first, so "going out of business" wins over "out of business" at the same place.
  const order = entries
    .map((_, i) => i)
    .sort((a, b) => entryText(entries[b]!).length - entryText(entries[a]!).length);
  const groups = order.map((i) => {
    const text = entryText(entries[i]!);
    return `(${phraseSource(caseSensitive ? text : text.toLowerCase(), inflect)})`;
  });
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${groups.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  return (_ctx, field, ranges) =>
    runRegex(re, caseSensitive ? field.text : field.lower, ranges, true).map((m) => ({
      ...m,
      entry: order[m.entry]!,
    }));
}

export function patternMatcher(entries: readonly PatternEntry[]): MatchFn {
  const res = entries.map((e) => new RegExp(e.regex, `gu${e.flags ?? ''}`));
  return (_ctx, field, ranges) => {
    const out: Match[] = [];
    res.forEach((re, entry) => {
      for (const m of runRegex(re, field.text, ranges, false)) out.push({ ...m, entry });
    });
    return out.sort((a, b) => a.start - b.start);
  };
}

/** Runs a global regex over the part of `text` covering `ranges`, keeping matches inside a range. */
function runRegex(re: RegExp, text: string, ranges: readonly Span[], groups: boolean): Match[] {
  const out: Match[] = [];
  if (ranges.length === 0) return out;
  const from = ranges[0]![0];
  const to = ranges[ranges.length - 1]![1];
  re.lastIndex = from;
  for (;;) {
    const m = re.exec(text);
    if (!m || m.index >= to) break;
    if (m[0].length === 0) {
      // Step over a whole character: a u-flag regex restarted inside a surrogate pair backs up to its start,
      // so stepping one code unit would match the same empty string there forever ("a*" before an emoji).
      re.lastIndex = m.index + (isSurrogatePair(text, m.index) ? 2 : 1);
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    if (!ranges.some(([s, e]) => start >= s && end <= e)) continue;
    let entry = 0;
    if (groups)
      for (let g = 1; g < m.length; g++)
        if (m[g] !== undefined) {
          entry = g - 1;
          break;
        }
    out.push({ start, end, entry });
  }
  return out;
}

function isSurrogatePair(text: string, i: number): boolean {
  const hi = text.charCodeAt(i);
  const lo = text.charCodeAt(i + 1);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}
