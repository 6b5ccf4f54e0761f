import type { CompiledPolicy, DomainOwner } from './compile.ts';
import type { RawFinding } from './rule.ts';
import type { Draft } from './schemas/draft.ts';
import type { Policy } from './schemas/policy.ts';
import { type Address, parseAddress } from './text/address.ts';
import { type FieldName, FieldText } from './text/field.ts';
import { analyseSentence, isCached, quickAnalysis, type SentenceAnalysis } from './text/nlp.ts';

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

/** Everything a rule may read for one check. Fields are normalised lazily and once. */
export class CheckContext {
  readonly policy: Policy;
  readonly now: Date | undefined;
  readonly #fields = new Map<FieldName, FieldText>();
  #recipients: Recipient[] | undefined;
  #attachments: AttachmentSpan[] | undefined;
  #parses = 0;

  constructor(
    readonly draft: Draft,
    readonly compiled: CompiledPolicy,
  ) {
    this.policy = compiled.policy;
    const t = draft.now ? Date.parse(draft.now) : Number.NaN;
    this.now = Number.isNaN(t) ? undefined : new Date(t);
  }

  field(name: FieldName): FieldText {
    let f = this.#fields.get(name);
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

  /** compromise's reading of a sentence of a field (normalised offsets), relative to the sentence start. */
  analyse(field: FieldText, start: number, end: number): SentenceAnalysis {
    const text = field.text.slice(start, end);
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
}
