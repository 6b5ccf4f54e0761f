import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listRules } from './index.ts';
import { compareRuleIds } from './rule.ts';

describe('compareRuleIds', () => {
  const sign = (n: number) => Math.sign(n);

  it('orders the built-in rule ids as localeCompare does', () => {
    const ids = listRules().map((r) => r.id);
    expect(ids.length).toBeGreaterThan(20);
    expect([...ids].sort(compareRuleIds)).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });

  it('agrees with localeCompare on any id of the rule-id shape', () => {
    const part = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/);
    const id = fc.tuple(fc.stringMatching(/^[a-z][a-z-]{0,10}$/), part).map(([c, s]) => `${c}/${s}`);
    fc.assert(
      fc.property(id, id, (a, b) => {
        expect(sign(compareRuleIds(a, b))).toBe(sign(a.localeCompare(b)));
      }),
      { numRuns: 2000 },
    );
  });
});
