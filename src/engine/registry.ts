import { defaultOverridable } from './compile.ts';
import { RULE_PACK } from './generated/rule-pack.ts';
import { compileDataRule } from './kinds/data-rule.ts';
import { compareRuleIds, type Rule } from './rule.ts';
import { CODE_RULES } from './rules/index.ts';
import type { Category, FindingSeverity } from './schemas/finding.ts';
import type { DataRule } from './schemas/rule-pack.ts';

/** Merges code rules with the compiled data pack; two rules with one id is a build error, not a preference. */
export function buildRegistry(codeRules: readonly Rule[], dataRules: readonly DataRule[]): Rule[] {
  const all = [...codeRules, ...dataRules.map(compileDataRule)];
  const seen = new Set<string>();
  for (const rule of all) {
    if (seen.has(rule.meta.id)) throw new Error(`duplicate rule id: ${rule.meta.id}`);
    seen.add(rule.meta.id);
  }
  return all.sort((a, b) => compareRuleIds(a.meta.id, b.meta.id));
}

export const RULES: readonly Rule[] = buildRegistry(CODE_RULES, RULE_PACK.rules);

/** Clause id -> exact wording of the Customer Policy. */
export const CLAUSES: Readonly<Record<string, string>> = RULE_PACK.clauses;

export function clauseText(id: string): string {
  return CLAUSES[id] ?? id;
}

/** Rule metadata for UIs (options page, popup, CLI listings). */
export interface RuleInfo {
  readonly id: string;
  readonly category: Category;
  readonly severity: FindingSeverity;
  readonly clause: string;
  readonly clauseText: string;
  readonly description: string;
  readonly overridable: boolean;
  readonly kind: Rule['meta']['kind'];
}

export function ruleInfo(rule: Rule): RuleInfo {
  const m = rule.meta;
  return {
    id: m.id,
    category: m.category,
    severity: m.severity,
    clause: m.clause,
    clauseText: clauseText(m.clause),
    description: m.description,
    overridable: defaultOverridable(m),
    kind: m.kind,
  };
}
