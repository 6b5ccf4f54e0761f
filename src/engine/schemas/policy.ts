import { z } from './z.ts';

const domainRe = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/i;
export const DomainSchema = z.string().regex(domainRe, 'not a domain');

export const RuleSettingSchema = z
  .object({
    severity: z.enum(['block', 'warn', 'info', 'off']).optional(),
    overridable: z.boolean().optional(),
  })
  .strict();

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
    rules: z.record(z.string(), RuleSettingSchema).optional(),
    gate: z
      .object({
        failMode: z.enum(['ask', 'closed']).optional(),
        holdOnWarnings: z.boolean().optional(),
      })
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
