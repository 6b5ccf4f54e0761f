import { describe, expect, it, vi } from 'vitest';

const area: Record<string, unknown> = {};
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        get: async (key: string) => (key in area ? { [key]: structuredClone(area[key]) } : {}),
        set: async (items: Record<string, unknown>) => {
          Object.assign(area, structuredClone(items));
        },
      },
    },
  },
}));

const { appendFalsePositiveReport, FALSE_POSITIVE_KEY, MAX_REPORTS } = await import('./reports.ts');
const { appendAuditEntry, AUDIT_KEY, listAuditEntries } = await import('./audit.ts');
const { MAX_AUDIT_ENTRIES } = await import('../shared/audit-log.ts');

// How long what Preflight keeps is kept: each list in storage.local is bounded and drops its oldest first
// (README, "Security and privacy").

describe('false-positive reports', () => {
  it('keeps at most 500 in storage.local, dropping the oldest first', async () => {
    const report = (i: number) => ({
      ruleId: 'tone/per-my-last',
      category: 'tone' as const,
      excerptLength: i,
      site: 'gmail' as const,
      at: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
    });
    let stored = 0;
    for (let i = 0; i < MAX_REPORTS + 3; i++) stored = await appendFalsePositiveReport(report(i));
    expect(MAX_REPORTS).toBe(500);
    expect(stored).toBe(MAX_REPORTS);
    const list = area[FALSE_POSITIVE_KEY] as { excerptLength: number }[];
    expect(list).toHaveLength(MAX_REPORTS);
    expect(list[0]?.excerptLength).toBe(3);
    expect(list.at(-1)?.excerptLength).toBe(MAX_REPORTS + 2);
  });
});

describe('the audit log in storage', () => {
  it('keeps at most 1,000 entries in storage.local, dropping the oldest first', async () => {
    const entry = (i: number) => ({
      site: 'gmail' as const,
      via: 'click' as const,
      decision: 'cancelled' as const,
      ruleIds: ['placeholder/template-field'],
      recipientDomains: ['contoso-health.example'],
      bodySha256: i.toString(16).padStart(64, '0'),
      at: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
    });
    expect(MAX_AUDIT_ENTRIES).toBe(1000);
    // A full log already in storage (appending one at a time would re-read it a thousand times).
    area[AUDIT_KEY] = Array.from({ length: MAX_AUDIT_ENTRIES - 1 }, (_, i) => entry(i));
    let stored = 0;
    for (let i = MAX_AUDIT_ENTRIES - 1; i < MAX_AUDIT_ENTRIES + 3; i++)
      stored = await appendAuditEntry(entry(i));
    expect(stored).toBe(MAX_AUDIT_ENTRIES);
    expect(area[AUDIT_KEY]).toHaveLength(MAX_AUDIT_ENTRIES);
    const list = await listAuditEntries();
    expect(list).toHaveLength(MAX_AUDIT_ENTRIES);
    expect(list[0]?.bodySha256).toBe(entry(3).bodySha256);
    expect(list.at(-1)?.bodySha256).toBe(entry(MAX_AUDIT_ENTRIES + 2).bodySha256);
  });
});
