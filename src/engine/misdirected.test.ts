import { describe, expect, it } from 'vitest';
import { checkDraft } from './index.ts';
import type { Draft } from './schemas/draft.ts';
import type { Policy } from './schemas/policy.ts';

// Misdirected email: look-alike recipient domains, files named for another account, and recipients from a
// second account in a thread about the first.

const POLICY = {
  version: 1,
  organization: { name: 'Ourco', internalDomains: ['ourco.com'] },
  accounts: [
    {
      id: 'initech',
      name: 'Initech',
      domains: ['initech.com'],
      contacts: ['Dana Whitfield <dana@initech.com>', 'priya.nair@initech.com'],
    },
    { id: 'globex', name: 'Globex Corporation', aliases: ['Globex'], domains: ['globex.com'] },
  ],
} as Policy;

const draft = (d: Partial<Draft>): Draft => ({
  subject: '',
  body: 'Hi,\nNotes below.',
  to: [],
  cc: [],
  bcc: [],
  ...d,
});
const recipients = (d: Draft) => [...d.to, ...d.cc, ...d.bcc].join(', ');

describe('look-alike recipient domains', () => {
  it('points at the recipient and offers the contact the local part names', () => {
    const d = draft({
      to: ['pat@ourco.com', 'Dana W. <dana@lnitech.com>'],
      body: 'Hi Dana,\nThe Initech renewal terms are attached.',
    });
    const { findings } = checkDraft(d, POLICY);
    const hit = findings.filter((f) => f.ruleId === 'cross-account/lookalike-domain');
    expect(hit).toHaveLength(1);
    expect(hit[0]!.excerpt).toBe('Dana W. <dana@lnitech.com>');
    expect(recipients(d).slice(hit[0]!.start, hit[0]!.end)).toBe(hit[0]!.excerpt);
    expect(hit[0]!.message).toContain('looks like initech.com (account Initech) but is lnitech.com');
    expect(hit[0]!.suggestion).toBe('Dana W. <dana@initech.com>');
    expect(hit[0]!.severity).toBe('block');
    // The text naming Initech is not a second finding: the address is the problem.
    expect(findings.filter((f) => f.ruleId === 'cross-account/other-account-mention')).toEqual([]);
  });

  it('offers no contact when none has that local part, and none for internal look-alikes', () => {
    const a = checkDraft(draft({ to: ['someone@initech.co'] }), POLICY).findings;
    expect(a.map((f) => f.ruleId)).toEqual(['cross-account/lookalike-domain']);
    expect(a[0]!.suggestion).toBeUndefined();
    const b = checkDraft(draft({ to: ['dana@initech.com'], cc: ['pat@0urco.com'] }), POLICY).findings;
    expect(b.map((f) => f.ruleId)).toEqual(['cross-account/lookalike-domain']);
    expect(b[0]!.message).toContain("your organisation's own domain");
    expect(b[0]!.suggestion).toBeUndefined();
  });

  it('reads Punycode decoded and names the foreign letters', () => {
    const f = checkDraft(draft({ to: ['priya.nair@xn--nitech-ovf.com'] }), POLICY).findings[0]!;
    expect(f.message).toContain('xn--nitech-ovf.com (read as іnitech.com), written with Cyrillic і');
    expect(f.suggestion).toBe('priya.nair@initech.com');
  });

  it('leaves a new domain that resembles nothing alone', () => {
    expect(checkDraft(draft({ to: ['lee@harbourline.io'] }), POLICY).findings).toEqual([]);
  });
});

describe('recipients from a second account', () => {
  it('reports the added recipient, not the text, when the thread is with the other account', () => {
    const d = draft({
      to: ['gina@globex.com', 'dana@initech.com'],
      subject: 'Re: Initech data migration',
      body: 'Hi Dana,\nThe migration plan is below.\n\nOn Mon, Mar 2, 2026 at 9:00 AM Dana Whitfield <dana@initech.com> wrote:\n> Can you share the migration plan?',
    });
    const { findings } = checkDraft(d, POLICY);
    const mixed = findings.filter((f) => f.ruleId === 'cross-account/mixed-recipients');
    expect(mixed.map((f) => f.excerpt)).toEqual(['gina@globex.com']);
    expect(mixed[0]!.message).toContain('about Initech');
    expect(findings.filter((f) => f.field !== 'recipients')).toEqual([]);
  });

  it('falls back to the first recipient when the content names neither account', () => {
    const d = draft({ to: ['gina@globex.com', 'dana@initech.com'] });
    const mixed = checkDraft(d, POLICY).findings.filter((f) => f.ruleId === 'cross-account/mixed-recipients');
    expect(mixed.map((f) => f.excerpt)).toEqual(['dana@initech.com']);
  });
});

describe('files named for another account', () => {
  it('reads slugs and codes, and leaves the account its own files', () => {
    const to = ['dana@initech.com'];
    const names = (attachments: string[]) =>
      checkDraft(draft({ to, attachments: attachments.map((name) => ({ name })) }), POLICY)
        .findings.filter((f) => f.field === 'attachments')
        .map((f) => f.excerpt);
    expect(names(['initech-renewal.pdf', 'globex-renewal-deck.pdf'])).toEqual(['globex']);
    expect(names(['GLOBEX_Q3.xlsx', 'q3_globex_v2.docx'])).toEqual(['GLOBEX', 'globex']);
    expect(names(['GlobexCorporationQBR.pptx'])).toEqual(['GlobexCorporation']);
    expect(names(['INITECH_Q3.xlsx', 'q3_initech_v2.docx'])).toEqual([]);
  });
});
