import { type CompiledPolicy, compilePolicy, type EffectiveSetting } from './compile.ts';
import { CheckContext } from './context.ts';
import { rulesFor } from './custom-rules.ts';
import { runLocalRules } from './paragraphs.ts';
import { clauseText } from './registry.ts';
import { compareRuleIds, MAX_FINDINGS_PER_FIELD, type RawFinding, type Rule } from './rule.ts';
import type { Draft } from './schemas/draft.ts';
import type { Category, CheckResult, Field, Finding, FindingSeverity } from './schemas/finding.ts';
import type { Policy } from './schemas/policy.ts';
import { scorecard } from './scorecard.ts';

const SEVERITY_RANK = { block: 0, warn: 1, info: 2 } as const;
const FIELD_RANK: Record<Field, number> = { subject: 0, recipients: 1, body: 2, attachments: 3 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    FIELD_RANK[a.field] - FIELD_RANK[b.field] ||
    a.start - b.start ||
    a.end - b.end ||
    compareRuleIds(a.ruleId, b.ruleId)
  );
}

/** Two rules of one category flagging overlapping text ("100% guaranteed") make one finding, not two. */
function dedupe(findings: Finding[]): Finding[] {
  const buckets = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.category}|${f.field}`;
    const list = buckets.get(key);
    if (list) list.push(f);
    else buckets.set(key, [f]);
  }
  const kept: Finding[] = [];
  const prefer = (a: Finding, b: Finding) =>
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.end - b.start - (a.end - a.start);
  const overlap = (a: Finding, b: Finding) =>
    (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === b.end);
  for (const list of buckets.values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    // Clusters of transitively overlapping findings; within one, the most severe and longest win.
    let cluster: Finding[] = [];
    let clusterEnd = -1;
    const flush = () => {
      const chosen: Finding[] = [];
      for (const f of cluster.sort(prefer)) if (!chosen.some((k) => overlap(k, f))) chosen.push(f);
      kept.push(...chosen);
      cluster = [];
    };
    for (const f of list) {
      if (cluster.length > 0 && f.start >= clusterEnd && !(f.start === f.end && f.start === clusterEnd))
        flush();
      cluster.push(f);
      clusterEnd = Math.max(cluster.length === 1 ? f.end : clusterEnd, f.end);
    }
    if (cluster.length > 0) flush();
  }
  return kept;
}

/**
 * Findings of another category that a finding makes wrong where they overlap: a salutation that insults
 * ("Dear Worst Customer") is hostile, and "greet the person by name" would be the wrong advice for it.
 */
const SUPERSEDES: ReadonlyMap<string, readonly string[]> = new Map([
  ['tone/hostile-language', ['generic-template/generic-salutation']],
]);

function supersede(findings: Finding[]): Finding[] {
  const winners = findings.filter((f) => SUPERSEDES.has(f.ruleId));
  if (winners.length === 0) return findings;
  return findings.filter(
    (f) =>
      !winners.some(
        (w) =>
          w.field === f.field &&
          w.start < f.end &&
          f.start < w.end &&
          (SUPERSEDES.get(w.ruleId) ?? []).includes(f.ruleId),
      ),
  );
}

/** Categories whose rules read figures, formats and names, never English wording. */
const LANGUAGE_INDEPENDENT_CATEGORIES = new Set<Category>(['placeholder', 'pii', 'cross-account']);

/** Whether a rule also runs on drafts not written in English (its own flag, else its category). */
export function isLanguageIndependent(meta: Rule['meta']): boolean {
  return meta.languageIndependent ?? LANGUAGE_INDEPENDENT_CATEGORIES.has(meta.category);
}

export interface CheckOptions {
  /**
   * `always` (the default): sentences a rule reads closely go through compromise, starting it if needed.
   * `if-loaded`: only when compromise has already started, else word lists read them — a worker woken by a
   * message answers at once and starts compromise afterwards. The send gate always uses `always`.
   */
  readonly fullReader?: 'always' | 'if-loaded';
}

/** Runs `rules` over a draft. Exported for tests that need a rule which throws. */
export function runRules(
  rules: readonly Rule[],
  draft: Draft,
  compiled: CompiledPolicy,
  options: CheckOptions = {},
): CheckResult {
  const ctx = new CheckContext(draft, compiled, undefined, options.fullReader === 'if-loaded');
  const findings: Finding[] = [];
  const incomplete: { ruleId: string; error: string }[] = [];
  // English phrase rules misfire on other languages; only rules reading figures, formats and names run.
  const english = ctx.language === 'en';
  let skipped = 0;
  const active: { rule: Rule; setting: EffectiveSetting }[] = [];
  for (const rule of rules) {
    const setting = compiled.setting(rule.meta);
    if (setting.severity === 'off') continue;
    if (!english && !isLanguageIndependent(rule.meta)) {
      skipped++;
      continue;
    }
    active.push({ rule, setting });
  }
  // Paragraph-local rules run per paragraph, from the memo where a paragraph is unchanged.
  const localRules = active.filter((a) => a.rule.local).map((a) => a.rule);
  const local = localRules.length > 0 ? runLocalRules(ctx, localRules, rules, compiled) : undefined;
  let localIndex = 0;
  for (const { rule, setting } of active) {
    let raw: readonly RawFinding[];
    if (rule.local) {
      const i = localIndex++;
      const error = local!.errors[i];
      if (error !== undefined) {
        incomplete.push({ ruleId: rule.meta.id, error });
        continue;
      }
      raw = local!.findings[i]!;
    } else {
      try {
        raw = rule.check(ctx);
      } catch (error) {
        incomplete.push({
          ruleId: rule.meta.id,
          error: error instanceof Error ? error.message : String(error),
        });
        continue;
      }
    }
    const perField = new Map<Field, number>();
    for (const r of raw) {
      const shown = perField.get(r.field) ?? 0;
      if (shown >= MAX_FINDINGS_PER_FIELD) continue;
      perField.set(r.field, shown + 1);
      const text = ctx.field(r.field).original;
      const finding: Finding = {
        ruleId: rule.meta.id,
        category: rule.meta.category,
        severity:
          r.severity !== undefined &&
          SEVERITY_RANK[r.severity] > SEVERITY_RANK[setting.severity as FindingSeverity]
            ? r.severity
            : (setting.severity as FindingSeverity),
        message: r.message,
        clause: clauseText(rule.meta.clause),
        clauseId: rule.meta.clause,
        field: r.field,
        start: r.start,
        end: r.end,
        excerpt: text.slice(r.start, r.end),
        overridable: setting.overridable,
      };
      if (r.suggestion !== undefined) finding.suggestion = r.suggestion;
      if (setting.shadow) finding.shadow = true;
      findings.push(finding);
    }
  }
  const final = supersede(dedupe(findings)).sort(compareFindings);
  const result: CheckResult = { findings: final, scorecard: scorecard(final) };
  if (incomplete.length > 0) result.incomplete = incomplete;
  if (!english) result.language = { code: ctx.language, englishRulesSkipped: skipped > 0 };
  return result;
}

/** Checks one draft against a policy (layered over the defaults). Pure: no clock, no I/O. */
export function checkDraft(draft: Draft, policy?: Policy, options: CheckOptions = {}): CheckResult {
  return runRules(rulesFor(policy), draft, compilePolicy(policy), options);
}
