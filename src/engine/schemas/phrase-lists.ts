// A data rule's editable phrase list and the policy's edits to it (rules.<id>.phrases). Plain data over the
// rule-pack and policy schemas, so parsing a policy needs no rule kind; kinds/data-rule.ts matches the result.
import { type PhraseEdits, phraseKey } from './policy.ts';
import type { DataRule, PhraseEntry } from './rule-pack.ts';

/** The text of a phrase entry (a plain string, or an object with its own exceptions). */
export function entryText(e: PhraseEntry): string {
  return typeof e === 'string' ? e : e.text;
}

/** Where a data rule keeps its editable phrase list: a phrase rule's own, or a co-occurrence operand's. */
export type PhraseListPlace = 'phrases' | 'a' | 'b';

/** The rule's editable phrase list, if it has one (for co-occurrence, the operand listing phrases, b first). */
export function phraseListPlace(rule: DataRule): PhraseListPlace | undefined {
  if (rule.kind === 'phrase') return 'phrases';
  if (rule.kind === 'co-occurrence') {
    if (rule.b.phrases?.length) return 'b';
    if (rule.a.phrases?.length) return 'a';
  }
  return undefined;
}

export function phraseListOf(rule: DataRule): readonly PhraseEntry[] {
  const place = phraseListPlace(rule);
  if (place === 'phrases' && rule.kind === 'phrase') return rule.phrases;
  if ((place === 'a' || place === 'b') && rule.kind === 'co-occurrence') return rule[place].phrases ?? [];
  return [];
}

/** Case-sensitive rules compare phrases as written; the others as phraseKey does. */
function keyFor(rule: DataRule) {
  const exact = rule.kind === 'phrase' && rule.caseSensitive === true;
  return (phrase: string) => (exact ? phrase.trim().replace(/[\s-]+/gu, ' ') : phraseKey(phrase));
}

/**
 * The rule with the policy's phrase edits applied: removed phrases leave its list, added ones join it and
 * are matched exactly like the built-in ones (same inflections, case handling, scope and exceptions).
 * A rule without a phrase list, or edits naming phrases it does not have, are left as they are.
 */
export function applyPhraseEdits(rule: DataRule, edits: PhraseEdits | undefined): DataRule {
  const place = phraseListPlace(rule);
  if (!place || !edits || (!edits.add?.length && !edits.remove?.length)) return rule;
  const key = keyFor(rule);
  const removed = new Set((edits.remove ?? []).map(key));
  const kept = phraseListOf(rule).filter((e) => !removed.has(key(entryText(e))));
  const present = new Set(kept.map((e) => key(entryText(e))));
  const list: PhraseEntry[] = [...kept];
  for (const phrase of edits.add ?? []) {
    const k = key(phrase);
    if (present.has(k) || removed.has(k)) continue;
    present.add(k);
    list.push(phrase.trim());
  }
  if (rule.kind === 'phrase') return { ...rule, phrases: list };
  if (rule.kind === 'co-occurrence' && (place === 'a' || place === 'b'))
    return { ...rule, [place]: { ...rule[place], phrases: list } };
  return rule;
}
