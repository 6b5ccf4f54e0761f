import type { CheckContext } from '../../context.ts';
import { defineRule, type RawFinding } from '../../rule.ts';
import { couldBe, nameKnown } from './names.ts';

const GREETING =
  /^\s*(?:hi|hello|hey|dear|hiya|greetings|good\s+(?:morning|afternoon|evening|day)|morning|afternoon)\s+(?<names>[^,!:;\n\u2014]+)/iu;
const NOT_NAMES =
  /^(?:team|all|everyone|everybody|folks|there|both|guys|y'all|friends|colleagues|again|you|you all|all of you|sir|madam|sirs|partners|crew|gang)$/i;
/** "Hi Team Northwind", "Dear Procurement Team": a group, not a person. */
const GROUP =
  /^(?:team|teams|all|everyone|crew|board|committee|department|dept|group|office|desk|squad|staff|colleagues|partners|members|folks|friends|managers?)$/i;
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|madam|dame|lord|lady)\.?$/i;

export const rule = defineRule(
  {
    id: 'generic-template/wrong-name',
    category: 'generic-template',
    severity: 'warn',
    clause: 'personalized',
    description:
      'The greeting names someone who is not among the recipients (a template reused for someone else).',
    source: 'customer-policy.md, Principles 4 (Personalized)',
    examples: {
      flag: [
        { text: 'Hi Sarah,\nThanks for the call.', to: ['Jordan Lee <jordan.lee@example.com>'] },
        { text: 'Dear Mr. Patel,\nYour renewal is attached.', to: ['Ana Silva <ana@example.com>'] },
        {
          text: 'Hi Priya and Tom,\nNotes below.',
          to: ['priya.raman@example.com', 'jordan.lee@example.com'],
        },
      ],
      pass: [
        { text: 'Hi Jordan,\nThanks for the call.', to: ['Jordan Lee <jordan.lee@example.com>'] },
        {
          text: 'Hi Bob,\nThanks for the call.',
          to: ['Robert King <rking@example.com>'],
          why: 'a short form of the name',
        },
        {
          text: 'Hi Sarah,\nThanks for the call.',
          to: ['support@example.com'],
          why: 'a shared mailbox: name unknown',
        },
        {
          text: 'Hi Sarah,\nThanks for the call.',
          to: ['sconnor@example.com'],
          why: 'initial + surname, can not refute',
        },
        {
          text: 'Hi Priya,\nThanks for the call.',
          to: ['anybody@example.com'],
          why: "the address is an indefinite pronoun, no one's name",
        },
        { text: 'Hi team,\nNotes below.', to: ['Jordan Lee <jordan.lee@example.com>'] },
        {
          text: 'Good morning Team Northwind,\nNotes below.',
          to: ['Jordan Lee <jordan.lee@example.com>'],
          why: 'a group',
        },
        {
          text: 'Hi Sarah,\nLooping in Jordan.',
          to: ['Jordan Lee <jordan.lee@example.com>'],
          cc: ['Sarah Kim <sarah.kim@example.com>'],
        },
      ],
    },
  },
  (ctx: CheckContext): RawFinding[] => {
    const recipients = ctx.recipients;
    if (recipients.length === 0 || !recipients.every(nameKnown)) return [];
    const body = ctx.field('body');
    const greeting = body.parts.find((p) => p.part === 'greeting');
    if (!greeting) return [];
    const text = body.text.slice(greeting.start, greeting.end);
    const m = GREETING.exec(text);
    if (!m?.groups) return [];
    const names = m.groups.names!;
    const namesAt = greeting.start + m.index + m[0].length - names.length;
    const out: RawFinding[] = [];
    for (const chunk of names.matchAll(/[^,&]+?(?=\s*(?:,|&|\band\b|$))/giu)) {
      const words = chunk[0]
        .trim()
        .split(/\s+/)
        .filter((w) => w && !/^and$/i.test(w));
      if (words.length === 0 || NOT_NAMES.test(words.join(' ')) || words.some((w) => GROUP.test(w))) continue;
      const nameWords = words.filter((w) => !HONORIFIC.test(w));
      if (nameWords.length === 0 || nameWords.length > 3) continue;
      if (!nameWords.every((w) => /^\p{Lu}[\p{L}'-]*$/u.test(w))) continue;
      const hasHonorific = nameWords.length < words.length;
      // "Dear Mr. Patel" names a surname; "Hi Sarah Kim" a first name (and a surname).
      const candidates = hasHonorific ? [nameWords[nameWords.length - 1]!] : nameWords;
      if (recipients.some((r) => candidates.some((c) => couldBe(c, r)))) continue;
      const start = namesAt + chunk.index + chunk[0].indexOf(words[0]!);
      const end = namesAt + chunk.index + chunk[0].trimEnd().length;
      const named = body.text.slice(start, end);
      const listed = recipients
        .map((r) => r.displayName || r.email)
        .slice(0, 3)
        .join(', ');
      const to = recipients.filter((r) => r.list === 'to' && r.displayName);
      const suggestion = to.length === 1 ? to[0]!.displayName.split(/\s+/)[0] : undefined;
      out.push(
        ctx.report(
          body,
          start,
          end,
          `The greeting names ${named}, who is not a recipient (${listed}).`,
          suggestion,
        ),
      );
    }
    return out;
  },
);
