import { describe, expect, it } from 'vitest';
import { RULE_PACK } from '../generated/rule-pack.ts';
import { RulePackSchema } from './rule-pack.ts';

const rule = {
  id: 'tone/example',
  kind: 'phrase',
  category: 'tone',
  severity: 'warn',
  clause: 'support-communication',
  description: 'An example rule.',
  message: 'm',
  phrases: ['x'],
  examples: { flag: ['a', 'b'], pass: ['c', 'd'] },
};

describe('RulePackSchema', () => {
  it('accepts the shipped pack', () => {
    expect(RulePackSchema.safeParse(RULE_PACK).success).toBe(true);
  });

  it('rejects duplicate ids, unknown clauses, a category that does not match the id, bad regexes', () => {
    const clauses = {
      'support-communication': 'Customer communication clear, empathetic, and solution-oriented',
    };
    const issues = (rules: unknown[]) => {
      const r = RulePackSchema.safeParse({ clauses, rules });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues([rule])).toEqual([]);
    expect(issues([rule, rule]).join()).toContain('duplicate rule id tone/example');
    expect(issues([{ ...rule, clause: 'nope' }]).join()).toContain('unknown clause nope');
    expect(issues([{ ...rule, category: 'sla' }]).join()).toContain('must start with its category');
    expect(
      issues([{ ...rule, kind: 'pattern', phrases: undefined, patterns: [{ regex: '(' }] }]).join(),
    ).toContain('not a valid regular expression');
    expect(issues([{ ...rule, examples: { flag: ['a'], pass: ['c', 'd'] } }]).join()).toContain(
      'two should-flag',
    );
  });
});
