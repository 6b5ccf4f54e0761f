import { describe, expect, it } from 'vitest';
import { joinWrappedLines, MAX_SENTENCE, splitSentences } from './sentences.ts';

describe('splitSentences', () => {
  it('ends sentences at full stops and line breaks', () => {
    const text = 'We met on Tuesday. Thanks e.g. for the notes at 9 a.m. on Monday!\nNext line';
    expect(splitSentences(text).map(([s, e]) => text.slice(s, e))).toEqual([
      'We met on Tuesday.',
      'Thanks e.g. for the notes at 9 a.m. on Monday!',
      'Next line',
    ]);
  });

  it('keeps an aside with its own mark in the sentence that goes on after it', () => {
    const text =
      'We can offer a new (and signed-off!) rate of $40 today. See you (at noon?) on Monday. Done (really!). Next';
    expect(splitSentences(text).map(([s, e]) => text.slice(s, e))).toEqual([
      'We can offer a new (and signed-off!) rate of $40 today.',
      'See you (at noon?) on Monday.',
      'Done (really!).',
      'Next',
    ]);
  });

  it('joins a sentence that plain-text mail wrapped over lines, and nothing else', () => {
    const text =
      'We would like to offer you a new (and fully\nauthorized!) $50 discount valid on any\norder. Thanks\nfor waiting.\nIt arrives Monday\nBest,\n- faster import\n- live sync';
    const joined = joinWrappedLines(text, splitSentences(text)).map(([s, e]) => text.slice(s, e));
    expect(joined).toEqual([
      'We would like to offer you a new (and fully\nauthorized!) $50 discount valid on any\norder.',
      'Thanks\nfor waiting.',
      'It arrives Monday',
      'Best,',
      '- faster import',
      '- live sync',
    ]);
  });

  it('cuts a run without a full stop near MAX_SENTENCE characters, at a space, covering every word', () => {
    const text = 'guarantee '.repeat(1000);
    const spans = splitSentences(text);
    expect(spans.length).toBeGreaterThan(1);
    for (const [s, e] of spans) {
      expect(e - s).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(text.slice(s, e)).toMatch(/^guarantee(?: guarantee)*$/);
    }
    expect(spans.map(([s, e]) => text.slice(s, e)).join(' ')).toBe(text.trim());
  });

  it('cuts a run without spaces at the limit', () => {
    const text = 'x'.repeat(MAX_SENTENCE * 2 + 5);
    expect(splitSentences(text)).toEqual([
      [0, MAX_SENTENCE],
      [MAX_SENTENCE, MAX_SENTENCE * 2],
      [MAX_SENTENCE * 2, MAX_SENTENCE * 2 + 5],
    ]);
  });
});
