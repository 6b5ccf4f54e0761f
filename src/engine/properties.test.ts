import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import * as engine from './index.ts';
import type { Draft } from './schemas/draft.ts';
import { CATEGORIES, CheckResultSchema, FindingSchema } from './schemas/finding.ts';
import type { Policy } from './schemas/policy.ts';

// Whatever a draft or a policy holds, the engine answers: it never throws, no rule fails (a rule that throws
// makes the result `incomplete`), every finding's offsets lie inside its field with the excerpt equal to that
// slice, and the same input always gives the same result. Speed on hostile input is measured by the benchmark
// (bench/child-hostile.mjs), never asserted here.

/** The text a finding's offsets refer to, as the Finding contract defines it. */
function fieldText(draft: Draft, field: string): string {
  switch (field) {
    case 'subject':
      return draft.subject;
    case 'body':
      return draft.body;
    case 'recipients':
      return [...draft.to, ...draft.cc, ...draft.bcc].join(', ');
    case 'attachments':
      return (draft.attachments ?? []).map((a) => a.name).join(', ');
    default:
      throw new Error(`unknown field ${field}`);
  }
}

let findingsSeen = 0;

/** Checks a draft and holds the result to every invariant; returns it for further comparison. */
function checkAndVerify(draft: Draft, policy?: Policy, check = engine.checkDraft) {
  const result = check(draft, policy);
  expect(CheckResultSchema.safeParse(result).success).toBe(true);
  expect(result.incomplete).toBeUndefined();
  for (const f of result.findings) {
    expect(FindingSchema.safeParse(f).success).toBe(true);
    const text = fieldText(draft, f.field);
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.start).toBeLessThanOrEqual(f.end);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.excerpt).toBe(text.slice(f.start, f.end));
    findingsSeen++;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Text

/** Pieces that make rules fire or stress the text handling, mixed with random Unicode. */
const PIECES = [
  'We guarantee zero downtime.',
  'guaranteed',
  'fully secure',
  'Initech Cloud is going out of business.',
  'Globex Corporation saw a 30% drop.',
  'Acme Robotics',
  'Northwind',
  '{first_name}',
  '[insert customer name]',
  '{{company}}',
  '<COMPANY>',
  'TBD',
  'XXX',
  '$XX,XXX',
  '____',
  'SSN: 123456789',
  '123-45-6789',
  'AB 12 34 56 C',
  '4111 1111 1111 1111',
  'GB82 WEST 1234 5698 7654 32',
  'password: hunter2!',
  'AKIAIOSFODNN7EXAMPLE',
  '30% discount',
  '$49 per seat per month',
  'first three months free',
  'proposal',
  'Pending human review',
  'Sev 1 outage',
  'We will have it fixed by Friday.',
  'within 24 hours',
  'Hi Dana,',
  'Best regards,\nLeah',
  '\n\nOn Mon, Nov 23, 2026 at 9:14 AM Hank <hank@globex.example> wrote:\n> ',
  '---------- Forwarded message ---------\n',
  '\n-- \n',
  '> ',
  'Wir bieten Ihnen 30 % Rabatt.',
  '<script>alert(1)</script>',
  '&amp;',
  '&nbsp;',
  '&#97;',
  '&#x200B;',
  '&#1072;',
  '&',
  '-\n',
  '\u00AD',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u202E',
  '\u202D',
  '\u2066',
  '\u2069',
  '\u200F',
  '\u0301',
  '\u0338\u0322',
  'а',
  'ο',
  'Ｇ',
  '𝐳𝐞𝐫𝐨',
  '👨\u200D👩\u200D👧',
  '🏳️\u200D🌈',
  '😀',
  '\uD800',
  '\uDC00',
  'שלום עולם',
  'مرحبا بالعالم',
  'Добрый день',
  '你好，世界。',
  '\u0000',
  '\u0007',
  '\u007F',
  '\u0085',
  '\r\n',
  '\t',
  '\n',
  '\n\n',
  ' ',
  '   ',
  '\u00A0',
  '\u3000',
  '\u2028',
  '(((((',
  '<<<<<',
  '[[[[',
  '{{{{',
  '.....',
  '?!?!',
  '%%%%',
  '____________',
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.lorem({ maxCount: 8 }) },
);

/** Random text: pieces joined by random separators; sometimes empty or only whitespace. */
const text = (maxPieces = 24) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.array(piece, { maxLength: maxPieces }).map((p) => p.join(' ')) },
    { weight: 1, arbitrary: fc.constant('') },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.constantFrom(' ', '\n', '\t', '\u00A0', '\r\n', '\u200B', '\u3000'), { maxLength: 20 })
        .map((p) => p.join('')),
    },
  );

const recipient = fc.oneof(
  fc.constantFrom(
    'Dana Reyes <dana@northwind.example>',
    'wile@acme.example',
    'hank@globex.example',
    'pat@corvana.example',
    'Road Runner',
    '"Reyes, Dana" <dana@northwind.example>',
    '',
    '<>',
    '@',
    'a@b',
  ),
  fc.emailAddress(),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

function draftArb(opts: { body?: fc.Arbitrary<string>; recipients?: number } = {}): fc.Arbitrary<Draft> {
  const list = fc.array(recipient, { maxLength: opts.recipients ?? 4 });
  return fc.record(
    {
      subject: text(6),
      body: opts.body ?? text(),
      to: list,
      cc: list,
      bcc: list,
      from: recipient,
      attachments: fc.array(fc.record({ name: fc.oneof(fc.constantFrom(...PIECES), text(3)) }), {
        maxLength: 3,
      }),
      thread: fc.record(
        {
          lastCustomerMessageAt: isoDate,
          severity: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
        },
        { requiredKeys: [] },
      ),
      now: isoDate,
    },
    { requiredKeys: ['subject', 'body', 'to', 'cc', 'bcc'] },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Policies, shaped after PolicySchema

const domain = fc
  .domain()
  .filter((d) => engine.parsePolicy({ version: 1, accounts: [{ id: 'x', name: 'x', domains: [d] }] }).ok);
const nonEmpty = (arb: fc.Arbitrary<string>) => arb.filter((s) => s.length > 0);
const nameText = nonEmpty(
  fc.oneof(
    fc.constantFrom(
      'Globex Corporation',
      'Initech Cloud',
      'Acme',
      'O’Brien & Co',
      'Северсталь',
      'AT&T',
      'Summit',
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
    fc.lorem({ maxCount: 3 }),
  ),
);
const SAFE_PATTERNS = [
  '\\bproject\\s+\\w+\\b',
  '(?:foo|bar)+',
  '[A-Z]{3}-\\d{4}',
  '^\\s*note:',
  '\\p{Lu}{4,}',
  'a*b*c*',
  '(?<=\\$)\\d+',
  '',
];
const ruleKey = fc.oneof(
  fc.constantFrom(
    '*',
    ...CATEGORIES,
    'overcommitment/guarantee',
    'pii/national-id',
    'cross-account/other-account-mention',
  ),
  fc.string({ maxLength: 12 }),
);
const setting = fc.record(
  {
    severity: fc.constantFrom('block' as const, 'warn' as const, 'info' as const, 'off' as const),
    overridable: fc.boolean(),
    shadow: fc.boolean(),
  },
  { requiredKeys: [] },
);

const policyArb: fc.Arbitrary<Policy> = fc.record(
  {
    version: fc.constant(1 as const),
    organization: fc.record(
      { name: fc.oneof(nameText, fc.constant('')), internalDomains: fc.array(domain, { maxLength: 2 }) },
      { requiredKeys: [] },
    ),
    accounts: fc.array(
      fc.record(
        {
          id: nonEmpty(fc.string({ minLength: 1, maxLength: 10 })),
          name: nameText,
          aliases: fc.array(nameText, { maxLength: 2 }),
          domains: fc.array(domain, { maxLength: 2 }),
          contacts: fc.array(nonEmpty(recipient), { maxLength: 2 }),
        },
        { requiredKeys: ['id', 'name'] },
      ),
      { maxLength: 6 },
    ),
    competitors: fc.array(
      fc.record(
        { name: nameText, aliases: fc.array(nameText, { maxLength: 2 }) },
        { requiredKeys: ['name'] },
      ),
      { maxLength: 3 },
    ),
    pricing: fc.record(
      {
        currency: fc.constantFrom('USD', 'EUR', 'GBP', 'xyz', '€€€'),
        maxDiscountPercent: fc.double({ min: 0, max: 100, noNaN: true }),
        approvedPrices: fc.array(
          fc.record(
            {
              plan: nameText,
              amount: fc.double({ min: 0, max: 1e9, noNaN: true }),
              per: fc.constantFrom('seat/month', 'user/year', 'month', ''),
            },
            { requiredKeys: ['plan', 'amount'] },
          ),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: [] },
    ),
    approvedClaims: fc.array(nameText, { maxLength: 3 }),
    humanReview: fc.record({ marker: nameText }),
    sla: fc.record({
      responseHours: fc.record({
        '1': fc.double({ min: 0.01, max: 1000, noNaN: true }),
        '2': fc.double({ min: 0.01, max: 1000, noNaN: true }),
        '3': fc.double({ min: 0.01, max: 1000, noNaN: true }),
        '4': fc.double({ min: 0.01, max: 1000, noNaN: true }),
      }),
    }),
    rules: fc.dictionary(ruleKey, setting, { maxKeys: 4 }),
    customRules: fc.array(
      fc.oneof(
        fc.record({
          id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
          category: fc.constantFrom(...CATEGORIES),
          severity: fc.constantFrom('block' as const, 'warn' as const, 'info' as const),
          message: nonEmpty(fc.string({ maxLength: 40 })),
          phrases: fc.array(
            nameText.filter((s) => s.trim().length > 0 && s.length <= 200),
            {
              minLength: 1,
              maxLength: 4,
            },
          ),
        }),
        fc.record({
          id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
          category: fc.constantFrom(...CATEGORIES),
          severity: fc.constantFrom('block' as const, 'warn' as const, 'info' as const),
          message: nonEmpty(fc.string({ maxLength: 40 })),
          pattern: fc.oneof(
            fc.constantFrom(...SAFE_PATTERNS.filter(Boolean)),
            nameText.map((s) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')),
          ),
        }),
      ),
      { maxLength: 3 },
    ),
    gate: fc.record(
      { failMode: fc.constantFrom('ask' as const, 'closed' as const), holdOnWarnings: fc.boolean() },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['version'] },
);

/** A directory of `n` accounts, each with an alias, two domains and two contacts, plus 200 competitors. */
function bigPolicy(n: number): Policy {
  const SYL = ['nor', 'th', 'wind', 'glo', 'bex', 'sum', 'mit', 'har', 'bor', 'pio', 'neer', 'at', 'las'];
  const SUF = ['Traders', 'Health', 'Logistics', 'Foods', 'Labs', 'Systems', 'Group', 'Partners'];
  const word = (i: number) => {
    const w = `${SYL[i % SYL.length]}${SYL[(i * 7 + 3) % SYL.length]}${SYL[(i * 11 + 5) % SYL.length]}`;
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const accounts = Array.from({ length: n }, (_, i) => {
    const slug = `${word(i).toLowerCase()}${i}`;
    return {
      id: slug,
      name: `${word(i)} ${SUF[i % SUF.length]} ${i}`,
      aliases: [`${word(i)}${i}`],
      domains: [`${slug}.example`, `${slug}-mail.example`],
      contacts: [`Dana ${word(i + 1)}${i}`, `contact${i}@${slug}.example`],
    };
  });
  accounts.push({
    id: 'northwind',
    name: 'Northwind Traders',
    aliases: ['Northwind'],
    domains: ['northwind.example'],
    contacts: ['Dana Reyes', 'dana@northwind.example'],
  });
  return {
    version: 1,
    organization: { name: 'Corvana', internalDomains: ['corvana.example'] },
    accounts,
    competitors: Array.from({ length: 200 }, (_, i) => ({ name: `${word(i * 3)} Cloud ${i}` })),
    pricing: { maxDiscountPercent: 20 },
  };
}

// ---------------------------------------------------------------------------------------------------------

describe('engine properties', () => {
  it('never throws on random drafts; findings valid, inside their field, excerpt = slice', () => {
    const before = findingsSeen;
    fc.assert(
      fc.property(draftArb(), (draft) => {
        checkAndVerify(draft);
      }),
      { numRuns: 150 },
    );
    // The drafts are built to trip rules: offsets were really exercised.
    expect(findingsSeen - before).toBeGreaterThan(50);
  });

  it('the same draft gives the same result, twice in one engine and in a fresh module instance', async () => {
    const runs = await fc.sample(draftArb(), { numRuns: 12, seed: 20261127 });
    const firsts = runs.map((d) => checkAndVerify(d));
    for (const [i, d] of runs.entries()) expect(checkAndVerify(d)).toEqual(firsts[i]);
    vi.resetModules();
    const fresh = (await import('./index.ts')) as typeof engine;
    expect(fresh).not.toBe(engine);
    for (const [i, d] of runs.entries())
      expect(checkAndVerify(d, undefined, fresh.checkDraft)).toEqual(firsts[i]);
  });

  it('determinism holds property-wide, against a fresh module instance per run', async () => {
    await fc.assert(
      fc.asyncProperty(draftArb(), policyArb, async (draft, policy) => {
        const warm = checkAndVerify(draft, policy);
        vi.resetModules();
        const fresh = (await import('./index.ts')) as typeof engine;
        // A structurally equal policy object: the fresh engine compiles it itself.
        expect(checkAndVerify(draft, structuredClone(policy), fresh.checkDraft)).toEqual(warm);
      }),
      { numRuns: 8 },
    );
  }, 60_000);

  it('handles 1 MB bodies of hostile text', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 20, maxLength: 60 }),
        fc.constantFrom('\u200B', ' ', '\n', '\u0301', '&#97;', '-\n'),
        (pieces, glue) => {
          const unit = pieces.join(glue);
          const body = unit.repeat(Math.ceil((1 << 20) / Math.max(unit.length, 1))).slice(0, 1 << 20);
          checkAndVerify({ subject: 'Big', body, to: ['dana@northwind.example'], cc: [], bcc: [] });
        },
      ),
      { numRuns: 2 },
    );
  }, 60_000);

  it('handles 1,000 recipients', () => {
    fc.assert(
      fc.property(
        draftArb({ recipients: 0 }),
        fc.array(recipient, { minLength: 1000, maxLength: 1000 }),
        (d, list) => {
          checkAndVerify({ ...d, to: list.slice(0, 600), cc: list.slice(600, 900), bcc: list.slice(900) });
        },
      ),
      { numRuns: 3 },
    );
  }, 60_000);

  describe('with a 10,000-account policy (compiled once)', () => {
    const policy = bigPolicy(10_000);
    const names = policy.accounts!.flatMap((a) => [a.name, ...(a.aliases ?? [])]);
    engine.compilePolicy(policy);

    it('never throws and keeps offsets on random drafts that name accounts', () => {
      const before = findingsSeen;
      const named = fc.array(fc.oneof(piece, fc.constantFrom(...names.slice(0, 50), ...names.slice(-50))), {
        maxLength: 30,
      });
      fc.assert(
        fc.property(draftArb({ body: named.map((p) => p.join(' ')) }), (d) => {
          checkAndVerify({ ...d, to: ['Dana Reyes <dana@northwind.example>', ...d.to] }, policy);
        }),
        { numRuns: 40 },
      );
      expect(findingsSeen - before).toBeGreaterThan(0);
    });

    it('with a 1 MB body', () => {
      const body = `Hi Dana,\n\n${names.slice(0, 4000).join(' and ')} `.repeat(20).slice(0, 1 << 20);
      const result = checkAndVerify(
        { subject: 'Accounts', body, to: ['dana@northwind.example'], cc: [], bcc: [] },
        policy,
      );
      expect(result.findings.some((f) => f.ruleId === 'cross-account/other-account-mention')).toBe(true);
    }, 60_000);
  });
});

describe('policy properties', () => {
  it('any JSON value: parsePolicy and parsePolicyText never throw, and report problems as strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.anything(),
          // Policy-shaped objects with random values reach the deeper validation.
          fc.record(
            {
              version: fc.oneof(fc.constant(1), fc.jsonValue()),
              accounts: fc.oneof(
                fc.array(fc.dictionary(fc.constantFrom('id', 'name', 'domains', 'x'), fc.jsonValue())),
                fc.jsonValue(),
              ),
              rules: fc.jsonValue(),
              customRules: fc.oneof(
                fc.array(
                  fc.dictionary(fc.constantFrom('id', 'pattern', 'phrases', 'category'), fc.jsonValue()),
                ),
                fc.jsonValue(),
              ),
              pricing: fc.jsonValue(),
              sla: fc.jsonValue(),
            },
            { requiredKeys: [] },
          ),
        ),
        (value) => {
          const parsed = engine.parsePolicy(value);
          if (!parsed.ok) {
            expect(parsed.issues.length).toBeGreaterThan(0);
            for (const issue of parsed.issues) expect(typeof issue).toBe('string');
          }
          let json: string | undefined;
          try {
            json = JSON.stringify(value);
          } catch {
            json = undefined; // BigInt and cycles are not JSON
          }
          if (json !== undefined) expect(engine.parsePolicyText(json).ok).toBe(parsed.ok);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any text: parsePolicyText never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const parsed = engine.parsePolicyText(s);
        if (!parsed.ok) expect(parsed.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it('any valid policy compiles, lists its rules and checks random drafts without throwing', () => {
    fc.assert(
      fc.property(policyArb, draftArb(), (policy, draft) => {
        const parsed = engine.parsePolicy(policy);
        expect(parsed.ok ? [] : parsed.issues).toEqual([]);
        if (!parsed.ok) return;
        engine.compilePolicy(parsed.policy);
        expect(engine.listRules(parsed.policy).length).toBeGreaterThan(0);
        checkAndVerify(draft, parsed.policy);
      }),
      { numRuns: 80 },
    );
  });
});
