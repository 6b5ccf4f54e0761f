import type { CheckContext } from '../../context.ts';
import { defineRule, type RawFinding } from '../../rule.ts';
import { codeSpans, overlapsAny } from '../../text/code-spans.ts';
import type { FieldText } from '../../text/field.ts';
import type { Span } from '../../text/sentences.ts';

// Always template syntax, whatever is inside.
const ALWAYS = [
  /<\?(?:php\b|=)[^\n]{0,200}?\?>/g, // <?php echo $name; ?>, <?= $name ?>: server-side code, stored unrun
  /\{\$[A-Za-z_][\w.$>[\]'"-]{0,60}\}/g, // {$name} (Smarty)
  /\{%[^%\n]{1,80}%\}/g, // {% if trial %} (Jinja, Liquid)
  /\{\{[^{}\n]{1,80}\}\}/g, // {{first_name}}
  /\$\{[^{}\n]{1,60}\}/g, // ${x}
  /<%[=-]?[^%\n]{0,80}%>/g, // <%= x %>
  /\[\[[^\]\n]{1,60}\]\]/g, // [[Company]]
  /(?<![{$\p{L}\p{N}])\{[ \t]*\p{L}[\p{L}\p{N}_. -]{0,40}\}(?!\})/gu, // {name}, {Company Name}
  /(?<![\p{L}\p{N}%])%[A-Za-z][A-Za-z0-9_]{1,40}%(?![\p{L}\p{N}])/gu, // %FIRSTNAME%
];
const SQUARE = /\[([^[\]\n]{1,80})\](?!\()/g;
const PAREN = /\(([^()\n]{3,60})\)/g;
const ANGLE = /<([^<>\n]{2,40})>/g;

const FIELD_WORDS =
  /\b(?:names?|first|last|surname|company|organi[sz]ation|org|customer|client|recipient|contact|account|date|time|title|role|position|product|amount|price|cost|number|phone|e-?mail|address|city|country|industry|link|url|here|your|their|his|her|day|month|year|deadline|figure|percentage|value|details|signature|placeholder|tbd|todo|xx+|x+|team member|manager|logo|quarter|q[1-4]|discount|plan|sku|use case|goal|pain point|metric|competitor|vendor|provider|supplier|partner|platform|software|tool|system|service|location|region|state|feature|benefit|result|outcome|problem|challenge|event|topic|specialty|brand|website|store|business|practice|department|team)\b|%|_/i;
const INSTRUCTION =
  /^\s*(?:insert|add|include|fill(?: in)?|put|enter|replace|update|check|confirm|(?:hyper)?link|attach|mention|describe|specify|choose|pick|write|paste|note|edit|remove|customi[sz]e|personali[sz]e|list|summari[sz]e|reference|cite|propose|suggest|provide|state|explain|outline|give|select|tbd|todo|placeholder|xx+)\b/i;
// In parentheses, prose is common ("(see below)", "(Q3)"): only a Title Case field name ending in the thing to
// fill in ("(First Name)", "#(Invoice Number)"), or a Title Case instruction to put something there.
const PAREN_FIELD_HEAD =
  /\b(?:names?|number|no|date|time|address|e-?mail|phone|link|url|website|company|title|amount|price|total|id|code|city|country|day)$/i;
const PAREN_INSTRUCTION = /^(?:insert|add|include|fill in|enter|paste|(?:hyper)?link to|put)\b/i;
const NOT_A_FIELD =
  /^(?:\s*\d+(?:\s*[,–-]\s*\d+)*\s*|\s*[a-z]\s*|\s*[xX✓✔ ]?\s*|sic!?|(?:cid|image|mailto|https?|ftp):.*|\S+@\S+|\S+\.(?:com|org|net|io|pdf|docx?|xlsx?|png|jpe?g)|[A-Z][A-Z0-9]+-\d+|ext(?:ernal)?|secure|encrypted|caution.*|warning.*|spam|suspicious.*|confidential|internal|urgent|action required|fyi|reminder|update)$/i;
const HTML_TAG =
  /^\/?(?:a|b|i|u|p|s|br|hr|div|span|li|ul|ol|img|table|tr|td|th|strong|em|html|body|head|h[1-6]|pre|code|blockquote|sup|sub)\b/i;

function squareIsField(inner: string): boolean {
  if (NOT_A_FIELD.test(inner)) return false;
  return INSTRUCTION.test(inner) || FIELD_WORDS.test(inner);
}

function parenIsField(inner: string): boolean {
  if (/[:;,.!?=@/]|^\s|\s$/.test(inner) || NOT_A_FIELD.test(inner)) return false;
  const words = inner.split(' ');
  if (!words.every((w) => /^[\p{Lu}][\p{L}'’]*$/u.test(w))) {
    // Only an instruction may go on in lower case: "(Hyperlink to the order page)".
    return /^\p{Lu}/u.test(inner) && PAREN_INSTRUCTION.test(inner) && words.length <= 8;
  }
  if (words.length === 1) return false; // "(Optional)", "(Draft)", "(ACME)": one capitalised word is prose
  // A field is named by a bare noun phrase; with a determiner it describes something ("(A Partner Company)",
  // a writer's redaction), which is prose.
  if (/^(?:a|an|the|my|our|your|their|another|some|one)$/i.test(words[0]!)) return false;
  return PAREN_FIELD_HEAD.test(inner) || PAREN_INSTRUCTION.test(inner);
}

function angleIsField(inner: string): boolean {
  if (/@|:\/\/|^\s|\s$|^[/!?-]|^https?|=|"/.test(inner) || HTML_TAG.test(inner)) return false;
  if (!/^\p{L}/u.test(inner)) return false;
  const letters = inner.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && /^[\p{Lu}\p{N} _-]+$/u.test(inner))
    return true;
  if (/_/.test(inner) && /^[\p{L}\p{N}_]+$/u.test(inner)) return true;
  return (
    INSTRUCTION.test(inner) ||
    (/^[\p{L} ]+$/u.test(inner) && FIELD_WORDS.test(inner) && inner.split(' ').length <= 4)
  );
}

/** A first name or the account name to put in place of the field, when the draft tells us. */
function suggestionFor(ctx: CheckContext, inner: string): string | undefined {
  if (/\bfirst[\s_]*name\b|^\W*name\W*$|\bfirstname\b|\bfname\b/i.test(inner)) {
    const named = ctx.recipients.filter((r) => r.list === 'to' && r.displayName);
    if (named.length === 1) return named[0]!.displayName.split(/\s+/)[0];
  }
  if (/\b(?:company|organi[sz]ation|account|customer|client)(?:[\s_]*name)?\b/i.test(inner)) {
    const ids = ctx.recipientAccounts;
    if (ids.length === 1) return ctx.compiled.accounts.get(ids[0]!)?.name;
  }
  return undefined;
}

function scan(ctx: CheckContext, field: FieldText): RawFinding[] {
  const ranges = field.rangesFor(['body', 'body.signature', 'subject', 'attachments']);
  if (ranges.length === 0) return [];
  const text = field.text;
  // Code samples and URLs ({id} in a URL is a route parameter) are worked out only once there is a candidate.
  let code: Span[] | undefined;
  const inCode = (start: number, end: number) => {
    if (!code) {
      const spans: Span[] = field.name === 'body' ? codeSpans(text) : [];
      for (const m of text.matchAll(/\bhttps?:\/\/[^\s<>"]+/g)) spans.push([m.index, m.index + m[0].length]);
      code = spans;
    }
    return overlapsAny(code, start, end);
  };
  const found: { start: number; end: number; inner: string }[] = [];
  const consider = (start: number, end: number, inner: string) => {
    if (!ranges.some(([s, e]) => start >= s && end <= e) || inCode(start, end)) return;
    if (found.some((f) => start < f.end && end > f.start)) return;
    found.push({ start, end, inner });
  };
  const has = (ch: string) => text.includes(ch);
  if (has('{') || has('<%') || has('<?') || has('[[') || has('%')) {
    for (const re of ALWAYS)
      for (const m of text.matchAll(re)) consider(m.index, m.index + m[0].length, m[0]);
  }
  if (has('[')) {
    for (const m of text.matchAll(SQUARE))
      if (squareIsField(m[1]!)) consider(m.index, m.index + m[0].length, m[1]!);
  }
  if (has('(')) {
    for (const m of text.matchAll(PAREN))
      if (parenIsField(m[1]!)) consider(m.index, m.index + m[0].length, m[1]!);
  }
  if (has('<')) {
    for (const m of text.matchAll(ANGLE))
      if (angleIsField(m[1]!)) consider(m.index, m.index + m[0].length, m[1]!);
  }
  return found
    .sort((a, b) => a.start - b.start)
    .map((f) => {
      const [s, e] = field.toOriginal(f.start, f.end);
      const excerpt = field.original.slice(s, e);
      return ctx.report(
        field,
        f.start,
        f.end,
        `"${excerpt}" is an unfilled template field.`,
        suggestionFor(ctx, f.inner),
      );
    });
}

export const rule = defineRule(
  {
    id: 'placeholder/template-field',
    category: 'placeholder',
    severity: 'block',
    clause: 'eval-personalization',
    description:
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal template syntax is what this rule describes
      'Unfilled template fields: [First Name], {{company}}, {name}, <COMPANY>, %FIRSTNAME%, ${x}, [insert date here].',
    source: 'customer-policy.md, Evaluation Criteria (Personalization: Generic template sent)',
    examples: {
      flag: [
        'Hi [First Name],\nThanks for your time today.',
        'Hi {{first_name}},\nYour renewal is coming up.',
        { text: 'We can start on [insert date here].', why: 'a writer instruction' },
        {
          text: "Hi <?php echo $contact['first']; ?>,\nYour quote is ready.",
          why: 'server-side template code, stored unrun',
        },
        { text: 'Dear {$contactname},\nThe site visit is booked.', why: 'a Smarty field' },
        { text: 'Hi team,\n{% if renewal %}Your renewal is due.{% endif %}', why: 'template logic' },
        'Welcome aboard, <COMPANY>!',
        'Dear %FIRSTNAME%,\nWelcome.',
        'Hello {name}, your workspace is ready.',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: an unfilled template field is the example
        { subject: 'Renewal for ${company}', text: 'Details below.' },
        { text: 'Thanks,\n[Your Name]\nAccount Executive', why: 'the signature is checked too' },
        { text: 'Hello (Recipient Name),\nYour parcel left our depot.', why: 'a field in parentheses' },
        { text: 'Track it here: (Insert tracking page link)', why: 'an instruction in parentheses' },
        { text: 'Teams moving off [VENDOR] save a week of setup.', why: 'a bracketed slot in capitals' },
        {
          text: '    Hi [Client Name],\n    Your workspace is ready.',
          why: 'indented prose (a stripped HTML template) is not a code sample',
        },
      ],
      pass: [
        {
          text: 'The price is 40% lower than last year (50% for annual plans).',
          why: 'percent signs in prose are not template logic',
        },
        { text: 'As shown in the benchmark [1], latency dropped by 40%.', why: 'a citation' },
        { subject: '[EXTERNAL] Renewal timeline', text: 'Hi Jordan, details below.', why: 'a subject tag' },
        {
          text: 'Reply to Sam Ortiz <sam.ortiz@example.com> for access.',
          why: 'an address in angle brackets',
        },
        {
          // biome-ignore lint/suspicious/noTemplateCurlyInString: code quoted in an email is the example
          text: 'Use this snippet:\n\n    const greeting = `Hello ${user.name}`;\n\nIt prints the name.',
          why: 'an indented code sample',
        },
        { text: 'Run `curl https://api.example.com/v1/{id}` to fetch it.', why: 'inline code' },
        {
          text: 'The endpoint is https://api.example.com/v1/accounts/{id}/usage for each account.',
          why: 'a URL',
        },
        { text: 'See the [release notes](https://example.com/notes) for details.', why: 'a markdown link' },
        {
          text: 'The renewal (Annual Plan) starts in May, and the call (Tuesday Morning) is booked.',
          why: 'Title Case words in parentheses that name no field',
        },
        {
          text: 'We spoke with Dana Reyes (Head of Operations) about it.',
          why: 'a job title in parentheses',
        },
        { text: 'The form (see the Order Number field) is attached.', why: 'prose in parentheses' },
        { text: 'I met the owners of (A Regional Bank) last year.', why: 'a redaction, not a field' },
      ],
    },
  },
  (ctx) => [
    ...scan(ctx, ctx.field('subject')),
    ...scan(ctx, ctx.field('body')),
    ...scan(ctx, ctx.field('attachments')),
  ],
);
