// Synthetic, realistic customer emails for the benchmark: deterministic (seeded PRNG), so every run and
// every machine checks the same text. Mostly clean business prose, with the occasional sentence a rule
// cares about (a promise, a date, a competitor, an account name), as in real drafts.

/** mulberry32: small, fast, good enough for picking sentences. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

const FIRST = [
  'Dana',
  'Omar',
  'Priya',
  'Marco',
  'Grace',
  'Luis',
  'Helen',
  'Aisha',
  'Jordan',
  'Ana',
  'Kenji',
  'Sofia',
];
const TEAMS = [
  'finance',
  'operations',
  'analytics',
  'procurement',
  'IT',
  'customer success',
  'security',
  'legal',
];
const THINGS = [
  'the reporting dashboard',
  'the data export',
  'the SSO configuration',
  'the API integration',
  'the warehouse sync',
  'the billing portal',
  'the onboarding checklist',
  'the audit trail',
  'the usage report',
  'the permissions model',
];
const CLEAN = [
  'Thank you for taking the time to walk us through {thing} on Tuesday.',
  'Based on what your {team} team described, we put together a short summary of the open questions.',
  'I have attached the notes from our call, including the three items we agreed to follow up on.',
  'Our {team} specialists reviewed {thing} and found that the settings match what you described.',
  'Could you share a sample of {thing} so that we can reproduce the behaviour on our side?',
  'The next step is a short working session with your {team} lead to confirm the requirements.',
  'We expect to have a first draft ready for your review, and we will keep you posted as it progresses.',
  '{name} mentioned that the {team} team would like a weekly summary instead of a daily one.',
  'In the meantime, the workaround we discussed should keep {thing} running for your analysts.',
  'If it helps, I can set up a call with our solutions engineer to go through {thing} in more detail.',
  'Your current plan already includes {thing}, so there is nothing to change in the order.',
  'We reviewed the logs you sent and the errors stopped after the configuration change on our side.',
  'Please let me know whether the proposed agenda works for you and who else should join.',
  'I will check with our product team about the roadmap for {thing} and get back to you.',
  'The training materials for the {team} team are in the shared folder, along with the recordings.',
  'Several of your users asked about {thing}, so we added a short section to the help centre.',
  'We appreciate your patience while we looked into this, and your feedback has been very useful.',
  'As discussed, the pilot covers the two regional offices and about forty users in {team}.',
  'For reference, the ticket number for this request is 48213 and it stays open until you confirm.',
  'Happy to adjust the format of {thing} if another layout suits your {team} reviews better.',
];
// Sentences a rule reads closely (promises, dates, hedges, competitors): about one in eight.
const RISKY = [
  'We guarantee that {thing} will be fixed by Friday.',
  'We will not guarantee a date until the investigation is complete.',
  'The new release could be ready next week, but we cannot promise it yet.',
  'Unlike Acme Analytics, our platform never loses data.',
  'This is a 100% risk-free upgrade for the {team} team.',
  'We might be able to deliver {thing} within 48 hours.',
  'I can confirm the fix will ship on March 3.',
  'Our uptime has always been perfect, and it will stay that way.',
];

const QUALIFIERS = [
  'new',
  'updated',
  'shared',
  'regional',
  'quarterly',
  'internal',
  'legacy',
  'revised',
  'draft',
  'weekly',
  'monthly',
  'central',
  'second',
  'pilot',
  'archived',
  'nightly',
];
const TAILS = [
  '',
  '',
  '',
  ' for the {n} users in {team}',
  ' before the review on the {n}th',
  ' across the {n} sites',
  ' as {name} suggested',
  ' with the {team} team',
];

// Qualifiers, figures and tails make nearly every sentence unique, as in real mail (no cache luck).
function sentence(rand) {
  const template = rand() < 0.125 ? pick(rand, RISKY) : pick(rand, CLEAN);
  const tail = pick(rand, TAILS);
  const filled = tail && template.endsWith('.') ? `${template.slice(0, -1)}${tail}.` : template;
  return filled
    .replace(/\{thing\}/g, () => pick(rand, THINGS).replace(/^the /, `the ${pick(rand, QUALIFIERS)} `))
    .replace(/\{n\}/g, () => String(2 + Math.floor(rand() * 27)))
    .replace(/\{team\}/g, () => pick(rand, TEAMS))
    .replace(/\{name\}/g, () => pick(rand, FIRST));
}

const words = (s) => s.split(/\s+/).filter(Boolean).length;

/** The body of a plausible email of about `target` words: greeting, paragraphs of 2–5 sentences, sign-off. */
export function emailBody(target, seed = 1) {
  const rand = prng(seed);
  const out = [`Hi ${pick(rand, FIRST)},`, ''];
  let count = 2;
  while (count < target) {
    const para = [];
    const n = 2 + Math.floor(rand() * 4);
    for (let i = 0; i < n && count < target; i++) {
      const s = sentence(rand);
      para.push(s);
      count += words(s);
    }
    out.push(para.join(' '), '');
  }
  out.push('Best regards,', 'Leah Kim', 'Account Executive | Corvana');
  return out.join('\n');
}

/** A body of at least `bytes` UTF-16 code units (the 1 MB case): long prose, as a pasted document would be. */
export function bodyOfSize(bytes, seed = 7) {
  const rand = prng(seed);
  const out = ['Hi Dana,', ''];
  let size = 10;
  while (size < bytes) {
    const para = [];
    for (let i = 0; i < 4; i++) para.push(sentence(rand));
    const p = para.join(' ');
    out.push(p, '');
    size += p.length + 2;
  }
  return out.join('\n');
}

/** One word typed into the middle of a body: the edit a person makes between two checks. */
export function typeOneWord(body, seed = 3, word = 'really') {
  const rand = prng(seed);
  const spaces = [];
  for (let i = body.length >> 2; i < (body.length * 3) >> 2; i++) if (body[i] === ' ') spaces.push(i);
  const at = spaces[Math.floor(rand() * spaces.length)] ?? body.length;
  return `${body.slice(0, at)} ${word}${body.slice(at)}`;
}

export function draftOf(body, extra = {}) {
  return {
    subject: 'Follow-up on the reporting dashboard',
    body,
    to: ['Dana Reyes <dana.reyes@northwind.example>'],
    cc: [],
    bcc: [],
    now: '2026-03-04T15:00:00Z',
    ...extra,
  };
}

/** A large policy: `accounts` customer accounts (name, alias, 2 domains, 2 contacts) and `competitors`. */
export function bigPolicy(accounts = 5000, competitors = 200, seed = 11) {
  const rand = prng(seed);
  const SYL = [
    'nor',
    'th',
    'wind',
    'glo',
    'bex',
    'sum',
    'mit',
    'har',
    'bor',
    'pio',
    'neer',
    'at',
    'las',
    'ever',
    'green',
    'blue',
    'bird',
    'fal',
    'con',
    'tide',
    'water',
    'co',
    'balt',
    'ju',
    'ni',
    'per',
  ];
  const SUF = [
    'Traders',
    'Health',
    'Logistics',
    'Foods',
    'Freight',
    'Insurance',
    'Labs',
    'Systems',
    'Group',
    'Partners',
  ];
  const word = () => {
    let w = '';
    const n = 2 + Math.floor(rand() * 2);
    for (let i = 0; i < n; i++) w += pick(rand, SYL);
    return w[0].toUpperCase() + w.slice(1);
  };
  const list = [];
  for (let i = 0; i < accounts; i++) {
    const base = word();
    const slug = `${base.toLowerCase()}${i}`;
    list.push({
      id: slug,
      name: `${base} ${pick(rand, SUF)} ${i}`,
      aliases: [`${base}${i}`],
      domains: [`${slug}.example`, `${slug}-mail.example`],
      contacts: [`${pick(rand, FIRST)} ${word()}${i}`, `contact${i}@${slug}.example`],
    });
  }
  list.push({
    id: 'northwind',
    name: 'Northwind Traders',
    aliases: ['Northwind'],
    domains: ['northwind.example'],
    contacts: ['Dana Reyes', 'dana.reyes@northwind.example'],
  });
  const comps = [{ name: 'Acme Analytics', aliases: ['Acme'] }];
  for (let i = 1; i < competitors; i++)
    comps.push({ name: `${word()} ${pick(rand, ['Software', 'Cloud', 'Data', 'AI'])} ${i}` });
  return {
    version: 1,
    organization: { name: 'Corvana', internalDomains: ['corvana.example'] },
    accounts: list,
    competitors: comps,
  };
}
