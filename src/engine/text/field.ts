import { type NormalizedText, normalize, toOriginal } from './normalize.ts';
import { type Part, type PartName, splitParts } from './parts.ts';
import { findSpan, type Span, splitSentences } from './sentences.ts';

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

  constructor(
    readonly name: FieldName,
    readonly original: string,
  ) {
    this.norm = normalize(original);
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

  /** Sentences in normalised offsets; never crossing a part boundary. */
  get sentences(): Span[] {
    if (!this.#sentences) {
      const out: Span[] = [];
      for (const p of this.parts) out.push(...splitSentences(this.norm.text, p.start, p.end));
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
