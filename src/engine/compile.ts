import type { Category, FindingSeverity } from './schemas/finding.ts';
import type { Account, Policy } from './schemas/policy.ts';
import { withDefaults } from './schemas/policy-defaults.ts';
import { domainSuffixes, parseAddress } from './text/address.ts';
import { NameMatcher } from './text/name-matcher.ts';
import { normalize } from './text/normalize.ts';

export type DomainOwner = { kind: 'internal' } | { kind: 'account'; id: string } | { kind: 'unknown' };

/** A mention of a directory name: value is the account id (or competitor name). */
export interface DirectoryValue {
  readonly id: string;
  readonly via: 'name' | 'alias' | 'contact';
}

export interface EffectiveSetting {
  readonly severity: FindingSeverity | 'off';
  readonly overridable: boolean;
  readonly shadow: boolean;
}

/** Everything the rules need from a policy, built once per policy object (see compilePolicy). */
export interface CompiledPolicy {
  readonly policy: Policy;
  readonly accounts: ReadonlyMap<string, Account>;
  readonly accountNames: NameMatcher<DirectoryValue>;
  readonly contactEmails: ReadonlyMap<string, string>;
  readonly competitors: NameMatcher<string>;
  readonly approvedClaims: readonly RegExp[];
  /** One global, case-insensitive whole-word regex per policy.pricing.approvedPrices entry's plan name. */
  readonly pricePlans: readonly RegExp[];
  resolveDomain(domain: string): DomainOwner;
  /** The account a recipient address belongs to, or internal / unknown. */
  resolveAddress(raw: string): DomainOwner;
  setting(meta: OverridableMeta & { readonly id: string }): EffectiveSetting;
}

const LEGAL_SUFFIX =
  /[\s,]+(?:inc|incorporated|ltd|limited|llc|llp|plc|corp|corporation|co|company|gmbh|ag|sa|sas|bv|nv|pty|oy|ab|group|holdings)\.?$/i;

/** Personal data and cross-account leaks cannot be waived at send time; everything else can, with a reason. */
const NOT_OVERRIDABLE_CATEGORIES = new Set(['pii', 'cross-account']);

/** What a rule's metadata says about waiving it (RuleMeta's fields of that name). */
export interface OverridableMeta {
  readonly category: Category;
  readonly severity: FindingSeverity;
  readonly overridable?: boolean;
}

export function defaultOverridable(meta: OverridableMeta): boolean {
  if (meta.overridable !== undefined) return meta.overridable;
  return !NOT_OVERRIDABLE_CATEGORIES.has(meta.category);
}

/** Approved claims match whole words, ignoring case, punctuation and spacing differences. */
export function claimRegex(claim: string): RegExp | undefined {
  const words = normalize(claim).lower.match(/[\p{L}\p{N}%$.]+/gu);
  if (!words) return undefined;
  const body = words
    .map((w) => w.replace(/\.$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^\\p{L}\\p{N}]+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu');
}

function build(input: Policy | undefined): CompiledPolicy {
  const policy = withDefaults(input);
  const accounts = new Map<string, Account>();
  const accountNames = new NameMatcher<DirectoryValue>();
  const contactEmails = new Map<string, string>();
  const domainOwner = new Map<string, DomainOwner>();
  for (const d of policy.organization?.internalDomains ?? [])
    domainOwner.set(d.toLowerCase(), { kind: 'internal' });

  for (const account of policy.accounts ?? []) {
    accounts.set(account.id, account);
    const names: [string, DirectoryValue['via']][] = [[account.name, 'name']];
    for (const alias of account.aliases ?? []) names.push([alias, 'alias']);
    for (const [name, via] of names) {
      const value: DirectoryValue = { id: account.id, via };
      accountNames.add(name, value);
      const bare = name.replace(LEGAL_SUFFIX, '');
      if (bare !== name && bare.replace(/[^\p{L}\p{N}]/gu, '').length >= 3) accountNames.add(bare, value);
    }
    for (const d of account.domains ?? []) {
      if (!domainOwner.has(d.toLowerCase()))
        domainOwner.set(d.toLowerCase(), { kind: 'account', id: account.id });
    }
    for (const contact of account.contacts ?? []) {
      const a = parseAddress(contact);
      if (a.email) contactEmails.set(a.email, account.id);
      // A lone first name is too common to attribute; a full name is a contact.
      if (a.displayName && a.displayName.trim().split(/\s+/).length >= 2) {
        accountNames.add(a.displayName, { id: account.id, via: 'contact' });
      }
    }
  }

  const competitors = new NameMatcher<string>();
  for (const c of policy.competitors ?? []) {
    competitors.add(c.name, c.name);
    for (const alias of c.aliases ?? []) competitors.add(alias, c.name);
  }

  const approvedClaims: RegExp[] = [];
  for (const claim of policy.approvedClaims ?? []) {
    const re = claimRegex(claim);
    if (re) approvedClaims.push(re);
  }

  const pricePlans = (policy.pricing?.approvedPrices ?? []).map(
    (p) =>
      new RegExp(
        `(?<![\\p{L}\\p{N}])${p.plan.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
        'giu',
      ),
  );

  const resolveDomain = (domain: string): DomainOwner => {
    for (const d of domainSuffixes(domain)) {
      const owner = domainOwner.get(d);
      if (owner) return owner;
    }
    return { kind: 'unknown' };
  };

  const rules = policy.rules ?? {};
  return {
    policy,
    accounts,
    accountNames,
    contactEmails,
    competitors,
    approvedClaims,
    pricePlans,
    resolveDomain,
    resolveAddress(raw) {
      const a = parseAddress(raw);
      if (!a.email) return { kind: 'unknown' };
      const byContact = contactEmails.get(a.email);
      if (byContact) return { kind: 'account', id: byContact };
      return resolveDomain(a.domain);
    },
    setting(meta) {
      const byCategory = rules[meta.category];
      const byId = rules[meta.id];
      const all = rules['*'];
      const severity = byId?.severity ?? byCategory?.severity ?? all?.severity ?? meta.severity;
      const overridable =
        byId?.overridable ?? byCategory?.overridable ?? all?.overridable ?? defaultOverridable(meta);
      const shadow = byId?.shadow ?? byCategory?.shadow ?? all?.shadow ?? false;
      return { severity, overridable, shadow };
    },
  };
}

const cache = new WeakMap<Policy, CompiledPolicy>();
let defaultCompiled: CompiledPolicy | undefined;

/** Compiles a policy's directories and settings once; later calls with the same object are free. */
export function compilePolicy(policy?: Policy): CompiledPolicy {
  if (!policy) {
    defaultCompiled ??= build(undefined);
    return defaultCompiled;
  }
  let compiled = cache.get(policy);
  if (!compiled) {
    compiled = build(policy);
    cache.set(policy, compiled);
  }
  return compiled;
}
