import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CATEGORIES, checkDraft, listRules } from '../../engine/index.ts';
import { main } from '../main.ts';
import { fakeIo, stdout } from '../test-helpers.ts';
import { AuditAggregator, type AuditReport, type RuleMeta } from './aggregate.ts';
import { CSV_FIELDS, formatAuditCsv, formatAuditHtml, formatAuditText } from './format.ts';
import type { FindingSummary, MessageSummary } from './message.ts';
import { DRAFTS, toMbox } from './test-mail.ts';

const held = z.object({
  messages: z.number().int().nonnegative(),
  notOverridable: z.number().int().nonnegative(),
  overridable: z.number().int().nonnegative(),
});
const counts = z.object({
  messages: z.number().int().nonnegative(),
  findings: z.number().int().nonnegative(),
  share: z.number().min(0).max(1),
  held,
});
const period = z.object({
  messages: z.number().int().positive(),
  flagged: z.number().int().nonnegative(),
  held: z.number().int().nonnegative(),
  categories: z.partialRecord(z.enum(CATEGORIES), z.number().int().positive()),
});
const example = z.strictObject({
  source: z.string(),
  message: z.number().int().positive().optional(),
  offset: z.number().int().nonnegative().optional(),
  excerpt: z.string(),
  context: z.string(),
});
/** The audit's JSON report, as a reader of it may rely on. */
const AuditJson = z.strictObject({
  version: z.literal(1),
  sources: z.array(z.string()),
  policy: z.string().nullable(),
  since: z.string().nullable(),
  until: z.string().nullable(),
  messages: z.number().int().nonnegative(),
  flagged: z.number().int().nonnegative(),
  held,
  empty: z.number().int().nonnegative(),
  outsideRange: z.number().int().nonnegative(),
  incomplete: z.number().int().nonnegative(),
  unreadable: z.array(
    z.strictObject({
      source: z.string(),
      message: z.number().int().nonnegative().optional(),
      offset: z.number().int().nonnegative().optional(),
      length: z.number().int().positive().optional(),
      reason: z.string(),
    }),
  ),
  categories: z.strictObject(
    Object.fromEntries(CATEGORIES.map((c) => [c, counts])) as Record<string, typeof counts>,
  ),
  rules: z.record(
    z.string(),
    counts.extend({
      category: z.enum(CATEGORIES),
      severity: z.enum(['block', 'warn', 'info', 'off']),
      shadow: z.boolean(),
      overridable: z.boolean(),
      examples: z.array(example).optional(),
    }),
  ),
  senderDomains: z.record(z.string(), period),
  months: z.record(z.string().regex(/^(\d{4}-\d{2}|undated)$/), period),
});

const META: RuleMeta[] = [
  { id: 'pii/card', category: 'pii', severity: 'block', shadow: false, overridable: false },
  { id: 'tone/harsh', category: 'tone', severity: 'warn', shadow: false, overridable: true },
  { id: 'pricing/discount', category: 'pricing', severity: 'block', shadow: false, overridable: true },
  { id: '=HYPERLINK("x")', category: 'evidence', severity: 'block', shadow: true, overridable: true },
];

const finding = (
  ruleId: string,
  severity: FindingSummary['severity'],
  extra: Partial<FindingSummary> = {},
) => {
  const meta = META.find((m) => m.id === ruleId);
  return {
    ruleId,
    category: meta?.category ?? 'tone',
    severity,
    holds: severity === 'block' && !meta?.shadow,
    overridable: meta?.overridable ?? true,
    ...extra,
  } satisfies FindingSummary;
};

const checked = (date: string | undefined, domain: string, findings: FindingSummary[]): MessageSummary => ({
  kind: 'checked',
  date,
  domain,
  empty: false,
  findings,
  incomplete: [],
});

function sample(examples = 0): AuditReport {
  const agg = new AuditAggregator(META, { sources: ['sent.mbox'], examples });
  const where = (n: number) => ({ source: 'sent.mbox', message: n });
  // Added out of order, as worker threads answer.
  agg.add(3, where(4), checked('2026-02-03T10:00:00.000Z', 'acme.example', [finding('tone/harsh', 'warn')]));
  agg.add(
    0,
    where(1),
    checked('2026-01-05T10:00:00.000Z', 'acme.example', [
      finding('pii/card', 'block', { excerpt: '4111 1111', context: 'Card <b>4111 1111</b> & more.' }),
      finding('pii/card', 'block', { excerpt: '5500', context: 'Second card 5500.' }),
      finding('pricing/discount', 'block'),
    ]),
  );
  agg.add(
    1,
    where(2),
    checked('2026-01-20T10:00:00.000Z', 'sales.acme.example', [finding('pricing/discount', 'block')]),
  );
  agg.add(2, where(3), checked(undefined, '', []));
  agg.add(
    4,
    where(5),
    checked('2026-02-10T10:00:00.000Z', 'acme.example', [finding('=HYPERLINK("x")', 'block')]),
  );
  agg.add(5, where(6), { kind: 'unreadable', reason: 'no mail headers' });
  agg.add(6, where(7), { kind: 'outside', why: 'before' });
  agg.addUnreadable(7, { source: 'sent.mbox', message: 7, offset: 9000, length: 12, reason: 'binary data' });
  return agg.report();
}

describe('audit aggregation', () => {
  it('counts messages, findings, shares and held sends per rule and per category', () => {
    const r = sample();
    expect(r.messages).toBe(5);
    expect(r.flagged).toBe(4);
    expect(r.outsideRange).toBe(1);
    expect(r.held).toEqual({ messages: 2, notOverridable: 1, overridable: 1 });
    expect(r.rules['pii/card']).toMatchObject({
      messages: 1,
      findings: 2,
      share: 0.2,
      held: { messages: 1, notOverridable: 1, overridable: 0 },
    });
    expect(r.rules['pricing/discount']).toMatchObject({
      messages: 2,
      findings: 2,
      share: 0.4,
      held: { messages: 2, notOverridable: 0, overridable: 2 },
    });
    // Observe-only (shadow) rules are counted but hold nothing.
    expect(r.rules['=HYPERLINK("x")']).toMatchObject({ messages: 1, held: { messages: 0 } });
    expect(r.rules['tone/harsh']).toMatchObject({ messages: 1, held: { messages: 0 } });
    expect(r.categories.pii.messages).toBe(1);
    expect(r.categories.pricing).toMatchObject({ messages: 2, findings: 2 });
    expect(r.categories.onboarding).toEqual({
      messages: 0,
      findings: 0,
      share: 0,
      held: { messages: 0, notOverridable: 0, overridable: 0 },
    });
    expect(Object.keys(r.months)).toEqual(['2026-01', '2026-02', 'undated']);
    expect(r.months['2026-01']).toEqual({
      messages: 2,
      flagged: 2,
      held: 2,
      categories: { pii: 1, pricing: 2 },
    });
    expect(Object.keys(r.senderDomains)).toEqual(['acme.example', '(none)', 'sales.acme.example']);
    expect(r.unreadable.map((u) => u.message)).toEqual([6, 7]);
  });

  it('keeps the examples of the earliest messages, whatever order the results came in', () => {
    const agg = new AuditAggregator(META, { sources: ['m'], examples: 2 });
    for (const n of [5, 1, 4, 0, 3, 2])
      agg.add(
        n,
        { source: 'm', message: n + 1 },
        checked(undefined, 'a.example', [
          finding('pii/card', 'block', { excerpt: `e${n}`, context: `c${n}` }),
        ]),
      );
    expect(agg.report().rules['pii/card']?.examples?.map((e) => e.excerpt)).toEqual(['e0', 'e1']);
  });
});

// The real engine's first check loads its sentence reader: allow for a busy machine.
describe('audit formats', { timeout: 30_000 }, () => {
  it('JSON matches its schema, from a real run with examples', async () => {
    const io = fakeIo({ 'sent.mbox': toMbox(DRAFTS) });
    expect(
      await main(['audit', '--no-config', '--format', 'json', '--examples', '2', 'sent.mbox'], {
        io,
        check: checkDraft,
        version: '0',
      }),
    ).toBe(0);
    const parsed = AuditJson.safeParse(JSON.parse(stdout(io)));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    // Every rule of the pack has a row, fired or not.
    expect(Object.keys(parsed.data?.rules ?? {}).sort()).toEqual(
      listRules()
        .map((r) => r.id)
        .sort(),
    );
    expect(AuditJson.safeParse(sample(1)).success).toBe(true);
  });

  it('CSV has one row per rule and escapes cells a spreadsheet would run as formulas', () => {
    const csv = formatAuditCsv(sample());
    const rows = Papa.parse<string[]>(csv.trim()).data;
    expect(rows[0]).toEqual([...CSV_FIELDS]);
    expect(rows).toHaveLength(1 + META.length);
    const byRule = Object.fromEntries(rows.slice(1).map((row) => [row[0], row]));
    expect(byRule['pii/card']).toEqual([
      'pii/card',
      'pii',
      'block',
      'no',
      'no',
      '1',
      '0.2',
      '2',
      '1',
      '1',
      '0',
    ]);
    expect(byRule['=HYPERLINK("x")']).toBeUndefined();
    expect(rows.some((row) => row[0] === `'=HYPERLINK("x")`)).toBe(true);
  });

  it('HTML is one self-contained page: no external asset or URL, text escaped, tables sortable', () => {
    const html = formatAuditHtml(sample(2));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\s(?:src|href)\s*=/i);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed)\b/i);
    // What came from mail is text, never markup.
    expect(html).toContain('Card &#60;b&#62;4111 1111&#60;/b&#62; &#38; more.');
    expect(html).not.toContain('<b>4111');
    expect(html.match(/<table class="sortable">/g)?.length).toBeGreaterThanOrEqual(4);
    expect(html).toContain('<style>');
    expect(html).toContain("addEventListener('click', sort)");
    // A bar per category and per month.
    expect(html.match(/class="bar-row"/g)?.length).toBe(CATEGORIES.length + 3);
  });

  it('text names the totals, every category and where unreadable bytes were', () => {
    const text = formatAuditText(sample(1));
    expect(text).toMatch(/^Preflight audit of 5 messages \(sent\.mbox\)/);
    expect(text).toContain('held at Send under this policy: 2 (not overridable 1, overridable 1)');
    for (const category of CATEGORIES) expect(text).toMatch(new RegExp(`^${category}\\s`, 'm'));
    expect(text).toContain('sent.mbox message 6: no mail headers');
    expect(text).toContain('sent.mbox after the start of message 7 (bytes 9,000 to 9,011): binary data');
    expect(text).toContain('"4111 1111" in: Card <b>4111 1111</b> & more.');
  });
});
