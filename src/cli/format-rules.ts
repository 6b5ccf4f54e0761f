// `preflight rules`: every rule the engine has, read from its registry (with a policy, its custom rules and
// the severity it sets too), so the list never falls behind the rules themselves.
import type { listRules } from '../engine/index.ts';

type RuleRow = ReturnType<typeof listRules>[number];

export function formatRulesJson(rules: readonly RuleRow[]): string {
  const out = rules.map((rule) => ({
    id: rule.id,
    category: rule.category,
    severity: rule.severity,
    effectiveSeverity: rule.effectiveSeverity,
    clause: rule.clauseText,
    clauseId: rule.clause,
    description: rule.description,
    kind: rule.kind,
  }));
  return `${JSON.stringify({ version: 1, rules: out }, null, 2)}\n`;
}

export function formatRulesText(rules: readonly RuleRow[]): string {
  const byCategory = new Map<string, RuleRow[]>();
  for (const rule of rules) byCategory.set(rule.category, [...(byCategory.get(rule.category) ?? []), rule]);
  const width = Math.max(...rules.map((rule) => rule.id.length));
  const blocks: string[] = [];
  for (const [category, list] of byCategory) {
    const lines = [category];
    for (const rule of list) {
      const severity =
        rule.effectiveSeverity === rule.severity
          ? rule.severity
          : `${rule.effectiveSeverity} (default ${rule.severity})`;
      lines.push(`  ${rule.id.padEnd(width)}  ${severity}`);
      lines.push(`  ${' '.repeat(width)}  ${rule.description}`);
      lines.push(`  ${' '.repeat(width)}  policy: ${rule.clauseText}`);
    }
    blocks.push(lines.join('\n'));
  }
  blocks.push(`${rules.length} rules in ${byCategory.size} categories.`);
  return `${blocks.join('\n\n')}\n`;
}
