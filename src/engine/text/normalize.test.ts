import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOf, normalize, startOf, toOriginal } from './normalize.ts';

describe('normalize', () => {
  it('folds look-alikes, fullwidth forms, invisible characters, curly quotes and NBSP', () => {
    const input = 'We ｇuаrаntee\u00A0it\u200B’s “fully ѕecure” — gua\u00ADrantee';
    const n = normalize(input);
    expect(n.text).toBe('We guarantee it\'s "fully secure" - guarantee');
    expect(n.lower).toBe(n.text.toLowerCase());
  });

  it('maps every normalised range back onto the original text', () => {
    const input = 'Ｗe gua\u200Brantee 𝐳𝐞𝐫𝐨 downtime';
    const n = normalize(input);
    const at = n.lower.indexOf('guarantee');
    const [s, e] = toOriginal(n, at, at + 'guarantee'.length);
    expect(input.slice(s, e)).toBe('gua\u200Brantee');
    const z = n.lower.indexOf('zero');
    const [zs, ze] = toOriginal(n, z, z + 4);
    expect(input.slice(zs, ze)).toBe('𝐳𝐞𝐫𝐨');
  });

  it('keeps plain ASCII as is with an identity map', () => {
    const n = normalize('Plain text.');
    expect(n.text).toBe('Plain text.');
    expect(toOriginal(n, 6, 10)).toEqual([6, 10]);
  });

  it('property: text and lower have equal length; maps are monotonic and within the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (input) => {
        const n = normalize(input);
        expect(n.lower.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          expect(startOf(n, i)).toBeLessThan(endOf(n, i));
          expect(endOf(n, i)).toBeLessThanOrEqual(input.length);
          if (i > 0) expect(startOf(n, i)).toBeGreaterThanOrEqual(startOf(n, i - 1));
        }
        expect(startOf(n, n.text.length)).toBe(input.length);
        if (n.identity) expect(n.text).toBe(input);
      }),
    );
  });
});

describe('normalize: disguises', () => {
  const fold = (input: string) => normalize(input).text;
  const slice = (input: string, needle: string) => {
    const n = normalize(input);
    const at = n.lower.indexOf(needle);
    expect(at).toBeGreaterThanOrEqual(0);
    const [s, e] = toOriginal(n, at, at + needle.length);
    return input.slice(s, e);
  };

  it('decodes HTML character references, numeric and named, onto the whole reference', () => {
    expect(fold('guar&#97;ntee, gu&#x61;rantee and fully&nbsp;secure R&amp;D')).toBe(
      'guarantee, guarantee and fully secure R&D',
    );
    expect(slice('We guar&#97;ntee it', 'guarantee')).toBe('guar&#97;ntee');
    expect(slice('Barnes &amp; Hale', 'barnes & hale')).toBe('Barnes &amp; Hale');
    // A reference to an invisible or a look-alike folds like the character itself.
    expect(fold('gua&#8203;rantee g&#1072;in')).toBe('guarantee gain');
  });

  it('leaves ampersands that are not references alone, and keeps the identity map for them', () => {
    for (const s of ['Q&A at 5 & 6', 'AT&T', '&unknownentity;', '&#0;', '&#xD800;', '&#99999999;', '& ;']) {
      const n = normalize(s);
      expect(n.text).toBe(s);
    }
    expect(normalize('Q&A & R&D').identity).toBe(true);
  });

  it('joins a word hyphenated across a line break, and only that', () => {
    expect(fold('We guaran-\ntee it')).toBe('We guarantee it');
    expect(fold('We guaran- \r\n  tee it')).toBe('We guarantee it');
    expect(fold('We guaran\u00AD\ntee it')).toBe('We guarantee it');
    expect(slice('We guaran-\ntee it', 'guarantee')).toBe('guaran-\ntee');
    // Not a hyphenated word: a dash after a space, a capital or a digit after the break, a blank line.
    for (const s of ['Notes -\nnext steps', 'Q3-\nTeam', 'ref 12-\n34', 'guaran-\n\ntee', 'end-\n']) {
      expect(fold(s)).toBe(s);
      expect(normalize(s).identity).toBe(true);
    }
  });

  it('drops control characters, bidi controls, tag characters and combining marks on Latin letters', () => {
    expect(fold('gua\u0000ran\u0007tee\u007F')).toBe('guarantee');
    expect(fold('\u202Eguarantee\u202C \u2067fully\u2069 secure')).toBe('guarantee fully secure');
    expect(fold('gu\u0301a\u0308ranteed')).toBe('guaranteed');
    expect(fold('g\u0338\u0322u\u0335aranteed')).toBe('guaranteed');
    expect(fold('flag 🏴\u{E0067}\u{E0062}\u{E007F}')).toBe('flag 🏴');
    // Marks on letters of other scripts are part of the spelling.
    expect(fold('\u0915\u093F \u05E9\u05C1')).toBe('\u0915\u093F \u05E9\u05C1');
    expect(slice('gu\u0301aranteed', 'guaranteed')).toBe('gu\u0301aranteed');
  });

  it('folds circled letters and the Ogham space mark', () => {
    expect(fold('Ⓖⓤⓐⓡⓐⓝⓣⓔⓔ\u1680it')).toBe('Guarantee it');
  });

  it('property: HTML references, hyphenated line breaks and invisibles keep the maps exact', () => {
    const piece = fc.constantFrom(
      'guar',
      'antee',
      '&#97;',
      '&#x61;',
      '&amp;',
      '&nbsp;',
      '&bogus;',
      '&',
      '-\n',
      '- \r\n ',
      '\u00AD\n',
      '\u200B',
      '\u0301',
      'а',
      'Ｇ',
      ' ',
      '\n',
      '😀',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const input = pieces.join('');
        const n = normalize(input);
        expect(n.lower.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          expect(startOf(n, i)).toBeLessThan(endOf(n, i));
          expect(endOf(n, i)).toBeLessThanOrEqual(input.length);
          // Consecutive characters come from consecutive, non-overlapping original ranges, except the two
          // halves of one astral character (or one reference), which share theirs.
          if (i > 0) {
            const shared = startOf(n, i) === startOf(n, i - 1) && endOf(n, i) === endOf(n, i - 1);
            if (!shared) expect(startOf(n, i)).toBeGreaterThanOrEqual(endOf(n, i - 1));
          }
        }
        expect(startOf(n, n.text.length)).toBe(input.length);
      }),
    );
  });
});
