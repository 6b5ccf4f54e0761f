import { describe, expect, it } from 'vitest';
import { runRules } from '../check.ts';
import { compilePolicy } from '../compile.ts';
import { RULES } from '../registry.ts';
import { exampleDraft, type RuleExample } from '../rule.ts';
import type { Finding } from '../schemas/finding.ts';
import { type Policy, PolicySchema } from '../schemas/policy.ts';
import { approvedClaimFor, claimMarkers } from './claims.ts';

const PROMISE_RULES = RULES.filter(
  (r) => r.meta.category === 'overcommitment' || r.meta.category === 'timeline',
);

function check(example: RuleExample, body?: string, subject?: string) {
  const { draft, policy } = exampleDraft(example);
  if (body !== undefined) draft.body = body;
  if (subject !== undefined) draft.subject = subject;
  const parsed = PolicySchema.parse({ version: 1, ...(policy ?? {}) }) as Policy;
  return { draft, findings: runRules(PROMISE_RULES, draft, compilePolicy(parsed)).findings };
}

/** The field's text with the findings' suggestions applied (last first, so offsets stay valid). */
function applied(text: string, findings: readonly Finding[]): string {
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) {
    if (f.suggestion === undefined || f.end > limit) continue;
    out = out.slice(0, f.start) + f.suggestion + out.slice(f.end);
    limit = f.start;
  }
  return out;
}

describe('the suggested rewrite of a promise passes every overcommitment and timeline rule', () => {
  for (const rule of PROMISE_RULES) {
    for (const example of rule.meta.examples.flag) {
      const label = (typeof example === 'string' ? example : (example.text ?? example.subject ?? '')).slice(
        0,
        60,
      );
      it(`${rule.meta.id}: ${label}`, () => {
        const { draft, findings } = check(example);
        const mine = findings.filter((f) => f.ruleId === rule.meta.id);
        expect(mine.length).toBeGreaterThan(0);
        for (const f of mine) expect(f.suggestion, `${rule.meta.id} offers a rewrite`).toBeTypeOf('string');
        const body = applied(
          draft.body,
          mine.filter((f) => f.field === 'body'),
        );
        const subject = applied(
          draft.subject,
          mine.filter((f) => f.field === 'subject'),
        );
        const after = check(example, body, subject).findings;
        expect(
          after.map((f) => `${f.ruleId}: ${f.excerpt}`),
          `after the fix: ${subject} | ${body}`,
        ).toEqual([]);
      });
    }
  }
});

describe('claim rewriting', () => {
  it('softens every marker of the clause together', () => {
    const text = 'We guarantee 100% uptime and zero downtime';
    const markers = claimMarkers(text);
    expect(markers.map((m) => text.slice(m.start, m.end))).toEqual([
      'guarantee',
      '100% uptime',
      'zero downtime',
    ]);
  });

  it('covers the whole claim in one finding, so that one click fixes it', () => {
    const { findings } = check('We guarantee 100% uptime for every customer.');
    const guarantee = findings.find((f) => f.ruleId === 'overcommitment/guarantee');
    expect(guarantee?.excerpt).toBe('guarantee 100% uptime');
    expect(guarantee?.suggestion).toBe('expect high uptime');
  });

  it("offers the policy's approved claim on the same subject", () => {
    expect(approvedClaimFor('we guarantee 100% uptime', ['24/7 support', '99.9% uptime SLA'])).toBe(
      '99.9% uptime SLA',
    );
    expect(approvedClaimFor('we guarantee a smooth migration', ['99.9% uptime SLA'])).toBeUndefined();
    const { findings } = check({
      text: 'We guarantee 100% uptime.',
      policy: { approvedClaims: ['a 99.9% uptime SLA with service credits'] },
    });
    const f = findings.find((x) => x.ruleId === 'overcommitment/guarantee');
    expect(f?.excerpt).toBe('We guarantee 100% uptime');
    expect(f?.suggestion).toBe('A 99.9% uptime SLA with service credits');
  });

  it('keeps a single-word finding as it was when the clause holds nothing else', () => {
    const { findings } = check('Delivery is guaranteed before your board meeting.');
    const f = findings.find((x) => x.ruleId === 'overcommitment/guarantee');
    expect([f?.excerpt, f?.suggestion]).toEqual(['guaranteed', 'expected']);
  });
});
