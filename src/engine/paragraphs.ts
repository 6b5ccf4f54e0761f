/**
 * Paragraph-local rules (Rule.local) run paragraph by paragraph, and what they find in a paragraph is kept
 * between checks: a check after one typed word re-runs them on the one paragraph that changed. A first check
 * runs them the same way, so a check with the memo and one without give the same findings by construction.
 *
 * A paragraph's entry is keyed by everything its findings can depend on: the paragraph's text (original and
 * normalised), the parts it belongs to, and the email as a whole — the compiled policy and rule list, the
 * subject, recipients, attachments, thread, the detected kinds, severity and language, and whether sentences
 * are read by compromise or by word lists. One limit, as for the sentence readings themselves: a check that
 * runs out of full parses (CheckContext's budget, only ever reached by very long drafts) reads the rest with
 * word lists, and a paragraph kept from such a check keeps that reading until it changes. Findings are kept
 * relative to the paragraph and re-based to where it stands now.
 */
import type { CompiledPolicy } from './compile.ts';
import type { CheckContext } from './context.ts';
import type { RawFinding, Rule } from './rule.ts';
import { FieldText } from './text/field.ts';
import { Lru } from './text/lru.ts';
import { fullReaderLoaded } from './text/nlp.ts';
import { startOf } from './text/normalize.ts';

/** What the local rules found in one unit (a paragraph, or the fields other than the body). */
interface Entry {
  /** Per local rule (in the order given), its findings; offsets relative to the unit. */
  readonly findings: readonly (readonly RawFinding[])[];
  /** Per local rule, the error it threw, if any (such entries are never kept). */
  readonly errors: readonly (string | undefined)[];
}

/**
 * About 1,000 paragraphs (a few long drafts open at once) and 1 M characters of keys (2 MB of UTF-16) at
 * most; the findings kept beside them are small.
 */
const paragraphs = new Lru<Entry>(1000, 1 << 20);
const otherFields = new Lru<Entry>(100, 1 << 18);

/** The memo's size, for tests and the benchmark. */
export function paragraphMemoSize(): { entries: number; chars: number } {
  return { entries: paragraphs.size + otherFields.size, chars: paragraphs.chars + otherFields.chars };
}

/** Forgets every kept finding (tests; a policy edit does not need it: the policy is part of the key). */
export function clearParagraphMemo(): void {
  paragraphs.clear();
  otherFields.clear();
}

const ids = new WeakMap<object, number>();
let nextId = 1;
function idOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId++;
    ids.set(o, id);
  }
  return id;
}

const SEP = '\u0000';

/** A paragraph's run sees only that paragraph: the other fields are read once per email (their own entry). */
const NO_OTHER_FIELDS = {
  subject: new FieldText('subject', ''),
  recipients: new FieldText('recipients', ''),
  attachments: new FieldText('attachments', ''),
};

/** Email keys are long (the subject, every recipient): each is replaced by a short number in paragraph keys. */
const emailIds = new Lru<number>(200, 1 << 20);
let nextEmailId = 1;
function emailIdOf(key: string): number {
  let id = emailIds.get(key);
  if (id === undefined) {
    id = nextEmailId++;
    emailIds.set(key, id);
  }
  return id;
}

/** Everything about the email as a whole that a local rule may read. `now` is not: local rules cannot. */
function emailKey(ctx: CheckContext, rules: readonly Rule[], compiled: CompiledPolicy): string {
  const d = ctx.draft;
  return [
    idOf(compiled),
    idOf(rules),
    // Whether sentences a rule reads closely go through compromise or word lists.
    ctx.onlyLoadedReader && !fullReaderLoaded() ? 'words' : 'full',
    ctx.language,
    ctx.kinds.join(','),
    ctx.severity ?? '-',
    ctx.severitySource,
    ctx.internalOnly ? 1 : 0,
    d.subject,
    JSON.stringify([d.to, d.cc, d.bcc, d.from ?? null, d.attachments ?? null, d.thread ?? null]),
  ].join(SEP);
}

function runAll(view: CheckContext, rules: readonly Rule[], keep: (f: RawFinding) => boolean): Entry {
  const findings: RawFinding[][] = [];
  const errors: (string | undefined)[] = [];
  for (const rule of rules) {
    try {
      findings.push(rule.check(view).filter(keep));
      errors.push(undefined);
    } catch (error) {
      findings.push([]);
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  return { findings, errors };
}

export interface LocalResult {
  /** Per rule (in the order given), its findings with offsets of the draft's fields. */
  readonly findings: RawFinding[][];
  /** Per rule, the first error it threw (its findings are then not used). */
  readonly errors: (string | undefined)[];
}

/**
 * Runs the paragraph-local `rules` (all enabled for this check) over the draft: the fields other than the
 * body once, the body paragraph by paragraph, each from the memo when it holds that unit.
 */
export function runLocalRules(
  ctx: CheckContext,
  rules: readonly Rule[],
  allRules: readonly Rule[],
  compiled: CompiledPolicy,
): LocalResult {
  const findings: RawFinding[][] = rules.map(() => []);
  const errors: (string | undefined)[] = rules.map(() => undefined);
  const prefix = String(
    emailIdOf(`${emailKey(ctx, allRules, compiled)}${SEP}${rules.map((r) => r.meta.id).join(',')}`),
  );
  const add = (entry: Entry, shift: number) => {
    for (let i = 0; i < rules.length; i++) {
      const error = entry.errors[i];
      if (error !== undefined) errors[i] ??= error;
      const list = entry.findings[i]!;
      if (list.length === 0) continue;
      const out = findings[i]!;
      for (const f of list) out.push(shift === 0 ? f : { ...f, start: f.start + shift, end: f.end + shift });
    }
  };
  const keep = (entry: Entry) => entry.errors.every((e) => e === undefined);

  // Subject, recipients and attachments: part of the email key, so one entry per key.
  let fields = otherFields.get(prefix);
  if (!fields) {
    fields = runAll(ctx.view({ body: new FieldText('body', '') }), rules, (f) => f.field !== 'body');
    if (keep(fields)) otherFields.set(prefix, fields);
  }
  add(fields, 0);

  const body = ctx.field('body');
  const norm = body.norm;
  const parts = body.parts;
  for (const [start, end] of body.paragraphs) {
    const oStart = startOf(norm, start);
    const oEnd = end >= norm.text.length ? norm.originalLength : startOf(norm, end);
    let where = '';
    for (const p of parts) {
      if (p.end <= start || p.start >= end) continue;
      where += `${p.part[0]}${Math.max(p.start, start) - start}-${Math.min(p.end, end) - start};`;
    }
    const original = body.original.slice(oStart, oEnd);
    const key = `${prefix}${SEP}${where}${SEP}${original}${norm.identity ? '' : `${SEP}${norm.text.slice(start, end)}`}`;
    let entry = paragraphs.get(key);
    if (!entry) {
      entry = runAll(
        ctx.view({ ...NO_OTHER_FIELDS, body: body.window(start, end) }),
        rules,
        (f) => f.field === 'body',
      );
      if (keep(entry)) paragraphs.set(key, entry);
    }
    add(entry, oStart);
  }
  return { findings, errors };
}
