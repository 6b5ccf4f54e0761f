// Phrase and pattern rules written by the policy owner (policy.customRules), and the owner's edits to the
// built-in phrase lists (rules.<id>.phrases), compiled with the same data rule kinds as the built-in pack,
// once per policy object.
import { compileDataRule } from './kinds/data-rule.ts';
import { editedDataRule } from './phrase-edits.ts';
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

const hasPhraseEdits = (policy: Policy) =>
  Object.values(policy.rules ?? {}).some((s) => s.phrases?.add?.length || s.phrases?.remove?.length);

/** The built-in rules, with the policy's phrase edits, plus its custom ones (cached per policy object). */
export function rulesFor(policy: Policy | undefined): readonly Rule[] {
  if (!policy || (!policy.customRules?.length && !hasPhraseEdits(policy))) return RULES;
  let rules = cache.get(policy);
  if (!rules) {
    const edits = policy.rules ?? {};
    const builtIn = RULES.map((rule) => {
      const edited =
        edits[rule.meta.id]?.phrases && editedDataRule(rule.meta.id, edits[rule.meta.id]?.phrases);
      return edited ? compileDataRule(edited) : rule;
    });
    const taken = new Set(RULES.map((r) => r.meta.id));
    const custom: Rule[] = [];
    for (const c of policy.customRules ?? []) {
      const data = toDataRule(c);
      if (taken.has(data.id)) continue;
      taken.add(data.id);
      custom.push(compileDataRule(data));
    }
    rules = [...builtIn, ...custom];
    cache.set(policy, rules);
  }
  return rules;
}
