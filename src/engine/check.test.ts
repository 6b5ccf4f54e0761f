import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRules } from './check.ts';
import { checkDraft, compilePolicy, type Draft, listRules, type Policy } from './index.ts';
import { defineRule, MAX_FINDINGS_PER_FIELD } from './rule.ts';

const draft = (body: string, extra: Partial<Draft> = {}): Draft => ({
  subject: '',
  body,
  to: ['Jordan Lee <jordan.lee@northwind.example>'],
  cc: [],
  bcc: [],
  ...extra,
});

const policy = (p: Omit<Policy, 'version'>): Policy => ({ version: 1, ...p });

describe('checkDraft', () => {
  it('reports exact offsets into the original field, including after invisible characters', () => {
    const body = 'Hi Jordan,\n\u200BWe gua\u00ADrantee ｚero downtime.';
    const { findings } = checkDraft(draft(body));
    // One claim, one finding: the guarantee and the absolute it promises are rewritten together.
    expect(findings.map((f) => f.excerpt)).toEqual(['gua\u00ADrantee ｚero downtime']);
    for (const f of findings) expect(body.slice(f.start, f.end)).toBe(f.excerpt);
  });

  it('sorts block before warn, then by field and offset', () => {
    const { findings } = checkDraft(
      draft('Hi Jordan,\nPer my last email, we guarantee it. The portal will be live by March 3.', {
        subject: 'TBD',
      }),
    );
    expect(findings.map((f) => [f.severity, f.field, f.ruleId])).toEqual([
      ['block', 'subject', 'placeholder/unfinished-marker'],
      ['block', 'body', 'overcommitment/guarantee'],
      ['warn', 'body', 'tone/dismissive-language'],
      ['warn', 'body', 'timeline/delivery-commitment'],
    ]);
  });

  it('merges overlapping findings of one category, keeping the longest', () => {
    const { findings } = checkDraft(draft('Hi Jordan,\nUptime is 100% guaranteed.'));
    expect(findings.map((f) => [f.ruleId, f.excerpt])).toEqual([
      ['overcommitment/hundred-percent', 'Uptime is 100% guaranteed'],
    ]);
  });

  it('reads an insulting salutation as hostile, not as a template, and a courteous generic one as a template', () => {
    const rules = (body: string) => checkDraft(draft(body)).findings.map((f) => f.ruleId);
    expect(rules('Dear Laziest Client,\nYour ticket is closed.\nLee')).toEqual(['tone/hostile-language']);
    expect(rules('Dear Valued Client,\nYour ticket is closed.\nLee')).toEqual([
      'generic-template/generic-salutation',
    ]);
  });

  it('never flags what the customer wrote in quoted history', () => {
    const body =
      'Hi Jordan,\nThanks, we will look into it.\n\nOn Mon, 3 Mar 2025 at 10:00, Jordan <jordan.lee@northwind.example> wrote:\n> You guaranteed zero downtime!';
    expect(checkDraft(draft(body)).findings).toEqual([]);
  });

  it('does not flag overcommitment in the signature', () => {
    const body = 'Hi Jordan,\nNotes attached.\n\nBest,\nSam\nOurco — 100% uptime guaranteed';
    expect(checkDraft(draft(body)).findings.filter((f) => f.category === 'overcommitment')).toEqual([]);
  });

  it('layers policy settings: off drops a rule, rule ids win over categories, overridable defaults', () => {
    const body = 'Hi Jordan,\nWe guarantee zero downtime.';
    const base = checkDraft(draft(body));
    expect(base.findings.every((f) => f.overridable === true)).toBe(true);
    const off = checkDraft(draft(body), policy({ rules: { overcommitment: { severity: 'off' } } }));
    expect(off.findings).toEqual([]);
    const mixed = checkDraft(
      draft(body),
      policy({
        rules: {
          overcommitment: { severity: 'warn', overridable: false },
          'overcommitment/guarantee': { severity: 'info', overridable: true },
        },
      }),
    );
    // Both rules flag the one claim; the more severe finding stands for it.
    expect(mixed.findings.map((f) => [f.ruleId, f.severity, f.overridable])).toEqual([
      ['overcommitment/absolute-claim', 'warn', false],
    ]);
    expect(mixed.scorecard.accuracy).toBe('fail');
    const infoOnly = checkDraft(draft(body), policy({ rules: { overcommitment: { severity: 'info' } } }));
    expect(infoOnly.findings.length).toBe(1);
    expect(infoOnly.scorecard.accuracy).toBe('pass');
  });

  it('runs the English rules on an English email that carries ticket numbers and hex ids', () => {
    const id = 'CANARY-e657e163a7c7904a';
    const result = checkDraft(
      draft(
        `Hi Dana,\nWe guarantee 100% uptime for the ${id} rollout, as I already said.\nPlease confirm [${id} Name] before Friday.\nBest, Sam`,
        { subject: `Renewal plan ${id}` },
      ),
    );
    expect(result.language).toBeUndefined();
    expect(result.findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining([
        'overcommitment/guarantee',
        'placeholder/template-field',
        'tone/dismissive-language',
      ]),
    );
  });

  it('makes cross-account and pii findings not overridable by default', () => {
    const rules = Object.fromEntries(listRules().map((r) => [r.id, r.overridable]));
    expect(rules['cross-account/other-account-mention']).toBe(false);
    expect(rules['pii/payment-card']).toBe(false);
    expect(rules['overcommitment/guarantee']).toBe(true);
    expect(rules['placeholder/template-field']).toBe(true);
  });

  it('names a rule that throws in `incomplete` instead of passing silently', () => {
    const broken = defineRule(
      {
        id: 'tone/broken',
        category: 'tone',
        severity: 'warn',
        clause: 'support-communication',
        description: 'Always throws.',
        examples: { flag: [], pass: [] },
      },
      () => {
        throw new Error('boom');
      },
    );
    const ok = defineRule(
      {
        id: 'tone/ok',
        category: 'tone',
        severity: 'warn',
        clause: 'support-communication',
        description: 'Flags everything.',
        examples: { flag: [], pass: [] },
      },
      () => [{ field: 'body', start: 0, end: 2, message: 'x' }],
    );
    const result = runRules([broken, ok], draft('Hi there'), compilePolicy());
    expect(result.incomplete).toEqual([{ ruleId: 'tone/broken', error: 'boom' }]);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['tone/ok']);
  });

  it('compiles a policy once per object', () => {
    const p = policy({ accounts: [{ id: 'a', name: 'Acme' }] });
    expect(compilePolicy(p)).toBe(compilePolicy(p));
    expect(compilePolicy(p)).not.toBe(compilePolicy({ ...p }));
  });

  it('lists rules with clause wording and effective settings', () => {
    const rules = listRules(policy({ rules: { tone: { severity: 'off' } } }));
    const tone = rules.find((r) => r.id === 'tone/dismissive-language')!;
    expect(tone.effectiveSeverity).toBe('off');
    expect(tone.severity).toBe('warn');
    expect(tone.clauseText).toBe('Customer communication clear, empathetic, and solution-oriented');
  });

  it('property: every finding excerpt equals its field slice', () => {
    const pieces = [
      'We guarantee it. ',
      'Hi [First Name], ',
      '{{company}} ',
      'zero downtime ',
      '\u200B',
      '\u00A0',
      'ｇ',
      'Per my last email ',
      'TBD ',
      'Initech is insecure. ',
      'Globex ',
      '\n> quoted guarantee\n',
      'plain words ',
      '100% uptime ',
      '😀',
    ];
    const p = policy({
      competitors: [{ name: 'Initech' }],
      accounts: [
        { id: 'g', name: 'Globex', domains: ['globex.example'] },
        { id: 'n', name: 'Northwind', domains: ['northwind.example'] },
      ],
    });
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 20 }),
        fc.array(fc.constantFrom(...pieces), { maxLength: 4 }),
        (b, s) => {
          const d = draft(b.join(''), { subject: s.join(''), attachments: [{ name: 'Globex plan.pdf' }] });
          const { findings } = checkDraft(d, p);
          for (const f of findings) {
            const text =
              f.field === 'body'
                ? d.body
                : f.field === 'subject'
                  ? d.subject
                  : f.field === 'attachments'
                    ? 'Globex plan.pdf'
                    : d.to.join(', ');
            expect(f.excerpt).toBe(text.slice(f.start, f.end));
            expect(f.end).toBeGreaterThanOrEqual(f.start);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('negation reach', () => {
  it('does not carry the "no" of one claim across ", and" into the next clause', () => {
    const body =
      'Hi Dana,\n\nWe are guaranteeing a seamless migration with absolutely no downtime, and the new plan gives you unlimited storage.\n\nSam';
    const excerpts = checkDraft(draft(body)).findings.map((f) => f.excerpt);
    expect(excerpts).toEqual(expect.arrayContaining(['unlimited']));
    expect(excerpts.some((e) => e.includes('no downtime'))).toBe(true);
  });
});

describe('cross-account', () => {
  const accounts = Array.from({ length: 5000 }, (_, i) => ({
    id: `acct-${i}`,
    name: `Account${i} Holdings`,
    aliases: [`Acct${i}`],
    domains: [`acct${i}.example`],
  }));
  const big = policy({
    organization: { internalDomains: ['ourco.example'] },
    accounts: [
      ...accounts,
      { id: 'northwind', name: 'Northwind Traders', domains: ['northwind.example'] },
      { id: 'apex', name: 'Apex', domains: ['apex.example'], contacts: ['Mia Wong <mia@apex.example>'] },
    ],
  });

  it('finds another account among 5,000 by name, alias, domain, address and contact', () => {
    const body =
      'Hi Jordan,\nAcct4321 asked the same. Account17 Holdings too. Write to ops@acct99.example or mia@apex.example; Mia Wong agrees.';
    const { findings } = checkDraft(draft(body), big);
    expect(
      findings.filter((f) => f.ruleId === 'cross-account/other-account-mention').map((f) => f.excerpt),
    ).toEqual(['Acct4321', 'Account17 Holdings', 'ops@acct99.example', 'mia@apex.example', 'Mia Wong']);
  });

  it('reads forwarded history and attachment names, and flags mixed recipients', () => {
    const d = draft(
      'Hi Jordan,\nSee below.\n\n---------- Forwarded message ---------\nFrom: x@acct7.example\n',
      {
        cc: ['someone@sub.acct8.example'],
        attachments: [{ name: 'account9 holdings - QBR.pdf' }],
      },
    );
    const { findings } = checkDraft(d, big);
    expect(findings.map((f) => [f.ruleId, f.field, f.excerpt])).toEqual([
      ['cross-account/mixed-recipients', 'recipients', 'someone@sub.acct8.example'],
      ['cross-account/other-account-mention', 'body', 'x@acct7.example'],
      ['cross-account/other-account-mention', 'attachments', 'account9 holdings'],
    ]);
    expect(findings.every((f) => f.overridable === false)).toBe(true);
    expect(checkDraft(d, big).scorecard.dataPrivacy).toBe('fail');
  });

  it('exempts internal-only email and does not guess without recipients', () => {
    expect(
      checkDraft(draft('Acct1 and Acct2 both renewed.', { to: ['pat@ourco.example'] }), big).findings,
    ).toEqual([]);
    expect(checkDraft(draft('Acct1 and Acct2 both renewed.', { to: [] }), big).findings).toEqual([]);
  });
});

describe('competitor-fud', () => {
  const p = policy({ competitors: [{ name: 'Initech', aliases: ['Initrode'] }] });
  it('flags a competitor with a disparaging claim, not a neutral comparison or a negated one', () => {
    const flagged = (body: string) =>
      checkDraft(draft(body), p).findings.filter((f) => f.category === 'competitor-fud');
    expect(flagged('Initrode is going under, so move now.').map((f) => f.excerpt)).toEqual([
      'Initrode is going under',
    ]);
    expect(flagged('Initech supports SAML and SCIM; so do we.')).toEqual([]);
    expect(flagged('Initech is not insecure, but our audit trail is more detailed.')).toEqual([]);
    expect(flagged('Some vendors are insecure. Initech is a good company.')).toEqual([]);
  });
});

describe('a text that repeats one violation thousands of times', () => {
  it('shows at most MAX_FINDINGS_PER_FIELD findings of a rule in a field, the first ones, for code rules too', () => {
    const sentence = 'We will fix it by Friday. ';
    const body = `Hi Jordan,\n\n${sentence.repeat(1000)}\n\nBest,\nSam`;
    const { findings } = checkDraft(draft(body, { subject: 'We will fix it by Friday.' }));
    const timeline = findings.filter((f) => f.ruleId === 'timeline/delivery-commitment');
    const inBody = timeline.filter((f) => f.field === 'body');
    expect(inBody).toHaveLength(MAX_FINDINGS_PER_FIELD);
    // The first ones in the text, not an arbitrary hundred.
    const first = body.indexOf('by Friday');
    expect(Math.min(...inBody.map((f) => f.start))).toBeLessThanOrEqual(first);
    expect(Math.max(...inBody.map((f) => f.start))).toBeLessThan(
      body.indexOf(sentence) + sentence.length * 101,
    );
    // Another field has its own allowance.
    expect(timeline.filter((f) => f.field === 'subject')).toHaveLength(1);
    for (const f of inBody) expect(body.slice(f.start, f.end)).toBe(f.excerpt);
  });
});
