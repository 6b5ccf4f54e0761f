// The send gate's audit log: every held send and what the person decided. Bounded, oldest first out; it
// holds rule ids, recipient domains and a body hash, never the email's text or a full address (the entry
// schema is strict, so nothing else can arrive). Pure: the worker exports it, platform/audit.ts stores it.
import { unparse } from 'papaparse';
import { type AuditEntry, AuditEntrySchema } from './messages.ts';

/** The oldest entries go first past this many. */
export const MAX_AUDIT_ENTRIES = 1000;

/** Keeps only well-formed entries from whatever storage held. */
export function readEntries(stored: unknown): AuditEntry[] {
  if (!Array.isArray(stored)) return [];
  const out: AuditEntry[] = [];
  for (const item of stored) {
    const parsed = AuditEntrySchema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export function appendBounded(
  list: readonly AuditEntry[],
  entry: AuditEntry,
  max = MAX_AUDIT_ENTRIES,
): AuditEntry[] {
  const next = [...list, entry];
  return next.length > max ? next.slice(next.length - max) : next;
}

const CSV_COLUMNS = [
  'at',
  'decidedAt',
  'site',
  'via',
  'decision',
  'ruleIds',
  'justification',
  'recipientDomains',
  'bodySha256',
  'checkerFailure',
] as const;

/**
 * RFC 4180 CSV with CRLF line ends, by papaparse's unparse. `escapeFormulae` quotes a cell that starts with
 * = + - @ tab or CR behind a ' so a spreadsheet shows it as text instead of running it as a formula.
 */
export function toCsv(entries: readonly AuditEntry[]): string {
  const data = entries.map((entry) =>
    CSV_COLUMNS.map((column) => {
      const value = entry[column];
      if (value === undefined) return '';
      return Array.isArray(value) ? value.join(' ') : String(value);
    }),
  );
  const csv = unparse({ fields: [...CSV_COLUMNS], data }, { escapeFormulae: true, newline: '\r\n' });
  // unparse ends the header with a line break only when no rows follow it.
  return csv.endsWith('\r\n') ? csv : `${csv}\r\n`;
}

export function toJson(entries: readonly AuditEntry[]): string {
  return `${JSON.stringify({ version: 1, entries }, null, 2)}\n`;
}
