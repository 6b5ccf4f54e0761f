// Recipients (to, cc, bcc) from two customer accounts. The account the subject and the whole body (quoted
// history included) name or write from most keeps its recipients and the others are reported, so a reply-all
// that added someone from a second account points at that person; with nothing to tell, the first recipient's
// account decides.
import type { CheckContext } from '../../context.ts';
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

const LOCAL_CHAR = /[a-z0-9._%+-]/;
const DOMAIN_CHAR = /[a-z0-9.-]/;

/** Addresses in lower-case text, found from each "@" outwards (bounded, linear: no regex backtracking). */
function* addresses(lower: string): Generator<string> {
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    let s = at;
    while (s > 0 && at - s < 64 && LOCAL_CHAR.test(lower[s - 1]!)) s--;
    let e = at + 1;
    while (e < lower.length && e - at < 254 && DOMAIN_CHAR.test(lower[e]!)) e++;
    while (e > at + 1 && (lower[e - 1] === '.' || lower[e - 1] === '-')) e--;
    if (s < at && lower.slice(at + 1, e).includes('.')) yield lower.slice(s, e);
  }
}

/**
 * Of the recipients' accounts, the one the subject and the whole body (quoted and forwarded history
 * included) name or write from most often, by names, aliases, contacts and addresses; none on a tie.
 */
function threadAccount(ctx: CheckContext, ids: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  const add = (id: string | undefined) => {
    if (id !== undefined && ids.includes(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  };
  for (const field of [ctx.field('subject'), ctx.field('body')]) {
    for (const m of ctx.compiled.accountNames.findAll(
      field.text,
      [[0, field.text.length]],
      undefined,
      field.lower,
    ))
      for (const id of new Set(m.entries.map((e) => e.value.id))) add(id);
    for (const email of addresses(field.lower)) {
      const owner = ctx.compiled.resolveAddress(email);
      add(owner.kind === 'account' ? owner.id : undefined);
    }
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[1]![1] === ranked[0]![1])) return undefined;
  return ranked[0]![0];
}

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
          to: ['hank@globex.example', 'wile@acme.example'],
          subject: 'Re: Acme Robotics pilot results',
          text: 'Hi Wile,\nThe pilot numbers are below.\n\nOn Tue, Mar 3, 2026 at 10:02 AM Wile E <wile@acme.example> wrote:\n> Could you send the pilot numbers?',
          policy: POLICY,
          why: 'a reply-all that added someone from another account: the finding is on that recipient, listed first or not',
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
    // The account the email is about (its subject, text and quoted thread) keeps its recipients; the others
    // are the ones added by mistake. With nothing to tell, the first recipient's account does.
    const about = threadAccount(ctx, owners.ids);
    const first = about ?? owners.ids[0]!;
    const name = (id: string) => ctx.compiled.accounts.get(id)?.name ?? id;
    const out: RawFinding[] = [];
    for (const r of ctx.recipients) {
      const id = owners.accountOf(r);
      if (id === undefined || id === first) continue;
      out.push({
        field: 'recipients',
        start: r.start,
        end: r.end,
        message: about
          ? `${r.email || r.displayName} is at ${name(id)}, but this email and its thread are about ${name(first)}, which is also a recipient: two customer accounts in one email.`
          : `${r.email || r.displayName} is at ${name(id)}, while this email also goes to ${name(first)}: two customer accounts in one email.`,
      });
    }
    return out;
  },
);
