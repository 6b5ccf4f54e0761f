import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../engine/index.ts';
import {
  checkPattern,
  composeEffectivePolicy,
  itemKey,
  POLICY_KEYS,
  planStorage,
  readManagedLayer,
  readUserLayer,
  ruleStats,
  stripLocked,
  validateUserPolicy,
} from './settings.ts';

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

describe('effective policy', () => {
  it('layers defaults, user and managed; managed wins and is reported locked, rules merge one by one', () => {
    const user: Policy = {
      version: 1,
      gate: { failMode: 'ask' },
      rules: { tone: { severity: 'off' }, pii: { severity: 'warn' } },
    };
    const managed = readManagedLayer({
      gate: { failMode: 'closed' },
      rules: { pii: { severity: 'block' } },
      junk: 1,
    });
    const eff = composeEffectivePolicy(user, managed.policy);
    expect(eff.source).toBe('managed');
    expect(eff.policy.gate?.failMode).toBe('closed');
    expect(eff.policy.rules?.tone?.severity).toBe('off');
    expect(eff.policy.rules?.pii?.severity).toBe('block');
    expect(eff.locked.sort()).toEqual(['gate', 'rules.pii']);
    expect(eff.policy.humanReview?.marker).toBe('Pending human review');
    expect(stripLocked(eff.policy, eff.locked).gate).toBeUndefined();
    expect(composeEffectivePolicy(undefined, undefined).source).toBe('default');
  });

  it('reports a bad managed key by path and keeps the good ones', () => {
    const m = readManagedLayer({ sla: { responseHours: { '1': -1 } }, approvedClaims: ['99.9% uptime'] });
    expect(m.keys).toEqual(['approvedClaims']);
    expect(m.issues.some((i) => i.startsWith('sla.responseHours'))).toBe(true);
  });

  it('reports a managed pattern the safety check refuses (it is left out of the policy in force)', () => {
    const rule = (pattern: string) => ({
      id: 'c',
      category: 'tone',
      severity: 'warn',
      message: 'm',
      pattern,
    });
    const m = readManagedLayer({ customRules: [rule('\\d+x'), rule('(a+)+$')] });
    expect(m.issues).toEqual([expect.stringMatching(/^customRules\[1\]\.pattern: unsafe pattern/)]);
    const eff = composeEffectivePolicy(undefined, m.policy);
    expect(eff.policy.customRules?.map((r) => r.pattern)).toEqual(['\\d+x']);
  });

  it('an unreadable managed gate key means closed, locked, never the default', () => {
    for (const gate of [{ failMode: 'closedd' }, { failMode: 'ask', extra: 1 }, 'closed', null]) {
      const m = readManagedLayer({ gate });
      expect(m.keys).toEqual(['gate']);
      expect(m.policy.gate?.failMode).toBe('closed');
      const eff = composeEffectivePolicy({ version: 1, gate: { failMode: 'ask' } }, m.policy);
      expect(eff.policy.gate?.failMode).toBe('closed');
      expect(eff.locked).toContain('gate');
    }
    expect(readManagedLayer({ gate: { failMode: 'nope', holdOnWarnings: true } }).policy.gate).toEqual({
      failMode: 'closed',
      holdOnWarnings: true,
    });
  });
});

describe('custom patterns', () => {
  it('accepts a safe pattern and refuses a catastrophic one with a reason', () => {
    expect(checkPattern('TCK-\\d{4}')).toEqual({ safe: true });
    const bad = checkPattern('(a+)+$');
    expect(bad.safe).toBe(false);
    if (!bad.safe) expect(bad.reason).toMatch(/backtracking/);
    expect(checkPattern('(').safe).toBe(false);
  });

  it('refuses to save a policy with an unsafe pattern, naming its path', () => {
    const result = validateUserPolicy({
      version: 1,
      customRules: [{ id: 'x', category: 'tone', severity: 'warn', message: 'm', pattern: '(\\w+\\s?)*$' }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatch(/^customRules\[0\]\.pattern: unsafe/);
  });
});

describe('rule statistics', () => {
  it('counts holds and overrides from the audit log and reports per rule', () => {
    const stats = ruleStats(
      { 'tone/x': { findings: 3, dismissals: 1 } },
      [
        {
          site: 'gmail',
          via: 'click',
          decision: 'sent-anyway',
          ruleIds: ['tone/x'],
          recipientDomains: [],
          bodySha256: 'a'.repeat(64),
          at: 'now',
        },
      ],
      [{ ruleId: 'tone/x', category: 'tone', excerptLength: 3, site: 'gmail', at: 'now' }],
    );
    expect(stats['tone/x']).toEqual({ findings: 3, dismissals: 1, held: 1, overrides: 1, falsePositives: 1 });
  });
});

describe('managed schema', () => {
  it('lists exactly the policy file top-level keys', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../public/managed-schema.json', import.meta.url), 'utf8'),
    ) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
  });
});
