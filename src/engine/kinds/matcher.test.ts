import { describe, expect, it } from 'vitest';
import { checkDraft } from '../check.ts';
import type { Policy } from '../schemas/policy.ts';

describe('pattern matching on hostile text', () => {
  // Found by the engine properties: a custom pattern that can match the empty string ("a*b*c*") ran forever
  // on text with an emoji, since a u-flag regex restarted inside a surrogate pair backs up to its start.
  it('a pattern matching the empty string finishes on astral characters and keeps offsets whole', () => {
    const policy: Policy = {
      version: 1,
      customRules: [{ id: 'abc', category: 'tone', severity: 'warn', message: 'abc', pattern: 'a*b*c*' }],
    };
    const body = 'x😀y 𝐳 ab 😀c';
    const found = checkDraft({ subject: '', body, to: [], cc: [], bcc: [] }, policy)
      .findings.filter((f) => f.ruleId === 'custom/abc')
      .map((f) => [f.excerpt, body.slice(f.start, f.end)]);
    expect(found).toEqual([
      ['ab', 'ab'],
      ['c', 'c'],
    ]);
  });

  // Found by the hostile-input benchmark: a megabyte of one phrase with no full stop took 20 s and more, one
  // reading of the whole megabyte-long "sentence" per match.
  it('a phrase repeated 100,000 times without a full stop: the first 100 findings, in linear time', () => {
    const body = 'guarantee '.repeat(100_000);
    const found = checkDraft({ subject: '', body, to: [], cc: [], bcc: [] }).findings.filter(
      (f) => f.ruleId === 'overcommitment/guarantee',
    );
    expect(found).toHaveLength(100);
    expect(found.map((f) => f.start)).toEqual(Array.from({ length: 100 }, (_, i) => i * 10));
    for (const f of found) expect(body.slice(f.start, f.end)).toBe('guarantee');
  });
});
