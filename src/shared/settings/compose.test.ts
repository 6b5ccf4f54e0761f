import { describe, expect, it } from 'vitest';
import type { Policy } from '../../engine/schemas/policy.ts';
import { composeEffectivePolicy, validateUserPolicy } from './compose.ts';
import { readManagedLayer, stripLocked } from './managed-locks.ts';

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

  it('leaves a managed pattern the safety check refuses out of the policy in force', () => {
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

  it('leaves an unsafe pattern of the user layer out too, and keeps the safe ones and the rest', () => {
    const rule = (id: string, pattern: string) => ({
      id,
      category: 'tone' as const,
      severity: 'warn' as const,
      message: 'm',
      pattern,
    });
    const eff = composeEffectivePolicy(
      { version: 1, customRules: [rule('a', '(a+)+$'), rule('b', 'TCK-\\d{4}')] },
      undefined,
    );
    expect(eff.source).toBe('user');
    expect(eff.locked).toEqual([]);
    expect(eff.policy.customRules?.map((r) => r.id)).toEqual(['b']);
  });
});

describe('saving', () => {
  it('refuses to save a policy with an unsafe pattern, naming its path', () => {
    const result = validateUserPolicy({
      version: 1,
      customRules: [{ id: 'x', category: 'tone', severity: 'warn', message: 'm', pattern: '(\\w+\\s?)*$' }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatch(/^customRules\[0\]\.pattern: unsafe/);
  });

  it('accepts a valid policy as it is, and reports schema problems by path', () => {
    const policy = { version: 1, gate: { failMode: 'closed' } };
    expect(validateUserPolicy(policy)).toEqual({ ok: true, policy });
    const bad = validateUserPolicy({ version: 1, gate: { failMode: 'shut' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatch(/^gate\.failMode/);
  });
});
