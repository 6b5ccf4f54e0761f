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
});
