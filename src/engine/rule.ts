import type { CheckContext } from './context.ts';
import type { RawFinding } from './raw-finding.ts';
import type { Draft } from './schemas/draft.ts';
import type { Category, FindingSeverity } from './schemas/finding.ts';
import type { Policy } from './schemas/policy.ts';
import type { RuleExample } from './schemas/rule-pack.ts';

export type { RawFinding, RuleExample };

/** What every rule declares, code or data (architecture.md: one rule = metadata + behaviour + examples). */
export interface RuleMeta {
  readonly id: string;
  readonly category: Category;
  readonly severity: FindingSeverity;
  /** A key of rules/clauses.yaml. */
  readonly clause: string;
  readonly description: string;
  /** Whether the send gate may let a person send anyway; see defaultOverridable() when absent. */
  readonly overridable?: boolean;
  readonly examples: { readonly flag: readonly RuleExample[]; readonly pass: readonly RuleExample[] };
  readonly source?: string;
  readonly kind: 'code' | 'phrase' | 'pattern' | 'co-occurrence';
  /**
   * The rule reads figures, formats or names rather than English wording, so it also runs on drafts in other
   * languages (placeholders, PII, cross-account, pricing figures, the review marker).
   */
  readonly languageIndependent?: boolean;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(ctx: CheckContext): RawFinding[];
  /**
   * Paragraph-local: what the rule finds in a paragraph of the body (text between blank lines) depends only on
   * that paragraph, the parts it belongs to and the email as a whole (policy, recipients, subject, kinds,
   * severity, language), never on other paragraphs, the clock or the whole body's text; and what it finds in
   * the other fields does not depend on the body. The engine then runs it paragraph by paragraph and keeps its
   * findings per paragraph between checks, so a check after typing re-reads only the paragraph that changed.
   * Such a rule reads the body only through `ctx.field('body')` (ctx.now and ctx.ownBody throw).
   */
  readonly local?: boolean;
}

/** A code rule module: src/engine/rules/<category>/<slug>.ts exports `rule`. */
export function defineRule(
  meta: Omit<RuleMeta, 'kind'>,
  check: (ctx: CheckContext) => RawFinding[],
  options: { readonly local?: boolean } = {},
): Rule {
  return options.local
    ? { meta: { ...meta, kind: 'code' }, check, local: true }
    : { meta: { ...meta, kind: 'code' }, check };
}

/** Builds the draft and policy an example describes (a bare string is the body). */
export function exampleDraft(example: RuleExample): { draft: Draft; policy: Partial<Policy> | undefined } {
  if (typeof example === 'string') {
    return {
      draft: { subject: '', body: example, to: ['Jordan Lee <jordan.lee@example.com>'], cc: [], bcc: [] },
      policy: undefined,
    };
  }
  const draft: Draft = {
    subject: example.subject ?? '',
    body: example.text ?? '',
    to: example.to ?? ['Jordan Lee <jordan.lee@example.com>'],
    cc: example.cc ?? [],
    bcc: example.bcc ?? [],
  };
  if (example.attachments) draft.attachments = example.attachments.map((name) => ({ name }));
  if (example.thread) draft.thread = example.thread as Draft['thread'];
  if (example.now) draft.now = example.now;
  return { draft, policy: example.policy as Partial<Policy> | undefined };
}

/**
 * Per rule and field, the findings an email shows at most: past this many the rest add nothing a person can
 * act on, and a pasted or hostile text ("We will fix it by Friday." forty thousand times) would otherwise
 * send and draw tens of thousands of underlines. Data rules also stop matching there, per paragraph.
 */
export const MAX_FINDINGS_PER_FIELD = 100;

/**
 * Orders rule ids ("category/slug": lower-case letters, digits, hyphens, one slash) by code unit. For ids of
 * that shape this is the order `localeCompare` gives (src/engine/rule.test.ts), without starting the
 * locale's collator, which takes about 14 ms the first time in every fresh worker or process.
 */
export function compareRuleIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
