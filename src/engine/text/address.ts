/** Recipient strings as the sites give them: "Name <a@b.com>", "a@b.com", or a name alone. */
export interface Address {
  /** The recipient string as given. */
  readonly raw: string;
  readonly displayName: string;
  readonly email: string;
  readonly local: string;
  readonly domain: string;
}

const ANGLE = /^(.*?)<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$/;
const BARE = /^\s*(?:mailto:)?([^\s<>@,;]+@[^\s<>@,;]+)\s*$/i;

export function parseAddress(raw: string): Address {
  let displayName = '';
  let email = '';
  const angle = ANGLE.exec(raw);
  if (angle) {
    displayName = angle[1]!
      .trim()
      .replace(/^["']|["']$/g, '')
      .trim();
    email = angle[2]!;
  } else {
    const bare = BARE.exec(raw);
    if (bare) email = bare[1]!;
    else
      displayName = raw
        .trim()
        .replace(/^["']|["']$/g, '')
        .trim();
  }
  // "Doe, Jane" -> "Jane Doe"
  const comma = /^([^,]+),\s*([^,]+)$/.exec(displayName);
  if (comma) displayName = `${comma[2]} ${comma[1]}`;
  email = email.toLowerCase().replace(/[.>]+$/, '');
  const at = email.lastIndexOf('@');
  return {
    raw,
    displayName,
    email,
    local: at === -1 ? '' : email.slice(0, at),
    domain: at === -1 ? '' : email.slice(at + 1),
  };
}

/** Shared mailbox names that say nothing about who reads them. */
export const ROLE_LOCAL_PARTS = new Set([
  'support',
  'info',
  'sales',
  'admin',
  'team',
  'hello',
  'contact',
  'billing',
  'accounts',
  'accounting',
  'help',
  'noreply',
  'no-reply',
  'ops',
  'it',
  'security',
  'legal',
  'finance',
  'hr',
  'procurement',
  'office',
  'service',
  'services',
  'helpdesk',
  'it-support',
  'purchasing',
  'invoices',
  'ap',
  'ar',
  'marketing',
  'partners',
  'operations',
  'engineering',
  'devops',
  'success',
  'cs',
  'customer',
  'customers',
  'enquiries',
  'inquiries',
  'general',
  'mail',
  'postmaster',
  'webmaster',
  'root',
  'all',
  'staff',
  'everyone',
  'vendors',
  'vendor',
]);

/** Name-like tokens of a recipient: display-name words and the words of a jane.doe-style local part. */
export function nameTokens(a: Address): string[] {
  const tokens: string[] = [];
  for (const t of a.displayName.split(/[\s.,'"()]+/))
    if (/^\p{L}{2,}$/u.test(t)) tokens.push(t.toLowerCase());
  const parts = a.local.split(/[._\-+0-9]+/).filter((t) => t);
  if (a.local && !ROLE_LOCAL_PARTS.has(a.local) && !parts.some((t) => ROLE_LOCAL_PARTS.has(t))) {
    for (const t of parts) if (/^\p{L}{2,}$/u.test(t)) tokens.push(t.toLowerCase());
  }
  return tokens;
}

/** Suffix walk: "mail.eu.acme.com" -> ["mail.eu.acme.com", "eu.acme.com", "acme.com", "com"]. */
export function domainSuffixes(domain: string): string[] {
  const out: string[] = [];
  let d = domain.toLowerCase();
  for (;;) {
    out.push(d);
    const dot = d.indexOf('.');
    if (dot === -1) break;
    d = d.slice(dot + 1);
  }
  return out;
}

/** How names are compared: case, quotes, dots and spacing ignored ("Chen, Maya" is already "Maya Chen"). */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/["'.]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** A recipient with no address at all: what Outlook's chips show for a known contact. */
export function isNameOnly(a: Address): boolean {
  return !a.email && a.displayName.trim() !== '';
}

interface AccountContacts {
  readonly id: string;
  readonly contacts?: readonly string[];
}

const nameIndexes = new WeakMap<object, Map<string, Set<string>>>();

/**
 * Person names of every account's contacts -> the accounts they belong to. A contact may be written
 * "Maya Chen <maya.chen@x.example>", "Maya Chen" or "maya.chen@x.example" (its local part read as the name).
 * A single word is never a contact name: too many people share a first name.
 */
function contactNames(accounts: Iterable<AccountContacts>, cacheKey: object): Map<string, Set<string>> {
  let index = nameIndexes.get(cacheKey);
  if (index) return index;
  index = new Map();
  for (const account of accounts) {
    for (const contact of account.contacts ?? []) {
      const a = parseAddress(contact);
      const names = [a.displayName];
      const local = a.local.split(/[._-]+/).filter((t) => /^\p{L}{2,}$/u.test(t));
      if (!a.displayName && local.length >= 2 && !ROLE_LOCAL_PARTS.has(a.local)) names.push(local.join(' '));
      for (const name of names) {
        const key = nameKey(name);
        if (!key.includes(' ')) continue;
        const ids = index.get(key) ?? new Set<string>();
        ids.add(account.id);
        index.set(key, ids);
      }
    }
  }
  nameIndexes.set(cacheKey, index);
  return index;
}

/** The one account whose contacts name this person; none when no contact matches or two accounts do. */
export function accountForName(
  displayName: string,
  accounts: Iterable<AccountContacts>,
  cacheKey: object,
): string | undefined {
  const ids = contactNames(accounts, cacheKey).get(nameKey(displayName));
  return ids && ids.size === 1 ? [...ids][0] : undefined;
}

type Owner =
  | { readonly kind: 'internal' }
  | { readonly kind: 'account'; readonly id: string }
  | { readonly kind: 'unknown' };

export interface RecipientAccounts<R> {
  /** Accounts the recipients belong to, in order of first appearance (name-only ones resolved by contact). */
  readonly ids: string[];
  accountOf(recipient: R): string | undefined;
  /** True when every recipient outside the organisation is a bare name no contact entry resolves. */
  readonly onlyUnresolvedNames: boolean;
}

/**
 * Which customer accounts the recipients belong to. An address decides by contact or domain (`owner`); a
 * name alone is looked up among the accounts' contacts, and one that matches none belongs to no account.
 */
export function recipientAccounts<R extends Address & { readonly owner: Owner }>(
  recipients: readonly R[],
  accounts: ReadonlyMap<string, AccountContacts>,
): RecipientAccounts<R> {
  const byRecipient = new Map<R, string | undefined>();
  const ids: string[] = [];
  let external = 0;
  let unresolvedNames = 0;
  for (const r of recipients) {
    let id: string | undefined;
    if (r.owner.kind === 'account') id = r.owner.id;
    else if (isNameOnly(r)) id = accountForName(r.displayName, accounts.values(), accounts);
    byRecipient.set(r, id);
    if (id !== undefined && !ids.includes(id)) ids.push(id);
    if (r.owner.kind !== 'internal') {
      external++;
      if (id === undefined && isNameOnly(r)) unresolvedNames++;
    }
  }
  return {
    ids,
    accountOf: (r) => byRecipient.get(r),
    onlyUnresolvedNames: external > 0 && unresolvedNames === external,
  };
}
