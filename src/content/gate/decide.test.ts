import { describe, expect, it } from 'vitest';
import type { CheckResult, Finding } from '../../engine/schemas/finding.ts';
import { auditEntry, decide, justificationOk, recipientDomains, sha256Hex } from './decide.ts';

const scorecard = {
  personalization: 'pass',
  accuracy: 'pass',
  slaCompliance: 'pass',
  dataPrivacy: 'pass',
  humanReview: 'pass',
} as const;

function finding(severity: Finding['severity'], overridable?: boolean): Finding {
  return {
    ruleId: `x/${severity}`,
    category: 'placeholder',
    severity,
    message: 'm',
    clause: 'c',
    field: 'body',
    start: 0,
    end: 1,
    excerpt: 'H',
    ...(overridable === undefined ? {} : { overridable }),
  };
}

const result = (findings: Finding[], incomplete?: CheckResult['incomplete']): CheckResult => ({
  findings,
  scorecard,
  ...(incomplete ? { incomplete } : {}),
});
const ask = { failMode: 'ask', holdOnWarnings: false } as const;

describe('decide', () => {
  it('releases with nothing blocking; warnings hold only when the policy says so', () => {
    expect(decide(result([finding('warn'), finding('info')]), ask)).toEqual({ kind: 'release' });
    expect(decide(result([finding('warn')]), { ...ask, holdOnWarnings: true }).kind).toBe('hold');
  });
  it('allows an override only when every blocking finding is overridable', () => {
    expect(decide(result([finding('block', true)]), ask)).toMatchObject({ kind: 'hold', canOverride: true });
    expect(decide(result([finding('block', true), finding('block', false)]), ask)).toMatchObject({
      canOverride: false,
    });
  });
  it('never passes an incomplete check silently', () => {
    expect(decide(result([], [{ ruleId: 'a/b', error: 'boom' }]), ask)).toEqual({
      kind: 'incomplete',
      ruleIds: ['a/b'],
    });
  });
  it('asks for a written justification', () => {
    expect(justificationOk('   ok   ')).toBe(false);
    expect(justificationOk('Customer asked for it')).toBe(true);
  });
});

describe('audit facts', () => {
  it('keeps recipient domains and a body hash, never the text or an address', async () => {
    expect(
      recipientDomains([['Dana <Dana@Contoso.example>', 'ops@fabrikam.example'], ['Maya Chen'], []]),
    ).toEqual(['contoso.example', 'fabrikam.example']);
    const body = 'Hi Dana, the secret zephyrquartz plan';
    const entry = await auditEntry({
      site: 'gmail',
      via: 'shortcut',
      decision: 'cancelled',
      ruleIds: ['x/a', 'x/a'],
      draft: { body, to: ['dana@contoso.example'], cc: [], bcc: [] },
      decidedAt: '2026-11-01T00:00:00.000Z',
    });
    const json = JSON.stringify(entry);
    expect(json).not.toContain('zephyrquartz');
    expect(json).not.toContain('dana@');
    expect(entry.ruleIds).toEqual(['x/a']);
    expect(entry.bodySha256).toBe(await sha256Hex(body));
    expect(entry.bodySha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
