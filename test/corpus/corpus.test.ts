// Runs the engine over every case in test/corpus/cases with the corpus policy and measures, per category,
// how often it finds what a reviewer expects (recall) and how often what it finds is right (precision).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as engine from '../../src/engine/index.ts';
import {
  CATEGORIES,
  type Category,
  CategorySchema,
  type Draft,
  DraftInputSchema,
  type Policy,
  parsePolicyText,
} from '../../src/engine/index.ts';

const CORPUS_DIR = import.meta.dirname;
const CASES_DIR = join(CORPUS_DIR, 'cases');
const THRESHOLD = 0.9;
/** The categories the engine implements first; asserted when the engine cannot list its rules. */
const CORE_CATEGORIES: Category[] = [
  'overcommitment',
  'placeholder',
  'generic-template',
  'competitor-fud',
  'cross-account',
];

interface CorpusCase {
  file: string;
  description: string;
  draft: Draft;
  expected: Category[];
}

function loadRaw(): { file: string; json: unknown }[] {
  return readdirSync(CASES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => ({ file, json: JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8')) as unknown }));
}

function loadCases(): CorpusCase[] {
  return loadRaw().map(({ file, json }) => {
    const raw = json as { description: string; draft: unknown; expected: Category[] };
    return {
      file,
      description: raw.description,
      draft: DraftInputSchema.parse(raw.draft),
      expected: raw.expected,
    };
  });
}

function loadPolicy(): Policy {
  const parsed = parsePolicyText(readFileSync(join(CORPUS_DIR, 'policy.json'), 'utf8'));
  if (!parsed.ok) throw new Error(`test/corpus/policy.json is invalid:\n${parsed.issues.join('\n')}`);
  return parsed.policy;
}

/** Categories with at least one rule in the engine, from `listRules()` when the engine exports it. */
function implementedCategories(policy: Policy): { categories: Category[]; source: string } {
  const listRules = (engine as Record<string, unknown>).listRules;
  if (typeof listRules === 'function') {
    const rules = (listRules as (policy: Policy) => unknown)(policy);
    if (Array.isArray(rules)) {
      const found = new Set<Category>();
      for (const rule of rules) {
        const info = rule as { category?: unknown; effectiveSeverity?: unknown };
        if (info.effectiveSeverity === 'off') continue;
        const category = CategorySchema.safeParse(info.category);
        if (category.success) found.add(category.data);
      }
      if (found.size > 0)
        return { categories: CATEGORIES.filter((c) => found.has(c)), source: 'listRules()' };
    }
  }
  return { categories: CORE_CATEGORIES, source: 'the five core categories (no listRules() export)' };
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
  falseAlarms: string[];
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

describe('corpus files', () => {
  const policyText = readFileSync(join(CORPUS_DIR, 'policy.json'), 'utf8');

  it('has a valid policy with at least 30 accounts', () => {
    const parsed = parsePolicyText(policyText);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    if (parsed.ok) expect(parsed.policy.accounts?.length ?? 0).toBeGreaterThanOrEqual(30);
  });

  const raw = loadRaw();

  it('has enough cases, clean and violating', () => {
    const cases = raw.map(({ json }) => json as { expected: unknown[] });
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(cases.filter((c) => c.expected.length === 0).length).toBeGreaterThanOrEqual(40);
    for (const category of CORE_CATEGORIES) {
      expect(cases.filter((c) => c.expected.includes(category)).length, category).toBeGreaterThanOrEqual(8);
    }
  });

  it.each(raw)('$file is a valid case', ({ file, json }) => {
    expect(file).toMatch(/^\d{3}-[a-z0-9]+(-[a-z0-9]+)*\.json$/);
    const value = json as Record<string, unknown>;
    expect(Object.keys(value).sort()).toEqual(['description', 'draft', 'expected']);
    expect(typeof value.description).toBe('string');
    const draft = DraftInputSchema.safeParse(value.draft);
    expect(draft.success ? [] : engine.formatIssues(draft.error)).toEqual([]);
    expect(Array.isArray(value.expected)).toBe(true);
    const expected = value.expected as unknown[];
    for (const category of expected) expect(CATEGORIES).toContain(category);
    expect(new Set(expected).size).toBe(expected.length);
  });
});

describe('engine over the corpus', () => {
  it(`reaches precision and recall of at least ${THRESHOLD} for each implemented category`, () => {
    const cases = loadCases();
    const policy = loadPolicy();
    const tallies = new Map<Category, Tally>(
      CATEGORIES.map((category) => [category, { tp: 0, fp: 0, fn: 0, misses: [], falseAlarms: [] }]),
    );

    for (const item of cases) {
      const result = engine.checkDraft(item.draft, policy);
      const found = new Set(result.findings.map((finding) => finding.category));
      for (const category of CATEGORIES) {
        const tally = tallies.get(category)!;
        const expected = item.expected.includes(category);
        if (expected && found.has(category)) tally.tp++;
        else if (expected) {
          tally.fn++;
          tally.misses.push(item.file);
        } else if (found.has(category)) {
          tally.fp++;
          const excerpts = result.findings
            .filter((finding) => finding.category === category)
            .map((finding) => `${finding.ruleId} "${finding.excerpt}"`);
          tally.falseAlarms.push(`${item.file}: ${excerpts.join('; ')}`);
        }
      }
    }

    const { categories: asserted, source } = implementedCategories(policy);
    const rows = CATEGORIES.map((category) => {
      const t = tallies.get(category)!;
      return {
        category,
        asserted: asserted.includes(category) ? 'yes' : 'no',
        TP: t.tp,
        FP: t.fp,
        FN: t.fn,
        precision: pct(ratio(t.tp, t.tp + t.fp)),
        recall: pct(ratio(t.tp, t.tp + t.fn)),
      };
    });
    const lines = [`Corpus: ${cases.length} cases; asserted categories from ${source}.`];
    lines.push(
      ['category', 'asserted', 'TP', 'FP', 'FN', 'precision', 'recall'].map((h) => h.padEnd(17)).join(''),
      ...rows.map((row) =>
        Object.values(row)
          .map((v) => String(v).padEnd(17))
          .join(''),
      ),
    );
    for (const category of CATEGORIES) {
      const t = tallies.get(category)!;
      for (const file of t.misses) lines.push(`  miss        ${category}: ${file}`);
      for (const alarm of t.falseAlarms) lines.push(`  false alarm ${category}: ${alarm}`);
    }
    console.log(lines.join('\n'));

    const failures = asserted.flatMap((category) => {
      const t = tallies.get(category)!;
      const precision = ratio(t.tp, t.tp + t.fp);
      const recall = ratio(t.tp, t.tp + t.fn);
      return precision >= THRESHOLD && recall >= THRESHOLD
        ? []
        : [`${category}: precision ${pct(precision)}, recall ${pct(recall)}`];
    });
    expect(failures).toEqual([]);
  });
});
