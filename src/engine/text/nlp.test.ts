import { describe, expect, it } from 'vitest';
import { analyseSentence, quickAnalysis } from './nlp.ts';

describe('sentence analysis', () => {
  it('finds negations, including contractions, with offsets into the text', () => {
    const text = "We can't guarantee it, and nobody will.";
    for (const a of [analyseSentence(text), quickAnalysis(text)]) {
      expect(a.negations.length).toBeGreaterThanOrEqual(2);
      expect(a.negations.every((o) => o >= 3 && o < text.length)).toBe(true);
      expect(a.isQuestion).toBe(false);
    }
  });

  it('finds hedging modals and questions', () => {
    const a = analyseSentence('Could we guarantee zero downtime?');
    expect(a.isQuestion).toBe(true);
    expect(analyseSentence('It might have zero downtime.').hedges).toEqual([3]);
    expect(quickAnalysis('It might have zero downtime.').hedges).toEqual([3]);
  });

  it('finds nothing in a plain promise', () => {
    const a = analyseSentence('We guarantee zero downtime.');
    expect(a.negations).toEqual([]);
    expect(a.hedges).toEqual([]);
  });
});
