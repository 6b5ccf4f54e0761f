// Checking recipients with a large account directory: drafts with a one-line body and eight recipients — a
// known contact, an internal colleague, new domains that resemble nothing, and look-alikes of account domains
// (a letter dropped, another suffix, a Cyrillic letter). Every sample uses domains not seen before, so the
// look-alike index answers afresh each time; the index itself is built on the first such check, timed apart.

/** A look-alike of `domain`: one letter dropped, the suffix changed, or a Cyrillic "а"/"о" in the name. */
function lookalikeOf(domain, i) {
  const dot = domain.indexOf('.');
  const label = domain.slice(0, dot);
  const rest = domain.slice(dot);
  if (i % 3 === 0) return `${label.slice(0, 2)}${label.slice(3)}${rest}`;
  if (i % 3 === 1) return `${label}.co`;
  return `${label.replace(/[ao]/, (c) => (c === 'a' ? '\u0430' : '\u043e'))}${rest}`;
}

/** The draft of sample `i` (negative for warm-up), for a policy from texts.mjs bigPolicy(). */
export function recipientsDraft(policy, i) {
  const n = policy.accounts.length - 1;
  const pick = (x) => policy.accounts[((x % n) + n) % n];
  const account = pick(i * 7919 + 1000);
  const other = pick(i * 104729 + 3000);
  const k = i < 0 ? `w${-i}` : `${i}`;
  return {
    subject: 'Follow-up',
    body: 'Hi Dana,\nNotes below.',
    to: [
      'Dana Reyes <dana.reyes@northwind.example>',
      `Lee Park <lee@harbourline${k}.com>`,
      `pat@${lookalikeOf(account.domains[0], Math.abs(i))}`,
    ],
    cc: [
      'sam@corvana.example',
      `ops@brightpath${k}.io`,
      `kim@${lookalikeOf(other.domains[1], Math.abs(i) + 1)}`,
      `jo@fieldstone${k}.co.uk`,
    ],
    bcc: [`archive@mailvault${k}.net`],
  };
}
