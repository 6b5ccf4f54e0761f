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

export const RequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ping') }),
  z.object({ kind: z.literal('get-status') }),
  z.object({ kind: z.literal('check'), draft: DraftSchema }),
  z.object({ kind: z.literal('report-false-positive'), report: FalsePositiveReportSchema }),
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
} as const satisfies Record<RequestKind, z.ZodType>;

export type ResponseFor<K extends RequestKind> = z.infer<(typeof ResponseSchemas)[K]>;

/** What the worker sends back when it cannot answer a well-formed request. */
export const ErrorResponseSchema = z.object({ kind: z.literal('error'), reason: z.string() });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export type Result<T> = { ok: true; data: T } | { ok: false; reason: string };
