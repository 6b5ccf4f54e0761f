import { defineRule, type RawFinding } from '../../rule.ts';
import { recipientAccounts } from '../../text/address.ts';

const POLICY = {
  accounts: [
    { id: 'acme', name: 'Acme Robotics', domains: ['acme.example'] },
    {
      id: 'globex',
      name: 'Globex Corporation',
      domains: ['globex.example'],
      contacts: ['Hank Scorpio <hank@globex.example>', 'Mindy Simmons'],
    },
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
        {
          to: ['wile@acme.example', 'Hank Scorpio'],
          text: 'Hi both,\nNotes below.',
          policy: POLICY,
          why: 'a name alone (an Outlook chip) resolves through the account contacts',
        },
        {
          to: ['Mindy Simmons'],
          cc: ['wile@acme.example'],
          text: 'Hi Mindy,\nNotes below.',
          policy: POLICY,
          why: 'a contact listed by name only',
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
        {
          to: ['wile@acme.example', 'Jane Doe'],
          text: 'Hi both,\nNotes below.',
          policy: POLICY,
          why: 'a name no contact entry matches belongs to no account',
        },
        {
          to: ['Hank', 'wile@acme.example'],
          text: 'Hi both,\nNotes below.',
          policy: POLICY,
          why: 'a first name alone is not a contact',
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    const owners = recipientAccounts(ctx.recipients, ctx.compiled.accounts);
    if (owners.ids.length < 2) return [];
    const first = owners.ids[0]!;
    const name = (id: string) => ctx.compiled.accounts.get(id)?.name ?? id;
    const out: RawFinding[] = [];
    for (const r of ctx.recipients) {
      const id = owners.accountOf(r);
      if (id === undefined || id === first) continue;
      out.push({
        field: 'recipients',
        start: r.start,
        end: r.end,
        message: `${r.email || r.displayName} is at ${name(id)}, while this email also goes to ${name(first)}: two customer accounts in one email.`,
      });
    }
    return out;
  },
);
