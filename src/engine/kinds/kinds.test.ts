import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../compile.ts';
import { CheckContext } from '../context.ts';
import type { DataRule } from '../schemas/rule-pack.ts';
import { compileDataRule } from './data-rule.ts';
import { inflections } from './inflect.ts';

const base = {
  category: 'tone' as const,
  severity: 'warn' as const,
  clause: 'support-communication',
  description: 'test rule',
  message: 'found {match}',
  examples: { flag: ['a', 'b'], pass: ['c', 'd'] },
};

function run(rule: DataRule, body: string, subject = '') {
  const ctx = new CheckContext({ subject, body, to: ['a@b.example'], cc: [], bcc: [] }, compilePolicy());
  return compileDataRule(rule)
    .check(ctx)
    .map((f) => `${f.field}:${(f.field === 'body' ? body : subject).slice(f.start, f.end)}`);
}

describe('inflections', () => {
  it('covers regular verb and noun forms', () => {
    expect(inflections('guarantee').sort()).toEqual([
      'guarantee',
      'guaranteed',
      'guaranteeing',
      'guarantees',
    ]);
    expect(inflections('promise')).toContain('promising');
    expect(inflections('fail')).toEqual(expect.arrayContaining(['fails', 'failed', 'failing']));
    expect(inflections('stop')).toEqual(expect.arrayContaining(['stopped', 'stopping']));
    expect(inflections('apply')).toEqual(expect.arrayContaining(['applies', 'applied', 'applying']));
    expect(inflections('fix')).toEqual(expect.arrayContaining(['fixes', 'fixed', 'fixing']));
  });
});

describe('phrase kind', () => {
  const rule: DataRule = {
    ...base,
    id: 'tone/t',
    kind: 'phrase',
    inflect: true,
    phrases: ['risk free', 'fail'],
  };
  it('matches whole words, inflections, and hyphens or spaces alike', () => {
    expect(run(rule, 'It is risk-free. It never fails. Failure is not failing. Fail-safe.')).toEqual([
      'body:risk-free',
      'body:fails',
      'body:failing',
      'body:Fail',
    ]);
  });
  it('reads the subject when in scope, and not the quoted history', () => {
    expect(run(rule, 'ok\n\nOn Mon, 3 Mar 2025, X wrote:\n> it fails', 'Why it fails')).toEqual([
      'subject:fails',
    ]);
  });
});

describe('pattern kind', () => {
  it('uses flags and exceptions', () => {
    const rule: DataRule = {
      ...base,
      id: 'tone/p',
      kind: 'pattern',
      patterns: [{ regex: '\\bASAP\\b' }, { regex: 'per my last', flags: 'i' }],
      exceptions: { sentence: ['\\bkidding\\b'] },
    };
    expect(run(rule, 'Per my last note, ASAP. asap is fine. Per my last joke, kidding.')).toEqual([
      'body:Per my last',
      'body:ASAP',
    ]);
  });
});

describe('co-occurrence kind', () => {
  it('pairs A and B within one sentence, and a pronoun sentence when asked', () => {
    const rule: DataRule = {
      ...base,
      id: 'tone/c',
      kind: 'co-occurrence',
      a: { phrases: ['the vendor'] },
      b: { phrases: ['terrible'], patterns: [{ regex: '\\bawful(?:ly)?\\b' }] },
      followPronoun: true,
    };
    expect(
      run(rule, 'The vendor is terrible. Terrible weather. The vendor ships. They are awfully slow.'),
    ).toEqual(['body:The vendor is terrible', 'body:The vendor ships. They are awfully']);
  });
});
