// Generated from the engine's rule metadata: a new rule appears here with no UI work.
import { Fragment } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { BUILT_IN_PHRASE_LISTS } from '../../engine/phrase-edits.ts';
import { CATEGORIES, type Category } from '../../engine/schemas/finding.ts';
import type { CustomRule, PhraseEdits, Policy } from '../../engine/schemas/policy.ts';
import type { RuleListEntry } from '../../shared/messages.ts';
import { patternVerdict } from '../../shared/pattern-safety.ts';
import type { RuleStats } from '../../shared/rule-stats.ts';
import { isLocked } from '../../shared/settings/managed-locks.ts';
import { Issues, LockedNote, Section, type SectionProps } from './common.tsx';
import { PhraseEditor } from './phrase-editor.tsx';

type Setting = NonNullable<Policy['rules']>[string];

const ruleLocked = (locked: readonly string[], r: RuleListEntry) =>
  isLocked(locked, `rules.${r.id}`) || isLocked(locked, `rules.${r.category}`) || isLocked(locked, 'rules.*');

export function RulesSection(props: SectionProps & { stats: Record<string, RuleStats> }) {
  const { user, locked, rules, save, stats } = props;
  const [filter, setFilter] = useState('');
  const [issues, setIssues] = useState<string[]>([]);
  const update = async (id: string, patch: Setting) => {
    const current = user.rules?.[id] ?? {};
    const next: Policy = { ...user, rules: { ...user.rules, [id]: { ...current, ...patch } } };
    setIssues(await save(next));
  };
  /** Replaces a rule's phrase edits, keeping its other settings; no edits leaves no `phrases` key. */
  const savePhrases = async (id: string, phrases: PhraseEdits | undefined): Promise<string[]> => {
    const { phrases: _old, ...rest } = user.rules?.[id] ?? {};
    const setting: Setting = phrases ? { ...rest, phrases } : rest;
    const found = await save({ ...user, rules: { ...user.rules, [id]: setting } });
    setIssues(found);
    return found;
  };
  const allShadow = props.effective.rules?.['*']?.shadow === true;
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return q
      ? rules.filter((r) =>
          `${r.id} ${r.category} ${r.description} ${BUILT_IN_PHRASE_LISTS.get(r.id)?.phrases.join(' ') ?? ''}`
            .toLowerCase()
            .includes(q),
        )
      : rules;
  }, [rules, filter]);
  return (
    <Section id="rules" title="Rules">
      <p>
        Turn rules on or off, set how strongly each one acts, and whether a sender may override it with a
        written reason. <strong>Observe only</strong> (shadow mode) underlines findings but never holds a
        send: use it to see a rule's noise before enforcing it. Counts come from this browser only.
      </p>
      <label class="inline">
        <input
          type="checkbox"
          checked={allShadow}
          disabled={isLocked(locked, 'rules.*')}
          data-preflight-shadow-all=""
          onChange={(e) => void update('*', { shadow: e.currentTarget.checked })}
        />
        Observe only, for every rule (roll-out mode)
      </label>
      <LockedNote locked={locked} path="rules.*" />
      <Issues issues={issues} label="rules" />
      <p>
        <label>
          Filter rules{' '}
          <input type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        </label>
      </p>
      <div class="table-wrap">
        <table class="rules" data-preflight-rules="">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">On</th>
              <th scope="col">Severity</th>
              <th scope="col">Overridable</th>
              <th scope="col">Observe only</th>
              <th
                scope="col"
                title="findings at send · sends held · overrides · dismissals · false-positive reports"
              >
                Findings / held / overrides / dismissed / reported
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const off = r.effectiveSeverity === 'off';
              const lock = ruleLocked(locked, r);
              const s = stats[r.id];
              const phrases = BUILT_IN_PHRASE_LISTS.get(r.id);
              return (
                <Fragment key={r.id}>
                  <tr
                    data-rule-row={r.id}
                    data-severity={r.effectiveSeverity}
                    class={phrases ? 'has-phrases' : undefined}
                  >
                    <td>
                      <code>{r.id}</code>
                      {lock && <span class="locked"> (locked)</span>}
                      <div class="desc">{r.description}</div>
                      <div class="clause">Policy: {r.clauseText}</div>
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${r.id} on`}
                        data-preflight-rule-toggle={r.id}
                        checked={!off}
                        disabled={lock}
                        onChange={(e) =>
                          void update(r.id, { severity: e.currentTarget.checked ? r.severity : 'off' })
                        }
                      />
                    </td>
                    <td>
                      <select
                        aria-label={`${r.id} severity`}
                        data-preflight-rule-severity={r.id}
                        value={off ? r.severity : r.effectiveSeverity}
                        disabled={lock || off}
                        onChange={(e) =>
                          void update(r.id, { severity: e.currentTarget.value as 'block' | 'warn' | 'info' })
                        }
                      >
                        <option value="block">block</option>
                        <option value="warn">warn</option>
                        <option value="info">info</option>
                      </select>
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${r.id} overridable`}
                        checked={r.overridable}
                        disabled={lock}
                        onChange={(e) => void update(r.id, { overridable: e.currentTarget.checked })}
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${r.id} observe only`}
                        data-preflight-rule-shadow={r.id}
                        checked={r.shadow}
                        disabled={lock}
                        onChange={(e) => void update(r.id, { shadow: e.currentTarget.checked })}
                      />
                    </td>
                    <td class="stats" data-preflight-rule-stats={r.id}>
                      {s
                        ? `${s.findings} / ${s.held} / ${s.overrides} / ${s.dismissals} / ${s.falsePositives}`
                        : '0 / 0 / 0 / 0 / 0'}
                    </td>
                  </tr>
                  {phrases && (
                    <tr class="phrases-row" data-phrases-row={r.id}>
                      <td colSpan={6}>
                        <PhraseEditor
                          list={phrases}
                          edits={props.effective.rules?.[r.id]?.phrases}
                          locked={lock}
                          onSave={(next) => savePhrases(r.id, next)}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="hint">
        Under each rule with a phrase list, open <em>Phrases</em> to remove built-in phrases or add your own
        (the rule's severity, message and exceptions apply to them). For wording of a different kind, add a
        custom phrase rule below.
      </p>
      <CustomRules {...props} />
    </Section>
  );
}

function CustomRules({ user, locked, save }: SectionProps) {
  const rules = user.customRules ?? [];
  const lock = isLocked(locked, 'customRules');
  const [id, setId] = useState('');
  const [category, setCategory] = useState<Category>('tone');
  const [severity, setSeverity] = useState<'block' | 'warn' | 'info'>('warn');
  const [message, setMessage] = useState('');
  const [mode, setMode] = useState<'phrases' | 'pattern'>('phrases');
  const [phrases, setPhrases] = useState('');
  const [pattern, setPattern] = useState('');
  const [issues, setIssues] = useState<string[]>([]);
  const verdict = mode === 'pattern' && pattern ? patternVerdict(pattern) : null;
  const phraseList = phrases
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);
  const ready =
    /^[a-z0-9][a-z0-9-]*$/.test(id) &&
    message.trim() !== '' &&
    (mode === 'phrases' ? phraseList.length > 0 : verdict?.safe === true);
  const add = async () => {
    const rule: CustomRule = {
      id,
      category,
      severity,
      message: message.trim(),
      ...(mode === 'phrases' ? { phrases: phraseList } : { pattern }),
    };
    const found = await save({ ...user, customRules: [...rules.filter((r) => r.id !== id), rule] });
    setIssues(found);
    if (found.length === 0) {
      setId('');
      setMessage('');
      setPhrases('');
      setPattern('');
    }
  };
  const remove = async (ruleId: string) =>
    setIssues(await save({ ...user, customRules: rules.filter((r) => r.id !== ruleId) }));
  return (
    <div class="custom-rules" data-preflight-custom-rules="">
      <h3>Custom phrase rules</h3>
      <LockedNote locked={locked} path="customRules" />
      {rules.length > 0 && (
        <ul>
          {rules.map((r) => (
            <li key={r.id} data-custom-rule={r.id}>
              <code>custom/{r.id}</code> · {r.category} · {r.severity} · {r.message} ·{' '}
              {r.pattern ? <code>/{r.pattern}/</code> : r.phrases?.join(', ')}{' '}
              <button type="button" disabled={lock} onClick={() => void remove(r.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <fieldset disabled={lock}>
        <legend>Add a rule</legend>
        <div class="grid">
          <label>
            Id
            <input
              data-preflight-custom="id"
              value={id}
              placeholder="code-names"
              onInput={(e) => setId(e.currentTarget.value.trim().toLowerCase())}
            />
          </label>
          <label>
            Category
            <select
              data-preflight-custom="category"
              value={category}
              onChange={(e) => setCategory(e.currentTarget.value as Category)}
            >
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label>
            Severity
            <select
              data-preflight-custom="severity"
              value={severity}
              onChange={(e) => setSeverity(e.currentTarget.value as 'block' | 'warn' | 'info')}
            >
              <option value="block">block</option>
              <option value="warn">warn</option>
              <option value="info">info</option>
            </select>
          </label>
          <label>
            Message shown to the sender
            <input
              data-preflight-custom="message"
              value={message}
              onInput={(e) => setMessage(e.currentTarget.value)}
            />
          </label>
        </div>
        <div role="radiogroup" aria-label="Match by">
          <label class="inline">
            <input
              type="radio"
              name="mode"
              checked={mode === 'phrases'}
              onChange={() => setMode('phrases')}
            />
            Phrases
          </label>
          <label class="inline">
            <input
              type="radio"
              name="mode"
              data-preflight-custom="mode-pattern"
              checked={mode === 'pattern'}
              onChange={() => setMode('pattern')}
            />
            Pattern (regular expression)
          </label>
        </div>
        {mode === 'phrases' ? (
          <label>
            Phrases, one a line (case and hyphens ignored)
            <textarea
              data-preflight-custom="phrases"
              rows={3}
              value={phrases}
              onInput={(e) => setPhrases(e.currentTarget.value)}
            />
          </label>
        ) : (
          <label>
            Pattern
            <input
              data-preflight-custom="pattern"
              value={pattern}
              aria-describedby="pattern-verdict"
              onInput={(e) => setPattern(e.currentTarget.value)}
            />
          </label>
        )}
        {verdict && (
          <p
            id="pattern-verdict"
            role={verdict.safe ? 'status' : 'alert'}
            class={verdict.safe ? 'ok' : 'error'}
            data-preflight-pattern-verdict={verdict.safe ? 'safe' : 'unsafe'}
          >
            {verdict.safe ? 'Safe pattern.' : `Refused: ${verdict.reason}`}
          </p>
        )}
        <button type="button" data-preflight-custom="add" disabled={!ready} onClick={() => void add()}>
          Add rule
        </button>
      </fieldset>
      <Issues issues={issues} label="custom-rules" />
    </div>
  );
}
