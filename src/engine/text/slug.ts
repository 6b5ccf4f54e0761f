/**
 * Names written as slugs or codes ("initech-renewal-deck.pdf", "INITECH_Q3.xlsx", "q3_initech_v2.docx",
 * "AcmeRoboticsQBR.pptx") read as words: split at hyphens, underscores, dots and other punctuation, where
 * the case changes (lower to upper, and before the last capital of a run followed by lower case: "QBRDeck")
 * and between letters and digits. The words are joined by single spaces, each character remembering where it
 * stood, so a name matcher can read the slug like a sentence and findings point at the file name as written.
 */

export interface SlugView {
  /** The words, separated by single spaces. */
  readonly text: string;
  readonly lower: string;
  /** Per character of `text`: its offset in the source (-1 for an inserted space). */
  readonly at: readonly number[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{N}/u;

type Kind = 'upper' | 'lower' | 'digit' | 'other';

function kindOf(ch: string | undefined): Kind {
  if (ch === undefined || !LETTER_OR_DIGIT.test(ch)) return 'other';
  if (DIGIT.test(ch)) return 'digit';
  if (UPPER.test(ch)) return 'upper';
  return LOWER.test(ch) ? 'lower' : 'upper'; // letters without case behave as capitals do: no split inside
}

/**
 * The words of `source[from, to)` read as a slug; `lower` is the source lower-cased character by character
 * (same indices), as a normalised field has it.
 */
export function slugView(source: string, lower: string, from = 0, to = source.length): SlugView {
  let text = '';
  let low = '';
  const at: number[] = [];
  const space = () => {
    if (text !== '' && !text.endsWith(' ')) {
      text += ' ';
      low += ' ';
      at.push(-1);
    }
  };
  let prev: Kind = 'other';
  for (let i = from; i < to; i++) {
    const ch = source[i]!;
    const kind = kindOf(ch);
    if (kind === 'other') {
      space();
      prev = 'other';
      continue;
    }
    const next = kindOf(source[i + 1]);
    const boundary =
      (prev === 'lower' && kind === 'upper') ||
      (prev === 'digit') !== (kind === 'digit') ||
      (prev === 'upper' && kind === 'upper' && next === 'lower');
    if (prev !== 'other' && boundary) space();
    text += ch;
    low += lower[i] ?? ch;
    at.push(i);
    prev = kind;
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    low = low.slice(0, -1);
    at.pop();
  }
  return { text, lower: low, at };
}
