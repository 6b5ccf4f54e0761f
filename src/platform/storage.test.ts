// The storage layer against a fake of Chrome's storage areas with its quotas and error messages: a full
// storage.local or a refusing storage.sync never loses a decision or a setting silently, and settings that
// cannot be read are set aside, migrated or reset, always with a notice.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../shared/messages.ts';
import { CORRUPT_BACKUP_KEY } from '../shared/settings/repair.ts';
import { itemKey } from '../shared/settings/storage-plan.ts';
import { fakeStorage } from './fake-storage.ts';

const holder = vi.hoisted(() => ({ storage: undefined as unknown }));
vi.mock('webextension-polyfill', () => ({
  default: {
    get storage() {
      return holder.storage;
    },
  },
}));

const { appendAuditEntry, listAuditEntries, AUDIT_KEY } = await import('./audit.ts');
const { appendFalsePositiveReport, FALSE_POSITIVE_KEY } = await import('./reports.ts');
const { listNotices, NOTICES_KEY } = await import('./notices.ts');
const {
  listFalsePositiveReports,
  loadRuleCounters,
  loadUserPolicy,
  resetUserPolicy,
  saveUserPolicy,
  POLICY_KEY,
  RULE_COUNTERS_KEY,
} = await import('./storage.ts');

let storage: ReturnType<typeof fakeStorage>;
beforeEach(() => {
  storage = fakeStorage();
  holder.storage = storage;
});

function entry(i: number): AuditEntry {
  return {
    site: 'gmail',
    via: 'click',
    decision: 'sent-anyway',
    ruleIds: ['placeholder/template-field'],
    justification: `reason ${i}`,
    recipientDomains: ['contoso.example'],
    bodySha256: 'a'.repeat(64),
    at: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
  };
}

/** Fills storage.local so that only `room` bytes are left. */
async function fillLocal(room: number): Promise<void> {
  const quota = storage.local.options.quotaBytes ?? 0;
  const key = 'filler';
  const free = quota - storage.local.bytesInUse();
  await storage.local.set({ [key]: 'x'.repeat(free - key.length - 2 - room) });
}

describe('storage.local full', () => {
  it('the audit log drops its oldest entries to record the new decision, and says so', async () => {
    for (let i = 0; i < 8; i++) await appendAuditEntry(entry(i));
    await fillLocal(50);
    const stored = await appendAuditEntry(entry(100));
    const list = await listAuditEntries();
    expect(list.at(-1)?.justification).toBe('reason 100');
    expect(stored).toBe(list.length);
    expect(list.length).toBeLessThan(9);
    // The newest entries stay, in order.
    expect(list.map((e) => e.justification)).toEqual(
      [...Array.from({ length: 8 }, (_, i) => `reason ${i}`), 'reason 100'].slice(-list.length),
    );
    const notices = await listNotices();
    expect(notices.map((n) => n.id)).toEqual(['audit-pruned']);
    expect(notices[0]?.text).toMatch(new RegExp(`the ${9 - list.length} oldest audit log entries`));
  });

  it('rejects (the tab keeps the decision) when not even the new entry fits', async () => {
    await fillLocal(5);
    await expect(appendAuditEntry(entry(2))).rejects.toThrow('kQuotaBytes quota exceeded');
    expect(await listAuditEntries()).toEqual([]);
    // A later append, once there is room, works again (the queue is not stuck on the failure).
    await storage.local.remove('filler');
    expect(await appendAuditEntry(entry(3))).toBe(1);
  });

  it('a write refused for another reason is not mistaken for a full storage', async () => {
    await appendAuditEntry(entry(1));
    storage.local.refuseWith = 'IO error: disk gone';
    await expect(appendAuditEntry(entry(2))).rejects.toThrow('IO error');
    storage.local.refuseWith = undefined;
    expect(await listAuditEntries()).toHaveLength(1);
  });

  it('false-positive reports drop their oldest to keep the new one, with a notice', async () => {
    const report = (i: number) => ({
      ruleId: `tone/r${i}`,
      category: 'tone' as const,
      excerptLength: 3,
      site: 'gmail' as const,
      at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
    });
    for (let i = 0; i < 6; i++) await appendFalsePositiveReport(report(i));
    await fillLocal(40);
    const stored = await appendFalsePositiveReport(report(9));
    const list = (await storage.local.get(FALSE_POSITIVE_KEY))[FALSE_POSITIVE_KEY] as { ruleId: string }[];
    expect(list.at(-1)?.ruleId).toBe('tone/r9');
    expect(stored).toBe(list.length);
    expect(list.length).toBeLessThan(7);
    expect((await listNotices()).map((n) => n.id)).toEqual(['reports-pruned']);
    expect((await storage.local.get(AUDIT_KEY))[AUDIT_KEY]).toBeUndefined();
  });
});

describe('saving settings when storage.sync refuses', () => {
  it('past MAX_WRITE_OPERATIONS_PER_MINUTE: kept on this browser, in force, with a notice; the next sync clears it', async () => {
    await saveUserPolicy({ version: 1, gate: { failMode: 'ask' } });
    expect(storage.sync.data.get(itemKey('gate'))).toEqual({ failMode: 'ask' });
    storage.sync.options.writesAllowed = storage.sync.writes;
    const outcome = await saveUserPolicy({ version: 1, gate: { failMode: 'closed' } });
    expect(outcome.synced).toBe(false);
    // storage.local wins over the older synced value.
    expect((await loadUserPolicy()).policy?.gate).toEqual({ failMode: 'closed' });
    const [notice] = await listNotices();
    expect(notice?.id).toBe('sync-fallback');
    expect(notice?.text).toMatch(/saved on this browser only.*too many changes in a short time/);

    storage.sync.options.writesAllowed = undefined;
    expect((await saveUserPolicy({ version: 1, gate: { failMode: 'closed' } })).synced).toBe(true);
    expect(storage.sync.data.get(itemKey('gate'))).toEqual({ failMode: 'closed' });
    expect(storage.local.data.has(itemKey('gate'))).toBe(false);
    expect(await listNotices()).toEqual([]);
  });

  it('a setting removed while sync refuses does not come back from sync, on reading or after a reset', async () => {
    await saveUserPolicy({ version: 1, gate: { failMode: 'closed' }, humanReview: { marker: 'Check' } });
    storage.sync.options.writesAllowed = storage.sync.writes;
    // The person clears the gate setting; sync cannot be told.
    expect((await saveUserPolicy({ version: 1, humanReview: { marker: 'Check' } })).synced).toBe(false);
    expect(storage.sync.data.get(itemKey('gate'))).toEqual({ failMode: 'closed' });
    expect((await loadUserPolicy()).policy).toEqual({ version: 1, humanReview: { marker: 'Check' } });
    // A reset while sync still refuses: nothing of the old synced settings applies.
    await resetUserPolicy();
    expect((await loadUserPolicy()).policy).toBeUndefined();
    // Once sync takes writes again, a save tidies up: no markers left, sync holds the new settings.
    storage.sync.options.writesAllowed = undefined;
    expect(
      (await saveUserPolicy({ version: 1, sla: { responseHours: { '1': 2, '2': 4, '3': 8, '4': 24 } } }))
        .synced,
    ).toBe(true);
    expect([...storage.local.data.values()].includes(null)).toBe(false);
    expect(storage.sync.data.has(itemKey('gate'))).toBe(false);
    expect((await loadUserPolicy()).policy).toEqual({
      version: 1,
      sla: { responseHours: { '1': 2, '2': 4, '3': 8, '4': 24 } },
    });
  });

  it('past QUOTA_BYTES in sync (other extensions of the profile, older items): kept locally too', async () => {
    storage.sync.options.quotaBytes = 40;
    const outcome = await saveUserPolicy({ version: 1, approvedClaims: ['99.9% uptime', 'SOC 2 Type II'] });
    expect(outcome.synced).toBe(false);
    expect(storage.local.data.get(itemKey('approvedClaims'))).toEqual(['99.9% uptime', 'SOC 2 Type II']);
    expect((await listNotices())[0]?.text).toMatch(
      /browser sync's storage is full \(Resource::kQuotaBytes quota/,
    );
  });

  it('when storage.local is full as well: nothing changes, the old settings stay in force, the reason is clear', async () => {
    await saveUserPolicy({ version: 1, gate: { failMode: 'ask' }, accounts: [{ id: 'a', name: 'Acme' }] });
    const before = await loadUserPolicy();
    await fillLocal(10);
    storage.sync.refuseWith = 'QUOTA_BYTES quota exceeded';
    const accounts = Array.from({ length: 50 }, (_, i) => ({ id: `a${i}`, name: `Account ${i}` }));
    await expect(saveUserPolicy({ version: 1, gate: { failMode: 'closed' }, accounts })).rejects.toThrow(
      /^Nothing was saved: the browser's storage for Preflight is full .*previous settings still apply/,
    );
    expect((await loadUserPolicy()).policy).toEqual(before.policy);
  });
});

describe('stored settings that cannot be read', () => {
  it('a per-key item of the wrong type: set aside, built-in value applies, notice, nothing else lost', async () => {
    await saveUserPolicy({
      version: 1,
      gate: { failMode: 'closed' },
      humanReview: { marker: 'Needs review' },
    });
    await storage.sync.set({ [itemKey('gate')]: 'closed please' });
    const { policy } = await loadUserPolicy();
    expect(policy?.gate).toBeUndefined();
    expect(policy?.humanReview).toEqual({ marker: 'Needs review' });
    expect(storage.sync.data.has(itemKey('gate'))).toBe(false);
    const backup = storage.local.data.get(CORRUPT_BACKUP_KEY) as {
      key: string;
      area: string;
      value: unknown;
    }[];
    expect(backup).toMatchObject([{ key: itemKey('gate'), area: 'sync', value: 'closed please' }]);
    const [notice] = await listNotices();
    expect(notice).toMatchObject({ id: 'settings-reset', backupKey: CORRUPT_BACKUP_KEY });
    expect(notice?.text).toMatch(/could not be read \(gate\).*rest of your settings are kept/);
    // Read again: already repaired, no second backup entry.
    await loadUserPolicy();
    expect(storage.local.data.get(CORRUPT_BACKUP_KEY)).toHaveLength(1);
  });

  it('garbage instead of the whole policy: set aside whole, defaults apply, notice', async () => {
    await storage.local.set({ [POLICY_KEY]: '{"version":1,"gate":{' });
    const { policy } = await loadUserPolicy();
    expect(policy).toBeUndefined();
    expect(storage.local.data.has(POLICY_KEY)).toBe(false);
    expect(storage.local.data.get(CORRUPT_BACKUP_KEY)).toMatchObject([
      { key: POLICY_KEY, value: '{"version":1,"gate":{', reason: 'a string, not a policy' },
    ]);
    expect((await listNotices())[0]?.text).toMatch(/could not be read \(all of your settings\)/);
  });

  it('a policy from a newer version: set aside whole, never half-read', async () => {
    await storage.local.set({ [POLICY_KEY]: { version: 2, gate: { failMode: 'closed' } } });
    expect((await loadUserPolicy()).policy).toBeUndefined();
    expect(storage.local.data.get(CORRUPT_BACKUP_KEY)).toMatchObject([
      { reason: 'version 2 is not one this Preflight can read' },
    ]);
    expect((await listNotices())[0]?.id).toBe('settings-reset');
  });

  it('migrates the legacy shape (no version) to the per-key format, with a notice and the original kept', async () => {
    const legacy = { gate: { failMode: 'closed' }, accounts: [{ id: 'a', name: 'Acme' }] };
    await storage.local.set({ [POLICY_KEY]: legacy });
    const { policy } = await loadUserPolicy();
    expect(policy).toEqual({
      version: 1,
      gate: { failMode: 'closed' },
      accounts: [{ id: 'a', name: 'Acme' }],
    });
    expect(storage.local.data.has(POLICY_KEY)).toBe(false);
    expect(storage.sync.data.get(itemKey('gate'))).toEqual({ failMode: 'closed' });
    expect(storage.local.data.get(itemKey('accounts'))).toEqual([{ id: 'a', name: 'Acme' }]);
    expect(storage.local.data.get(CORRUPT_BACKUP_KEY)).toMatchObject([{ key: POLICY_KEY, value: legacy }]);
    const [notice] = await listNotices();
    expect(notice?.id).toBe('settings-migrated');
    expect(notice?.text).toMatch(/earlier version of Preflight \(a version without a number\)/);
    // Stable: the next read finds the current format and changes nothing.
    const writes = storage.local.writes;
    expect((await loadUserPolicy()).policy).toEqual(policy);
    expect(storage.local.writes).toBe(writes);
  });

  it('migrates `version: 0` and keeps the keys that validate when others do not', async () => {
    await storage.local.set({
      [POLICY_KEY]: { version: 0, humanReview: { marker: 'Check me' }, sla: 'fast', colour: 'blue' },
    });
    const { policy } = await loadUserPolicy();
    expect(policy).toEqual({ version: 1, humanReview: { marker: 'Check me' } });
    const [notice] = await listNotices();
    expect(notice?.id).toBe('settings-reset');
    expect(notice?.text).toMatch(/\(sla, colour\)/);
  });

  it('a valid older whole policy is read as it is (earlier versions and the test harness write it)', async () => {
    await storage.local.set({ [POLICY_KEY]: { version: 1, gate: { failMode: 'closed' } } });
    expect((await loadUserPolicy()).policy?.gate).toEqual({ failMode: 'closed' });
    expect(storage.local.data.has(POLICY_KEY)).toBe(true);
    expect(await listNotices()).toEqual([]);
  });

  it('when the backup cannot be written, the value stays where it is and the reason is listed', async () => {
    await storage.local.set({ [itemKey('gate')]: 42 });
    await fillLocal(5);
    const { policy, issues } = await loadUserPolicy();
    expect(policy).toBeUndefined();
    expect(storage.local.data.get(itemKey('gate'))).toBe(42);
    expect(issues.join('\n')).toMatch(/policy\.gate: gate: .*\ncould not set these aside: .*full/);
  });

  it('damaged counters and reports are left out of the statistics, the good ones kept', async () => {
    await storage.local.set({
      [RULE_COUNTERS_KEY]: {
        'tone/a': { findings: 3, dismissals: 1 },
        'tone/b': 'x',
        'tone/c': { findings: -2 },
      },
      [FALSE_POSITIVE_KEY]: [
        { ruleId: 'tone/a', category: 'tone', excerptLength: 4, site: 'gmail', at: '2026-11-27T00:00:00Z' },
        { ruleId: 'tone/a', category: 'tone', excerptLength: 4, site: 'gmail', body: 'secret', at: 'x' },
        'garbage',
        null,
      ],
    });
    expect(await loadRuleCounters()).toEqual({
      'tone/a': { findings: 3, dismissals: 1 },
      'tone/c': { findings: 0, dismissals: 0 },
    });
    expect((await listFalsePositiveReports()).map((r) => r.ruleId)).toEqual(['tone/a']);
  });

  it('a damaged notice list shows nothing rather than failing', async () => {
    await storage.local.set({ [NOTICES_KEY]: { not: 'a list' } });
    expect(await listNotices()).toEqual([]);
  });
});
