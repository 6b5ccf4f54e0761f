import type { CompiledPolicy, DomainOwner } from './compile.ts';
import type { RawFinding } from './raw-finding.ts';
import type { Draft } from './schemas/draft.ts';
import type { Policy } from './schemas/policy.ts';
import { type Address, parseAddress } from './text/address.ts';
import { type FieldName, FieldText } from './text/field.ts';
import {
  analyseSentence,
  fullReaderLoaded,
  isCached,
  quickAnalysis,
  type SentenceAnalysis,
} from './text/nlp.ts';
import { readSentence } from './text/reading.ts';
import {
  type EmailKind,
  kindsOf,
  languageOf,
  type PieceSignals,
  pieceSignals,
  type Severity,
  severityOf,
} from './text/signals.ts';

/** Full compromise parses per check; past this, word lists decide (see quickAnalysis). */
const FULL_PARSE_BUDGET = 100;

export interface Recipient extends Address {
  readonly list: 'to' | 'cc' | 'bcc';
  /** Offsets of this recipient in the recipients field text ([...to, ...cc, ...bcc].join(', ')). */
  readonly start: number;
  readonly end: number;
  readonly owner: DomainOwner;
}

export interface AttachmentSpan {
  readonly name: string;
  /** Offsets in the attachments field text (names joined by ', '). */
  readonly start: number;
  readonly end: number;
}

export function recipientsText(draft: Draft): string {
  return [...draft.to, ...draft.cc, ...draft.bcc].join(', ');
}

export function attachmentsText(draft: Draft): string {
  return (draft.attachments ?? []).map((a) => a.name).join(', ');
}

/**
 * What a paragraph-local rule sees (see Rule.local): some fields replaced (the body by one paragraph, or by
 * nothing), everything about the email as a whole read from the full check's context.
 */
export interface ContextView {
  readonly parent: CheckContext;
  readonly fields: Partial<Record<FieldName, FieldText>>;
}

/** Everything a rule may read for one check. Fields are normalised lazily and once. */
export class CheckContext {
  readonly policy: Policy;
  readonly #now: Date | undefined;
  readonly #view: ContextView | undefined;
  readonly #fields = new Map<FieldName, FieldText>();
  #recipients: Recipient[] | undefined;
  #attachments: AttachmentSpan[] | undefined;
  #parses = 0;
  #ownBody: string | undefined;
  #severity: { value: Severity | undefined; from: 'thread' | 'text' | 'none' } | undefined;
  #kinds: EmailKind[] | undefined;
  #language: string | undefined;
  #pieces: { subject: PieceSignals; own: PieceSignals[]; quoted: PieceSignals[] } | undefined;

  constructor(
    readonly draft: Draft,
    readonly compiled: CompiledPolicy,
    view?: ContextView,
    /** Word lists read sentences while compromise has not started (CheckOptions.fullReader `if-loaded`). */
    readonly onlyLoadedReader = false,
  ) {
    this.policy = compiled.policy;
    this.#view = view;
    // A view never reads the clock (see `now`).
    const t = draft.now && !view ? Date.parse(draft.now) : Number.NaN;
    this.#now = Number.isNaN(t) ? undefined : new Date(t);
  }

  /** A context for a paragraph-local rule: `fields` replace the draft's (others as they are), the rest is this check's. */
  view(fields: Partial<Record<FieldName, FieldText>>): CheckContext {
    return new CheckContext(this.draft, this.compiled, { parent: this, fields }, this.onlyLoadedReader);
  }

  /** The send time (draft.now). Not for paragraph-local rules: their findings are cached across checks. */
  get now(): Date | undefined {
    if (this.#view) throw new Error('a paragraph-local rule read the clock');
    return this.#now;
  }

  field(name: FieldName): FieldText {
    let f = this.#fields.get(name);
    if (!f && this.#view) {
      f = this.#view.fields[name] ?? this.#view.parent.field(name);
      this.#fields.set(name, f);
    }
    if (!f) {
      const text =
        name === 'body'
          ? this.draft.body
          : name === 'subject'
            ? this.draft.subject
            : name === 'recipients'
              ? recipientsText(this.draft)
              : attachmentsText(this.draft);
      f = new FieldText(name, text);
      this.#fields.set(name, f);
    }
    return f;
  }

  get recipients(): Recipient[] {
    if (this.#view) return this.#view.parent.recipients;
    if (!this.#recipients) {
      const out: Recipient[] = [];
      let offset = 0;
      const lists = [
        ['to', this.draft.to],
        ['cc', this.draft.cc],
        ['bcc', this.draft.bcc],
      ] as const;
      for (const [list, entries] of lists) {
        for (const raw of entries) {
          const a = parseAddress(raw);
          out.push({
            ...a,
            list,
            start: offset,
            end: offset + raw.length,
            owner: this.compiled.resolveAddress(raw),
          });
          offset += raw.length + 2;
        }
      }
      this.#recipients = out;
    }
    return this.#recipients;
  }

  get attachments(): AttachmentSpan[] {
    if (this.#view) return this.#view.parent.attachments;
    if (!this.#attachments) {
      let offset = 0;
      this.#attachments = (this.draft.attachments ?? []).map((a) => {
        const span = { name: a.name, start: offset, end: offset + a.name.length };
        offset += a.name.length + 2;
        return span;
      });
    }
    return this.#attachments;
  }

  /** The customer accounts the recipients belong to, in order of first appearance. */
  get recipientAccounts(): string[] {
    const ids: string[] = [];
    for (const r of this.recipients)
      if (r.owner.kind === 'account' && !ids.includes(r.owner.id)) ids.push(r.owner.id);
    return ids;
  }

  /** True when there is at least one recipient and every one is on an internal domain. */
  get internalOnly(): boolean {
    return this.recipients.length > 0 && this.recipients.every((r) => r.owner.kind === 'internal');
  }

  /** The sender's own text of the body (greeting + main, normalised), parts joined by newlines. */
  get ownBody(): string {
    if (this.#view) throw new Error('a paragraph-local rule read the whole body');
    if (this.#ownBody === undefined) {
      const body = this.field('body');
      this.#ownBody = body
        .rangesFor(['body'])
        .map(([s, e]) => body.text.slice(s, e))
        .join('\n');
    }
    return this.#ownBody;
  }

  /** Incident severity: thread.severity when set, else what the subject and body say ("Sev 1", "P2", "outage"). */
  get severity(): Severity | undefined {
    return this.#readSeverity().value;
  }

  get severitySource(): 'thread' | 'text' | 'none' {
    return this.#readSeverity().from;
  }

  #readSeverity(): { value: Severity | undefined; from: 'thread' | 'text' | 'none' } {
    if (this.#view) return this.#view.parent.#readSeverity();
    if (!this.#severity) {
      const fromThread = this.draft.thread?.severity;
      if (fromThread !== undefined) this.#severity = { value: fromThread, from: 'thread' };
      else {
        const { subject, own, quoted } = this.#readPieces();
        const value = severityOf([subject, ...own, ...quoted]);
        this.#severity = { value, from: value === undefined ? 'none' : 'text' };
      }
    }
    return this.#severity;
  }

  /** Every kind the email reads as, the primary one first (see text/signals.ts). */
  get kinds(): readonly EmailKind[] {
    if (this.#view) return this.#view.parent.kinds;
    if (!this.#kinds) {
      const { subject, own } = this.#readPieces();
      this.#kinds = kindsOf({
        subject: this.field('subject').text,
        subjectSignals: subject,
        body: own,
        attachments: this.field('attachments').text,
        internalOnly: this.internalOnly,
        severity: this.severity,
      });
    }
    return this.#kinds;
  }

  get kind(): EmailKind {
    return this.kinds[0] ?? 'other';
  }

  isKind(...kinds: EmailKind[]): boolean {
    return this.kinds.some((k) => kinds.includes(k));
  }

  /** ISO 639-1 code of the draft's language (`en` when it cannot tell). */
  get language(): string {
    if (this.#view) return this.#view.parent.language;
    if (this.#language === undefined) {
      const { subject, own } = this.#readPieces();
      this.#language = languageOf([subject, ...own]);
    }
    return this.#language;
  }

  /**
   * The subject, the sender's own text (greeting and main) and the quoted history, read for the whole-email
   * signals paragraph by paragraph (each piece memoised by its text: typing re-reads one paragraph).
   */
  #readPieces(): { subject: PieceSignals; own: PieceSignals[]; quoted: PieceSignals[] } {
    if (!this.#pieces) {
      const body = this.field('body');
      const own: PieceSignals[] = [];
      const quoted: PieceSignals[] = [];
      const parts = body.parts;
      for (const [start, end] of body.paragraphs) {
        for (const p of parts) {
          if (p.end <= start || p.start >= end || p.part === 'signature') continue;
          const piece = pieceSignals(body.text.slice(Math.max(p.start, start), Math.min(p.end, end)));
          (p.part === 'quoted' ? quoted : own).push(piece);
        }
      }
      this.#pieces = { subject: pieceSignals(this.field('subject').text), own, quoted };
    }
    return this.#pieces;
  }

  /**
   * The word-list reading of a sentence of a field (negations, hedges, question, dates; normalised offsets,
   * relative to the sentence start), cached per sentence text. Cheap enough for every candidate sentence.
   */
  analyse(field: FieldText, start: number, end: number): SentenceAnalysis {
    return readSentence(field.text.slice(start, end));
  }

  /**
   * compromise's reading of a sentence, for what word lists do badly: where dates and durations stand
   * ("have it done Friday", "by the end of next week"). Only sentences a rule's prefilter picked get here;
   * readings are cached per sentence text, so a check after typing re-parses only the sentence that changed.
   * Past a budget of full parses per check the word lists decide, so a pathological draft still finishes.
   */
  analyseDeeply(field: FieldText, start: number, end: number): SentenceAnalysis {
    // One parse budget per check, paragraph runs included.
    if (this.#view) return this.#view.parent.analyseDeeply(field, start, end);
    const text = field.text.slice(start, end);
    if (this.onlyLoadedReader && !fullReaderLoaded()) return readSentence(text);
    if (isCached(text)) return analyseSentence(text);
    if (this.#parses >= FULL_PARSE_BUDGET) return quickAnalysis(text);
    this.#parses++;
    return analyseSentence(text);
  }

  /** A finding from a normalised range of a field. */
  report(field: FieldText, start: number, end: number, message: string, suggestion?: string): RawFinding {
    const [s, e] = field.toOriginal(start, end);
    return suggestion === undefined
      ? { field: field.name, start: s, end: e, message }
      : { field: field.name, start: s, end: e, message, suggestion };
  }

  /**
   * The signals of each paragraph of the sender's own text (greeting and main), memoised per paragraph: a
   * whole-body rule can rule an email out from them without reading the body again.
   */
  get ownPieces(): readonly PieceSignals[] {
    if (this.#view) throw new Error('a paragraph-local rule read the whole body');
    return this.#readPieces().own;
  }
}
