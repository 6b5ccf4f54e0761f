import { domainToASCII, domainToUnicode as nodeDomainToUnicode } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../index.ts';
import type { Policy } from '../schemas/policy.ts';
import { editDistance, foldLetters, type KnownDomain, LookalikeIndex, skeleton } from './lookalike.ts';
import { decodePunycode, domainToUnicode } from './punycode.ts';
import { registrableOf } from './registrable.ts';

const account = (id: string, ...domains: string[]): KnownDomain[] =>
  domains.map((domain) => ({ domain, owner: { kind: 'account', id } }));

const KNOWN: KnownDomain[] = [
  { domain: 'ourco.com', owner: { kind: 'internal' } },
  ...account('initech', 'initech.com'),
  ...account('acme', 'acme.com', 'acme.co.uk'),
  ...account('globex', 'globex-industries.com'),
  ...account('ibm', 'ibm.com'),
];

describe('punycode', () => {
  it('decodes labels as node does', () => {
    for (const d of ['іnitech.com', 'аcme.com', 'münchen.de', 'bücher-ü.example', '例え.テスト', 'ıbm.com']) {
      const ascii = domainToASCII(d);
      expect(ascii).toMatch(/xn--/);
      expect(domainToUnicode(ascii)).toBe(nodeDomainToUnicode(ascii));
    }
  });

  it('decodes any label node encodes', () => {
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-аеорсіıüéßλ例ωж'.split(''));
    fc.assert(
      fc.property(fc.array(letter, { minLength: 1, maxLength: 20 }), (chars) => {
        const label = chars.join('').replace(/^-+|-+$/g, '');
        const ascii = domainToASCII(`${label}.com`);
        fc.pre(ascii !== '' && ascii.startsWith('xn--'));
        expect(domainToUnicode(ascii)).toBe(nodeDomainToUnicode(ascii));
      }),
    );
  });

  it('leaves invalid Punycode as written', () => {
    expect(decodePunycode('!!')).toBeUndefined();
    expect(domainToUnicode('xn--.com')).toBe('xn--.com');
    expect(domainToUnicode('xn--99999999999999999.com')).toBe('xn--99999999999999999.com');
    expect(domainToUnicode('plain.example')).toBe('plain.example');
  });
});

describe('registrableOf', () => {
  it('reads one-part and common two-part suffixes', () => {
    expect(registrableOf('mail.acme.com')).toEqual({ label: 'acme', suffix: 'com', domain: 'acme.com' });
    expect(registrableOf('eu.acme.co.uk')).toEqual({ label: 'acme', suffix: 'co.uk', domain: 'acme.co.uk' });
    expect(registrableOf('acme.com.au').label).toBe('acme');
    expect(registrableOf('acme.co').suffix).toBe('co');
    expect(registrableOf('acme.example').label).toBe('acme');
  });
});

describe('skeleton', () => {
  it('folds look-alike letters and glyph pairs', () => {
    expect(skeleton('аcme')).toBe(skeleton('acme')); // Cyrillic а
    expect(skeleton('ınitech')).toBe(skeleton('initech')); // dotless ı
    expect(skeleton('0racle')).toBe(skeleton('oracle'));
    expect(skeleton('vvidget')).toBe(skeleton('widget'));
    expect(skeleton('rnodern')).toBe(skeleton('modern'));
    expect(skeleton('café')).toBe(skeleton('cafe'));
    expect(skeleton('acme')).not.toBe(skeleton('acne'));
  });
});

/** Plain optimal-string-alignment distance, for comparison. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('is the optimal-string-alignment distance, cut off above the bound', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, bound) => {
        const exact = osa(a, b);
        expect(editDistance(a, b, bound)).toBe(exact > bound ? bound + 1 : exact);
      }),
      { numRuns: 500 },
    );
  });
});

describe('LookalikeIndex', () => {
  const index = new LookalikeIndex(KNOWN);
  const find = (d: string) => {
    const hit = index.find(d);
    return hit && { domain: hit.known.domain, kind: hit.kind, distance: hit.distance };
  };

  it('finds typos, other suffixes, added words and look-alike letters', () => {
    expect(find('inltech.com')).toMatchObject({ domain: 'initech.com' });
    expect(find('initek.com')).toEqual({ domain: 'initech.com', kind: 'typo', distance: 2 });
    expect(find('intiech.com')).toEqual({ domain: 'initech.com', kind: 'typo', distance: 1 });
    expect(find('initech-co.com')).toEqual({ domain: 'initech.com', kind: 'affix', distance: 0 });
    expect(find('initechcorp.com')).toMatchObject({ domain: 'initech.com', kind: 'affix' });
    expect(find('acme.co')).toEqual({ domain: 'acme.com', kind: 'suffix', distance: 0 });
    expect(find('acme.de')).toMatchObject({ domain: 'acme.com', kind: 'suffix' });
    expect(find('xn--cme-5cd.com')).toMatchObject({ domain: 'acme.com', kind: 'glyph' });
    expect(find('аcme.com')).toMatchObject({ domain: 'acme.com', kind: 'glyph' });
    expect(find('0urco.com')).toMatchObject({ domain: 'ourco.com', kind: 'glyph' });
    expect(find('globex-industires.com')).toMatchObject({ domain: 'globex-industries.com', kind: 'typo' });
    expect(find('lbm.com')).toMatchObject({ domain: 'ibm.com', kind: 'glyph' });
    expect(index.find('xn--cme-5cd.com')?.shown).toBe('аcme.com');
    expect(index.find('xn--cme-5cd.com')?.foreignLetters).toEqual(['Cyrillic а']);
  });

  it('leaves known domains, their subdomains and unrelated new domains alone', () => {
    for (const d of [
      'initech.com',
      'mail.initech.com',
      'acme.co.uk',
      'eu.acme.com',
      'ourco.com',
      'fintech.com',
      'northwind-labs.com',
      'gmail.com',
      'ibn.com',
      'acne.org',
      'contoso.co.uk',
    ])
      expect(find(d), d).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties over generated directories.

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const SUFFIXES = ['com', 'net', 'io', 'co.uk', 'com.au', 'de', 'example'];
const labelArb = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...LETTERS.split('')), minLength: min, maxLength: max });
const domainArb = (min = 4, max = 14) =>
  fc.tuple(labelArb(min, max), fc.constantFrom(...SUFFIXES)).map(([l, s]) => `${l}.${s}`);

function policyOf(internal: string[], accounts: string[][]): Policy {
  return {
    version: 1,
    organization: { internalDomains: internal },
    accounts: accounts.map((domains, i) => ({ id: `a${i}`, name: `Account ${i}`, domains })),
  } as Policy;
}

const lookalikeFindings = (policy: Policy, to: string[]) =>
  checkDraft({ subject: '', body: 'Hi,\nNotes below.', to, cc: [], bcc: [] }, policy).findings.filter(
    (f) => f.ruleId === 'cross-account/lookalike-domain',
  );

describe('look-alike properties', () => {
  // Known names of four letters or more: a shorter name is one letter away from too many real ones
  // ("ibm" -> "ibn", "ibx"), so it only matches by look ("lbm") or by suffix ("ibm.co"), tested above.
  it('flags any single-character substitution of a known domain', () => {
    const charArb = fc.constantFrom(...`${LETTERS}0123456789`.split(''));
    fc.assert(
      fc.property(
        fc.array(domainArb(), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        charArb,
        (domains, which, where, ch) => {
          const known = domains[which % domains.length]!;
          // A position of a letter of the name or of the suffix (dots stay dots).
          const positions = [...known].flatMap((c, i) => (c === '.' ? [] : [i]));
          const at = positions[where % positions.length]!;
          fc.pre(known[at] !== ch);
          const changed = `${known.slice(0, at)}${ch}${known.slice(at + 1)}`;
          const index = new LookalikeIndex(
            domains.map((domain) => ({ domain, owner: { kind: 'internal' } })),
          );
          // The change may make another known domain, or fall in the known domain's own registrable part.
          fc.pre(!domains.some((d) => registrableOf(d).domain === registrableOf(changed).domain));
          expect(index.find(changed), `${known} -> ${changed}`).toBeDefined();
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never flags a known or internal domain, nor a subdomain of one', () => {
    fc.assert(
      fc.property(
        fc.array(domainArb(1, 12), { minLength: 1, maxLength: 3 }),
        fc.array(fc.array(domainArb(1, 12), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        labelArb(1, 6),
        (internal, accounts, sub) => {
          const policy = policyOf(internal, accounts);
          const all = [...internal, ...accounts.flat()];
          const to = all.flatMap((d) => [`pat@${d}`, `Pat Lee <pat@${sub}.${d}>`]);
          expect(lookalikeFindings(policy, to)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds exactly the known names a scan of every one finds (typos)', () => {
    // The index reaches candidates through shared deletion variants; a plain scan is the reference.
    fc.assert(
      fc.property(
        fc.array(labelArb(4, 16), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.array(
          fc.tuple(fc.nat(), fc.constantFrom('sub', 'del', 'ins', 'swap'), fc.constantFrom(...LETTERS)),
          {
            maxLength: 3,
          },
        ),
        (labels, which, edits) => {
          let q = labels[which % labels.length]!;
          for (const [at, op, ch] of edits) {
            const i = at % (q.length + 1);
            if (op === 'sub' && i < q.length) q = `${q.slice(0, i)}${ch}${q.slice(i + 1)}`;
            else if (op === 'del' && i < q.length) q = `${q.slice(0, i)}${q.slice(i + 1)}`;
            else if (op === 'ins') q = `${q.slice(0, i)}${ch}${q.slice(i)}`;
            else if (op === 'swap' && i + 1 < q.length)
              q = `${q.slice(0, i)}${q[i + 1]}${q[i]}${q.slice(i + 2)}`;
          }
          fc.pre(q.length >= 1);
          const index = new LookalikeIndex(
            labels.map((l) => ({ domain: `${l}.com`, owner: { kind: 'internal' } })),
          );
          const expected = labels.some((l) => {
            if (skeleton(l) === skeleton(q)) return l !== q; // same look, other letters
            const [fq, fl] = [foldLetters(q), foldLetters(l)];
            const bound = l.length >= 7 ? 2 : l.length >= 4 ? 1 : 0;
            const d = editDistance(fq, fl, bound);
            return d <= bound && (d < 2 || fq[0] === fl[0]);
          });
          const affixed = index.find(`${q}.com`)?.kind === 'affix';
          fc.pre(!labels.includes(q) && !affixed);
          expect(index.find(`${q}.com`) !== undefined, `${labels.join(',')} / ${q}`).toBe(expected);
        },
      ),
      { numRuns: 400 },
    );
  });
});
