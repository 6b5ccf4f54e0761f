// The answers only the extension's own pages (popup, options) read. Kept apart from messages.ts because they
// carry the whole policy (its schema is full zod), which the content script never receives: every answer is
// still parsed on arrival, with these schemas, by the pages' client (platform/client.ts).
import { CategorySchema } from '../engine/schemas/finding.ts';
import { PolicySchema } from '../engine/schemas/policy.ts';
import * as z from '../engine/schemas/zod-mini.ts';
import {
  AuditEntrySchema,
  ContentResponseSchemas,
  FalsePositiveReportSchema,
  type RequestKind,
} from './message-schemas.ts';

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

export const PageResponseSchemas = {
  'audit-list': z.object({ kind: z.literal('audit-entries'), entries: z.array(AuditEntrySchema) }),
  'audit-export': z.object({
    kind: z.literal('audit-export'),
    format: z.enum(['json', 'csv']),
    text: z.string(),
  }),
  'policy-get': z.object({
    kind: z.literal('policy'),
    effective: PolicySchema,
    user: z.nullable(PolicySchema),
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
    reports: z.array(z.extend(FalsePositiveReportSchema, { at: z.string() })),
  }),
} as const;

/** Every request kind's answer: the content script's (messages.ts) and the pages'. */
export const ResponseSchemas = {
  ...ContentResponseSchemas,
  ...PageResponseSchemas,
} as const satisfies Record<RequestKind, z.core.$ZodType>;
