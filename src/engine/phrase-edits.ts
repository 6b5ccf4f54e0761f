// The built-in rules whose phrase lists a policy may edit (rules.<id>.phrases), and the checks of such
// edits against the rule pack: the rule must have a phrase list, and a removed phrase must be one of its own.
import { RULE_PACK } from './generated/rule-pack.ts';
import { formatPath } from './policy-path.ts';
import { applyPhraseEdits, entryText, phraseListOf, phraseListPlace } from './schemas/phrase-lists.ts';
import { type PhraseEdits, type Policy, phraseKey } from './schemas/policy.ts';
import type { DataRule } from './schemas/rule-pack.ts';

export interface PhraseList {
  readonly ruleId: string;
  /** The rule pack's phrases, as written there. */
  readonly phrases: readonly string[];
  /** Whether each word also matches its inflections (guarantee → guaranteed). */
  readonly inflect: boolean;
}

const DATA_RULES = new Map<string, DataRule>(RULE_PACK.rules.map((r) => [r.id, r]));

function listOf(rule: DataRule): PhraseList | undefined {
  const place = phraseListPlace(rule);
  if (!place) return undefined;
  const inflect =
    rule.kind === 'phrase'
      ? rule.inflect === true
      : rule.kind === 'co-occurrence' && (place === 'a' || place === 'b')
        ? rule[place].inflect === true
        : false;
  return { ruleId: rule.id, phrases: phraseListOf(rule).map(entryText), inflect };
}

/** Every built-in rule with an editable phrase list, by id (for the options page and validation). */
export const BUILT_IN_PHRASE_LISTS: ReadonlyMap<string, PhraseList> = new Map(
  RULE_PACK.rules.flatMap((r) => {
    const list = listOf(r);
    return list ? [[r.id, list] as const] : [];
  }),
);

/** The built-in data rule with the policy's edits applied, or undefined when the id has no phrase list. */
export function editedDataRule(ruleId: string, edits: PhraseEdits | undefined): DataRule | undefined {
  const rule = DATA_RULES.get(ruleId);
  if (!rule || !BUILT_IN_PHRASE_LISTS.has(ruleId)) return undefined;
  return applyPhraseEdits(rule, edits);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Problems of the phrase edits in a policy's `rules`, by path (`rules.<id>.phrases.remove[0]: …`). Reads
 * the raw value defensively, so it can run alongside the schema's own checks on a file that fails them.
 */
export function phraseEditIssues(rules: unknown, base: readonly PropertyKey[] = ['rules']): string[] {
  if (!isRecord(rules)) return [];
  const issues: string[] = [];
  for (const [id, setting] of Object.entries(rules)) {
    if (!isRecord(setting) || setting.phrases === undefined) continue;
    const list = BUILT_IN_PHRASE_LISTS.get(id);
    if (!list) {
      const why = DATA_RULES.has(id)
        ? `${id} has no phrase list to edit (it matches patterns)`
        : `phrase lists are edited under a built-in rule id with phrases (${[...BUILT_IN_PHRASE_LISTS.keys()].join(', ')}); ${id} is not one`;
      issues.push(`${formatPath([...base, id, 'phrases'])}: ${why}`);
      continue;
    }
    const remove = isRecord(setting.phrases) ? setting.phrases.remove : undefined;
    if (!Array.isArray(remove)) continue;
    const own = new Set(list.phrases.map(phraseKey));
    remove.forEach((phrase, i) => {
      if (typeof phrase === 'string' && phrase.trim() !== '' && !own.has(phraseKey(phrase)))
        issues.push(
          `${formatPath([...base, id, 'phrases', 'remove', i])}: "${phrase.trim()}" is not a phrase of ${id}`,
        );
    });
  }
  return issues;
}

/**
 * The policy without phrase edits the rule pack no longer has a place for: a removal of a phrase the pack
 * dropped, or edits under a rule that is gone. What the options page saves, so a newer rule pack never
 * leaves a saved policy that every later save is refused for (an imported file is still checked in full).
 */
export function withoutStalePhraseEdits(policy: Policy): Policy {
  if (!policy.rules || phraseEditIssues(policy.rules).length === 0) return policy;
  const rules: NonNullable<Policy['rules']> = {};
  for (const [id, setting] of Object.entries(policy.rules)) {
    const list = BUILT_IN_PHRASE_LISTS.get(id);
    if (!setting.phrases) rules[id] = setting;
    else if (!list) {
      const { phrases: _gone, ...rest } = setting;
      rules[id] = rest;
    } else {
      const own = new Set(list.phrases.map(phraseKey));
      const remove = setting.phrases.remove?.filter((p) => own.has(phraseKey(p)));
      const phrases = { ...setting.phrases, ...(remove ? { remove } : {}) };
      if (phrases.remove?.length === 0) delete phrases.remove;
      rules[id] = { ...setting, phrases };
    }
  }
  return { ...policy, rules };
}
