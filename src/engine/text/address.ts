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
