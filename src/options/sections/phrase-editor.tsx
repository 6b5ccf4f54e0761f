// The phrase list of one built-in data rule: its own phrases (each can be removed and restored) and the
// owner's added ones. Saved as rules.<id>.phrases through the same path as every other setting.
import { useState } from 'preact/hooks';
import type { PhraseList } from '../../engine/phrase-edits.ts';
import {
  PHRASE_EDITS_MAX,
  PHRASE_MAX_LENGTH,
  type PhraseEdits,
  phraseKey,
} from '../../engine/schemas/policy.ts';

export interface PhraseEditorProps {
  list: PhraseList;
  /** The edits in force (the administrator's when locked, else the user's). */
  edits: PhraseEdits | undefined;
  locked: boolean;
  /** Saves the new edits; resolves to the problems (empty when saved). */
  onSave(next: PhraseEdits | undefined): Promise<string[]>;
}

/** Drops empty lists, and the whole object when nothing is edited. */
function tidy(add: readonly string[], remove: readonly string[]): PhraseEdits | undefined {
  const out: PhraseEdits = {};
  if (add.length > 0) out.add = [...add];
  if (remove.length > 0) out.remove = [...remove];
  return out.add || out.remove ? out : undefined;
}

export function PhraseEditor({ list, edits, locked, onSave }: PhraseEditorProps) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState('');
  const added = edits?.add ?? [];
  const removedKeys = new Set((edits?.remove ?? []).map(phraseKey));
  const builtInKeys = new Set(list.phrases.map(phraseKey));
  const id = list.ruleId;
  const inputId = `phrase-input-${id.replace(/[^a-z0-9-]/g, '-')}`;
  const removedCount = list.phrases.filter((p) => removedKeys.has(phraseKey(p))).length;

  const save = async (add: readonly string[], remove: readonly string[]) => {
    const issues = await onSave(tidy(add, remove));
    setProblem(issues.join('; '));
    return issues.length === 0;
  };
  const removeBuiltIn = (p: string) => void save(added, [...(edits?.remove ?? []), p]);
  const restore = (p: string) =>
    void save(
      added,
      (edits?.remove ?? []).filter((r) => phraseKey(r) !== phraseKey(p)),
    );
  const removeAdded = (p: string) =>
    void save(
      added.filter((a) => a !== p),
      edits?.remove ?? [],
    );
  const add = async () => {
    const phrase = draft.trim().replace(/\s+/g, ' ');
    if (!phrase) return;
    const key = phraseKey(phrase);
    if (builtInKeys.has(key)) {
      if (removedKeys.has(key)) {
        restore(phrase);
        setDraft('');
      } else setProblem(`"${phrase}" is already in the list.`);
      return;
    }
    if (added.some((a) => phraseKey(a) === key)) {
      setProblem(`"${phrase}" is already in the list.`);
      return;
    }
    if (await save([...added, phrase], edits?.remove ?? [])) setDraft('');
  };

  return (
    <details class="phrases" data-preflight-phrases={id}>
      <summary>
        Phrases: {list.phrases.length - removedCount} built-in
        {removedCount > 0 ? ` (${removedCount} removed)` : ''}, {added.length} added
      </summary>
      <p class="hint">
        Matched as whole words, ignoring case; spaces and hyphens are alike
        {list.inflect ? ', and each word also matches its inflections' : ''}. The rule's exceptions (a
        negation, a hedge, a question…) apply to added phrases too.
      </p>
      <ul class="phrase-list" aria-label={`Phrases of ${id}`}>
        {list.phrases.map((p) => {
          const removed = removedKeys.has(phraseKey(p));
          return (
            <li
              key={`b:${p}`}
              data-preflight-phrase={p}
              data-state={removed ? 'removed' : 'built-in'}
              class={removed ? 'removed' : undefined}
            >
              {removed ? <del>{p}</del> : <span>{p}</span>}
              {removed && <span class="sr-only"> (removed)</span>}
              <button
                type="button"
                disabled={locked}
                data-preflight-phrase-action={removed ? 'restore' : 'remove'}
                aria-label={`${removed ? 'Restore' : 'Remove'} "${p}"`}
                onClick={() => (removed ? restore(p) : removeBuiltIn(p))}
              >
                {removed ? 'Restore' : 'Remove'}
              </button>
            </li>
          );
        })}
        {added.map((p) => (
          <li key={`a:${p}`} data-preflight-phrase={p} data-state="added" class="added">
            <span>{p}</span>
            <span class="tag">added</span>
            <button
              type="button"
              disabled={locked}
              data-preflight-phrase-action="remove"
              aria-label={`Remove added "${p}"`}
              onClick={() => removeAdded(p)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div class="phrase-add">
        <label for={inputId}>Add a phrase to {id}</label>
        <input
          id={inputId}
          data-preflight-phrase-input={id}
          value={draft}
          maxLength={PHRASE_MAX_LENGTH}
          disabled={locked || added.length >= PHRASE_EDITS_MAX}
          onInput={(e) => {
            setDraft(e.currentTarget.value);
            setProblem('');
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void add();
            }
          }}
        />
        <button
          type="button"
          data-preflight-phrase-add={id}
          disabled={locked || draft.trim() === ''}
          onClick={() => void add()}
        >
          Add phrase
        </button>
      </div>
      {added.length >= PHRASE_EDITS_MAX && (
        <p class="hint" data-preflight-phrase-full={id}>
          {PHRASE_EDITS_MAX} phrases added, the most a rule takes: remove one to add another, or write a
          custom phrase rule.
        </p>
      )}
      {problem && (
        <p class="error" role="alert" data-preflight-phrase-problem={id}>
          {problem}
        </p>
      )}
    </details>
  );
}
