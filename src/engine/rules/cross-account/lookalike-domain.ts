// A recipient domain that is no known one (accounts' and internal domains) but imitates one, on the
// registrable label (public suffix from a small table of common two-part suffixes: `co.uk`, `com.au`,
// `co.jp`…): the same label under another suffix (`acme.co` for `acme.com`), the same look (Cyrillic or Greek
// letters, dotless `ı`, accents, `0`/`o`, `1`/`l`/`i`, `rn`/`m`, `vv`/`w`; Punycode `xn--` decoded and
// shown), a corporate or service word added (`initech-co`, `acmecorp`, `mail-acme`), or a typo: one edit for
// names of 4–6 letters, two for 7 and more with the first letter kept (`inltech`, `initek`, `intiech`). Names
// under 4 letters only match by look or suffix. The message: "looks like initech.com (account Initech) but is
// inltech.com"; the suggestion is the recipient with the account's contact of the same local part (or display
// name). The index is built once per policy, on first use.
import type { CheckContext, Recipient } from '../../context.ts';
import { defineRule, type RawFinding } from '../../rule.ts';
import { parseAddress } from '../../text/address.ts';
import { type Lookalike, lookalikeIndexOf, skeleton } from '../../text/lookalike.ts';

const INITECH = {
  id: 'initech',
  name: 'Initech',
  domains: ['initech.com'],
  contacts: ['Dana Whitfield <dana@initech.com>', 'omar.haddad@initech.com'],
};
const ACME = { id: 'acme', name: 'Acme Corporation', domains: ['acme.com', 'acme.co.uk'] };
const POLICY = { accounts: [INITECH, ACME], organization: { internalDomains: ['ourco.com'] } };

/** The recipient string with its address replaced, display name and brackets kept. */
function withAddress(r: Recipient, email: string): string {
  const at = r.raw.toLowerCase().lastIndexOf(r.email);
  return at === -1 ? email : `${r.raw.slice(0, at)}${email}${r.raw.slice(at + r.email.length)}`;
}

/** The account's contact this recipient most likely meant: same local part (read alike), else same name. */
function intendedContact(ctx: CheckContext, r: Recipient, accountId: string): string | undefined {
  const account = ctx.compiled.accounts.get(accountId);
  const local = skeleton(r.local);
  const name = r.displayName.trim().toLowerCase();
  let byName: string | undefined;
  for (const contact of account?.contacts ?? []) {
    const c = parseAddress(contact);
    if (!c.email) continue;
    if (skeleton(c.local) === local) return c.email;
    if (name && c.displayName.trim().toLowerCase() === name) byName ??= c.email;
  }
  return byName;
}

function describe(hit: Lookalike, domain: string): string {
  const shown = hit.shown === domain ? domain : `${domain} (read as ${hit.shown})`;
  const letters = hit.foreignLetters.length > 0 ? `, written with ${hit.foreignLetters.join(', ')}` : '';
  return `${shown}${letters}`;
}

export const rule = defineRule(
  {
    id: 'cross-account/lookalike-domain',
    category: 'cross-account',
    severity: 'block',
    clause: 'data-no-cross-account',
    description:
      "A recipient domain that is no known domain but looks like an account's or the organisation's: a typo, another suffix, an added word, or look-alike letters.",
    source: 'customer-policy.md, Data & Privacy (No customer data shared across accounts)',
    examples: {
      flag: [
        {
          to: ['Dana Whitfield <dana@inltech.com>'],
          text: 'Hi Dana,\nThe renewal terms are attached.',
          policy: POLICY,
          why: 'one letter typed wrong; the contact with that local part is the fix',
        },
        {
          to: ['omar.haddad@initek.com'],
          text: 'Hi Omar,\nNotes from the call are below.',
          policy: POLICY,
          why: 'two edits on a seven-letter name, first letter kept',
        },
        {
          to: ['legal@initech-co.com'],
          text: 'Hello,\nThe signed order form is attached.',
          policy: POLICY,
          why: 'the name with a corporate word added',
        },
        {
          to: ['pat@acme.co'],
          text: 'Hi Pat,\nThe usage export is attached.',
          policy: POLICY,
          why: 'the same name under another suffix',
        },
        {
          to: ['pat@xn--cme-5cd.com'],
          text: 'Hi Pat,\nThe usage export is attached.',
          policy: POLICY,
          why: 'Punycode for a name with a Cyrillic а',
        },
        {
          to: ['dana@\u0131nitech.com'],
          text: 'Hi Dana,\nThe usage export is attached.',
          policy: POLICY,
          why: 'a dotless ı',
        },
        {
          to: ['jordan@initech.com'],
          cc: ['sam@0urco.com'],
          text: 'Hi Jordan,\nLooping in Sam from our side.',
          policy: POLICY,
          why: "a zero for an o in the organisation's own domain",
        },
        {
          to: ['kim@acme.co.ul'],
          text: 'Hi Kim,\nThe invoice is attached.',
          policy: POLICY,
          why: 'a typo in a two-part suffix',
        },
      ],
      pass: [
        { to: ['dana@initech.com'], text: 'Hi Dana,\nThe renewal terms are attached.', policy: POLICY },
        {
          to: ['dana@mail.initech.com'],
          text: 'Hi Dana,\nThe renewal terms are attached.',
          policy: POLICY,
          why: "a subdomain of the account's domain",
        },
        {
          to: ['lee@fintech.com'],
          text: 'Hi Lee,\nThanks for the intro call.',
          policy: POLICY,
          why: 'two edits that change the first letter: a different name',
        },
        {
          to: ['lee@northwind-labs.com'],
          text: 'Hi Lee,\nThanks for the intro call.',
          policy: POLICY,
          why: 'a new domain that resembles nothing known',
        },
        {
          to: ['ana@acne.org'],
          text: 'Hi Ana,\nThanks for the intro call.',
          policy: POLICY,
          why: 'one letter from a known name but under another suffix',
        },
        {
          to: ['Dana Whitfield'],
          text: 'Hi Dana,\nThe renewal terms are attached.',
          policy: POLICY,
          why: 'a name without an address has no domain',
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    if (ctx.recipients.length === 0) return [];
    const policy = ctx.policy;
    const hasDomains =
      (policy.organization?.internalDomains?.length ?? 0) > 0 ||
      (policy.accounts ?? []).some((a) => a.domains?.length);
    if (!hasDomains) return [];
    const index = lookalikeIndexOf(policy);
    const out: RawFinding[] = [];
    for (const r of ctx.recipients) {
      if (!r.email || !r.domain || r.owner.kind !== 'unknown') continue;
      const hit = index.find(r.domain);
      if (!hit) continue;
      const owner = hit.known.owner;
      const whose =
        owner.kind === 'account'
          ? `account ${ctx.compiled.accounts.get(owner.id)?.name ?? owner.id}`
          : "your organisation's own domain";
      // A name with letters of another script is a trick, not a second domain of theirs.
      const fix =
        owner.kind === 'account' && hit.kind !== 'glyph'
          ? ` Check the address; if ${hit.shown} is theirs too, add it to the account's domains in the policy.`
          : ' Check the address.';
      const contact = owner.kind === 'account' ? intendedContact(ctx, r, owner.id) : undefined;
      const finding: RawFinding = {
        field: 'recipients',
        start: r.start,
        end: r.end,
        message: `${r.email}: the domain looks like ${hit.known.domain} (${whose}) but is ${describe(hit, r.domain)}.${fix}`,
      };
      out.push(contact ? { ...finding, suggestion: withAddress(r, contact) } : finding);
    }
    return out;
  },
);
