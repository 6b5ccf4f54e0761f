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

function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad || // soft hyphen
    cp === 0x034f || // combining grapheme joiner
    cp === 0x061c || // Arabic letter mark
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x3164 ||
    cp === 0xffa0 || // Hangul fillers
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space/joiners, direction marks
    (cp >= 0x202a && cp <= 0x202e) || // direction embeddings and overrides
    (cp >= 0x2060 && cp <= 0x206f) || // word joiner, invisible operators, direction isolates
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    (cp >= 0x80 && cp <= 0x9f) || // C1 controls
    (cp >= 0xe0000 && cp <= 0xe007f) || // tag characters
    (cp >= 0xe0100 && cp <= 0xe01ef) // variation selectors supplement
  );
}

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return; and DEL. */
function isControl(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f;
}

function isSpace(cp: number): boolean {
  return (
    cp === 0x00a0 ||
    cp === 0x1680 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000 ||
    (cp >= 0x2000 && cp <= 0x200a)
  );
}

/** Combining marks stacked on a Latin letter ("gu\u0301aranteed", "g̸u̵a…"): dropped, like invisibles. */
function isCombiningMark(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f)
  );
}

/**
 * Compatibility forms that are only ever used to dodge a filter: fullwidth ASCII, math letters, ligatures,
 * circled letters.
 */
function compatibilityFold(cp: number, ch: string): string | undefined {
  if (
    (cp >= 0xff01 && cp <= 0xff5e) ||
    (cp >= 0x1d400 && cp <= 0x1d7ff) ||
    (cp >= 0xfb00 && cp <= 0xfb06) ||
    (cp >= 0x24b6 && cp <= 0x24e9)
  ) {
    return ch.normalize('NFKC');
  }
  return undefined;
}

/** HTML character references someone might paste or type into a draft ("guar&#97;ntee", "fully&nbsp;secure"). */
const NAMED_ENTITIES: Record<string, number> = {
  amp: 0x26,
  AMP: 0x26,
  lt: 0x3c,
  LT: 0x3c,
  gt: 0x3e,
  GT: 0x3e,
  quot: 0x22,
  QUOT: 0x22,
  apos: 0x27,
  nbsp: 0xa0,
  NonBreakingSpace: 0xa0,
  shy: 0xad,
  zwj: 0x200d,
  zwnj: 0x200c,
  ZeroWidthSpace: 0x200b,
  NoBreak: 0x2060,
  ensp: 0x2002,
  emsp: 0x2003,
  thinsp: 0x2009,
  hairsp: 0x200a,
  hyphen: 0x2010,
  dash: 0x2010,
  ndash: 0x2013,
  mdash: 0x2014,
  minus: 0x2212,
  lsquo: 0x2018,
  rsquo: 0x2019,
  sbquo: 0x201a,
  ldquo: 0x201c,
  rdquo: 0x201d,
  bdquo: 0x201e,
  percnt: 0x25,
  num: 0x23,
  dollar: 0x24,
  period: 0x2e,
  comma: 0x2c,
  colon: 0x3a,
  lpar: 0x28,
  rpar: 0x29,
  lowbar: 0x5f,
  UnderBar: 0x5f,
  lbrace: 0x7b,
  rbrace: 0x7d,
  lsqb: 0x5b,
  rsqb: 0x5d,
  sol: 0x2f,
  bsol: 0x5c,
  ast: 0x2a,
  plus: 0x2b,
  equals: 0x3d,
  excl: 0x21,
  quest: 0x3f,
  commat: 0x40,
  Hat: 0x5e,
  grave: 0x60,
  verbar: 0x7c,
  tilde: 0x2dc,
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;

/** The code point an HTML character reference at `i` stands for, and its length; undefined if none. */
function entityAt(s: string, i: number): [cp: number, length: number] | undefined {
  ENTITY.lastIndex = i;
  const m = ENTITY.exec(s);
  if (!m) return undefined;
  const cp =
    m[1] !== undefined
      ? Number.parseInt(m[1], 10)
      : m[2] !== undefined
        ? Number.parseInt(m[2], 16)
        : NAMED_ENTITIES[m[3]!];
  if (cp === undefined || cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
  return [cp, m[0].length];
}

const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;

function isLetterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER.test(String.fromCodePoint(s.codePointAt(i)!));
}

function isHyphen(code: number): boolean {
  return code === 0x2d || code === 0xad || code === 0x2010 || code === 0x2011;
}

/**
 * A word hyphenated across a line break ("guaran-\ntee"): a hyphen right after a letter, one line break
 * (spaces or tabs around it) and a lower-case letter. Returns where the word continues, or -1.
 */
function lineBreakHyphenEnd(s: string, i: number): number {
  if (i === 0 || !isLetterAt(s, i - 1)) return -1;
  let j = i + 1;
  while (s.charCodeAt(j) === 0x20 || s.charCodeAt(j) === 0x09) j++;
  if (s.charCodeAt(j) === 0x0d) j++;
  if (s.charCodeAt(j) !== 0x0a) return -1;
  j++;
  while (s.charCodeAt(j) === 0x20 || s.charCodeAt(j) === 0x09) j++;
  const c = s.charCodeAt(j);
  if (c >= 97 && c <= 122) return j;
  if (c < 0x80 || Number.isNaN(c)) return -1;
  return LOWER.test(String.fromCodePoint(s.codePointAt(j)!)) ? j : -1;
}

/** Whether anything at all needs folding: the common case is plain ASCII prose, kept with an identity map. */
function needsFolding(s: string): boolean {
  const len = s.length;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7e || isControl(c)) return true;
    if (c === 0x26 && entityAt(s, i)) return true;
    if (c === 0x2d) {
      const next = s.charCodeAt(i + 1);
      if (
        (next === 0x0a || next === 0x0d || next === 0x20 || next === 0x09) &&
        lineBreakHyphenEnd(s, i) !== -1
      )
        return true;
    }
  }
  return false;
}

function isAsciiLetter(s: string | undefined): boolean {
  if (s === undefined) return false;
  const c = s.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

export function normalize(original: string): NormalizedText {
  const len = original.length;
  if (!needsFolding(original))
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
  /** Folds one code point standing for original[from, to) (itself, or an HTML reference to it). */
  const fold = (cp: number, from: number, to: number) => {
    if (cp <= 0x7f) {
      if (!isControl(cp)) push(String.fromCharCode(cp), from, to);
      return;
    }
    if (isInvisible(cp)) return;
    if (isCombiningMark(cp) && isAsciiLetter(out[out.length - 1])) return;
    if (isSpace(cp)) {
      push(' ', from, to);
      return;
    }
    const ch = String.fromCodePoint(cp);
    push(HOMOGLYPHS[ch] ?? compatibilityFold(cp, ch) ?? ch, from, to);
  };
  let i = 0;
  while (i < len) {
    const code = original.charCodeAt(i);
    if (code < 0x7f && code !== 0x26 && code !== 0x2d && !isControl(code)) {
      out.push(original[i]!);
      startList.push(i);
      endList.push(i + 1);
      i++;
      continue;
    }
    if (code === 0x26) {
      const entity = entityAt(original, i);
      if (entity) {
        fold(entity[0], i, i + entity[1]);
        i += entity[1];
        continue;
      }
    }
    if (isHyphen(code)) {
      const next = lineBreakHyphenEnd(original, i);
      if (next !== -1) {
        i = next;
        continue;
      }
    }
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    fold(cp, i, i + width);
    i += width;
  }
  const text = out.join('');
  const parts: string[] = [];
  for (const ch of out) {
    const l = ch.toLowerCase();
    parts.push(l.length === 1 ? l : ch);
  }
  const lower = parts.join('');
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
