import * as z from './zod-mini.ts';

/** ISO-8601 date-time with a zone (Z or an offset), as design.md's Draft contract asks. */
const isoDateTime = z.iso.datetime({ offset: true });

export const SeveritySchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const DraftSchema = z.object({
  subject: z.string(),
  /** Plain text, paragraphs separated by \n. */
  body: z.string(),
  /** "Name <a@b.com>" or "a@b.com"; a name alone where the site shows only a name. */
  to: z.array(z.string()),
  cc: z.array(z.string()),
  bcc: z.array(z.string()),
  from: z.optional(z.string()),
  attachments: z.optional(z.array(z.object({ name: z.string() }))),
  thread: z.optional(
    z.object({
      lastCustomerMessageAt: z.optional(isoDateTime),
      severity: z.optional(SeveritySchema),
    }),
  ),
  /** The send time; the engine never reads a clock, so the caller supplies it. */
  now: z.optional(isoDateTime),
});

export type Draft = z.infer<typeof DraftSchema>;

/** A lenient input form for files and the CLI: missing lists and subject become empty. */
export const DraftInputSchema = z.extend(DraftSchema, {
  subject: z._default(z.string(), ''),
  to: z._default(z.array(z.string()), []),
  cc: z._default(z.array(z.string()), []),
  bcc: z._default(z.array(z.string()), []),
});
