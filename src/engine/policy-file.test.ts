import { describe, expect, it } from 'vitest';
import { listRules } from './index.ts';
import { closest, parsePolicyFile, placeRuleKeyIssues, unknownRuleKeyIssues } from './policy-file.ts';
import { CATEGORIES } from './schemas/finding.ts';

const YAML = `# Our policy
version: 1
organization:
  name: Vendor Inc
  internalDomains: [vendor.example]
competitors:
  - name: Initech
rules:
  tone: { severity: block }
`;

describe('parsePolicyFile', () => {
  it('reads YAML and JSON to the same policy', () => {
    const yaml = parsePolicyFile(YAML);
    expect(yaml.ok).toBe(true);
    const json = parsePolicyFile(
      JSON.stringify({
        version: 1,
        organization: { name: 'Vendor Inc', internalDomains: ['vendor.example'] },
        competitors: [{ name: 'Initech' }],
        rules: { tone: { severity: 'block' } },
      }),
    );
    expect(json).toEqual(yaml);
  });

  it('places schema problems at their line and column, in YAML and in JSON', () => {
    const yaml = parsePolicyFile(
      'version: 1\naccounts:\n  - id: a\n    name: A\n    domains: ["not a domain"]\n',
    );
    expect(yaml.ok).toBe(false);
    if (yaml.ok) return;
    expect(yaml.issues).toEqual([
      expect.stringMatching(/^accounts\[0\]\.domains\[0\]: .* \(line 5, column 15\)$/),
    ]);
    const json = parsePolicyFile('{\n  "version": 1,\n  "pricing": { "maxDiscountPercent": 140 }\n}\n');
    expect(json.ok).toBe(false);
    if (json.ok) return;
    expect(json.issues[0]).toMatch(/^pricing\.maxDiscountPercent: .* \(line 3, column 38\)$/);
  });

  it('gives syntax errors with their line and column', () => {
    const json = parsePolicyFile('{\n  "version": 1,\n  "rules": {,}\n}');
    expect(json.ok).toBe(false);
    if (!json.ok) expect(json.issues[0]).toMatch(/^\(file\): not valid JSON: .*line 3, column \d+/);
    const yaml = parsePolicyFile('version: 1\nrules:\n  tone: [warn\n');
    expect(yaml.ok).toBe(false);
    if (!yaml.ok) expect(yaml.issues[0]).toMatch(/^\(file\): not valid YAML: .*\(line \d+, column \d+\)$/);
  });
});

describe('unknown rule keys', () => {
  const ids = listRules().map((rule) => rule.id);
  const anId = ids.find((id) => id.startsWith('overcommitment/')) as string;

  it('refuses a misspelt id with the closest real one, read from the registry', () => {
    const misspelt = `${anId}s`;
    const parsed = parsePolicyFile(
      `version: 1\nrules:\n  ${misspelt}:\n    severity: warn\n  overcommitmnet: { severity: warn }\n`,
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const issues = unknownRuleKeyIssues(parsed.policy, ids, CATEGORIES);
    expect(issues).toEqual([
      `rules.${misspelt}: no rule has the id "${misspelt}"; did you mean ${anId}? (run "preflight rules" for the list)`,
      'rules.overcommitmnet: no rule or category is called "overcommitmnet"; did you mean overcommitment? (run "preflight rules" for the list)',
    ]);
    const placed = placeRuleKeyIssues(
      `version: 1\nrules:\n  ${misspelt}:\n    severity: warn\n`,
      issues.slice(0, 1),
    );
    expect(placed[0]).toMatch(/\(line 3, column 3\)$/);
  });

  it('accepts ids, categories, "*" and the policy\'s own custom rules', () => {
    const parsed = parsePolicyFile(
      JSON.stringify({
        version: 1,
        rules: { [anId]: { severity: 'warn' }, tone: { severity: 'off' }, '*': { shadow: true } },
      }),
    );
    expect(parsed.ok && unknownRuleKeyIssues(parsed.policy, ids, CATEGORIES)).toEqual([]);
  });

  it('suggests nothing when nothing is close', () => {
    expect(closest('banana-bread/recipe', ids)).toBeUndefined();
    expect(closest('tnoe', CATEGORIES)).toBe('tone');
  });
});
