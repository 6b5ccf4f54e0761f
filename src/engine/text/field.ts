import { type NormalizedText, normalize, startOf, toOriginal } from './normalize.ts';
import { type Part, type PartName, splitParts } from './parts.ts';
import { findSpan, joinWrappedLines, type Span, splitSentences } from './sentences.ts';

/** Where in a draft a rule reads. `body` means greeting + main text (no signature, no quoted history). */
export type Scope =
  | 'subject'
  | 'body'
  | 'body.greeting'
  | 'body.main'
  | 'body.signature'
  | 'body.quoted'
  | 'body.all'
  | 'recipients'
  | 'attachments';

export type FieldName = 'body' | 'subject' | 'recipients' | 'attachments';

/**
 * One field of the draft, normalised once per check. Matching happens on `norm.text` / `norm.lower`;
 * `toOriginal` turns a normalised range into offsets of the field's original text.
 */
export class FieldText {
  readonly norm: NormalizedText;
  #parts: Part[] | undefined;
  #sentences: Span[] | undefined;
  #paragraphs: Span[] | undefined;

  constructor(
    readonly name: FieldName,
    readonly original: string,
    prepared?: { readonly norm: NormalizedText; readonly parts: Part[] },
  ) {
    this.norm = prepared?.norm ?? normalize(original);
    this.#parts = prepared?.parts;
  }

  /**
   * The paragraphs of this field in normalised offsets: runs of lines between blank lines (the unit the
   * engine caches paragraph-local rule findings by). Blank lines belong to no paragraph.
   */
  get paragraphs(): Span[] {
    if (!this.#paragraphs) {
      const text = this.norm.text;
      const out: Span[] = [];
      const blank = /\n[ \t\r]*\n(?:[ \t\r]*\n)*/g;
      let start = 0;
      for (const m of text.matchAll(blank)) {
        if (m.index > start) out.push([start, m.index]);
        start = m.index + m[0].length;
      }
      if (text.length > start) out.push([start, text.length]);
      this.#paragraphs = out;
    }
    return this.#paragraphs;
  }

  /**
   * The field as a rule sees it when it reads only the paragraph [start, end) (normalised offsets): its text,
   * the parts that overlap it (clipped) and offsets relative to the paragraph, original ones included.
   */
  window(start: number, end: number): FieldText {
    const n = this.norm;
    const oStart = startOf(n, start);
    const oEnd = end >= n.text.length ? n.originalLength : startOf(n, end);
    let norm: NormalizedText;
    if (n.identity) {
      const text = n.text.slice(start, end);
      norm = {
        text,
        lower: n.lower.slice(start, end),
        starts: n.starts,
        ends: n.ends,
        originalLength: oEnd - oStart,
        identity: true,
      };
    } else {
      const starts = new Uint32Array(end - start + 1);
      const ends = new Uint32Array(end - start);
      for (let i = start; i < end; i++) {
        starts[i - start] = n.starts[i]! - oStart;
        ends[i - start] = n.ends[i]! - oStart;
      }
      starts[end - start] = oEnd - oStart;
      norm = {
        text: n.text.slice(start, end),
        lower: n.lower.slice(start, end),
        starts,
        ends,
        originalLength: oEnd - oStart,
        identity: false,
      };
    }
    const parts: Part[] = [];
    for (const p of this.parts) {
      const s = Math.max(p.start, start);
      const e = Math.min(p.end, end);
      if (e > s) parts.push({ part: p.part, start: s - start, end: e - start });
    }
    return new FieldText(this.name, this.original.slice(oStart, oEnd), { norm, parts });
  }

  get text(): string {
    return this.norm.text;
  }
  get lower(): string {
    return this.norm.lower;
  }

  /** Body parts in normalised offsets; other fields are one `main` part. */
  get parts(): Part[] {
    if (!this.#parts) {
      this.#parts =
        this.name === 'body'
          ? splitParts(this.norm.text)
          : [{ part: 'main', start: 0, end: this.norm.text.length }];
    }
    return this.#parts;
  }

  /** Sentences in normalised offsets, wrapped lines joined; never crossing a part boundary. */
  get sentences(): Span[] {
    if (!this.#sentences) {
      const out: Span[] = [];
      for (const p of this.parts)
        out.push(...joinWrappedLines(this.norm.text, splitSentences(this.norm.text, p.start, p.end)));
      this.#sentences = out;
    }
    return this.#sentences;
  }

  sentenceAt(pos: number): Span | undefined {
    const i = findSpan(this.sentences, pos);
    return i === -1 ? undefined : this.sentences[i];
  }

  sentenceIndex(pos: number): number {
    return findSpan(this.sentences, pos);
  }

  /** The parts a body scope admits. */
  static partsFor(scopes: readonly Scope[]): Set<PartName> {
    const set = new Set<PartName>();
    for (const s of scopes) {
      if (s === 'body' || s === 'body.all') {
        set.add('greeting');
        set.add('main');
      }
      if (s === 'body.all') {
        set.add('signature');
        set.add('quoted');
      }
      if (s === 'body.greeting') set.add('greeting');
      if (s === 'body.main') set.add('main');
      if (s === 'body.signature') set.add('signature');
      if (s === 'body.quoted') set.add('quoted');
    }
    return set;
  }

  /** Normalised ranges this field exposes to a rule with these scopes (empty when out of scope). */
  rangesFor(scopes: readonly Scope[]): Span[] {
    if (this.name !== 'body') return scopes.includes(this.name) ? [[0, this.norm.text.length]] : [];
    const allowed = FieldText.partsFor(scopes);
    return this.parts.filter((p) => allowed.has(p.part)).map((p) => [p.start, p.end] as const);
  }

  toOriginal(start: number, end: number): [number, number] {
    return toOriginal(this.norm, start, end);
  }
}

export function inRanges(ranges: readonly Span[], start: number, end: number): boolean {
  for (const [s, e] of ranges) if (start >= s && end <= e) return true;
  return false;
}
