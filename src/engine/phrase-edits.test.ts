import { describe, expect, it } from 'vitest';
import { checkDraft, type Draft, type Policy, parsePolicy } from './index.ts';
import { BUILT_IN_PHRASE_LISTS, phraseEditIssues, withoutStalePhraseEdits } from './phrase-edits.ts';

const draft = (body: string): Draft => ({
  subject: 'Renewal',
  body,
  to: ['Dana Reyes <dana@contoso.example>'],
  cc: [],
  bcc: [],
});

const ids = (body: string, policy?: Policy) => checkDraft(draft(body), policy).findings.map((f) => f.ruleId);
const excerpts = (body: string, ruleId: string, policy?: Policy) =>
  checkDraft(draft(body), policy)
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => f.excerpt);

const parsed = (input: unknown): Policy => {
  const result = parsePolicy(input);
  if (!result.ok) throw new Error(result.issues.join('\n'));
  return result.policy;
};

const edited = parsed({
  version: 1,
  rules: {
    'overcommitment/guarantee': {
      phrases: { add: ['  ironclad promise ', 'bullet-proof commitment'], remove: ['guaranteed'] },
    },
    'competitor-fud/disparaging-claim': { phrases: { add: ['flaky'], remove: ['unreliable'] } },
  },
  competitors: [{ name: 'Globex' }],
});

describe('phrase edits of built-in data rules', () => {
  it('lists the phrase rules and the co-occurrence rule with a phrase list, not pattern rules', () => {
    expect(BUILT_IN_PHRASE_LISTS.get('overcommitment/guarantee')?.phrases).toContain('guaranteed');
    expect(BUILT_IN_PHRASE_LISTS.get('competitor-fud/disparaging-claim')?.phrases).toContain('unreliable');
    expect(BUILT_IN_PHRASE_LISTS.has('overcommitment/hundred-percent')).toBe(false);
    expect(BUILT_IN_PHRASE_LISTS.has('placeholder/template-field')).toBe(false);
  });

  it('flags an added phrase like a built-in one: trimmed, spaces and hyphens alike, case ignored', () => {
    const body = 'Hi Dana,\nThis is an Ironclad Promise for the cut-over.\nBest, Sam';
    expect(ids(body)).not.toContain('overcommitment/guarantee');
    expect(excerpts(body, 'overcommitment/guarantee', edited)).toEqual(['Ironclad Promise']);
    expect(
      excerpts('Hi Dana,\nA bullet proof commitment from us.\nBest, Sam', 'overcommitment/guarantee', edited),
    ).toEqual(['bullet proof commitment']);
    // The severity, message and category are the rule's own.
    const finding = checkDraft(draft(body), edited).findings.find(
      (f) => f.ruleId === 'overcommitment/guarantee',
    );
    expect(finding).toMatchObject({ severity: 'block', category: 'overcommitment' });
    expect(finding?.message).toContain('"Ironclad Promise" is an absolute promise');
  });

  it("keeps the rule's exceptions for added phrases: negated or hedged, it passes", () => {
    expect(
      excerpts(
        'Hi Dana,\nWe cannot give an ironclad promise here.\nBest, Sam',
        'overcommitment/guarantee',
        edited,
      ),
    ).toEqual([]);
    expect(
      excerpts(
        'Hi Dana,\nWe aim for an ironclad promise by May.\nBest, Sam',
        'overcommitment/guarantee',
        edited,
      ),
    ).toEqual([]);
  });

  it('no longer flags a removed phrase, and still flags the rest of the list', () => {
    const body = 'Hi Dana,\nDelivery is guaranteed before your board meeting.\nBest, Sam';
    expect(ids(body)).toContain('overcommitment/guarantee');
    expect(ids(body, edited)).not.toContain('overcommitment/guarantee');
    expect(
      excerpts('Hi Dana,\nWe guarantee the migration.\nBest, Sam', 'overcommitment/guarantee', edited),
    ).toEqual(['guarantee']);
  });

  it('edits the phrase side of a co-occurrence rule', () => {
    const flaky = 'Hi Dana,\nGlobex is flaky under load.\nBest, Sam';
    const unreliable = 'Hi Dana,\nGlobex is unreliable under load.\nBest, Sam';
    const withCompetitor = parsed({ version: 1, competitors: [{ name: 'Globex' }] });
    expect(ids(flaky, withCompetitor)).not.toContain('competitor-fud/disparaging-claim');
    expect(ids(unreliable, withCompetitor)).toContain('competitor-fud/disparaging-claim');
    expect(ids(flaky, edited)).toContain('competitor-fud/disparaging-claim');
    expect(ids(unreliable, edited)).not.toContain('competitor-fud/disparaging-claim');
  });

  it('with every phrase removed, the rule flags nothing', () => {
    const all = BUILT_IN_PHRASE_LISTS.get('overcommitment/guarantee')?.phrases ?? [];
    const none = parsed({
      version: 1,
      rules: { 'overcommitment/guarantee': { phrases: { remove: [...all] } } },
    });
    expect(ids('Hi Dana,\nWe guarantee it, guaranteed.\nBest, Sam', none)).not.toContain(
      'overcommitment/guarantee',
    );
  });

  it('keeps a severity set next to the phrase edits', () => {
    const p = parsed({
      version: 1,
      rules: { 'overcommitment/guarantee': { severity: 'warn', phrases: { add: ['ironclad promise'] } } },
    });
    const f = checkDraft(draft('Hi Dana,\nAn ironclad promise.\nBest, Sam'), p).findings.find(
      (x) => x.ruleId === 'overcommitment/guarantee',
    );
    expect(f?.severity).toBe('warn');
  });
});

describe('validation of phrase edits, by path', () => {
  const issues = (rules: unknown) => {
    const result = parsePolicy({ version: 1, rules });
    return result.ok ? [] : result.issues;
  };

  it('refuses empty, too long, letterless and duplicate phrases', () => {
    const found = issues({
      'overcommitment/guarantee': {
        phrases: { add: ['fine', '   ', 'x'.repeat(121), '--', 'Iron Clad', 'iron-clad'] },
      },
    });
    expect(found).toEqual([
      'rules.overcommitment/guarantee.phrases.add[1]: an empty phrase',
      'rules.overcommitment/guarantee.phrases.add[2]: a phrase is at most 120 characters',
      'rules.overcommitment/guarantee.phrases.add[3]: a phrase needs at least one letter or digit',
      'rules.overcommitment/guarantee.phrases.add[5]: "iron-clad" is listed twice',
    ]);
  });

  it('refuses more than 200 phrases, a phrase both added and removed, and unknown keys', () => {
    const many = Array.from({ length: 201 }, (_, i) => `phrase ${i}`);
    expect(issues({ 'tone/dismissive-language': { phrases: { add: many } } })).toEqual([
      'rules.tone/dismissive-language.phrases.add: at most 200 phrases',
    ]);
    expect(
      issues({ 'overcommitment/guarantee': { phrases: { add: ['Guaranteed'], remove: ['guaranteed'] } } }),
    ).toEqual(['rules.overcommitment/guarantee.phrases.add[0]: "Guaranteed" is both added and removed']);
    expect(issues({ 'overcommitment/guarantee': { phrases: { replace: ['x'] } } })[0]).toMatch(
      /^rules\.overcommitment\/guarantee\.phrases: .*replace/,
    );
  });

  it('refuses phrase edits under a category, a pattern rule, or an unknown id', () => {
    const found = issues({
      overcommitment: { phrases: { add: ['x1'] } },
      'overcommitment/hundred-percent': { phrases: { add: ['x2'] } },
      'tone/no-such-rule': { phrases: { add: ['x3'] } },
    });
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(
      /^rules\.overcommitment\.phrases: phrase lists are edited under a built-in rule id/,
    );
    expect(found[1]).toBe(
      'rules.overcommitment/hundred-percent.phrases: overcommitment/hundred-percent has no phrase list to edit (it matches patterns)',
    );
    expect(found[2]).toMatch(/^rules\.tone\/no-such-rule\.phrases: .*tone\/no-such-rule is not one/);
  });

  it('refuses removing a phrase the rule does not have, naming it', () => {
    expect(
      issues({ 'overcommitment/guarantee': { phrases: { remove: ['GUARANTEED', 'cast-iron'] } } }),
    ).toEqual([
      'rules.overcommitment/guarantee.phrases.remove[1]: "cast-iron" is not a phrase of overcommitment/guarantee',
    ]);
  });

  it('lists pack problems along with the schema problems of the same file', () => {
    const result = parsePolicy({
      version: 1,
      sla: { responseHours: { '1': -1, '2': 4, '3': 24, '4': 72 } },
      rules: { 'overcommitment/guarantee': { phrases: { remove: ['cast-iron'] } } },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.some((i) => i.startsWith('sla.responseHours.1'))).toBe(true);
      expect(result.issues).toContain(
        'rules.overcommitment/guarantee.phrases.remove[0]: "cast-iron" is not a phrase of overcommitment/guarantee',
      );
    }
  });

  it('reads raw values defensively', () => {
    expect(phraseEditIssues(undefined)).toEqual([]);
    expect(phraseEditIssues({ 'overcommitment/guarantee': { phrases: 'x' } })).toEqual([]);
    expect(phraseEditIssues([1, 2])).toEqual([]);
  });
});

describe('phrase edits the rule pack no longer has a place for', () => {
  it('are dropped on save, keeping the rest of each setting', () => {
    const stale: Policy = {
      version: 1,
      rules: {
        'overcommitment/guarantee': {
          severity: 'warn',
          phrases: { add: ['ironclad promise'], remove: ['guaranty', 'cast-iron'] },
        },
        'tone/retired-rule': { severity: 'off', phrases: { add: ['meh'] } },
        'pricing/free-forever': { phrases: { remove: ['gone'] } },
        pii: { severity: 'block' },
      },
    };
    expect(phraseEditIssues(stale.rules)).toHaveLength(3);
    const clean = withoutStalePhraseEdits(stale);
    expect(clean.rules).toEqual({
      'overcommitment/guarantee': {
        severity: 'warn',
        phrases: { add: ['ironclad promise'], remove: ['guaranty'] },
      },
      'tone/retired-rule': { severity: 'off' },
      'pricing/free-forever': { phrases: {} },
      pii: { severity: 'block' },
    });
    expect(parsePolicy(clean).ok).toBe(true);
    expect(withoutStalePhraseEdits(edited)).toBe(edited);
  });
});
