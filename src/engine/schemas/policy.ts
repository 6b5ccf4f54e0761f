import { CategorySchema } from './finding.ts';
import * as z from './z.ts';

const domainRe = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/i;
export const DomainSchema = z.string().regex(domainRe, 'not a domain');

/** Bounds of a phrase edit: long enough for any wording, short enough to keep storage.sync's quota. */
export const PHRASE_MAX_LENGTH = 120;
export const PHRASE_EDITS_MAX = 200;

/** Phrase-list keys compare case-insensitively, with runs of spaces and hyphens as one space. */
export const phraseKey = (phrase: string) =>
  phrase
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/gu, ' ');

const PhraseListSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1, 'an empty phrase')
      .max(PHRASE_MAX_LENGTH, `a phrase is at most ${PHRASE_MAX_LENGTH} characters`)
      .refine((s) => s === '' || /[\p{L}\p{N}]/u.test(s), {
        message: 'a phrase needs at least one letter or digit',
      }),
  )
  .max(PHRASE_EDITS_MAX, `at most ${PHRASE_EDITS_MAX} phrases`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((phrase, i) => {
      const key = phraseKey(phrase);
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `"${phrase}" is listed twice` });
      seen.add(key);
    });
  });

/**
 * Changes to a built-in data rule's phrase list: phrases to match as well (with the rule's own inflections
 * and exceptions) and built-in phrases to stop matching. Which rules have a phrase list, and which phrases
 * exist, is checked against the rule pack by `phraseEditIssues` (engine/phrase-edits.ts).
 */
export const PhraseEditsSchema = z
  .object({
    add: PhraseListSchema.optional(),
    remove: PhraseListSchema.optional(),
  })
  .strict()
  .superRefine((edits, ctx) => {
    const removed = new Set((edits.remove ?? []).map(phraseKey));
    edits.add?.forEach((phrase, i) => {
      if (removed.has(phraseKey(phrase)))
        ctx.addIssue({ code: 'custom', path: ['add', i], message: `"${phrase}" is both added and removed` });
    });
  });
export type PhraseEdits = z.infer<typeof PhraseEditsSchema>;

export const RuleSettingSchema = z
  .object({
    severity: z.enum(['block', 'warn', 'info', 'off']).optional(),
    overridable: z.boolean().optional(),
    /** Observe only: the rule's findings are shown (and marked `shadow`) but never hold a send. */
    shadow: z.boolean().optional(),
    /** Only under a built-in data rule's id that has a phrase list. */
    phrases: PhraseEditsSchema.optional(),
  })
  .strict();

const CUSTOM_RULE_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A phrase or pattern rule written by the policy owner; its id becomes `custom/<id>`. */
export const CustomRuleSchema = z
  .object({
    id: z.string().regex(CUSTOM_RULE_SLUG, 'lower-case letters, digits and hyphens'),
    category: CategorySchema,
    severity: z.enum(['block', 'warn', 'info']),
    message: z.string().min(1).max(500),
    description: z.string().max(500).optional(),
    phrases: z.array(z.string().trim().min(1).max(200)).min(1).max(500).optional(),
    /** A regular expression (JavaScript syntax, matched with the u and i flags). */
    pattern: z
      .string()
      .min(1)
      .max(500)
      .refine(
        (s) => {
          try {
            new RegExp(s, 'giu');
            return true;
          } catch {
            return false;
          }
        },
        { message: 'not a valid regular expression' },
      )
      .optional(),
  })
  .strict()
  .refine((r) => (r.phrases === undefined) !== (r.pattern === undefined), {
    message: 'a custom rule has either phrases or a pattern',
  });
export type CustomRule = z.infer<typeof CustomRuleSchema>;

export const AccountSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).optional(),
    domains: z.array(DomainSchema).optional(),
    contacts: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type Account = z.infer<typeof AccountSchema>;

export const PolicySchema = z
  .object({
    version: z.literal(1),
    organization: z
      .object({
        name: z.string().optional(),
        internalDomains: z.array(DomainSchema).optional(),
      })
      .strict()
      .optional(),
    accounts: z.array(AccountSchema).optional(),
    competitors: z
      .array(z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)).optional() }).strict())
      .optional(),
    pricing: z
      .object({
        currency: z.string().length(3).optional(),
        maxDiscountPercent: z.number().min(0).max(100).optional(),
        approvedPrices: z
          .array(
            z
              .object({
                plan: z.string().min(1),
                amount: z.number().nonnegative(),
                per: z.string().optional(),
              })
              .strict(),
          )
          .optional(),
      })
      .strict()
      .optional(),
    approvedClaims: z.array(z.string().min(1)).optional(),
    humanReview: z
      .object({ marker: z.string().min(1) })
      .strict()
      .optional(),
    sla: z
      .object({
        responseHours: z
          .object({
            '1': z.number().positive(),
            '2': z.number().positive(),
            '3': z.number().positive(),
            '4': z.number().positive(),
          })
          .strict(),
      })
      .strict()
      .optional(),
    /** Keyed by category or rule id; `*` applies to every rule (for example shadow mode for all). */
    rules: z.record(z.string(), RuleSettingSchema).optional(),
    customRules: z.array(CustomRuleSchema).max(200).optional(),
    gate: z
      .object({
        failMode: z.enum(['ask', 'closed']).optional(),
        holdOnWarnings: z.boolean().optional(),
      })
      .strict()
      .optional(),
    /** Where sensitive data goes instead of email ("the Secure Share portal"); PII findings name it. */
    privacy: z
      .object({ secureChannel: z.string().trim().min(1).max(200).optional() })
      .strict()
      .optional(),
  })
  .strict();

export type Policy = z.infer<typeof PolicySchema>;

/** The built-in policy: no organisation facts, the rule pack's own defaults. */
export const DEFAULT_POLICY: Policy = {
  version: 1,
  humanReview: { marker: 'Pending human review' },
  sla: { responseHours: { '1': 1, '2': 4, '3': 24, '4': 72 } },
  gate: { failMode: 'ask', holdOnWarnings: false },
};
