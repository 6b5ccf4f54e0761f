// The message schemas the content script and the extension's pages share: every request, the answers the
// content script reads, the audit entry and the false-positive report. Written with zod's functional build
// (zod/mini): the content script loads this file on every mail page. The answers only the pages read, which
// need the whole policy schema, are in page-messages.ts (which builds on this file); messages.ts joins both.

import { DraftSchema } from '../engine/schemas/draft.ts';
import { CategorySchema, CheckResultSchema } from '../engine/schemas/finding.ts';
import * as z from '../engine/schemas/zod-mini.ts';

const id = () => z.string().check(z.minLength(1), z.maxLength(200));
const count = () => z.int().check(z.nonnegative());

/** What a person's "report false positive" keeps: which rule, where, how long the flagged text was. Never
 * the text itself (strict: any other key is refused). */
export const FalsePositiveReportSchema = z.strictObject({
  ruleId: id(),
  category: CategorySchema,
  excerptLength: count(),
  site: z.enum(['gmail', 'outlook', 'fake']),
});
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
export const AuditEntryInputSchema = z.strictObject({
  site: z.enum(['gmail', 'outlook', 'fake']),
  /** How the person tried to send: click, button-key, shortcut, schedule. */
  via: z.enum(['click', 'button-key', 'shortcut', 'schedule']),
  decision: AuditDecisionSchema,
  ruleIds: z.array(id()).check(z.maxLength(200)),
  /** Written by the person who overrode the policy: the reason is the record. */
  justification: z.optional(z.string().check(z.maxLength(2000))),
  recipientDomains: z
    .array(z.string().check(z.maxLength(253), z.regex(/^[^@\s]*$/, 'a domain, not an address')))
    .check(z.maxLength(500)),
  bodySha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** Why the checker could not answer (sent-unchecked), in Preflight's words. */
  checkerFailure: z.optional(z.string().check(z.maxLength(200))),
  /** When the decision was made (set in the tab: a decision kept in memory is written later). */
  decidedAt: z.optional(z.iso.datetime({ offset: true })),
});
export type AuditEntryInput = z.infer<typeof AuditEntryInputSchema>;
export const AuditEntrySchema = z.extend(AuditEntryInputSchema, { at: z.string() });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const RequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ping') }),
  z.object({ kind: z.literal('get-status') }),
  z.object({ kind: z.literal('check'), draft: DraftSchema }),
  z.object({ kind: z.literal('report-false-positive'), report: FalsePositiveReportSchema }),
  /** The send gate's final check: complete, on the text as it is at Send, with the gate's settings. */
  z.object({ kind: z.literal('gate-check'), draft: DraftSchema }),
  z.object({ kind: z.literal('gate-settings') }),
  /** A compose the send gate cannot guard (no Send found, a send it could not read): counted locally. */
  z.object({
    kind: z.literal('gate-unguarded'),
    site: z.enum(['gmail', 'outlook', 'fake']),
    reason: z.enum(['send-not-found', 'classify-failed']),
  }),
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
    ruleId: id(),
    event: z.enum(['dismissed']),
  }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestKind = Request['kind'];

export const StatusSchema = z.object({
  version: z.string(),
  /** Where the policy in force came from. */
  policySource: z.enum(['default', 'user', 'managed']),
  ruleCount: count(),
  checksSinceStart: count(),
  /** Milliseconds the worker has been up: a fresh start after idle shows as a small number. */
  uptimeMs: z.number().check(z.nonnegative()),
});
export type Status = z.infer<typeof StatusSchema>;

/**
 * The answers the content script reads (and the popup's status). Each request kind has its answer here or in
 * page-messages.ts (PageResponseSchemas); ResponseSchemas there holds both.
 */
export const ContentResponseSchemas = {
  ping: z.object({ kind: z.literal('pong'), version: z.string() }),
  'get-status': z.object({ kind: z.literal('status'), status: StatusSchema }),
  check: z.object({
    kind: z.literal('check-result'),
    result: CheckResultSchema,
    elapsedMs: z.number(),
    /** A worker just woken answered with word lists while its full reader starts: ask again for the full answer. */
    provisional: z.optional(z.literal(true)),
  }),
  'report-false-positive': z.object({ kind: z.literal('reported'), stored: count() }),
  'gate-check': z.object({
    kind: z.literal('gate-result'),
    result: CheckResultSchema,
    gate: GateSettingsSchema,
    elapsedMs: z.number(),
  }),
  'gate-settings': z.object({ kind: z.literal('gate-settings'), gate: GateSettingsSchema }),
  'audit-append': z.object({ kind: z.literal('audit-appended'), stored: count() }),
  'rule-event': z.object({ kind: z.literal('counted') }),
  'gate-unguarded': z.object({ kind: z.literal('counted') }),
} as const satisfies Partial<Record<RequestKind, z.ZodMiniType>>;

export type ContentRequestKind = keyof typeof ContentResponseSchemas;

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
  /** False when the send gate cannot guard this compose (its Send is not found): the popup says so. */
  guarded: z.optional(z.boolean()),
});
export type TabCompose = z.infer<typeof TabComposeSchema>;

export const TabRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tab-findings') }),
  /** Focus that compose and open the card of its finding at `index` (in the order tab-findings gave). */
  z.object({ kind: z.literal('tab-go-to'), composeId: z.string(), index: count() }),
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
  'tab-go-to': z.object({ kind: z.literal('tab-went'), ok: z.boolean(), reason: z.optional(z.string()) }),
  'policy-changed': z.object({ kind: z.literal('rechecking'), composes: count() }),
} as const satisfies Record<TabRequest['kind'], z.ZodMiniType>;
export type TabResponseFor<K extends TabRequest['kind']> = z.infer<(typeof TabResponseSchemas)[K]>;
