// The one protocol between the content script, the popup, the options page and the worker.
// Every message is parsed on arrival on both sides; anything else is refused with a reason.

import { DraftSchema } from '../engine/schemas/draft.ts';
import { CategorySchema, CheckResultSchema } from '../engine/schemas/finding.ts';
import { PolicySchema } from '../engine/schemas/policy.ts';
import { z } from '../engine/schemas/z.ts';

/** What a person's "report false positive" keeps: which rule, where, how long the flagged text was. Never
 * the text itself (strict: any other key is refused). */
export const FalsePositiveReportSchema = z
  .object({
    ruleId: z.string().min(1).max(200),
    category: CategorySchema,
    excerptLength: z.number().int().nonnegative(),
    site: z.enum(['gmail', 'outlook', 'fake']),
  })
  .strict();
export type FalsePositiveReport = z.infer<typeof FalsePositiveReportSchema>;
export type StoredFalsePositiveReport = FalsePositiveReport & { at: string };

/** The send gate's settings from the policy in force. */
export const GateSettingsSchema = z.object({
  failMode: z.enum(['ask', 'closed']),
  holdOnWarnings: z.boolean(),
});
export type GateSettings = z.infer<typeof GateSettingsSchema>;

export const AUDIT_DECISIONS = [
  'cancelled',
  'sent-anyway',
  'sent-unchecked',
  'fixed-and-sent',
  'went-to-finding',
] as const;
export const AuditDecisionSchema = z.enum(AUDIT_DECISIONS);
export type AuditDecision = z.infer<typeof AuditDecisionSchema>;

/** One held send and its outcome, as the content script reports it. Strict: no key can carry the body or
 * a full address; recipients are reduced to their domains and the body to its SHA-256. */
export const AuditEntryInputSchema = z
  .object({
    site: z.enum(['gmail', 'outlook', 'fake']),
    /** How the person tried to send: click, button-key, shortcut, schedule. */
    via: z.enum(['click', 'button-key', 'shortcut', 'schedule']),
    decision: AuditDecisionSchema,
    ruleIds: z.array(z.string().min(1).max(200)).max(200),
    /** Written by the person who overrode the policy: the reason is the record. */
    justification: z.string().max(2000).optional(),
    recipientDomains: z
      .array(
        z
          .string()
          .max(253)
          .regex(/^[^@\s]*$/, 'a domain, not an address'),
      )
      .max(500),
    bodySha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Why the checker could not answer (sent-unchecked), in Preflight's words. */
    checkerFailure: z.string().max(200).optional(),
    /** When the decision was made (set in the tab: a decision kept in memory is written later). */
    decidedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type AuditEntryInput = z.infer<typeof AuditEntryInputSchema>;
export const AuditEntrySchema = AuditEntryInputSchema.extend({ at: z.string() });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** One rule as the options page lists it (engine listRules with the policy's effective settings). */
export const RuleListEntrySchema = z.object({
  id: z.string(),
  category: CategorySchema,
  severity: z.enum(['block', 'warn', 'info']),
  clause: z.string(),
  clauseText: z.string(),
  description: z.string(),
  overridable: z.boolean(),
  kind: z.string(),
  effectiveSeverity: z.enum(['block', 'warn', 'info', 'off']),
  shadow: z.boolean(),
});
export type RuleListEntry = z.infer<typeof RuleListEntrySchema>;

export const PolicySaveResultSchema = z.object({
  kind: z.literal('policy-save-result'),
  saved: z.boolean(),
  /** Every problem, by path, when nothing was saved. */
  issues: z.array(z.string()),
});

export const RuleStatsSchema = z.object({
  findings: z.number(),
  dismissals: z.number(),
  held: z.number(),
  overrides: z.number(),
  falsePositives: z.number(),
});

export const RequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ping') }),
  z.object({ kind: z.literal('get-status') }),
  z.object({ kind: z.literal('check'), draft: DraftSchema }),
  z.object({ kind: z.literal('report-false-positive'), report: FalsePositiveReportSchema }),
  /** The send gate's final check: complete, on the text as it is at Send, with the gate's settings. */
  z.object({ kind: z.literal('gate-check'), draft: DraftSchema }),
  z.object({ kind: z.literal('gate-settings') }),
  z.object({ kind: z.literal('audit-append'), entry: AuditEntryInputSchema }),
  z.object({ kind: z.literal('audit-list') }),
  z.object({ kind: z.literal('audit-export'), format: z.enum(['json', 'csv']) }),
  /** The options page and popup: the policy in force, the user's own layer and what is locked. */
  z.object({ kind: z.literal('policy-get') }),
  /** Replaces the user's policy; validated by the worker, nothing is replaced when it is invalid. */
  z.object({ kind: z.literal('policy-save'), policy: z.unknown() }),
  z.object({ kind: z.literal('policy-reset') }),
  z.object({ kind: z.literal('rule-stats') }),
  z.object({ kind: z.literal('reports-list') }),
  /** A person dismissed a finding for one email: counted per rule, nothing else kept. */
  z.object({
    kind: z.literal('rule-event'),
    ruleId: z.string().min(1).max(200),
    event: z.enum(['dismissed']),
  }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestKind = Request['kind'];

export const StatusSchema = z.object({
  version: z.string(),
  /** Where the policy in force came from. */
  policySource: z.enum(['default', 'user', 'managed']),
  ruleCount: z.number().int().nonnegative(),
  checksSinceStart: z.number().int().nonnegative(),
  /** Milliseconds the worker has been up: a fresh start after idle shows as a small number. */
  uptimeMs: z.number().nonnegative(),
});
export type Status = z.infer<typeof StatusSchema>;

export const ResponseSchemas = {
  ping: z.object({ kind: z.literal('pong'), version: z.string() }),
  'get-status': z.object({ kind: z.literal('status'), status: StatusSchema }),
  check: z.object({ kind: z.literal('check-result'), result: CheckResultSchema, elapsedMs: z.number() }),
  'report-false-positive': z.object({ kind: z.literal('reported'), stored: z.number().int().nonnegative() }),
  'gate-check': z.object({
    kind: z.literal('gate-result'),
    result: CheckResultSchema,
    gate: GateSettingsSchema,
    elapsedMs: z.number(),
  }),
  'gate-settings': z.object({ kind: z.literal('gate-settings'), gate: GateSettingsSchema }),
  'audit-append': z.object({ kind: z.literal('audit-appended'), stored: z.number().int().nonnegative() }),
  'audit-list': z.object({ kind: z.literal('audit-entries'), entries: z.array(AuditEntrySchema) }),
  'audit-export': z.object({
    kind: z.literal('audit-export'),
    format: z.enum(['json', 'csv']),
    text: z.string(),
  }),
  'policy-get': z.object({
    kind: z.literal('policy'),
    effective: PolicySchema,
    user: PolicySchema.nullable(),
    locked: z.array(z.string()),
    source: z.enum(['default', 'user', 'managed']),
    rules: z.array(RuleListEntrySchema),
    /** Problems in what storage holds (a managed key that does not validate is ignored, with its reason). */
    issues: z.array(z.string()),
  }),
  'policy-save': PolicySaveResultSchema,
  'policy-reset': PolicySaveResultSchema,
  'rule-stats': z.object({ kind: z.literal('rule-stats'), stats: z.record(z.string(), RuleStatsSchema) }),
  'reports-list': z.object({
    kind: z.literal('reports'),
    reports: z.array(FalsePositiveReportSchema.extend({ at: z.string() })),
  }),
  'rule-event': z.object({ kind: z.literal('counted') }),
} as const satisfies Record<RequestKind, z.ZodType>;

export type ResponseFor<K extends RequestKind> = z.infer<(typeof ResponseSchemas)[K]>;

/** What the worker sends back when it cannot answer a well-formed request. */
export const ErrorResponseSchema = z.object({ kind: z.literal('error'), reason: z.string() });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export type Result<T> = { ok: true; data: T } | { ok: false; reason: string };

// ---- between the popup (or the worker) and the content script of a mail tab ----

/** One compose window in a tab, as the popup shows it. */
export const TabComposeSchema = z.object({
  id: z.string(),
  subject: z.string(),
  result: CheckResultSchema,
});
export type TabCompose = z.infer<typeof TabComposeSchema>;

export const TabRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tab-findings') }),
  /** Focus that compose and open the card of its finding at `index` (in the order tab-findings gave). */
  z.object({ kind: z.literal('tab-go-to'), composeId: z.string(), index: z.number().int().nonnegative() }),
  /** From the worker: the policy in force changed; open composes check again. */
  z.object({ kind: z.literal('policy-changed') }),
]);
export type TabRequest = z.infer<typeof TabRequestSchema>;

export const TabResponseSchemas = {
  'tab-findings': z.object({
    kind: z.literal('tab-findings'),
    site: z.enum(['gmail', 'outlook', 'fake']),
    composes: z.array(TabComposeSchema),
  }),
  'tab-go-to': z.object({ kind: z.literal('tab-went'), ok: z.boolean(), reason: z.string().optional() }),
  'policy-changed': z.object({ kind: z.literal('rechecking'), composes: z.number().int().nonnegative() }),
} as const satisfies Record<TabRequest['kind'], z.ZodType>;
export type TabResponseFor<K extends TabRequest['kind']> = z.infer<(typeof TabResponseSchemas)[K]>;
