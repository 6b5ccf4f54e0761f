import { defineRule, type RawFinding } from '../../rule.ts';

const POLICY = {
  accounts: [
    { id: 'acme', name: 'Acme Robotics', domains: ['acme.example'] },
    { id: 'globex', name: 'Globex Corporation', domains: ['globex.example'] },
  ],
  organization: { internalDomains: ['ourco.example'] },
};

export const rule = defineRule(
  {
    id: 'cross-account/mixed-recipients',
    category: 'cross-account',
    severity: 'block',
    clause: 'data-no-cross-account',
    description: 'Recipients from two different customer accounts in one email (to, cc or bcc).',
    source: 'customer-policy.md, Data & Privacy (No customer data shared across accounts)',
    examples: {
      flag: [
        { to: ['wile@acme.example', 'hank@globex.example'], text: 'Hi both,\nNotes below.', policy: POLICY },
        {
          to: ['Wile E <wile@acme.example>'],
          bcc: ['hank@sales.globex.example'],
          text: 'Hi Wile,\nNotes below.',
          policy: POLICY,
          why: 'bcc and subdomains count',
        },
      ],
      pass: [
        {
          to: ['wile@acme.example'],
          cc: ['pat@ourco.example'],
          text: 'Hi Wile,\nNotes below.',
          policy: POLICY,
          why: 'internal colleagues in cc',
        },
        {
          to: ['wile@acme.example', 'road.runner@acme.example'],
          text: 'Hi both,\nNotes below.',
          policy: POLICY,
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    const accounts = ctx.recipientAccounts;
    if (accounts.length < 2) return [];
    const first = accounts[0]!;
    const name = (id: string) => ctx.compiled.accounts.get(id)?.name ?? id;
    const out: RawFinding[] = [];
    for (const r of ctx.recipients) {
      if (r.owner.kind !== 'account' || r.owner.id === first) continue;
      out.push({
        field: 'recipients',
        start: r.start,
        end: r.end,
        message: `${r.email} is at ${name(r.owner.id)}, while this email also goes to ${name(first)}: two customer accounts in one email.`,
      });
    }
    return out;
  },
);
