import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRules } from './check.ts';
import { compilePolicy } from './compile.ts';
import { CLAUSES, RULES } from './registry.ts';
import { exampleDraft, type Rule, type RuleExample } from './rule.ts';
import { CODE_RULES } from './rules/index.ts';
import { CATEGORIES, FindingSchema } from './schemas/finding.ts';
import { type Policy, PolicySchema } from './schemas/policy.ts';

function run(rule: Rule, example: RuleExample) {
  const { draft, policy } = exampleDraft(example);
  const parsed = PolicySchema.parse({ version: 1, ...(policy ?? {}) }) as Policy;
  const result = runRules([rule], draft, compilePolicy(parsed));
  return { result, draft, mine: result.findings.filter((f) => f.ruleId === rule.meta.id) };
}

const label = (e: RuleExample) => (typeof e === 'string' ? e : (e.text ?? e.subject ?? '')).slice(0, 60);

describe('every rule', () => {
  it('has a unique id of the form category/slug and a known category', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.meta.id).toMatch(/^[a-z-]+\/[a-z0-9-]+$/);
      expect(CATEGORIES).toContain(r.meta.category);
      expect(r.meta.id.startsWith(`${r.meta.category}/`)).toBe(true);
    }
  });

  it('names a clause from rules/clauses.yaml, and has a one-line description', () => {
    for (const r of RULES) {
      expect(CLAUSES[r.meta.clause], `${r.meta.id}: clause ${r.meta.clause}`).toBeTypeOf('string');
      expect(r.meta.description.length, r.meta.id).toBeGreaterThan(10);
      expect(r.meta.description, r.meta.id).not.toContain('\n');
      expect(['block', 'warn', 'info']).toContain(r.meta.severity);
    }
  });

  it('has at least two should-flag and two should-pass examples, none duplicated', () => {
    for (const r of RULES) {
      const { flag, pass } = r.meta.examples;
      expect(flag.length, `${r.meta.id} should-flag`).toBeGreaterThanOrEqual(2);
      expect(pass.length, `${r.meta.id} should-pass`).toBeGreaterThanOrEqual(2);
      const keys = [...flag, ...pass].map((e) => {
        const { why: _why, ...rest } = typeof e === 'string' ? { text: e, why: '' } : e;
        return JSON.stringify(rest);
      });
      const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
      expect(dupes, `${r.meta.id} duplicate examples`).toEqual([]);
    }
  });

  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      for (const example of rule.meta.examples.flag) {
        it(`flags: ${label(example)}`, () => {
          const { mine, draft, result } = run(rule, example);
          expect(mine.length, JSON.stringify(result.findings, null, 1)).toBeGreaterThan(0);
          for (const f of mine) {
            expect(FindingSchema.safeParse(f).success).toBe(true);
            const text =
              f.field === 'body'
                ? draft.body
                : f.field === 'subject'
                  ? draft.subject
                  : f.field === 'recipients'
                    ? [...draft.to, ...draft.cc, ...draft.bcc].join(', ')
                    : (draft.attachments ?? []).map((a) => a.name).join(', ');
            expect(f.excerpt).toBe(text.slice(f.start, f.end));
          }
        });
      }
      for (const example of rule.meta.examples.pass) {
        it(`passes: ${label(example)}`, () => {
          const { mine } = run(rule, example);
          expect(mine).toEqual([]);
        });
      }
    });
  }
});

describe('code rules', () => {
  it('every rules/<category>/<slug>.ts exporting a rule is registered, with an id matching its path', async () => {
    const dir = join(import.meta.dirname, 'rules');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'index.ts') files.push(p);
      }
    };
    walk(dir);
    let ruleFiles = 0;
    for (const file of files) {
      const mod = (await import(file)) as { rule?: Rule };
      if (!mod.rule) continue;
      ruleFiles++;
      const id = relative(dir, file).replace(/\.ts$/, '').split('\\').join('/');
      expect(mod.rule.meta.id).toBe(id);
      expect(CODE_RULES).toContain(mod.rule);
    }
    expect(ruleFiles).toBe(CODE_RULES.length);
  });
});

describe('policy coverage', () => {
  it('prints the clauses no rule covers yet', () => {
    const covered = new Set(RULES.map((r) => r.meta.clause));
    const uncovered = Object.entries(CLAUSES).filter(([id]) => !covered.has(id));
    console.log(
      `Policy clauses not covered by any rule (${uncovered.length} of ${Object.keys(CLAUSES).length}):\n${uncovered
        .map(([id, text]) => `  - ${id}: ${text}`)
        .join('\n')}`,
    );
    // Every clause a rule names exists; coverage itself is reported, not enforced.
    for (const id of covered) expect(CLAUSES).toHaveProperty(id);
  });
});
