// Another account's name, alias, contact, domain or address in the subject, the body (quoted and forwarded
// history too, not the sender's own signature) or the attachment names, when the recipients belong to other
// accounts. An attachment name written as a slug or code (`initech-renewal-deck.pdf`, `INITECH_Q3.xlsx`,
// `q3_initech_v2.docx`, `AcmeRoboticsQBR.pptx`) is split at `-`, `_`, `.`, case changes and digits and
// matched in any case; a name with spaces is read as prose (capitals tell a name). An account whose domain a
// recipient imitates is left to `lookalike-domain`.
import type { DirectoryValue } from '../../compile.ts';
import type { CheckContext } from '../../context.ts';
import { defineRule, type RawFinding } from '../../rule.ts';
import { recipientAccounts } from '../../text/address.ts';
import { lookalikeIndexOf } from '../../text/lookalike.ts';
import type { FieldText } from '../../text/field.ts';
import type { NameMatch } from '../../text/name-matcher.ts';
import { normalize } from '../../text/normalize.ts';
import { slugView } from '../../text/slug.ts';

const DOMAIN_SHAPE = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/;

const isDomainChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 46;

/** Dotted runs around each '.' that has a letter or digit on both sides: linear, no regex backtracking. */
function domainCandidates(lower: string): [number, number][] {
  const out: [number, number][] = [];
  let dot = lower.indexOf('.');
  while (dot !== -1) {
    const before = lower.charCodeAt(dot - 1);
    const after = lower.charCodeAt(dot + 1);
    if (isDomainChar(before) && before !== 46 && isDomainChar(after) && after !== 46 && after !== 45) {
      let s = dot;
      while (s > 0 && isDomainChar(lower.charCodeAt(s - 1))) s--;
      let e = dot + 1;
      while (e < lower.length && isDomainChar(lower.charCodeAt(e))) e++;
      while (e > dot && (lower.charCodeAt(e - 1) === 46 || lower.charCodeAt(e - 1) === 45)) e--;
      while (s < dot && (lower.charCodeAt(s) === 46 || lower.charCodeAt(s) === 45)) s++;
      const prev = s > 0 ? lower[s - 1]! : '';
      const next = e < lower.length ? lower[e]! : '';
      if (!/[\p{L}\p{N}]/u.test(prev) && !/[\p{L}\p{N}]/u.test(next)) out.push([s, e]);
      dot = lower.indexOf('.', e);
    } else dot = lower.indexOf('.', dot + 1);
  }
  return out;
}
const EMAIL_LOCAL = /[a-z0-9._%+-]+@$/;
/** Per field: one leaked account is enough to block; hundreds of underlines help no one. */
const MAX_PER_FIELD = 25;

const ACME = { id: 'acme', name: 'Acme Robotics', aliases: ['Acme'], domains: ['acme.example'] };
const GLOBEX = {
  id: 'globex',
  name: 'Globex Corporation',
  domains: ['globex.example'],
  contacts: ['Hank Scorpio <hank@globex.example>'],
};
const SUMMIT = { id: 'summit', name: 'Summit', domains: ['summit.example'] };
const POLICY = { accounts: [ACME, GLOBEX, SUMMIT], organization: { internalDomains: ['ourco.example'] } };
const ACME_WITH_CONTACTS = { ...ACME, contacts: ['wile.coyote@acme.example', 'Road Runner'] };
const POLICY_CONTACTS = {
  accounts: [ACME_WITH_CONTACTS, GLOBEX, SUMMIT],
  organization: { internalDomains: ['ourco.example'] },
};

function accountLabel(ctx: CheckContext, id: string): string {
  return ctx.compiled.accounts.get(id)?.name ?? id;
}

/** Attachment names written as prose: multi-word or mixed-case names match in any case there. */
const relaxInProse = (e: { label: string }) => /\s/.test(e.label.trim()) || /\p{Ll}\p{Lu}/u.test(e.label);
const anyCase = () => true;

/**
 * Account names in the attachment names (normalised offsets of the attachments field). A file name written as
 * a slug or code ("initech-renewal-deck.pdf", "INITECH_Q3.xlsx", "q3_initech_v2.docx") is read word by word
 * (text/slug.ts) in any case: a slug has no capitals to tell a name by. A name with spaces is read as prose.
 */
function attachmentNameMatches(ctx: CheckContext, field: FieldText): NameMatch<DirectoryValue>[] {
  const out: NameMatch<DirectoryValue>[] = [];
  const text = field.text;
  let from = 0;
  for (const name of text.split(', ')) {
    const to = from + name.length;
    if (/\s/.test(name))
      out.push(...ctx.compiled.accountNames.findAll(text, [[from, to]], relaxInProse, field.lower));
    else {
      const slug = slugView(text, field.lower, from, to);
      for (const m of ctx.compiled.accountNames.findAll(
        slug.text,
        [[0, slug.text.length]],
        anyCase,
        slug.lower,
      ))
        out.push({ start: slug.at[m.start]!, end: slug.at[m.end - 1]! + 1, entries: m.entries });
    }
    from = to + 2;
  }
  return out;
}

function scanField(
  ctx: CheckContext,
  field: FieldText,
  own: ReadonlySet<string>,
  target: string,
): RawFinding[] {
  const out: RawFinding[] = [];
  const text = field.text;
  if (!text) return out;
  // The sender's own signature is theirs, not a customer's: "Northwind Labs" signing an email is not the
  // account "Northwind Traders". Quoted and forwarded history are read, including others' signatures in it.
  const ranges: readonly (readonly [number, number])[] =
    field.name === 'body' ? field.rangesFor(['body', 'body.quoted']) : [[0, text.length]];
  const inRanges = (start: number, end: number) => ranges.some(([a, b]) => start >= a && end <= b);
  // Nor is the organisation's own name, wherever it stands ("the Northwind Labs team").
  // Folded as the text is, so "Nature’s Way" with a curly apostrophe is still found in it.
  const org = ctx.policy.organization?.name?.trim();
  const ownName = org ? normalize(org).lower : undefined;
  const ownNameSpans: [number, number][] = [];
  if (ownName) {
    for (let at = field.lower.indexOf(ownName); at >= 0; at = field.lower.indexOf(ownName, at + 1)) {
      ownNameSpans.push([at, at + ownName.length]);
    }
  }
  const inOwnName = (start: number, end: number) => ownNameSpans.some(([a, b]) => start >= a && end <= b);
  const foreign = (values: readonly DirectoryValue[]) => {
    if (values.some((v) => own.has(v.id))) return undefined; // a name shared with the recipient's own account
    return values[0];
  };
  const taken: [number, number][] = [];
  const matches =
    field.name === 'attachments'
      ? attachmentNameMatches(ctx, field)
      : ctx.compiled.accountNames.findAll(text, ranges, undefined, field.lower);
  for (const m of matches) {
    const hit = foreign(m.entries.map((e) => e.value));
    if (!hit || inOwnName(m.start, m.end)) continue;
    taken.push([m.start, m.end]);
    const [s, e] = field.toOriginal(m.start, m.end);
    const what =
      hit.via === 'contact' ? `a contact at ${accountLabel(ctx, hit.id)}` : `${accountLabel(ctx, hit.id)}`;
    out.push(
      ctx.report(
        field,
        m.start,
        m.end,
        `"${field.original.slice(s, e)}" is ${what}, another customer account, in an email to ${target}.`,
      ),
    );
    if (out.length >= MAX_PER_FIELD) return out;
  }
  const lower = field.lower;
  for (const [domainStart, domainEnd] of domainCandidates(lower)) {
    if (!inRanges(domainStart, domainEnd)) continue;
    const domain = lower.slice(domainStart, domainEnd);
    if (!DOMAIN_SHAPE.test(domain)) continue;
    let start = domainStart;
    const end = domainEnd;
    const local = EMAIL_LOCAL.exec(lower.slice(Math.max(0, start - 64), start));
    const email = local ? `${local[0]}${domain}` : undefined;
    let id: string | undefined;
    if (email) id = ctx.compiled.contactEmails.get(email);
    if (!id) {
      const owner = ctx.compiled.resolveDomain(domain);
      if (owner.kind === 'account') id = owner.id;
    }
    if (!id || own.has(id)) continue;
    if (email) start -= local![0].length;
    if (taken.some(([a, b]) => start < b && end > a)) continue;
    taken.push([start, end]);
    const [s, e] = field.toOriginal(start, end);
    out.push(
      ctx.report(
        field,
        start,
        end,
        `"${field.original.slice(s, e)}" belongs to ${accountLabel(ctx, id)}, another customer account, in an email to ${target}.`,
      ),
    );
    if (out.length >= MAX_PER_FIELD) break;
  }
  return out;
}

function lookalikeAccounts(ctx: CheckContext): string[] {
  const ids: string[] = [];
  const unknown = ctx.recipients.filter((r) => r.email && r.domain && r.owner.kind === 'unknown');
  if (unknown.length === 0) return ids;
  const index = lookalikeIndexOf(ctx.policy);
  for (const r of unknown) {
    const owner = index.find(r.domain)?.known.owner;
    if (owner?.kind === 'account' && !ids.includes(owner.id)) ids.push(owner.id);
  }
  return ids;
}

export const rule = defineRule(
  {
    id: 'cross-account/other-account-mention',
    category: 'cross-account',
    severity: 'block',
    clause: 'data-no-cross-account',
    description:
      "Another customer account's name, alias, domain, address or contact in the subject, body (quoted and forwarded history included) or attachment names.",
    source: 'customer-policy.md, Data & Privacy (No customer data shared across accounts)',
    examples: {
      flag: [
        {
          to: ['wile@acme.example'],
          text: 'Hi Wile,\nSee the thread below.\n\nOn Mon, Nov 23, 2026 at 9:14 AM Hank <hank@ourco.example> wrote:\n> Numbers attached.\n> Hank Scorpio\n> Globex Corporation',
          policy: POLICY,
          why: "another account's name in a signature inside quoted history is still read",
        },
        {
          to: ['wile@acme.example'],
          text: 'Hi Wile,\nGlobex saw a 30% drop in tickets after the same change.',
          policy: POLICY,
        },
        {
          to: ['wile@acme.example'],
          text: 'Hi Wile,\nSee below.\n\n---------- Forwarded message ---------\nFrom: Hank Scorpio <hank@globex.example>\nSubject: usage export',
          policy: POLICY,
          why: 'forwarded history is read too',
        },
        {
          to: ['wile@acme.example'],
          text: 'Hi Wile,\nThe deck is attached.',
          attachments: ['Globex Corporation QBR.pdf'],
          policy: POLICY,
        },
        {
          to: ['wile@acme.example'],
          text: 'Hi Wile,\nThe deck is attached.',
          attachments: ['agenda.pdf', 'globex-renewal-deck.pdf'],
          policy: POLICY,
          why: 'a file name written as a lower-case slug',
        },
        {
          to: ['wile@acme.example'],
          text: 'Hi Wile,\nThe figures are attached.',
          attachments: ['q3_globex_v2.xlsx'],
          policy: POLICY,
          why: 'the name between underscores, after a code',
        },
        {
          to: ['wile@acme.example'],
          text: 'Hi Wile,\nThe figures are attached.',
          attachments: ['GLOBEX2026_usage.csv'],
          policy: POLICY,
          why: 'capitals run into digits',
        },
        {
          to: ['hank@globex.example'],
          text: 'Hi Hank,\nThe slides are attached.',
          attachments: ['AcmeRoboticsQBR.pptx'],
          policy: POLICY,
          why: 'words joined by their capitals',
        },
        {
          to: ['wile@acme.example'],
          subject: 'Summit rollout notes',
          text: 'Hi Wile,\nNotes attached.',
          policy: POLICY,
          why: 'a capitalised common-word account name',
        },
        {
          to: ['Wile Coyote'],
          text: 'Hi Wile,\nGlobex saw a 30% drop in tickets after the same change.',
          policy: POLICY_CONTACTS,
          why: 'a name-only recipient resolved through a contact address (wile.coyote@...)',
        },
        {
          to: ['Jane Doe', 'wile@acme.example'],
          text: 'Hi both,\nGlobex saw a 30% drop in tickets.',
          policy: POLICY,
          why: 'an unresolved name next to a known recipient: the known one decides',
        },
      ],
      pass: [
        {
          to: ['wile@acme.example'],
          text: 'Hi Wile,\nThe rollout notes are attached.\n\nBest regards,\nSam Ortiz\nSummit Labs',
          policy: POLICY,
          why: "the sender's own signature names their company, not a customer",
        },
        {
          to: ['wile@acme.example'],
          text: 'Hi Wile,\nThe Summit Labs team will join the call on Thursday.',
          policy: { ...POLICY, organization: { name: 'Summit Labs', internalDomains: ['ourco.example'] } },
          why: "the organisation's own name",
        },
        {
          to: ['hank@globex.example'],
          text: 'Hi Hank,\nGlobex saw a 30% drop in tickets after the change.',
          policy: POLICY,
          why: 'the recipient is that account',
        },
        {
          to: ['wile@acme.exmaple'],
          text: 'Hi Wile,\nAcme Robotics is all set for the rollout.',
          policy: POLICY,
          why: "the address imitates Acme's domain: cross-account/lookalike-domain reports the address, not this text",
        },
        {
          to: ['hank@globex.example'],
          text: 'Hi Hank,\nBoth files are attached.',
          attachments: ['globex-renewal-deck.pdf', 'GLOBEX_Q3.xlsx'],
          policy: POLICY,
          why: "the account's own files",
        },
        {
          to: ['wile@acme.example'],
          text: 'Hi Wile,\nThe photos are attached.',
          attachments: ['photos from the summit.zip', 'globexample-export.csv'],
          policy: POLICY,
          why: 'a common word in a file name written as prose; a longer word that only contains a name',
        },
        {
          to: ['pat@ourco.example'],
          text: 'Pat, Globex and Acme both asked about the export.',
          policy: POLICY,
          why: 'internal recipients only',
        },
        {
          to: ['wile@acme.example'],
          text: 'Hi Wile,\nWe will summit the last hurdle next week, then reach the apex of the rollout.',
          policy: POLICY,
          why: 'common words in lower case are not account names',
        },
        {
          to: ['wile@eu.acme.example'],
          text: 'Hi Wile,\nAcme Robotics is all set for the rollout.',
          policy: POLICY,
          why: 'subdomains belong to the account',
        },
        {
          to: ['Hank Scorpio'],
          text: 'Hi Hank,\nGlobex saw a 30% drop in tickets after the change.',
          policy: POLICY,
          why: 'a name-only recipient resolved through the contact "Hank Scorpio <hank@...>"',
        },
        {
          to: ['Road Runner'],
          subject: 'Acme Robotics rollout',
          text: 'Hi,\nAcme Robotics is all set.',
          policy: POLICY_CONTACTS,
          why: 'a contact listed by name only',
        },
        {
          to: ['Jane Doe'],
          cc: ['pat@ourco.example'],
          text: 'Hi Jane,\nGlobex saw a 30% drop in tickets after the change.',
          policy: POLICY,
          why: 'every customer recipient is an unresolved name: no guess about whose data this is',
        },
      ],
    },
  },
  (ctx) => {
    if (ctx.internalOnly || ctx.recipients.length === 0 || ctx.compiled.accounts.size === 0) return [];
    const owners = recipientAccounts(ctx.recipients, ctx.compiled.accounts);
    // Names the contacts do not resolve could be anyone, the account named in the text included.
    if (owners.onlyUnresolvedNames) return [];
    const own = new Set(owners.ids);
    const target =
      own.size > 0 ? [...own].map((id) => accountLabel(ctx, id)).join(' and ') : 'this recipient';
    // A recipient at a look-alike of an account's domain is reported on the address
    // (cross-account/lookalike-domain); naming that account in the text is then not a second problem.
    for (const id of lookalikeAccounts(ctx)) own.add(id);
    return [
      ...scanField(ctx, ctx.field('subject'), own, target),
      ...scanField(ctx, ctx.field('body'), own, target),
      ...scanField(ctx, ctx.field('attachments'), own, target),
    ];
  },
);
