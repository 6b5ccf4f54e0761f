import * as z from './zod-mini.ts';

/** The fixed category ids of design.md's rule catalogue. */
export const CATEGORIES = [
  'overcommitment',
  'timeline',
  'competitor-fud',
  'placeholder',
  'generic-template',
  'cross-account',
  'pii',
  'pricing',
  'human-review',
  'tone',
  'sla',
  'evidence',
  'onboarding',
] as const;

export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

export const FindingSeveritySchema = z.enum(['block', 'warn', 'info']);
export type FindingSeverity = z.infer<typeof FindingSeveritySchema>;

export const FieldSchema = z.enum(['body', 'subject', 'recipients', 'attachments']);
export type Field = z.infer<typeof FieldSchema>;

export const FindingSchema = z.object({
  ruleId: z.string(),
  category: CategorySchema,
  severity: FindingSeveritySchema,
  message: z.string(),
  /** The policy clause's wording (rules/clauses.yaml). */
  clause: z.string(),
  /** Extension to design.md: the clause's stable key in rules/clauses.yaml. */
  clauseId: z.optional(z.string()),
  field: FieldSchema,
  /** UTF-16 offsets into that field's text (recipients: the fields joined by ", "; attachments: names joined by ", "). */
  start: z.int().check(z.nonnegative()),
  end: z.int().check(z.nonnegative()),
  excerpt: z.string(),
  suggestion: z.optional(z.string()),
  /** Extension to design.md: whether the send gate may let a person send anyway (policy `overridable`). */
  overridable: z.optional(z.boolean()),
  /** Extension to design.md: the rule is in shadow mode (policy `rules.<id>.shadow`): shown, never holds a send. */
  shadow: z.optional(z.boolean()),
});
export type Finding = z.infer<typeof FindingSchema>;

export const ScoreSchema = z.enum(['pass', 'fail']);
export const ScorecardSchema = z.object({
  personalization: ScoreSchema,
  accuracy: ScoreSchema,
  slaCompliance: ScoreSchema,
  dataPrivacy: ScoreSchema,
  humanReview: ScoreSchema,
});
export type Scorecard = z.infer<typeof ScorecardSchema>;

export const CheckResultSchema = z.object({
  findings: z.array(FindingSchema),
  scorecard: ScorecardSchema,
  /** Rules that threw: named, and the result is marked incomplete rather than silently passing. */
  incomplete: z.optional(z.array(z.object({ ruleId: z.string(), error: z.string() }))),
  /**
   * Extension to design.md, present only when the draft is not in English: its language (ISO 639-1) and
   * whether the English wording rules were skipped (only language-independent rules ran).
   */
  language: z.optional(z.object({ code: z.string(), englishRulesSkipped: z.boolean() })),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;
