// One message of an audit: read as `preflight check` reads an .eml file (postal-mime; the Date header is the
// send time), checked, and boiled down to what the report counts. Runs in a worker thread or in the main
// one; what leaves it is small (rule ids, severities, a sender domain, a month), never the body, except the
// short excerpts `--examples` asks for.
import type { CheckResult, Draft, Finding, FindingSeverity, Policy } from '../../engine/index.ts';
import { binaryKind } from '../binary.ts';
import { fieldText } from '../locate.ts';
import { isEmptyDraft, parseEml } from '../read-input.ts';

export interface AuditSettings {
  policy?: Policy;
  /** The send time of messages without a Date header (ISO). */
  now: string;
  /** Only messages sent at or after this instant (ISO), and before `until`. */
  since?: string;
  until?: string;
  /** Whether findings carry an excerpt and the sentence around it. */
  examples: boolean;
}

export interface FindingSummary {
  ruleId: string;
  category: Finding['category'];
  severity: FindingSeverity;
  /** Holds the send: blocking and not in shadow (observe-only) mode. */
  holds: boolean;
  overridable: boolean;
  excerpt?: string;
  context?: string;
}

export type MessageSummary =
  | { kind: 'unreadable'; reason: string }
  | { kind: 'outside'; why: 'before' | 'after' | 'undated' }
  | {
      kind: 'checked';
      /** ISO time of the Date header, when there was a valid one. */
      date?: string;
      /** The sender's domain, lower case; "" when there is no From address. */
      domain: string;
      empty: boolean;
      findings: FindingSummary[];
      /** Rules that threw: the result is incomplete. */
      incomplete: string[];
    };

export type CheckFn = (draft: Draft, policy?: Policy) => CheckResult | Promise<CheckResult>;

/** The domain of a From value such as "Ann Lee <ann@acme.example>" or "ann@acme.example". */
export function senderDomain(from: string | undefined): string {
  const match = /@([^\s<>@]+?)>?\s*$/.exec(from ?? '');
  return match?.[1]?.toLowerCase() ?? '';
}

const MAX_CONTEXT = 240;
/** A message opens with a header line ("Name: value"), after any blank lines. */
const HEADER = /^[\r\n]*[!-9;-~]+:/;

/** The flagged words and at most the sentence around them, cut to a readable length. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < MAX_CONTEXT) {
    const c = text[from - 1];
    if (c === '\n' || ((c === '.' || c === '!' || c === '?') && /\s/.test(text[from] ?? ''))) break;
    from--;
  }
  let to = end;
  while (to < text.length && to - end < MAX_CONTEXT) {
    const c = text[to];
    if (c === '\n') break;
    to++;
    if ((c === '.' || c === '!' || c === '?') && /\s|$/.test(text[to] ?? '')) break;
  }
  const cutBefore = from > 0 && text[from - 1] !== '\n' && !/[.!?]/.test(text[from - 1] ?? '');
  const cutAfter = to < text.length && text[to] !== '\n' && !/[.!?]/.test(text[to - 1] ?? '');
  const sentence = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${cutBefore ? '…' : ''}${sentence}${cutAfter ? '…' : ''}`;
}

export async function auditMessage(
  bytes: Uint8Array,
  settings: AuditSettings,
  check: CheckFn,
): Promise<MessageSummary> {
  const binary = binaryKind(bytes);
  if (binary) return { kind: 'unreadable', reason: `binary data (${binary}), not an email` };
  if (
    !HEADER.test(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1000)).toString('latin1'))
  )
    return { kind: 'unreadable', reason: 'no mail headers at the start of the message' };
  const read = await parseEml(bytes);
  if (!read.ok) return { kind: 'unreadable', reason: read.issues.join('; ') };
  const draft = read.draft;
  const date = draft.now;
  if (settings.since !== undefined || settings.until !== undefined) {
    if (date === undefined) return { kind: 'outside', why: 'undated' };
    const time = Date.parse(date);
    if (settings.since !== undefined && time < Date.parse(settings.since))
      return { kind: 'outside', why: 'before' };
    if (settings.until !== undefined && time >= Date.parse(settings.until))
      return { kind: 'outside', why: 'after' };
  }
  const domain = senderDomain(draft.from);
  if (isEmptyDraft(draft))
    return { kind: 'checked', date, domain, empty: true, findings: [], incomplete: [] };
  const result = await check(date ? draft : { ...draft, now: settings.now }, settings.policy);
  const findings = result.findings.map((finding): FindingSummary => {
    const summary: FindingSummary = {
      ruleId: finding.ruleId,
      category: finding.category,
      severity: finding.severity,
      holds: finding.severity === 'block' && finding.shadow !== true,
      overridable: finding.overridable !== false,
    };
    if (settings.examples) {
      summary.excerpt = finding.excerpt.slice(0, MAX_CONTEXT);
      summary.context = sentenceAround(fieldText(draft, finding.field), finding.start, finding.end);
    }
    return summary;
  });
  return {
    kind: 'checked',
    date,
    domain,
    empty: false,
    findings,
    incomplete: (result.incomplete ?? []).map((failure) => failure.ruleId),
  };
}
