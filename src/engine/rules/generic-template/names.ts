import type { Recipient } from '../../context.ts';
import { nameTokens } from '../../text/address.ts';

/** Names a greeting might use for one person. Enough for the usual English short forms. */
const NICKNAMES: Record<string, string[]> = {
  robert: ['bob', 'rob', 'bobby', 'robbie'],
  william: ['bill', 'will', 'billy', 'liam'],
  richard: ['rick', 'dick', 'rich', 'ricky'],
  michael: ['mike', 'mikey', 'mick'],
  elizabeth: ['liz', 'beth', 'lizzie', 'eliza', 'betty'],
  katherine: ['kate', 'kathy', 'katie', 'kat'],
  catherine: ['cathy', 'cat', 'kate'],
  james: ['jim', 'jimmy', 'jamie'],
  thomas: ['tom', 'tommy'],
  david: ['dave', 'davy'],
  christopher: ['chris'],
  christine: ['chris', 'christy'],
  christina: ['chris', 'tina'],
  jennifer: ['jen', 'jenny'],
  margaret: ['maggie', 'meg', 'peggy'],
  joseph: ['joe', 'joey'],
  daniel: ['dan', 'danny'],
  matthew: ['matt'],
  anthony: ['tony'],
  edward: ['ed', 'eddie', 'ted'],
  jonathan: ['jon', 'jonny'],
  john: ['jack', 'johnny'],
  patricia: ['pat', 'patty', 'tricia'],
  patrick: ['pat', 'paddy'],
  steven: ['steve'],
  stephen: ['steve'],
  benjamin: ['ben'],
  samuel: ['sam'],
  samantha: ['sam'],
  alexander: ['alex', 'sasha'],
  alexandra: ['alex', 'sasha'],
  nicholas: ['nick'],
  andrew: ['andy', 'drew'],
  deborah: ['deb', 'debbie'],
  rebecca: ['becky', 'becca'],
  susan: ['sue', 'suzy'],
  gregory: ['greg'],
  timothy: ['tim'],
  kenneth: ['ken', 'kenny'],
  charles: ['charlie', 'chuck'],
  victoria: ['vicky', 'tori'],
  abigail: ['abby'],
  zachary: ['zach', 'zack'],
  joshua: ['josh'],
  jessica: ['jess'],
  peter: ['pete'],
  frederick: ['fred'],
  raymond: ['ray'],
  ronald: ['ron'],
  donald: ['don'],
  gerald: ['gerry', 'jerry'],
  lawrence: ['larry'],
};

const SHORT_TO_LONG = new Map<string, string[]>();
for (const [long, shorts] of Object.entries(NICKNAMES)) {
  for (const s of shorts) SHORT_TO_LONG.set(s, [...(SHORT_TO_LONG.get(s) ?? []), long]);
}

export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 3 && b.length >= 3 && (a.startsWith(b) || b.startsWith(a))) return true;
  return (
    (NICKNAMES[a] ?? []).includes(b) ||
    (NICKNAMES[b] ?? []).includes(a) ||
    Boolean(SHORT_TO_LONG.get(a)?.some((l) => SHORT_TO_LONG.get(b)?.includes(l)))
  );
}

/**
 * Words an address's local part may be that are no one's name: indefinite pronouns ("someone@", "anyone@"),
 * generic person nouns ("user@", "customer@", "recipient@") and mailbox words ("inbox@", "orders@",
 * "newsletter@"). Role mailboxes (support@, sales@…) are left out by nameTokens already.
 */
const NOT_A_NAME = new Set(
  (
    'someone somebody anyone anybody everyone everybody nobody noone whoever me you myself ' +
    'user users customer customers client clients recipient recipients person people member members ' +
    'guest guests owner owners subscriber subscribers buyer buyers tenant tenants resident residents ' +
    'test tester testing example sample demo dummy placeholder name firstname lastname ' +
    'mail email inbox mailbox reply replies noreply notify notifications alerts updates news newsletter ' +
    'marketing orders order bookings booking reception enquiries inquiries feedback careers jobs ' +
    'webmaster postmaster hostmaster root abuse accounts account'
  ).split(' '),
);

/** The recipient's name words (display name and local part), without words that are no one's name. */
export function personTokens(r: Recipient): string[] {
  return nameTokens(r).filter((t) => !NOT_A_NAME.has(fold(t)));
}

/** Whether we know enough about a recipient's name to say a greeting is not for them. */
export function nameKnown(r: Recipient): boolean {
  if (/\p{L}{2,}/u.test(r.displayName)) return personTokens(r).length > 0;
  const tokens = personTokens(r);
  // "jdoe" or "js" may be initials plus a surname; a single short token tells us too little.
  return tokens.length >= 2 || (tokens.length === 1 && tokens[0]!.length >= 3);
}

/** Could this greeting name be this recipient? Errs towards yes: only a clear mismatch is reported. */
export function couldBe(name: string, r: Recipient): boolean {
  const n = fold(name);
  const tokens = nameTokens(r).map(fold);
  if (tokens.some((t) => sameName(n, t))) return true;
  if (!r.displayName && r.local) {
    const local = fold(r.local).replace(/[^a-z]/g, '');
    // jsmith@ for "John", smithj@ for "John": initial + surname forms can't be refuted.
    if (
      local.length > 0 &&
      (local.startsWith(n) || local.endsWith(n) || local[0] === n[0] || local.endsWith(n[0]!))
    ) {
      return true;
    }
  }
  return false;
}
