// Public surface of the pure engine. Runs in the worker, the CLI and node tests: no browser API, no clock.
import { compilePolicy as compile } from './compile.ts';
import { rulesFor } from './custom-rules.ts';
import { type RuleInfo, ruleInfo } from './registry.ts';
import type { Policy } from './schemas/policy.ts';
import { normalize, startOf } from './text/normalize.ts';
import type { PartName } from './text/parts.ts';
import { splitParts } from './text/parts.ts';

export { type CheckOptions, checkDraft } from './check.ts';
export type { CompiledPolicy } from './compile.ts';
export * from './policy.ts';
export type { RuleInfo } from './registry.ts';
export { CLAUSES, clauseText } from './registry.ts';
export * from './schemas/draft.ts';
export * from './schemas/finding.ts';
export * from './schemas/policy.ts';
export * from './schemas/policy-defaults.ts';
export { SCORECARD_ROWS, scorecard } from './scorecard.ts';
export { fullReaderLoaded, loadFullReader } from './text/nlp.ts';
export type { PartName } from './text/parts.ts';

/** Builds (once per policy object, then cached) the matchers a policy needs. Call ahead to warm up. */
export function compilePolicy(policy?: Policy) {
  return compile(policy);
}

/** Every rule's metadata; with a policy, severity and overridable are that policy's effective settings. */
export function listRules(
  policy?: Policy,
): (RuleInfo & { effectiveSeverity: RuleInfo['severity'] | 'off'; shadow: boolean })[] {
  const compiled = compile(policy);
  return rulesFor(policy).map((rule) => {
    const info = ruleInfo(rule);
    const setting = compiled.setting(rule.meta);
    return {
      ...info,
      overridable: setting.overridable,
      effectiveSeverity: setting.severity,
      shadow: setting.shadow,
    };
  });
}

export interface EmailPart {
  readonly part: PartName;
  /** UTF-16 offsets into the body as given. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The body split into greeting, main text, signature and quoted history, with offsets into the original. */
export function splitEmail(body: string): EmailPart[] {
  const norm = normalize(body);
  return splitParts(norm.text).map((p) => {
    const start = startOf(norm, p.start);
    const end = p.end >= norm.text.length ? body.length : startOf(norm, p.end);
    return { part: p.part, start, end, text: body.slice(start, end) };
  });
}
