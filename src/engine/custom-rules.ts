// Phrase and pattern rules written by the policy owner (policy.customRules), compiled with the same data
// rule kinds as the built-in pack, once per policy object.
import { compileDataRule } from './kinds/data-rule.ts';
import { RULES } from './registry.ts';
import type { Rule } from './rule.ts';
import type { Category } from './schemas/finding.ts';
import type { CustomRule, Policy } from './schemas/policy.ts';
import type { DataRule } from './schemas/rule-pack.ts';

export const CUSTOM_PREFIX = 'custom/';

/** A custom rule enforces the same clause as the built-in rules of its category. */
function clauseFor(category: Category): string {
  return RULES.find((r) => r.meta.category === category)?.meta.clause ?? category;
}

export function toDataRule(rule: CustomRule): DataRule {
  const base = {
    id: `${CUSTOM_PREFIX}${rule.id}`,
    category: rule.category,
    severity: rule.severity,
    clause: clauseFor(rule.category),
    description: rule.description ?? rule.message,
    message: rule.message,
    source: 'policy customRules',
    // Written by the owner in their own words: no examples to run, the options page's try-it box is the test.
    examples: { flag: [], pass: [] },
  };
  if (rule.pattern !== undefined) {
    return { ...base, kind: 'pattern', patterns: [{ regex: rule.pattern, flags: 'i' }] } as DataRule;
  }
  return { ...base, kind: 'phrase', phrases: rule.phrases ?? [] } as DataRule;
}

const cache = new WeakMap<Policy, readonly Rule[]>();

/** The built-in rules plus the policy's custom ones (cached per policy object). */
export function rulesFor(policy: Policy | undefined): readonly Rule[] {
  if (!policy?.customRules?.length) return RULES;
  let rules = cache.get(policy);
  if (!rules) {
    const taken = new Set(RULES.map((r) => r.meta.id));
    const custom: Rule[] = [];
    for (const c of policy.customRules) {
      const data = toDataRule(c);
      if (taken.has(data.id)) continue;
      taken.add(data.id);
      custom.push(compileDataRule(data));
    }
    rules = [...RULES, ...custom];
    cache.set(policy, rules);
  }
  return rules;
}
