import { describe, expect, it } from 'vitest';
import { NameMatcher } from './name-matcher.ts';
import { normalize } from './normalize.ts';

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

  it('joins name words across doubled spaces, tabs and one line break, never a blank line', () => {
    expect(find('Globex   Corporation and Globex\tCorporation and Globex\nCorporation')).toEqual([
      ['Globex   Corporation', 'globex'],
      ['Globex\tCorporation', 'globex'],
      ['Globex\nCorporation', 'globex'],
    ]);
    expect(find('Blue-Sky\n\nLabs')).toEqual([]);
    expect(find('Globex                  Corporation')).toEqual([['Globex', 'globex']]);
  });

  it('takes a capital anywhere in a mixed-case word as the capital the name has', () => {
    expect(find('aPeX signed today.')).toEqual([['aPeX', 'apex']]);
    expect(find('apex signed today.')).toEqual([]);
  });

  it('folds names as the text is folded (curly apostrophes, Cyrillic, no-break spaces)', () => {
    const n = new NameMatcher<string>();
    n.add('O’Brien Media', 'obrien');
    n.add('Северсталь', 'severstal');
    n.add('Blue\u00A0Harbor', 'blue');
    const text = 'O’Brien Media, Северсталь and Blue Harbor.';
    const norm = normalize(text);
    expect(
      n.findAll(norm.text, [[0, norm.text.length]], undefined, norm.lower).map((x) => x.entries[0]!.value),
    ).toEqual(['obrien', 'severstal', 'blue']);
  });
});
