import { describe, expect, it } from 'vitest';
import type { Policy } from '../../engine/schemas/policy.ts';
import { isLocked, readManagedLayer, stripLocked } from './managed-locks.ts';

describe('managed layer', () => {
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
    const eff = m.policy;
    expect(eff.customRules?.map((r) => r.pattern)).toEqual(['\\d+x', '(a+)+$']);
  });

  it('an unreadable managed gate key means closed, locked, never the default', () => {
    for (const gate of [{ failMode: 'closedd' }, { failMode: 'ask', extra: 1 }, 'closed', null]) {
      const m = readManagedLayer({ gate });
      expect(m.keys).toEqual(['gate']);
      expect(m.policy.gate?.failMode).toBe('closed');
    }
    expect(readManagedLayer({ gate: { failMode: 'nope', holdOnWarnings: true } }).policy.gate).toEqual({
      failMode: 'closed',
      holdOnWarnings: true,
    });
  });

  it('ignores keys that are not settings', () => {
    const m = readManagedLayer({ junk: 1, gate: { failMode: 'ask' } });
    expect(m.keys).toEqual(['gate']);
    expect(m.issues).toEqual([]);
  });
});

describe('locks', () => {
  it('a locked key locks every path under it, and only those', () => {
    const locked = ['gate', 'rules.pii'];
    expect(isLocked(locked, 'gate')).toBe(true);
    expect(isLocked(locked, 'gate.failMode')).toBe(true);
    expect(isLocked(locked, 'rules.pii')).toBe(true);
    expect(isLocked(locked, 'rules.pii.severity')).toBe(true);
    expect(isLocked(locked, 'rules.tone')).toBe(false);
    expect(isLocked(locked, 'gatekeeper')).toBe(false);
    expect(isLocked([], 'gate')).toBe(false);
  });

  it('what a user may save drops the locked keys and locked rules, and keeps the rest', () => {
    const policy: Policy = {
      version: 1,
      gate: { failMode: 'ask' },
      approvedClaims: ['99.9% uptime'],
      rules: { pii: { severity: 'off' }, tone: { severity: 'warn' } },
    };
    const saved = stripLocked(policy, ['gate', 'rules.pii']);
    expect(saved).toEqual({
      version: 1,
      approvedClaims: ['99.9% uptime'],
      rules: { tone: { severity: 'warn' } },
    });
    expect(policy.gate).toEqual({ failMode: 'ask' });
    expect(stripLocked(policy, [])).toEqual(policy);
  });
});
