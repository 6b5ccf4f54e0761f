import type { CheckContext } from '../context.ts';
import { MAX_FINDINGS_PER_FIELD, type RawFinding, type Rule, type RuleMeta } from '../rule.ts';
import type { CoOccurrenceRule, DataRule, Operand, PatternRule, PhraseRule } from '../schemas/rule-pack.ts';
import { rewriteClaim } from '../text/claims.ts';
import type { FieldText, Scope } from '../text/field.ts';
import type { Span } from '../text/sentences.ts';
import { type CompiledExceptions, compileExceptions, isExcepted } from './exceptions.ts';
import { type Match, type MatchFn, patternMatcher, phraseMatcher } from './matcher.ts';

const DEFAULT_SCOPE: Scope[] = ['body', 'subject'];
const FIELDS = ['body', 'subject', 'recipients', 'attachments'] as const;

const PRONOUN_OPENING = /^\W*(?:they|they're|theyre|their|them|it|it's|its|that company|that vendor)\b/iu;

function metaOf(rule: DataRule): RuleMeta {
  const meta: RuleMeta = {
    id: rule.id,
    category: rule.category,
    severity: rule.severity,
    clause: rule.clause,
    description: rule.description,
    examples: rule.examples,
    kind: rule.kind,
    ...(rule.overridable === undefined ? {} : { overridable: rule.overridable }),
    ...(rule.source === undefined ? {} : { source: rule.source }),
    ...(rule.languageIndependent ? { languageIndependent: true } : {}),
  };
  return meta;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);
}

function fieldsInScope(ctx: CheckContext, scope: readonly Scope[]): { field: FieldText; ranges: Span[] }[] {
  const out: { field: FieldText; ranges: Span[] }[] = [];
  for (const name of FIELDS) {
    const wants = name === 'body' ? scope.some((s) => s.startsWith('body')) : scope.includes(name);
    if (!wants) continue;
    const field = ctx.field(name);
    if (field.original.length === 0) continue;
    const ranges = field.rangesFor(scope);
    if (ranges.length > 0) out.push({ field, ranges });
  }
  return out;
}

function suggestionOf(entries: readonly unknown[], i: number): string | undefined {
  const e = entries[i];
  return typeof e === 'object' && e !== null && 'suggestion' in e
    ? (e as { suggestion?: string }).suggestion
    : undefined;
}

/** A rule limited to some email kinds stays silent on the others. */
function wrongKind(rule: DataRule, ctx: CheckContext): boolean {
  return rule.kinds !== undefined && !ctx.isKind(...rule.kinds);
}

function simpleRule(rule: PhraseRule | PatternRule, match: MatchFn, entries: readonly unknown[]): Rule {
  const scope = rule.scope ?? DEFAULT_SCOPE;
  const exc = compileExceptions(rule.exceptions);
  return {
    meta: metaOf(rule),
    // Matches and their exceptions read one sentence: the engine may run it paragraph by paragraph.
    local: true,
    check(ctx) {
      const out: RawFinding[] = [];
      if (wrongKind(rule, ctx)) return out;
      for (const { field, ranges } of fieldsInScope(ctx, scope)) {
        let found = 0;
        for (const m of match(ctx, field, ranges)) {
          if (found >= MAX_FINDINGS_PER_FIELD) break;
          if (isExcepted(ctx, field, m.start, m.end, exc)) continue;
          found++;
          const [s, e] = field.toOriginal(m.start, m.end);
          const excerpt = field.original.slice(s, e);
          const suggestion = suggestionOf(entries, m.entry);
          const fix =
            rule.rewrite === 'claim'
              ? rewriteClaim(field, m.start, m.end, suggestion, ctx.policy.approvedClaims ?? [])
              : { start: m.start, end: m.end, suggestion };
          out.push(
            ctx.report(field, fix.start, fix.end, fill(rule.message, { match: excerpt }), fix.suggestion),
          );
        }
      }
      return out;
    },
  };
}

function operandMatcher(op: Operand): MatchFn {
  if (op.ref === 'competitors') {
    return (ctx, field, ranges) =>
      ctx.compiled.competitors
        .findAll(field.text, ranges, undefined, field.lower)
        .map((m) => ({ start: m.start, end: m.end, entry: 0 }));
  }
  const phrases = op.phrases?.length ? phraseMatcher(op.phrases, op.inflect ?? false) : undefined;
  const patterns = op.patterns ? patternMatcher(op.patterns) : undefined;
  const offset = op.phrases?.length ?? 0;
  // Entries are numbered phrases first, then patterns (for suggestions).
  return (ctx, field, ranges) =>
    [
      ...(phrases?.(ctx, field, ranges) ?? []),
      ...(patterns?.(ctx, field, ranges) ?? []).map((m) => ({ ...m, entry: m.entry + offset })),
    ].sort((a, b) => a.start - b.start);
}

function coOccurrenceRule(rule: CoOccurrenceRule): Rule {
  const scope = rule.scope ?? DEFAULT_SCOPE;
  const exc: CompiledExceptions | undefined = compileExceptions(rule.exceptions);
  const matchA = operandMatcher(rule.a);
  const matchB = operandMatcher(rule.b);
  const bEntries = [...(rule.b.phrases ?? []), ...(rule.b.patterns ?? [])];
  return {
    meta: metaOf(rule),
    // "followPronoun" reads the next sentence, which may open the next paragraph.
    local: !rule.followPronoun,
    check(ctx) {
      const out: RawFinding[] = [];
      if (wrongKind(rule, ctx)) return out;
      for (const { field, ranges } of fieldsInScope(ctx, scope)) {
        const as = matchA(ctx, field, ranges);
        if (as.length === 0) continue;
        const bs = matchB(ctx, field, ranges).filter((b) => !isExcepted(ctx, field, b.start, b.end, exc));
        if (bs.length === 0) continue;
        const bySentence = new Map<number, Match[]>();
        for (const b of bs) {
          const i = field.sentenceIndex(b.start);
          const list = bySentence.get(i) ?? [];
          list.push(b);
          bySentence.set(i, list);
        }
        const used = new Set<Match>();
        const apart = (x: Match, a: Match) => !used.has(x) && (x.end <= a.start || x.start >= a.end);
        let found = 0;
        for (const a of as) {
          if (found >= MAX_FINDINGS_PER_FIELD) break;
          // A name wrapped onto the next line ("Initech\nCloud is …") reads with the sentence it ends in too.
          let i = field.sentenceIndex(a.start);
          let b = bySentence.get(i)?.find((x) => apart(x, a));
          const last = field.sentenceIndex(a.end - 1);
          if (!b && last !== i) {
            b = bySentence.get(last)?.find((x) => apart(x, a));
            if (b) i = last;
          }
          if (!b && rule.followPronoun) {
            const next = field.sentences[i + 1];
            if (next && PRONOUN_OPENING.test(field.text.slice(next[0], next[1])))
              b = bySentence.get(i + 1)?.find((x) => !used.has(x));
          }
          if (!b) continue;
          used.add(b);
          const start = Math.min(a.start, b.start);
          const end = Math.max(a.end, b.end);
          const [as0, ae0] = field.toOriginal(a.start, a.end);
          const [bs0, be0] = field.toOriginal(b.start, b.end);
          const message = fill(rule.message, {
            a: field.original.slice(as0, ae0),
            b: field.original.slice(bs0, be0),
          });
          out.push(ctx.report(field, start, end, message, suggestionOf(bEntries, b.entry)));
          found++;
        }
      }
      return out;
    },
  };
}

/** Turns a validated data rule into a runnable rule. Regexes are built here, once per process. */
export function compileDataRule(rule: DataRule): Rule {
  switch (rule.kind) {
    case 'phrase':
      return simpleRule(
        rule,
        // Every phrase removed by the policy: the rule has nothing left to match.
        rule.phrases.length > 0
          ? phraseMatcher(rule.phrases, rule.inflect ?? false, rule.caseSensitive ?? false)
          : () => [],
        rule.phrases,
      );
    case 'pattern':
      return simpleRule(rule, patternMatcher(rule.patterns), rule.patterns);
    case 'co-occurrence':
      return coOccurrenceRule(rule);
  }
}
