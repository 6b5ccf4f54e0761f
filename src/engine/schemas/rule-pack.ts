import { CategorySchema, FindingSeveritySchema } from './finding.ts';
import * as z from './z.ts';

/** The YAML rule pack (rules/*.yaml), validated at build time by scripts/compile-rules.mjs. */

const RULE_ID = /^[a-z][a-z-]*\/[a-z0-9][a-z0-9-]*$/;

export const ScopeSchema = z.enum([
  'subject',
  'body',
  'body.greeting',
  'body.main',
  'body.signature',
  'body.quoted',
  'body.all',
  'recipients',
  'attachments',
]);

const regexString = (flagsOk = true) =>
  z.string().refine(
    (s) => {
      try {
        new RegExp(s, flagsOk ? 'u' : '');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a valid regular expression (with the u flag)' },
  );

export const ExampleSchema = z.union([
  z.string().min(1),
  z
    .object({
      text: z.string().optional(),
      subject: z.string().optional(),
      to: z.array(z.string()).optional(),
      cc: z.array(z.string()).optional(),
      bcc: z.array(z.string()).optional(),
      attachments: z.array(z.string()).optional(),
      thread: z
        .object({
          lastCustomerMessageAt: z.string().optional(),
          severity: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
        })
        .strict()
        .optional(),
      now: z.string().optional(),
      /** Policy facts layered over the defaults for this example (accounts, competitors, claims...). */
      policy: z.record(z.string(), z.unknown()).optional(),
      why: z.string().optional(),
    })
    .strict(),
]);
export type RuleExample = z.infer<typeof ExampleSchema>;

export const PhraseEntrySchema = z.union([
  z.string().min(1),
  z
    .object({ text: z.string().min(1), suggestion: z.string().optional(), source: z.string().optional() })
    .strict(),
]);

export const PatternEntrySchema = z
  .object({
    regex: regexString(),
    /** Extra flags besides `u` (always on) and `g` (always on): i, m, s. */
    flags: z
      .string()
      .regex(/^[ims]*$/, 'flags may only be i, m, s')
      .optional(),
    suggestion: z.string().optional(),
    source: z.string().optional(),
  })
  .strict();

export const ExceptionsSchema = z
  .object({
    /** A negation (not, never, no, can't, without...) earlier in the same clause. */
    negation: z.boolean().optional(),
    /** A hedging modal (may, might, could) earlier in the same clause. */
    modal: z.boolean().optional(),
    /** The sentence is a question. */
    question: z.boolean().optional(),
    /** The match lies inside a claim listed in policy.approvedClaims. */
    approvedClaims: z.boolean().optional(),
    /** Regexes (case-insensitive) that suppress the match when found in the clause before it. */
    before: z.array(regexString()).optional(),
    /** Regexes (case-insensitive) that suppress the match when found in the sentence after it. */
    after: z.array(regexString()).optional(),
    /** Regexes (case-insensitive) that suppress the match when found anywhere in its sentence. */
    sentence: z.array(regexString()).optional(),
  })
  .strict();
export type Exceptions = z.infer<typeof ExceptionsSchema>;

export const ExamplesSchema = z
  .object({
    flag: z.array(ExampleSchema).min(2, 'at least two should-flag examples'),
    pass: z.array(ExampleSchema).min(2, 'at least two should-pass examples'),
  })
  .strict();

const base = {
  id: z.string().regex(RULE_ID, 'rule id must be category/slug'),
  category: CategorySchema,
  severity: FindingSeveritySchema,
  clause: z.string().min(1),
  description: z.string().min(1),
  /** The finding's message; `{match}` is replaced by the matched text ({a} and {b} for co-occurrence). */
  message: z.string().min(1),
  overridable: z.boolean().optional(),
  scope: z.array(ScopeSchema).min(1).optional(),
  source: z.string().optional(),
  exceptions: ExceptionsSchema.optional(),
  /** Only for emails of these kinds (text/signals.ts: proposal, support, onboarding, renewal, qbr, internal, other). */
  kinds: z
    .array(z.enum(['proposal', 'support', 'onboarding', 'renewal', 'qbr', 'internal', 'other']))
    .min(1)
    .optional(),
  /** Runs on drafts in any language (figures, formats, names); default false. */
  languageIndependent: z.boolean().optional(),
  examples: ExamplesSchema,
  /**
   * `claim`: the suggestion rewrites every absolute marker of the match's clause together (text/claims.ts),
   * so that applying it leaves no overcommitment; the entry's own suggestion is the fallback.
   */
  rewrite: z.enum(['claim']).optional(),
};

export const OperandSchema = z
  .object({
    /** A list from the policy: competitor names and aliases. */
    ref: z.enum(['competitors']).optional(),
    phrases: z.array(PhraseEntrySchema).min(1).optional(),
    patterns: z.array(PatternEntrySchema).min(1).optional(),
    inflect: z.boolean().optional(),
  })
  .strict()
  .refine((o) => (o.ref === undefined) !== (o.phrases === undefined && o.patterns === undefined), {
    message: 'an operand has either ref, or phrases and/or patterns',
  });

export const PhraseRuleSchema = z
  .object({
    ...base,
    kind: z.literal('phrase'),
    /** Also match inflections of each word: guarantee → guarantees, guaranteed, guaranteeing. */
    inflect: z.boolean().optional(),
    /** Match case as written (default: case-insensitive). */
    caseSensitive: z.boolean().optional(),
    phrases: z.array(PhraseEntrySchema).min(1),
  })
  .strict();

export const PatternRuleSchema = z
  .object({ ...base, kind: z.literal('pattern'), patterns: z.array(PatternEntrySchema).min(1) })
  .strict();

export const CoOccurrenceRuleSchema = z
  .object({
    ...base,
    kind: z.literal('co-occurrence'),
    a: OperandSchema,
    b: OperandSchema,
    /** Also pair A with B in the next sentence when that one opens with a pronoun (they, their, it...). */
    followPronoun: z.boolean().optional(),
  })
  .strict();

export const DataRuleSchema = z.discriminatedUnion('kind', [
  PhraseRuleSchema,
  PatternRuleSchema,
  CoOccurrenceRuleSchema,
]);
export type DataRule = z.infer<typeof DataRuleSchema>;
export type PhraseRule = z.infer<typeof PhraseRuleSchema>;
export type PatternRule = z.infer<typeof PatternRuleSchema>;
export type CoOccurrenceRule = z.infer<typeof CoOccurrenceRuleSchema>;
export type Operand = z.infer<typeof OperandSchema>;
export type PhraseEntry = z.infer<typeof PhraseEntrySchema>;
export type PatternEntry = z.infer<typeof PatternEntrySchema>;

export const RuleFileSchema = z.object({ rules: z.array(DataRuleSchema) }).strict();

export const ClausesSchema = z.record(
  z.string().regex(/^[a-z0-9-]+$/, 'clause id: lower-case kebab'),
  z.string().min(1),
);

/** What the compile script writes to src/engine/generated/rule-pack.ts. */
export const RulePackSchema = z
  .object({
    clauses: ClausesSchema,
    rules: z.array(DataRuleSchema),
  })
  .strict()
  .superRefine((pack, ctx) => {
    const seen = new Set<string>();
    pack.rules.forEach((rule, i) => {
      if (seen.has(rule.id))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id ${rule.id}` });
      seen.add(rule.id);
      if (!(rule.clause in pack.clauses)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'clause'],
          message: `unknown clause ${rule.clause}`,
        });
      }
      if (!rule.id.startsWith(`${rule.category}/`)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'id'],
          message: `id must start with its category ${rule.category}/`,
        });
      }
    });
  });
export type RulePack = z.infer<typeof RulePackSchema>;
