// The one protocol between the content script, the popup, the options page and the worker.
// Every message is parsed on arrival on both sides; anything else is refused with a reason.

import { DraftSchema } from '../engine/schemas/draft.ts';
import { CategorySchema, CheckResultSchema } from '../engine/schemas/finding.ts';
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
} as const satisfies Record<RequestKind, z.ZodType>;

export type ResponseFor<K extends RequestKind> = z.infer<(typeof ResponseSchemas)[K]>;

/** What the worker sends back when it cannot answer a well-formed request. */
export const ErrorResponseSchema = z.object({ kind: z.literal('error'), reason: z.string() });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export type Result<T> = { ok: true; data: T } | { ok: false; reason: string };
