/**
 * Normalisation before matching. Look-alike letters, fullwidth forms, invisible characters and typographic
 * quotes are folded so that "ｇuаrantee" (fullwidth g, Cyrillic а) or "guar\u00ADantee" is seen as
 * "guarantee" — while every normalised character remembers where it came from in the original text, so
 * findings always point at what the person actually typed.
 */

export interface NormalizedText {
  /** Folded text, case preserved. */
  readonly text: string;
  /** Same as `text`, lower-cased character by character (so indices are identical). */
  readonly lower: string;
  /** `starts[i]`: original offset of normalised character i; `starts[text.length]` is the original length. */
  readonly starts: Uint32Array;
  /** `ends[i]`: original offset just after normalised character i. */
  readonly ends: Uint32Array;
  readonly originalLength: number;
  /** Nothing was folded: offsets are the same in both texts and the maps are left empty. */
  readonly identity: boolean;
}

const EMPTY = new Uint32Array(0);

/** Original offset where normalised character `i` starts (`i === text.length` gives the original length). */
export function startOf(n: NormalizedText, i: number): number {
  if (n.identity) return Math.min(i, n.originalLength);
  return n.starts[i] ?? n.originalLength;
}

/** Original offset just after normalised character `i`. */
export function endOf(n: NormalizedText, i: number): number {
  if (n.identity) return Math.min(i + 1, n.originalLength);
  return n.ends[i] ?? n.originalLength;
}

const HOMOGLYPHS: Record<string, string> = {
  // Cyrillic
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
  Ԛ: 'Q',
  Ԝ: 'W',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ё: 'e',
  // Greek
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  ο: 'o',
  α: 'a',
  ν: 'v',
  ρ: 'p',
  ι: 'i',
  κ: 'k',
  υ: 'u',
  // Typographic punctuation
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u02BC': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2028': '\n',
  '\u2029': '\n',
};

function isInvisible(code: number): boolean {
  return (
    code === 0x00ad || // soft hyphen
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) || // zero-width space/joiners, direction marks
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    code === 0xfeff ||
    (code >= 0xfe00 && code <= 0xfe0f) // variation selectors
  );
}

function isSpace(code: number): boolean {
  return (
    code === 0x00a0 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200a)
  );
}

/** Compatibility forms that are only ever used to dodge a filter: fullwidth ASCII, math letters, ligatures. */
function compatibilityFold(cp: number, ch: string): string | undefined {
  if ((cp >= 0xff01 && cp <= 0xff5e) || (cp >= 0x1d400 && cp <= 0x1d7ff) || (cp >= 0xfb00 && cp <= 0xfb06)) {
    return ch.normalize('NFKC');
  }
  return undefined;
}

export function normalize(original: string): NormalizedText {
  const len = original.length;
  // Fast path: plain ASCII without anything to fold keeps a 1:1 map.
  let plain = true;
  for (let i = 0; i < len; i++) {
    if (original.charCodeAt(i) > 0x7e) {
      plain = false;
      break;
    }
  }
  if (plain)
    return {
      text: original,
      lower: original.toLowerCase(),
      starts: EMPTY,
      ends: EMPTY,
      originalLength: len,
      identity: true,
    };

  const out: string[] = [];
  const startList: number[] = [];
  const endList: number[] = [];
  const push = (s: string, from: number, to: number) => {
    for (let k = 0; k < s.length; k++) {
      out.push(s[k]!);
      startList.push(from);
      endList.push(to);
    }
  };
  let i = 0;
  while (i < len) {
    const code = original.charCodeAt(i);
    if (code < 0x7f) {
      out.push(original[i]!);
      startList.push(i);
      endList.push(i + 1);
      i++;
      continue;
    }
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + width);
    if (isInvisible(code)) {
      i += width;
      continue;
    }
    if (isSpace(code)) push(' ', i, i + width);
    else {
      const mapped = HOMOGLYPHS[ch] ?? compatibilityFold(cp, ch);
      push(mapped ?? ch, i, i + width);
    }
    i += width;
  }
  const text = out.join('');
  let lower = '';
  const parts: string[] = [];
  for (const ch of out) {
    const l = ch.toLowerCase();
    parts.push(l.length === 1 ? l : ch);
  }
  lower = parts.join('');
  const starts = new Uint32Array(text.length + 1);
  starts.set(startList);
  starts[text.length] = len;
  return { text, lower, starts, ends: Uint32Array.from(endList), originalLength: len, identity: false };
}

/** Maps a range of the normalised text back to the original text. */
export function toOriginal(n: NormalizedText, start: number, end: number): [number, number] {
  if (end <= start) {
    const s = startOf(n, start);
    return [s, s];
  }
  return [startOf(n, start), endOf(n, end - 1)];
}
