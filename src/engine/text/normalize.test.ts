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
