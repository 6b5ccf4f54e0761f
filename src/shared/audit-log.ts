// The send gate's audit log: every held send and what the person decided. Bounded, oldest first out; it
// holds rule ids, recipient domains and a body hash, never the email's text or a full address (the entry
// schema is strict, so nothing else can arrive). Pure: the worker exports it, platform/audit.ts stores it.
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

function csvCell(value: string): string {
  // A cell starting with = + - @ would be a formula in a spreadsheet: quote it as text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(entries: readonly AuditEntry[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const entry of entries) {
    rows.push(
      CSV_COLUMNS.map((column) => {
        const value = entry[column];
        if (value === undefined) return '';
        return csvCell(Array.isArray(value) ? value.join(' ') : String(value));
      }).join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

export function toJson(entries: readonly AuditEntry[]): string {
  return `${JSON.stringify({ version: 1, entries }, null, 2)}\n`;
}
