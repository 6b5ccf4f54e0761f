import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { checkDraft } from './check.ts';
import { clearParagraphMemo, paragraphMemoSize } from './paragraphs.ts';
import type { Draft } from './schemas/draft.ts';
import type { Policy } from './schemas/policy.ts';

// Checks after an edit reuse memoised sentence readings, paragraph findings and paragraph signals; their
// findings must equal a check by an engine that has never seen the text.
const SENTENCES = [
  'We guarantee that the dashboard will be fixed by Friday.',
  'We will not guarantee a date until the investigation is complete.',
  'The new release could be ready next week, but we cannot promise it yet.',
  'Could you share a sample of the export?',
  'This is a 100% risk-free upgrade.',
  'Thank you for walking us through the reporting gaps on Tuesday.',
  'Our uptime has always been perfect.',
  'I can confirm the fix will ship on March 3.',
  'Please send the {customer_name} details.',
  'We might be able to deliver it within 48 hours.',
  // Kinds, severity and language: edits that change how the whole email reads.
  'Please find attached our proposal for the rollout.',
  'The outage is affecting all users in production.',
  'Our onboarding plan has three steps.',
  'We can offer a 25% discount and the first month free.',
  'Unlike Acme Analytics, our platform never loses data.',
  'Globex saw a 30% drop in tickets after the same change.',
  'Wir haben die Daten und bitte danke für die Geduld, das ist nicht schon erledigt.',
  // Flagged only in a QBR or renewal email (the subject or another paragraph decides).
  'The team seems really happy.',
  'Ahead of the renewal, here are the numbers.',
  // Look-alike letters: normalised offsets differ from the original ones.
  'We ｇuаrantee zero downtime for the migration.',
];
const WORDS = [
  'really',
  'not',
  'never',
  'guarantee',
  'Friday',
  'may',
  'could',
  '?',
  'by March 3',
  'the',
  '\n\n',
];
const SUBJECTS = [
  'Follow-up',
  'Re: outage',
  'Sev 1 - exports failing',
  'Proposal for Q3',
  'Onboarding plan',
  'Q3 business review',
  'Your renewal',
  'We guarantee zero downtime',
  'Fix will be deployed tomorrow',
];
const RECIPIENTS: Pick<Draft, 'to' | 'cc' | 'bcc'>[] = [
  { to: ['Dana Reyes <dana@northwind.example>'], cc: [], bcc: [] },
  { to: ['wile@acme.example'], cc: ['pat@ourco.example'], bcc: [] },
  { to: ['pat@ourco.example'], cc: [], bcc: [] },
  { to: ['wile@acme.example', 'hank@globex.example'], cc: [], bcc: [] },
];
const THREADS: (Draft['thread'] | undefined)[] = [undefined, { severity: 1 }, { severity: 3 }];
const POLICIES: (Policy | undefined)[] = [
  undefined,
  {
    version: 1,
    organization: { internalDomains: ['ourco.example'] },
    accounts: [
      { id: 'acme', name: 'Acme Robotics', aliases: ['Acme'], domains: ['acme.example'] },
      { id: 'globex', name: 'Globex Corporation', aliases: ['Globex'], domains: ['globex.example'] },
    ],
    competitors: [{ name: 'Acme Analytics' }],
    pricing: { maxDiscountPercent: 20 },
  },
  {
    version: 1,
    rules: { overcommitment: { severity: 'info' }, 'pricing/concession': { severity: 'off' } },
    customRules: [
      {
        id: 'zero-downtime',
        category: 'overcommitment',
        severity: 'block',
        message: 'No.',
        phrases: ['zero downtime'],
      },
    ],
  },
];

type Edit =
  | { kind: 'word'; at: number; word: string }
  | { kind: 'sentence'; at: number; sentence: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'append'; sentence: string }
  | { kind: 'subject'; value: string }
  | { kind: 'recipients'; value: number }
  | { kind: 'thread'; value: number }
  | { kind: 'policy'; value: number };

// Edits to the email as a whole are weighted up: each must reach paragraphs whose text did not change.
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('word' as const), at: fc.nat(), word: fc.constantFrom(...WORDS) }),
  fc.record({
    kind: fc.constant('sentence' as const),
    at: fc.nat(),
    sentence: fc.constantFrom(...SENTENCES),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('append' as const), sentence: fc.constantFrom(...SENTENCES) }),
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('subject' as const), value: fc.constantFrom(...SUBJECTS) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('recipients' as const), value: fc.nat(RECIPIENTS.length - 1) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('thread' as const), value: fc.nat(THREADS.length - 1) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('policy' as const), value: fc.nat(POLICIES.length - 1) }),
  },
);

interface State {
  body: string;
  subject: string;
  recipients: number;
  thread: number;
  policy: number;
}

function apply(s: State, e: Edit): State {
  const at = 'at' in e ? e.at % (s.body.length + 1) : 0;
  switch (e.kind) {
    case 'word':
      return { ...s, body: `${s.body.slice(0, at)} ${e.word}${s.body.slice(at)}` };
    case 'sentence':
      return { ...s, body: `${s.body.slice(0, at)} ${e.sentence} ${s.body.slice(at)}` };
    case 'delete':
      return { ...s, body: s.body.slice(0, at) + s.body.slice(at + e.length) };
    case 'append':
      // After the sign-off: the lines above it stop being a signature (their paragraph's parts change).
      return { ...s, body: `${s.body}\n\n${e.sentence} ${e.sentence}` };
    case 'subject':
      return { ...s, subject: e.value };
    case 'recipients':
      return { ...s, recipients: e.value };
    case 'thread':
      return { ...s, thread: e.value };
    case 'policy':
      return { ...s, policy: e.value };
  }
}

function draftOf(s: State): Draft {
  const thread = THREADS[s.thread];
  return {
    subject: s.subject,
    body: s.body,
    ...RECIPIENTS[s.recipients]!,
    ...(thread ? { thread } : {}),
    now: '2026-03-04T15:00:00Z',
  };
}

const paragraph = fc
  .array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 4 })
  .map((s) => s.join(' '));

describe('incremental checks', () => {
  it('give the same findings as a cold check after random edits', async () => {
    const warm = await import('./index.ts');
    await fc.assert(
      fc.asyncProperty(
        fc.array(paragraph, { minLength: 1, maxLength: 6 }),
        fc.record({
          subject: fc.constantFrom(...SUBJECTS),
          recipients: fc.nat(RECIPIENTS.length - 1),
          thread: fc.nat(THREADS.length - 1),
          policy: fc.nat(POLICIES.length - 1),
        }),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        async (paragraphs, start, edits) => {
          // An engine that has never seen any of these texts: a fresh module instance.
          vi.resetModules();
          const cold = await import('./index.ts');
          let state: State = {
            ...start,
            body: `Hi Dana,\n\n${paragraphs.join('\n\n')}\n\nBest regards,\nLeah\nGuaranteed uptime, every day`,
          };
          warm.checkDraft(draftOf(state), POLICIES[state.policy]);
          for (const e of edits) {
            const before = state;
            state = apply(state, e);
            // The warm engine saw the text before the edit (a keystroke pause), then checks the edited one.
            warm.checkDraft(draftOf(before), POLICIES[before.policy]);
            const incremental = warm.checkDraft(draftOf(state), POLICIES[state.policy]);
            const fresh = cold.checkDraft(draftOf(state), POLICIES[state.policy]);
            expect(incremental).toEqual(fresh);
          }
        },
      ),
      { numRuns: 120 },
    );
  }, 300_000);

  it('moves a kept paragraph’s findings with it when text before it changes', () => {
    clearParagraphMemo();
    const tail = 'And we guarantee it.';
    const draft = (body: string): Draft => ({
      subject: 'Follow-up',
      body,
      to: ['dana@northwind.example'],
      cc: [],
      bcc: [],
    });
    const first = checkDraft(draft(`Hi Dana,\n\nThanks for the call.\n\n${tail}`));
    const moved = checkDraft(
      draft(`Hi Dana,\n\nThanks for the call on Tuesday, it helped a lot.\n\n${tail}`),
    );
    const at = (r: typeof first) =>
      r.findings.filter((f) => f.ruleId === 'overcommitment/guarantee').map((f) => [f.start, f.excerpt]);
    expect(at(first)).toHaveLength(1);
    const body = `Hi Dana,\n\nThanks for the call on Tuesday, it helped a lot.\n\n${tail}`;
    expect(at(moved)).toEqual([[body.indexOf('guarantee'), 'guarantee']]);
    // Same excerpt as the text at those offsets, in the edited draft.
    for (const f of moved.findings) expect(body.slice(f.start, f.end)).toBe(f.excerpt);
  });

  it('re-reads unchanged paragraphs when another paragraph changes what kind of email it is', async () => {
    const draft = (body: string): Draft => ({
      subject: 'Numbers',
      body,
      to: ['dana@northwind.example'],
      cc: [],
      bcc: [],
    });
    const kept = 'The team seems really happy.';
    const before = `Hi Dana,\n\n${kept}\n\nHere are the numbers.`;
    const after = `Hi Dana,\n\n${kept}\n\nAhead of the renewal, here are the numbers.`;
    const flagged = (body: string) =>
      checkDraft(draft(body)).findings.filter((f) => f.ruleId === 'evidence/unsupported-assessment');
    expect(flagged(before)).toEqual([]);
    const warmAfter = flagged(after);
    vi.resetModules();
    const cold = await import('./index.ts');
    expect(warmAfter).toEqual(
      cold.checkDraft(draft(after)).findings.filter((f) => f.ruleId === 'evidence/unsupported-assessment'),
    );
    expect(warmAfter.map((f) => f.excerpt)).toEqual(['The team seems really happy']);
  });

  it('keeps at most 1,000 paragraphs', () => {
    clearParagraphMemo();
    for (let i = 0; i < 12; i++) {
      const body = Array.from({ length: 100 }, (_, k) => `Paragraph ${i}-${k}: we guarantee it.`).join(
        '\n\n',
      );
      checkDraft({ subject: 'Follow-up', body, to: ['dana@northwind.example'], cc: [], bcc: [] });
    }
    const size = paragraphMemoSize();
    expect(size.entries).toBeGreaterThan(900);
    expect(size.entries).toBeLessThanOrEqual(1000 + 100);
    expect(size.chars).toBeLessThanOrEqual((1 << 20) + (1 << 18));
  }, 60_000);
});
