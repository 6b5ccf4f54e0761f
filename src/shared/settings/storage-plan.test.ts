import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  itemBytes,
  itemKey,
  POLICY_KEYS,
  planStorage,
  readUserLayer,
  SYNC_QUOTA_PER_ITEM,
  SYNC_QUOTA_TOTAL,
} from './storage-plan.ts';

describe('storage plan', () => {
  it('keeps small settings in sync, the account directory and oversized items in local', () => {
    const big = Array.from({ length: 400 }, (_, i) => `claim number ${i} that is approved`);
    const plan = planStorage({
      version: 1,
      gate: { failMode: 'closed' },
      accounts: [{ id: 'a', name: 'Acme' }],
      approvedClaims: big,
    });
    expect(plan.sync[itemKey('gate')]).toEqual({ failMode: 'closed' });
    expect(plan.local[itemKey('accounts')]).toBeDefined();
    expect(plan.local[itemKey('approvedClaims')]).toBeDefined();
    expect(plan.removeSync).toContain(itemKey('sla'));
  });

  it('reads the items back over an older whole policy, leaving out an invalid key with its path', () => {
    const layer = readUserLayer(
      { version: 1, humanReview: { marker: 'Old' }, gate: { failMode: 'ask' } },
      { [itemKey('gate')]: { failMode: 'closed' }, [itemKey('competitors')]: [{ name: '' }] },
      {},
    );
    expect(layer.policy?.gate).toEqual({ failMode: 'closed' });
    expect(layer.policy?.humanReview).toEqual({ marker: 'Old' });
    expect(layer.issues[0]).toMatch(/^competitors\[0\]\.name/);
  });
});

describe('managed schema', () => {
  it('lists exactly the policy file top-level keys', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../../public/managed-schema.json', import.meta.url), 'utf8'),
    ) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
  });
});

describe('storage quotas', () => {
  it('counts an item as storage.sync does: its key plus its JSON, in UTF-8 bytes', () => {
    expect(itemBytes('policy.gate', { failMode: 'ask' })).toBe(
      'policy.gate'.length + '{"failMode":"ask"}'.length,
    );
    expect(itemBytes('k', 'é')).toBe(1 + 4);
  });

  it('keeps the sync total under its quota: past it, the largest items go to storage.local', () => {
    // Six keys of about 7 KB each: each fits an item, together they do not fit storage.sync.
    const claims = (n: number) => Array.from({ length: 160 }, (_, i) => `claim ${n}-${i} approved`);
    const policy = {
      version: 1 as const,
      approvedClaims: claims(1),
      rules: Object.fromEntries(
        Array.from({ length: 120 }, (_, i) => [`tone/rule-${i}-padded-id`, { severity: 'warn' as const }]),
      ),
    };
    const plan = planStorage(policy);
    const syncBytes = Object.entries(plan.sync).reduce((n, [k, v]) => n + itemBytes(k, v), 0);
    expect(syncBytes).toBeLessThanOrEqual(SYNC_QUOTA_TOTAL);
    for (const [k, v] of Object.entries(plan.sync))
      expect(itemBytes(k, v)).toBeLessThanOrEqual(SYNC_QUOTA_PER_ITEM);
    // Every key present is in exactly one area, and removed from the other.
    for (const k of ['approvedClaims', 'rules'] as const) {
      const key = itemKey(k);
      expect(key in plan.sync !== key in plan.local).toBe(true);
      expect(key in plan.sync ? plan.removeLocal : plan.removeSync).toContain(key);
    }
  });

  it('removes every absent key from both areas, so a cleared setting does not come back', () => {
    const plan = planStorage({ version: 1 });
    expect(Object.keys(plan.sync)).toEqual([]);
    expect(Object.keys(plan.local)).toEqual([]);
    expect(plan.removeSync.sort()).toEqual(POLICY_KEYS.map(itemKey).sort());
    expect(plan.removeLocal.sort()).toEqual(POLICY_KEYS.map(itemKey).sort());
  });

  it('prefers storage.local over storage.sync for a key both hold, and skips a key removed locally (null)', () => {
    const layer = readUserLayer(
      undefined,
      { [itemKey('gate')]: { failMode: 'ask' }, [itemKey('approvedClaims')]: ['old'] },
      { [itemKey('gate')]: { failMode: 'closed' }, [itemKey('approvedClaims')]: null },
    );
    expect(layer.policy?.gate).toEqual({ failMode: 'closed' });
    expect(layer.policy?.approvedClaims).toBeUndefined();
    expect(readUserLayer(undefined, {}, {}).policy).toBeUndefined();
  });
});
