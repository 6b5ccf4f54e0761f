import { describe, expect, it } from 'vitest';
import { CORRUPT_BACKUP_KEY, MAX_SET_ASIDE, repairUserLayer, type SetAside, withSetAside } from './repair.ts';
import { itemKey, POLICY_KEY_LEGACY } from './storage-plan.ts';

const NOW = '2026-12-01T10:00:00.000Z';

describe('repairing the user layer', () => {
  it('leaves readable storage as it is: nothing set aside, nothing rewritten, nothing to tell', () => {
    const r = repairUserLayer(
      { version: 1, gate: { failMode: 'closed' } },
      { [itemKey('approvedClaims')]: ['99.9% uptime'] },
      {},
      NOW,
    );
    expect(r.policy).toEqual({ version: 1, gate: { failMode: 'closed' }, approvedClaims: ['99.9% uptime'] });
    expect(r.setAside).toEqual([]);
    expect(r.rewrite).toBeUndefined();
    expect(r.notice).toBeUndefined();
    expect(repairUserLayer(undefined, {}, {}, NOW).policy).toBeUndefined();
  });

  it('sets aside a per-key item that fails its schema, with its area, key, reason and time', () => {
    const bad = { failMode: 'shut' };
    const r = repairUserLayer(
      undefined,
      { [itemKey('gate')]: bad },
      { [itemKey('approvedClaims')]: ['x'] },
      NOW,
    );
    expect(r.policy).toEqual({ version: 1, approvedClaims: ['x'] });
    expect(r.setAside).toEqual([
      {
        area: 'sync',
        key: itemKey('gate'),
        value: bad,
        reason: expect.stringMatching(/^gate\.failMode: /),
        at: NOW,
      },
    ]);
    expect(r.rewrite).toBeUndefined();
    expect(r.notice?.id).toBe('settings-reset');
    expect(r.notice?.text).toContain('(gate)');
    expect(r.notice?.text).toContain(CORRUPT_BACKUP_KEY);
  });

  it('reads storage.local over storage.sync, and a local null hides the sync value', () => {
    const sync = { [itemKey('gate')]: { failMode: 'ask' }, [itemKey('approvedClaims')]: ['old'] };
    const local = { [itemKey('gate')]: { failMode: 'closed' }, [itemKey('approvedClaims')]: null };
    const r = repairUserLayer(undefined, sync, local, NOW);
    expect(r.policy).toEqual({ version: 1, gate: { failMode: 'closed' } });
    expect(r.setAside).toEqual([]);
  });

  it('sets aside a whole policy that is not an object, or is from a version it cannot read', () => {
    for (const legacy of ['garbage', 42, null, [1, 2], { version: 7, gate: { failMode: 'ask' } }]) {
      const r = repairUserLayer(legacy, {}, {}, NOW);
      expect(r.policy, JSON.stringify(legacy)).toBeUndefined();
      expect(r.setAside).toHaveLength(1);
      expect(r.setAside[0]).toMatchObject({ area: 'local', key: POLICY_KEY_LEGACY, value: legacy, at: NOW });
      expect(r.rewrite).toBeUndefined();
      expect(r.notice?.text).toContain('all of your settings');
    }
  });

  it('migrates the legacy shape key by key, keeps the original aside and says so', () => {
    const legacy = { gate: { failMode: 'closed' }, approvedClaims: ['99.9% uptime'] };
    const r = repairUserLayer(legacy, {}, {}, NOW);
    expect(r.policy).toEqual({ version: 1, ...legacy });
    expect(r.rewrite).toEqual(r.policy);
    expect(r.setAside).toEqual([
      {
        area: 'local',
        key: POLICY_KEY_LEGACY,
        value: legacy,
        reason: 'migrated from a version without a number',
        at: NOW,
      },
    ]);
    expect(r.notice?.id).toBe('settings-migrated');
  });

  it('keeps the keys of a damaged whole policy that validate, naming the ones it could not read', () => {
    const legacy = { version: 0, gate: { failMode: 'closed' }, sla: 'soon', nonsense: true };
    const r = repairUserLayer(legacy, {}, {}, NOW);
    expect(r.policy).toEqual({ version: 1, gate: { failMode: 'closed' } });
    expect(r.rewrite).toEqual(r.policy);
    expect(r.setAside[0]?.reason).toMatch(/^sla: .*; nonsense: not a setting$/);
    expect(r.notice?.id).toBe('settings-reset');
    expect(r.notice?.text).toContain('(sla, nonsense)');
    expect(r.notice?.text).toContain('the rest of your settings are kept');
  });
});

describe('the set-aside backup', () => {
  const item = (i: number): SetAside => ({ area: 'local', key: `k${i}`, value: i, reason: 'r', at: NOW });

  it('appends newest last and keeps at most MAX_SET_ASIDE, the oldest going first', () => {
    const stored = Array.from({ length: MAX_SET_ASIDE }, (_, i) => item(i));
    const next = withSetAside(stored, [item(100)]);
    expect(next).toHaveLength(MAX_SET_ASIDE);
    expect(next[0]?.key).toBe('k1');
    expect(next.at(-1)?.key).toBe('k100');
  });

  it('reads a damaged backup as empty, and drops entries that are not set-aside values', () => {
    expect(withSetAside('garbage', [item(1)])).toEqual([item(1)]);
    expect(withSetAside([null, 3, { key: 'x' }, item(0)], [item(1)])).toEqual([item(0), item(1)]);
  });
});
