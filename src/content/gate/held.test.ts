import { describe, expect, it } from 'vitest';
import type { Finding } from '../../engine/schemas/finding.ts';
import type { Decision } from './decide.ts';
import {
  AUDIT_NOT_WRITTEN,
  CHECKER_SILENT,
  dialogFor,
  type Effect,
  type HeldEvent,
  type HeldState,
  MAX_CHANGES,
  SEND_NOT_FOUND,
  start,
  step,
} from './held.ts';

function finding(id = 'x/block', suggestion?: string): Finding {
  return {
    ruleId: id,
    category: 'placeholder',
    severity: 'block',
    message: 'm',
    clause: 'c',
    field: 'body',
    start: 0,
    end: 1,
    excerpt: 'H',
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}

const hold = (canOverride = true, f: Finding[] = [finding()]): Decision => ({
  kind: 'hold',
  blocking: f,
  canOverride,
});
const RELEASE: Decision = { kind: 'release' };
const WHY = 'The customer asked for this exact wording';

/** Runs events from the start, returning the last state and every effect asked for on the way. */
function run(events: HeldEvent[], failMode: 'ask' | 'closed' = 'ask') {
  const first = start(failMode);
  let state: HeldState = first.state;
  const effects: Effect[] = [...first.effects];
  const each: Effect[][] = [first.effects];
  for (const event of events) {
    const t = step(state, event);
    state = t.state;
    effects.push(...t.effects);
    each.push(t.effects);
  }
  return { state, effects, each, types: effects.map((e) => e.type) };
}

const answered = (decision: Decision, fixable?: boolean[]): HeldEvent => ({
  type: 'answered',
  decision,
  failMode: 'ask',
  ...(fixable ? { fixable } : {}),
});
const failed = (failMode: 'ask' | 'closed' = 'ask'): HeldEvent => ({
  type: 'failed',
  reason: 'no answer',
  failMode,
});

describe('a held send', () => {
  it('starts by checking', () => {
    const { state, types } = run([]);
    expect(state.phase.kind).toBe('checking');
    expect(types).toEqual(['check']);
  });

  it('a clean email: verified, then released without a record, once', () => {
    const r = run([answered(RELEASE), { type: 'verified', same: true }, { type: 'released', sent: true }]);
    expect(r.types).toEqual(['check', 'verify', 'release', 'cooldown']);
    expect(r.state.phase).toEqual({ kind: 'done', outcome: 'sent' });
    // Nothing is shown for a clean email that never showed a dialog.
    expect(dialogFor(run([answered(RELEASE)]).state, null)).toBeNull();
  });

  it('a clean email whose text changed after its check is checked again', () => {
    const r = run([answered(RELEASE), { type: 'verified', same: false }]);
    expect(r.state.phase.kind).toBe('checking');
    expect(r.types).toEqual(['check', 'verify', 'check']);
    const held = run([answered(RELEASE), { type: 'verified', same: false }, answered(hold())]);
    expect(held.state.phase).toMatchObject({ kind: 'held', note: expect.stringContaining('changed') });
  });

  it('text that keeps changing ends in the person deciding, not a loop', () => {
    const events: HeldEvent[] = [];
    for (let i = 0; i <= MAX_CHANGES; i++) events.push(answered(RELEASE), { type: 'verified', same: false });
    const r = run(events);
    expect(r.state.phase.kind).toBe('unavailable');
    expect(r.types.filter((t) => t === 'release')).toEqual([]);
  });

  it('held -> cancel: nothing sent, the draft and caret go back, the decision recorded', () => {
    const r = run([answered(hold()), { type: 'cancel' }]);
    expect(r.state.phase).toEqual({ kind: 'done', outcome: 'cancelled' });
    expect(r.types).toContain('return-to-editor');
    expect(r.effects).toContainEqual({ type: 'record', decision: 'cancelled' });
    expect(r.types).not.toContain('release');
  });

  it('cancel while checking ends it; a late answer then does nothing', () => {
    const r = run([{ type: 'cancel' }, answered(RELEASE), { type: 'verified', same: true }]);
    expect(r.state.phase).toEqual({ kind: 'done', outcome: 'cancelled' });
    expect(r.types).not.toContain('release');
  });

  it('send anyway: verify, record with the justification, then release', () => {
    const r = run([
      answered(hold()),
      { type: 'send-anyway', justification: WHY },
      { type: 'verified', same: true },
      { type: 'recorded', ok: true },
      { type: 'released', sent: true },
    ]);
    expect(r.types).toEqual(['check', 'verify', 'record', 'release', 'cooldown']);
    expect(r.effects).toContainEqual({ type: 'record', decision: 'sent-anyway', justification: WHY });
    expect(r.state.phase).toEqual({ kind: 'done', outcome: 'sent' });
  });

  it('two fast clicks on "Send anyway" send once, and the dialog is busy from the first', () => {
    const shown = dialogFor(run([answered(hold())]).state, null);
    const r = run([
      answered(hold()),
      { type: 'send-anyway', justification: WHY },
      { type: 'send-anyway', justification: WHY },
      { type: 'verified', same: true },
      { type: 'send-anyway', justification: WHY },
      { type: 'cancel' },
      { type: 'recorded', ok: true },
      { type: 'send-anyway', justification: WHY },
      { type: 'released', sent: true },
      { type: 'send-anyway', justification: WHY },
    ]);
    expect(r.types.filter((t) => t === 'release')).toHaveLength(1);
    expect(r.types.filter((t) => t === 'record')).toHaveLength(1);
    for (const events of [
      [answered(hold()), { type: 'send-anyway', justification: WHY } as HeldEvent],
      [
        answered(hold()),
        { type: 'send-anyway', justification: WHY } as HeldEvent,
        { type: 'verified', same: true } as HeldEvent,
      ],
    ]) {
      expect(dialogFor(run(events).state, shown)).toMatchObject({ kind: 'held', busy: true });
    }
  });

  it('send anyway needs a justification and an overridable finding', () => {
    expect(run([answered(hold()), { type: 'send-anyway', justification: 'short' }]).state.phase.kind).toBe(
      'held',
    );
    expect(run([answered(hold(false)), { type: 'send-anyway', justification: WHY }]).state.phase.kind).toBe(
      'held',
    );
  });

  it('send anyway on text that changed behind the dialog checks it again first', () => {
    const r = run([
      answered(hold()),
      { type: 'send-anyway', justification: WHY },
      { type: 'verified', same: false },
    ]);
    expect(r.state.phase.kind).toBe('checking');
    expect(r.types).not.toContain('record');
    expect(r.types).not.toContain('release');
  });

  it('the worker dies while the decision is written: the send still goes once, and the person is told', () => {
    const r = run([
      answered(hold()),
      { type: 'send-anyway', justification: WHY },
      { type: 'verified', same: true },
      { type: 'recorded', ok: false },
      { type: 'released', sent: true },
    ]);
    expect(r.effects).toContainEqual({ type: 'notify', text: AUDIT_NOT_WRITTEN });
    expect(r.types.filter((t) => t === 'release')).toHaveLength(1);
  });

  it('a release that finds no Send: not sent, cooldown, the person told', () => {
    const r = run([answered(RELEASE), { type: 'verified', same: true }, { type: 'released', sent: false }]);
    expect(r.state.phase).toEqual({ kind: 'done', outcome: 'not-sent' });
    expect(r.effects).toContainEqual({ type: 'notify', text: SEND_NOT_FOUND });
    expect(r.types).toContain('cooldown');
  });

  it('no answer: one automatic retry, then the person decides (ask)', () => {
    const once = run([failed()]);
    expect(once.state.phase.kind).toBe('checking');
    const twice = run([failed(), failed()]);
    expect(twice.state.phase).toMatchObject({ kind: 'unavailable', allowUnchecked: true });
    const sent = run([
      failed(),
      failed(),
      { type: 'send-unchecked' },
      { type: 'send-unchecked' },
      { type: 'recorded', ok: true },
      { type: 'released', sent: true },
    ]);
    expect(sent.effects).toContainEqual({
      type: 'record',
      decision: 'sent-unchecked',
      checkerFailure: CHECKER_SILENT,
    });
    expect(sent.types.filter((t) => t === 'release')).toHaveLength(1);
  });

  it('no answer under failMode closed: never sent unchecked', () => {
    const r = run([failed('closed'), failed('closed'), { type: 'send-unchecked' }], 'closed');
    expect(r.state.phase).toMatchObject({ kind: 'unavailable', allowUnchecked: false });
    expect(r.types).not.toContain('release');
  });

  it('retry checks again; a clean answer then sends', () => {
    const r = run([
      failed(),
      failed(),
      { type: 'retry' },
      answered(RELEASE),
      { type: 'verified', same: true },
      { type: 'released', sent: true },
    ]);
    expect(r.state.phase).toEqual({ kind: 'done', outcome: 'sent' });
  });

  it('an incomplete check is never a pass', () => {
    const r = run([answered({ kind: 'incomplete', ruleIds: ['a/b'] })]);
    expect(r.state.phase).toMatchObject({ kind: 'unavailable' });
  });

  it('fix: applied, checked again, the fixed text shown, sent only when the person says so', () => {
    const f = finding('x/block', 'Dana');
    const r = run([
      answered(hold(true, [f]), [true]),
      { type: 'fix', index: 0 },
      { type: 'fix', index: 0 },
      { type: 'fix-applied', ok: true, replacement: 'Hi Dana, thanks' },
      answered(RELEASE),
    ]);
    expect(r.types.filter((t) => t === 'apply-fix')).toHaveLength(1);
    expect(r.state.phase).toEqual({ kind: 'fixed', replacement: 'Hi Dana, thanks' });
    expect(r.types).not.toContain('release');
    const sent = run([
      answered(hold(true, [f]), [true]),
      { type: 'fix', index: 0 },
      { type: 'fix-applied', ok: true, replacement: 'Hi Dana' },
      answered(RELEASE),
      { type: 'send-fixed' },
      { type: 'send-fixed' },
      { type: 'verified', same: true },
      { type: 'recorded', ok: true },
      { type: 'released', sent: true },
    ]);
    expect(sent.effects).toContainEqual({ type: 'record', decision: 'fixed-and-sent' });
    expect(sent.types.filter((t) => t === 'release')).toHaveLength(1);
    expect(sent.state.phase).toEqual({ kind: 'done', outcome: 'sent' });
  });

  it('a fix not applied keeps the email held, with the reason', () => {
    const f = finding('x/block', 'Dana');
    const r = run([
      answered(hold(true, [f]), [true]),
      { type: 'fix', index: 0 },
      { type: 'fix-applied', ok: false, reason: 'the text has changed' },
    ]);
    expect(r.state.phase).toMatchObject({ kind: 'held', note: 'Not applied: the text has changed.' });
  });

  it('a fix that leaves blocking findings holds again with a note', () => {
    const f = finding('x/block', 'Dana');
    const r = run([
      answered(hold(true, [f]), [true]),
      { type: 'fix', index: 0 },
      { type: 'fix-applied', ok: true, replacement: 'x' },
      answered(hold()),
    ]);
    expect(r.state.phase).toMatchObject({ kind: 'held', note: 'Fix applied. Still blocking:' });
  });

  it('a finding without a fix is not fixed', () => {
    expect(run([answered(hold()), { type: 'fix', index: 0 }]).types).not.toContain('apply-fix');
  });

  it('go to issue ends the held send and selects the finding', () => {
    const r = run([answered(hold()), { type: 'go-to', index: 0 }]);
    expect(r.state.phase).toEqual({ kind: 'done', outcome: 'went-to-finding' });
    expect(r.types).toEqual(['check', 'record', 'select-finding']);
  });
});
