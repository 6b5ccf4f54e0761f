import { describe, expect, it } from 'vitest';
import { checkDraft } from './index.ts';
import type { Draft } from './schemas/draft.ts';
import type { Finding } from './schemas/finding.ts';
import type { Policy } from './schemas/policy.ts';

// The same violation, written to slip past a filter, is still caught by the same rule — and the finding points
// at the characters as typed (invisible ones included), so the underline lands on the disguised word.

const POLICY: Policy = {
  version: 1,
  organization: { name: 'Corvana', internalDomains: ['corvana.example'] },
  accounts: [
    { id: 'acme', name: 'Acme Robotics', domains: ['acme.example'] },
    { id: 'globex', name: 'Globex Corporation', domains: ['globex.example'] },
    { id: 'barnes', name: 'Barnes & Hale Logistics', domains: ['barneshale.example'] },
  ],
  competitors: [{ name: 'Initech Cloud' }],
  pricing: { maxDiscountPercent: 20 },
};
const TO = ['Wile Coyote <wile@acme.example>'];

function draft(subject: string, body: string): Draft {
  return { subject, body, to: TO, cc: [], bcc: [] };
}

interface Violation {
  readonly name: string;
  readonly ruleId: string;
  /** The sentence around the violation; `target` is what gets disguised. */
  readonly before: string;
  readonly target: string;
  readonly after: string;
}

const VIOLATIONS: readonly Violation[] = [
  {
    name: 'a guarantee',
    ruleId: 'overcommitment/guarantee',
    before: 'Delivery is ',
    target: 'guaranteed',
    after: ' before your board meeting.',
  },
  {
    name: 'an absolute claim',
    ruleId: 'overcommitment/absolute-claim',
    before: 'The new platform is ',
    target: 'fully secure',
    after: ' for your data.',
  },
  {
    name: 'competitor FUD',
    ruleId: 'competitor-fud/disparaging-claim',
    before: 'Honestly, ',
    target: 'Initech Cloud is going out of business',
    after: ', so switching now is wise.',
  },
  {
    name: "another account's name",
    ruleId: 'cross-account/other-account-mention',
    before: 'The team at ',
    target: 'Globex Corporation',
    after: ' saw a 30% drop in tickets after the same change.',
  },
  {
    name: "another account's name with an ampersand",
    ruleId: 'cross-account/other-account-mention',
    before: 'Last year ',
    target: 'Barnes & Hale Logistics',
    after: ' rolled this out in two weeks.',
  },
  {
    name: 'an unfilled placeholder',
    ruleId: 'placeholder/template-field',
    before: 'We can start on ',
    target: '[insert start date]',
    after: ' with your whole team.',
  },
  {
    name: 'a US Social Security number',
    ruleId: 'pii/national-id',
    before: "The employee's number is ",
    target: '123-45-6789',
    after: ', please update the record.',
  },
  {
    name: 'a discount over the maximum',
    ruleId: 'pricing/discount-limit',
    before: 'We can include a ',
    target: '30% discount',
    after: ' on the renewal.',
  },
];

const CYRILLIC: Record<string, string> = {
  a: 'а',
  e: 'е',
  o: 'о',
  p: 'р',
  c: 'с',
  x: 'х',
  y: 'у',
  i: 'і',
  s: 'ѕ',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
};
const GREEK: Record<string, string> = {
  a: 'α',
  o: 'ο',
  v: 'ν',
  i: 'ι',
  u: 'υ',
  A: 'Α',
  B: 'Β',
  E: 'Ε',
  H: 'Η',
  I: 'Ι',
  K: 'Κ',
  M: 'Μ',
  N: 'Ν',
  O: 'Ο',
  P: 'Ρ',
  T: 'Τ',
};

/** Every other mapped letter replaced, so the result mixes scripts as a real dodge does. */
function lookAlike(table: Record<string, string>) {
  return (t: string) => {
    let n = 0;
    const out = [...t].map((ch) => (table[ch] && n++ % 2 === 0 ? table[ch] : ch)).join('');
    return out === t ? undefined : out;
  };
}

/** `mark` inserted after the first character of every word of two characters or more. */
function insideWords(mark: string) {
  return (t: string) => t.replace(/[\p{L}\p{N}]{2,}/gu, (w) => `${w[0]}${mark}${w.slice(1)}`);
}

/** The longest word of six letters or more broken across a line with a hyphen ("guaran-\ntee"). */
function hyphenatedAcrossLines(t: string): string | undefined {
  const words = t.match(/\p{L}{6,}/gu);
  if (!words) return undefined;
  const w = words.sort((a, b) => b.length - a.length)[0]!;
  const k = Math.ceil(w.length / 2);
  return t.replace(w, `${w.slice(0, k)}-\n${w.slice(k)}`);
}

const multiWord = (t: string) => t.includes(' ');

/** Each disguise returns the disguised target, or undefined where it cannot apply to this target. */
const DISGUISES: Record<string, { apply: (t: string) => string | undefined; lineBreaks?: boolean }> = {
  'zero-width space U+200B': { apply: insideWords('\u200B') },
  'zero-width non-joiner U+200C': { apply: insideWords('\u200C') },
  'zero-width joiner U+200D': { apply: insideWords('\u200D') },
  'word joiner U+2060': { apply: insideWords('\u2060') },
  'byte order mark U+FEFF': { apply: insideWords('\uFEFF') },
  'soft hyphens U+00AD': { apply: insideWords('\u00AD') },
  'several invisibles in a row': { apply: insideWords('\u200B\u200D\u00AD\u2060') },
  'Cyrillic look-alikes': { apply: lookAlike(CYRILLIC) },
  'Greek look-alikes': { apply: lookAlike(GREEK) },
  'fullwidth forms': {
    apply: (t) =>
      [...t]
        .map((ch) => {
          const c = ch.charCodeAt(0);
          if (c === 0x20) return '\u3000';
          return c > 0x20 && c < 0x7f ? String.fromCharCode(c + 0xfee0) : ch;
        })
        .join(''),
  },
  'mixed case': {
    apply: (t) => {
      let n = 0;
      const out = t.replace(/\p{L}/gu, (ch) => (n++ % 2 === 0 ? ch.toUpperCase() : ch.toLowerCase()));
      return out === t ? undefined : out;
    },
  },
  'hyphen and line break inside a word': { apply: hyphenatedAcrossLines, lineBreaks: true },
  'line break between words': {
    apply: (t) => (multiWord(t) ? t.replace(' ', '\n') : undefined),
    lineBreaks: true,
  },
  'doubled spaces': { apply: (t) => (multiWord(t) ? t.replaceAll(' ', '  ') : undefined) },
  'tripled spaces': { apply: (t) => (multiWord(t) ? t.replaceAll(' ', '   ') : undefined) },
  'no-break spaces': { apply: (t) => (multiWord(t) ? t.replaceAll(' ', '\u00A0') : undefined) },
  tabs: { apply: (t) => (multiWord(t) ? t.replaceAll(' ', '\t') : undefined) },
  'HTML entities': {
    apply: (t) => {
      let n = 0;
      return t
        .replace(/[\p{L}\p{N}]{3,}/gu, (w) => {
          const c = w.codePointAt(1)!;
          const ref = n++ % 2 === 0 ? `&#${c};` : `&#x${c.toString(16)};`;
          return `${w[0]}${ref}${w.slice(2)}`;
        })
        .replaceAll('&', '\u0000')
        .replaceAll('\u0000#', '&#')
        .replaceAll('\u0000', '&amp;')
        .replaceAll(' ', '&nbsp;')
        .replaceAll('%', '&#37;');
    },
  },
};

/** Combinations that cannot be written: a subject is one line; a number has no letters to swap or case. */
function notApplicable(v: Violation, disguise: string, where: 'body' | 'subject'): boolean {
  if (where === 'subject' && DISGUISES[disguise]!.lineBreaks) return true;
  // A line break inside a bracketed template field makes it something else than a field to fill.
  if (v.ruleId === 'placeholder/template-field' && disguise === 'line break between words') return true;
  return false;
}

function findingFor(v: Violation, where: 'body' | 'subject', disguised: string) {
  const sentence = `${v.before}${disguised}${v.after}`;
  const prefix = where === 'body' ? 'Hi Wile,\n\n' : '';
  const text = `${prefix}${sentence}`;
  const d =
    where === 'body'
      ? draft('Notes from Tuesday', `${text}\n\nBest regards,\nSam`)
      : draft(text, 'Hi Wile,\n\nNotes below.\n\nBest regards,\nSam');
  const field = where === 'body' ? d.body : d.subject;
  const start = prefix.length + v.before.length;
  return {
    field,
    start,
    end: start + disguised.length,
    findings: checkDraft(d, POLICY).findings.filter((f) => f.ruleId === v.ruleId && f.field === where),
  };
}

function expectOnOriginal(f: Finding | undefined, field: string, start: number, end: number) {
  expect(f).toBeDefined();
  expect(f!.excerpt).toBe(field.slice(f!.start, f!.end));
  expect([f!.start, f!.end]).toEqual([start, end]);
}

describe('evasion: disguised violations are still caught, on the characters as typed', () => {
  for (const v of VIOLATIONS) {
    describe(v.name, () => {
      it('is caught undisguised, in the body and in the subject (the reference case)', () => {
        for (const where of ['body', 'subject'] as const) {
          const { field, start, end, findings } = findingFor(v, where, v.target);
          expect(findings).toHaveLength(1);
          expectOnOriginal(findings[0], field, start, end);
        }
      });
      for (const [name, disguise] of Object.entries(DISGUISES)) {
        const disguised = disguise.apply(v.target);
        if (disguised === undefined || disguised === v.target) continue;
        for (const where of ['body', 'subject'] as const) {
          if (notApplicable(v, name, where)) continue;
          it(`${name}, in the ${where}: ${JSON.stringify(disguised)}`, () => {
            const { field, start, end, findings } = findingFor(v, where, disguised);
            expect(findings).toHaveLength(1);
            expectOnOriginal(findings[0], field, start, end);
          });
        }
      }
    });
  }
});

describe('evasion table', () => {
  it('runs every disguise on every violation, except those that cannot be written', () => {
    const SPACING = [
      'line break between words',
      'doubled spaces',
      'tripled spaces',
      'no-break spaces',
      'tabs',
    ];
    const skipped: Record<string, string[]> = {};
    for (const v of VIOLATIONS) {
      const names = Object.entries(DISGUISES)
        .filter(([, d]) => d.apply(v.target) === undefined)
        .map(([name]) => name);
      if (notApplicable(v, 'line break between words', 'body')) names.push('line break between words');
      if (names.length > 0) skipped[v.name] = [...new Set(names)].sort();
    }
    expect(skipped).toEqual({
      // One word: nothing to space out.
      'a guarantee': [...SPACING].sort(),
      // Digits and dashes: no letters to swap or case, no word to hyphenate, no spaces.
      'a US Social Security number': [
        ...SPACING,
        'Cyrillic look-alikes',
        'Greek look-alikes',
        'hyphen and line break inside a word',
        'mixed case',
      ].sort(),
      // A bracketed field broken over two lines is no longer a field to fill.
      'an unfilled placeholder': ['line break between words'],
    });
  });
});

describe('evasion controls: legitimate text with the same characters does not fire', () => {
  const ids = new Set(VIOLATIONS.map((v) => v.ruleId));
  const flagged = (subject: string, body: string) =>
    checkDraft(draft(subject, body), POLICY)
      .findings.filter((f) => ids.has(f.ruleId))
      .map((f) => `${f.ruleId}: ${f.excerpt}`);

  it.each([
    ['Russian prose', 'Добрый день, Олег! Спасибо за встречу. Отчёт о внедрении прилагаю, сроки согласуем.'],
    ['Greek prose', 'Καλημέρα σας. Η ομάδα μας θα στείλει την αναφορά και το σχέδιο την Τρίτη.'],
    [
      'a guarantor, not a guarantee',
      'The bank acts as guarantor for the loan, as agreed with your legal team.',
    ],
    ['escaped ampersands in plain text', 'Our R&amp;D team will join the Q&amp;A session on Thursday.'],
    ['entities that are only spacing', 'The&nbsp;report is attached&nbsp;&mdash; thanks for the notes.'],
    [
      'emoji joined with zero-width joiners',
      'Great news 👨‍👩‍👧 from the family day, and 🏳️‍🌈 flags for the parade.',
    ],
    ['a combining accent on a plain word', 'We met at the cafe\u0301 near the office to review the rollout.'],
    [
      'a word hyphenated across lines that is not a phrase',
      'The migration was a well-\nplanned and care-\nfully staged effort.',
    ],
    ['a name split by a blank line', 'We met the Barnes & Hale\n\nLogistics team of another firm.'],
    ['a near-miss name', 'The Globexian team at Initechnology signed off.'],
    ['a capitalised word that merely contains a name', 'Fullysecured is not a word we use.'],
  ])('%s', (_, body) => {
    expect(flagged('Notes from Tuesday', `Hi Wile,\n\n${body}\n\nBest regards,\nSam`)).toEqual([]);
    // A subject is one line: line breaks become a visible separator.
    expect(flagged(body.replace(/\n+/g, ' / '), 'Hi Wile,\n\nNotes below.')).toEqual([]);
  });

  it('genuine Cyrillic and Greek account names are matched in the text (names fold as the text does)', () => {
    const policy: Policy = {
      ...POLICY,
      accounts: [
        ...POLICY.accounts!,
        { id: 'severstal', name: 'Северсталь', domains: ['severstal.example'] },
        { id: 'olympia', name: 'Ολυμπία Ασφαλιστική', domains: ['olympia.example'] },
        { id: 'obrien', name: 'O’Brien Media', domains: ['obrien.example'] },
      ],
    };
    const body = 'Hi Wile,\n\nСеверсталь, Ολυμπία Ασφαλιστική and O’Brien Media use the same setup.';
    const found = checkDraft(draft('Notes', body), policy)
      .findings.filter((f) => f.ruleId === 'cross-account/other-account-mention')
      .map((f) => f.excerpt);
    expect(found).toEqual(['Северсталь', 'Ολυμπία Ασφαλιστική', 'O’Brien Media']);
  });
});

describe('evasion: the organisation’s own name', () => {
  it('is recognised when written with a curly apostrophe, as the text is folded', () => {
    const policy: Policy = {
      ...POLICY,
      organization: { name: 'Nature’s Way', internalDomains: ['corvana.example'] },
      accounts: [...POLICY.accounts!, { id: 'nature', name: 'Nature', domains: ['nature.example'] }],
    };
    const body = 'Hi Wile,\n\nThe Nature’s Way team will join on Thursday.';
    const found = checkDraft(draft('Notes', body), policy).findings.filter(
      (f) => f.ruleId === 'cross-account/other-account-mention',
    );
    expect(found).toEqual([]);
  });
});
