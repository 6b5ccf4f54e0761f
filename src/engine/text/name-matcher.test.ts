import { describe, expect, it } from 'vitest';
import { NameMatcher } from './name-matcher.ts';

describe('NameMatcher', () => {
  const m = new NameMatcher<string>();
  m.add('Globex Corporation', 'globex');
  m.add('Globex', 'globex');
  m.add('Apex', 'apex');
  m.add('AT&T', 'att');
  m.add('Blue-Sky Labs', 'bluesky');
  const find = (text: string) =>
    m.findAll(text, [[0, text.length]]).map((x) => [text.slice(x.start, x.end), x.entries[0]!.value]);

  it('prefers the longest name and respects word boundaries', () => {
    expect(find('Globex Corporation renewed; Globex is happy. Globexian is not a name.')).toEqual([
      ['Globex Corporation', 'globex'],
      ['Globex', 'globex'],
    ]);
  });

  it('requires capitals where the name has them (common-word names)', () => {
    expect(find('We reached the apex of the curve.')).toEqual([]);
    expect(find('Apex signed today.')).toEqual([['Apex', 'apex']]);
    expect(find('APEX signed today.')).toEqual([['APEX', 'apex']]);
  });

  it('matches separators as written, spaces and hyphens interchangeably', () => {
    expect(find('Call AT&T and Blue Sky Labs.')).toEqual([
      ['AT&T', 'att'],
      ['Blue Sky Labs', 'bluesky'],
    ]);
    expect(find('AT T is not it.')).toEqual([]);
  });

  it('can relax case for some entries (attachment names)', () => {
    const text = 'globex corporation-qbr.pdf';
    expect(m.findAll(text, [[0, text.length]], (e) => e.label.includes(' ')).length).toBe(1);
  });
});
