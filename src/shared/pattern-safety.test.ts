import { beforeEach, describe, expect, it } from 'vitest';
import {
  judgePattern,
  PATTERN_CHECKER,
  patternVerdict,
  resetVerdicts,
  seedVerdicts,
  takeNewVerdicts,
} from './pattern-safety.ts';

beforeEach(() => resetVerdicts());

describe('pattern safety', () => {
  it('accepts everyday patterns', () => {
    for (const p of [
      '\\d+x',
      'password\\s*[:=]\\s*\\S+',
      'TCK-\\d{4}',
      '\\b[A-Z]{2,}-\\d+\\b',
      '[\\w.+-]+@[\\w-]+\\.[\\w.]+',
      '\\$\\d+(?:,\\d{3})*(?:\\.\\d{2})?',
      '\\bguarantee[sd]?\\b',
      '\\p{Lu}{3}-\\d+',
    ]) {
      expect(judgePattern(p), p).toEqual({ safe: true });
    }
  });

  it('refuses catastrophic patterns, saying why and how to rewrite', () => {
    for (const p of ['^(a+)+$', '(a+)+$', '(\\w+\\s?)*$', '(a|a)*b', '(\\d+)+x', '(x+x+)+y']) {
      const verdict = judgePattern(p);
      expect(verdict.safe, p).toBe(false);
      if (!verdict.safe) {
        expect(verdict.reason).toMatch(/^unsafe pattern: /);
        expect(verdict.reason).toContain('Rewrite it');
      }
    }
    expect(judgePattern('(').safe).toBe(false);
  });

  it('is deterministic: the same verdict every time, whatever the clock', () => {
    const first = ['(\\w+\\s?)*$', '\\d+x', '(a|a)*b'].map(judgePattern);
    const again = ['(\\w+\\s?)*$', '\\d+x', '(a|a)*b'].map(judgePattern);
    expect(again).toEqual(first);
  });

  it('is decided once: a stored verdict is looked up, never judged again', () => {
    expect(
      seedVerdicts({ checker: PATTERN_CHECKER, verdicts: { 'x+': { safe: false, reason: 'stored' } } }),
    ).toBe(1);
    expect(patternVerdict('x+')).toEqual({ safe: false, reason: 'stored' });
    expect(takeNewVerdicts()).toBeNull();
    expect(patternVerdict('\\d+x')).toEqual({ safe: true });
    const table = takeNewVerdicts();
    expect(table?.checker).toBe(PATTERN_CHECKER);
    expect(table?.verdicts['\\d+x']).toEqual({ safe: true });
    // A table from another checker is decided again.
    resetVerdicts();
    expect(seedVerdicts({ checker: 'other', verdicts: { 'x+': { safe: false, reason: 'old' } } })).toBe(0);
  });
});

describe('the verdict saving and the options page use', () => {
  it('accepts a safe pattern and refuses a catastrophic one with a reason', () => {
    expect(patternVerdict('TCK-\\d{4}')).toEqual({ safe: true });
    const bad = patternVerdict('(a+)+$');
    expect(bad.safe).toBe(false);
    if (!bad.safe) expect(bad.reason).toMatch(/backtracking/);
    expect(patternVerdict('(').safe).toBe(false);
  });
});
