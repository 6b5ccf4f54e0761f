// An administrator's phrase edits: accepted by the managed schema, enforced, locked, and not writable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDraft, type Draft, type Policy, parsePolicy } from '../engine/index.ts';
import { composeEffectivePolicy, validateUserPolicy } from './settings/compose.ts';
import { isLocked, readManagedLayer, stripLocked } from './settings/managed-locks.ts';

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema;
  items?: Schema;
  enum?: unknown[];
  [k: string]: unknown;
};

/** The subset of JSON Schema Chrome's managed_schema uses; unknown properties are errors, like Chrome. */
function validate(schema: Schema, value: unknown, path = ''): string[] {
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  const want = schema.type === 'integer' ? 'number' : schema.type;
  if (want && want !== kind) return [`${path}: expected ${want}, got ${kind}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${path}: not one of ${schema.enum.join(', ')}`];
  if (kind === 'array')
    return (value as unknown[]).flatMap((v, i) => validate(schema.items ?? {}, v, `${path}[${i}]`));
  if (kind !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
    const sub = schema.properties?.[k] ?? schema.additionalProperties;
    return sub ? validate(sub, v, `${path}.${k}`) : [`${path}.${k}: not in the schema`];
  });
}

const schema = JSON.parse(
  readFileSync(new URL('../../public/managed-schema.json', import.meta.url), 'utf8'),
) as Schema;

const managedRules = {
  'overcommitment/guarantee': {
    severity: 'block',
    phrases: { add: ['ironclad promise'], remove: ['guaranteed'] },
  },
};

const draft = (body: string): Draft => ({
  subject: 's',
  body,
  to: ['dana@contoso.example'],
  cc: [],
  bcc: [],
});

describe('phrase edits in the managed policy', () => {
  it('are accepted by the managed schema, which keeps no numeric bounds (Chrome refuses them)', () => {
    expect(validate(schema, { rules: managedRules })).toEqual([]);
    expect(validate(schema, { rules: { 'overcommitment/guarantee': { phrases: { add: [1] } } } })).toEqual([
      '.rules.overcommitment/guarantee.phrases.add[0]: expected string, got number',
    ]);
    expect(JSON.stringify(schema)).not.toMatch(/"(minimum|maximum|exclusiveMinimum|exclusiveMaximum)"/);
  });

  it('are enforced, locked with their rule, and win over the user', () => {
    const user: Policy = {
      version: 1,
      rules: {
        'overcommitment/guarantee': { phrases: { add: ['cast iron'] } },
        'tone/dismissive-language': { phrases: { remove: ['per my last email'] } },
      },
    };
    const managed = readManagedLayer({ rules: managedRules });
    expect(managed.issues).toEqual([]);
    const eff = composeEffectivePolicy(user, managed.policy);
    expect(isLocked(eff.locked, 'rules.overcommitment/guarantee')).toBe(true);
    expect(isLocked(eff.locked, 'rules.tone/dismissive-language')).toBe(false);
    const ids = (body: string) => checkDraft(draft(body), eff.policy).findings.map((f) => f.ruleId);
    expect(ids('Hi,\nAn ironclad promise from us.\nSam')).toContain('overcommitment/guarantee');
    expect(ids('Hi,\nIt is guaranteed.\nSam')).not.toContain('overcommitment/guarantee');
    // The administrator's entry replaces the user's for that rule; the user's other edits stay.
    expect(ids('Hi,\nA cast iron plan.\nSam')).not.toContain('overcommitment/guarantee');
    expect(ids('Hi,\nPer my last email, no.\nSam')).not.toContain('tone/dismissive-language');
    // What the user may save leaves the locked rule out.
    expect(stripLocked(eff.policy, eff.locked).rules?.['overcommitment/guarantee']).toBeUndefined();
  });

  it('reports phrase edits the pack does not know, by path, and keeps the rest of the key', () => {
    const m = readManagedLayer({
      rules: {
        'overcommitment/guarantee': { severity: 'warn', phrases: { remove: ['cast-iron'] } },
        tone: { phrases: { add: ['meh'] } },
      },
    });
    expect(m.keys).toEqual(['rules']);
    expect(m.issues).toEqual([
      'rules.overcommitment/guarantee.phrases.remove[0]: "cast-iron" is not a phrase of overcommitment/guarantee',
      expect.stringMatching(/^rules\.tone\.phrases: phrase lists are edited under a built-in rule id/),
    ]);
  });

  it('a user save with a bad phrase edit is refused with its path', () => {
    const result = validateUserPolicy({
      version: 1,
      rules: { 'pricing/free-forever': { phrases: { remove: ['free trial'] } } },
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues).toEqual([
        'rules.pricing/free-forever.phrases.remove[0]: "free trial" is not a phrase of pricing/free-forever',
      ]);
  });
});

describe("README's policy JSON", () => {
  it('every policy file and managed policy example there validates', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] as string));
    const policies = blocks.flatMap((b: Record<string, unknown>) => {
      const third = b['3rdparty'] as { extensions: Record<string, Record<string, unknown>> } | undefined;
      if (third) return Object.values(third.extensions).map((p) => ({ version: 1, ...p }));
      return 'version' in b ? [b] : [];
    });
    expect(policies.length).toBeGreaterThanOrEqual(2);
    for (const p of policies) expect(parsePolicy(p)).toMatchObject({ ok: true });
    const managed = blocks.find((b) => '3rdparty' in b);
    expect(validate(schema, Object.values(managed['3rdparty'].extensions)[0])).toEqual([]);
  });
});
