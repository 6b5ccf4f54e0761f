import { describe, expect, it } from 'vitest';
import { type AuditEntry, AuditEntryInputSchema } from './messages.ts';
import { appendBounded, MAX_AUDIT_ENTRIES, readEntries, toCsv, toJson } from './audit-log.ts';

function entry(i: number, extra: Partial<AuditEntry> = {}): AuditEntry {
  return {
    site: 'gmail',
    via: 'click',
    decision: 'sent-anyway',
    ruleIds: ['placeholder/bracket-field'],
    justification: 'Customer asked for it',
    recipientDomains: ['contoso.example'],
    bodySha256: 'a'.repeat(64),
    at: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
    ...extra,
  };
}

describe('audit log', () => {
  it('keeps at most the bound, dropping the oldest first', () => {
    let list: AuditEntry[] = [];
    for (let i = 0; i < MAX_AUDIT_ENTRIES + 5; i++) list = appendBounded(list, entry(i));
    expect(list).toHaveLength(MAX_AUDIT_ENTRIES);
    expect(list[0]?.at).toBe(entry(5).at);
    expect(list.at(-1)?.at).toBe(entry(MAX_AUDIT_ENTRIES + 4).at);
    expect(appendBounded([entry(1), entry(2)], entry(3), 2).map((e) => e.at)).toEqual([
      entry(2).at,
      entry(3).at,
    ]);
  });

  it('refuses an entry that carries the body or a full address', () => {
    const base = { ...entry(0) } as Record<string, unknown>;
    delete base.at;
    expect(AuditEntryInputSchema.safeParse(base).success).toBe(true);
    expect(AuditEntryInputSchema.safeParse({ ...base, body: 'Hi Dana' }).success).toBe(false);
    expect(
      AuditEntryInputSchema.safeParse({ ...base, recipientDomains: ['dana@contoso.example'] }).success,
    ).toBe(false);
    expect(AuditEntryInputSchema.safeParse({ ...base, bodySha256: 'Hi Dana' }).success).toBe(false);
  });

  it('drops malformed stored entries and exports JSON and CSV without any text but the justification', () => {
    const list = readEntries([
      entry(1),
      { nonsense: true },
      entry(2, { justification: '=SUM(A1), "quoted"' }),
    ]);
    expect(list).toHaveLength(2);
    const json = JSON.parse(toJson(list)) as { version: number; entries: unknown[] };
    expect(json.entries).toHaveLength(2);
    const csv = toCsv(list).split('\r\n');
    expect(csv[0]).toBe(
      'at,decidedAt,site,via,decision,ruleIds,justification,recipientDomains,bodySha256,checkerFailure',
    );
    expect(csv[2]).toContain(`"'=SUM(A1), ""quoted"""`);
  });

  it('quotes line breaks and every formula start in CSV, and ends each row with CRLF', () => {
    const list = readEntries([
      entry(1, { justification: 'line one\nline two' }),
      entry(2, { justification: '@cmd' }),
      entry(3, { justification: '-2+3' }),
    ]);
    const csv = toCsv(list);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"line one\nline two"');
    expect(csv).toContain(`"'@cmd"`);
    expect(csv).toContain(`"'-2+3"`);
    expect(toCsv([])).toBe(
      'at,decidedAt,site,via,decision,ruleIds,justification,recipientDomains,bodySha256,checkerFailure\r\n',
    );
  });
});
