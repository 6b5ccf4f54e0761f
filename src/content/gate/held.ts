// One held send as a pure state machine: from the press that held it to its outcome (sent, cancelled, left
// for the person to edit). It decides only what happens next; the gate (gate.ts) runs the effects it asks
// for (check, read the text again, write the audit entry, release, apply a fix) and feeds their outcomes
// back as events. Pure, so every path (double clicks, a worker that dies half-way, a release that finds no
// Send button) is tested without a page.
//
// The one rule that matters most: from the person's first click on a decision until its outcome, the
// dialog is busy (every button disabled) and every further action is ignored. Two fast clicks on "Send
// anyway" write one audit entry and release one send.
import type { Finding } from '../../engine/schemas/finding.ts';
import type { AuditDecision, GateSettings } from '../../shared/messages.ts';
import { type Decision, justificationOk } from './decide.ts';

export type FailMode = GateSettings['failMode'];

/** What the person decided, carried through verify, record and release. */
export type Intent =
  | { decision: 'sent-anyway'; justification: string }
  | { decision: 'sent-unchecked'; checkerFailure: string }
  | { decision: 'fixed-and-sent' }
  /** A clean check: sent without asking, nothing to record. */
  | { decision: 'clean' };

export type Phase =
  /** The check is running. */
  | { kind: 'checking'; attempt: number }
  /** Blocking findings are shown; the person decides. */
  | { kind: 'held'; findings: Finding[]; canOverride: boolean; fixable: boolean[]; note?: string }
  /** A fix is being applied through the editor. */
  | { kind: 'fixing'; findings: Finding[]; canOverride: boolean; fixable: boolean[] }
  /** The fix is in and the email checks clean: the person sees the new text and sends or goes back. */
  | { kind: 'fixed'; replacement: string }
  /** The checker did not answer (twice) or the check is incomplete. */
  | { kind: 'unavailable'; reason: string; allowUnchecked: boolean }
  /** The text is read again and compared with the text that was checked. */
  | { kind: 'verifying'; intent: Intent }
  /** The decision is written to the audit log before the send goes. */
  | { kind: 'recording'; intent: Intent }
  /** The site's own send runs. */
  | { kind: 'releasing'; intent: Intent }
  | { kind: 'done'; outcome: Outcome };

export type Outcome = 'sent' | 'not-sent' | 'cancelled' | 'went-to-finding';

export interface HeldState {
  readonly phase: Phase;
  readonly failMode: FailMode;
  /** A fix was applied in this held send. */
  readonly fixed: boolean;
  /** Times the text changed between its check and its release (each change is checked again). */
  readonly changes: number;
  /** The fix last applied, shown when the email then checks clean. */
  readonly replacement?: string;
}

export type HeldEvent =
  /** A complete check answered; `fixable` says per blocking finding whether a fix can be applied. */
  | { type: 'answered'; decision: Decision; failMode: FailMode; fixable?: boolean[] }
  | { type: 'failed'; reason: string; failMode: FailMode }
  | { type: 'cancel' }
  | { type: 'send-anyway'; justification: string }
  | { type: 'send-unchecked' }
  | { type: 'retry' }
  | { type: 'fix'; index: number }
  | { type: 'fix-applied'; ok: true; replacement: string }
  | { type: 'fix-applied'; ok: false; reason: string }
  | { type: 'send-fixed' }
  | { type: 'go-to'; index: number }
  /** The text at release compared with the text checked. */
  | { type: 'verified'; same: boolean }
  | { type: 'recorded'; ok: boolean }
  | { type: 'released'; sent: boolean };

export type Effect =
  | { type: 'check' }
  /** Read the draft again and report `verified`. */
  | { type: 'verify' }
  /** Write an audit entry; the gate reports `recorded` when the machine waits for it. */
  | { type: 'record'; decision: AuditDecision; justification?: string; checkerFailure?: string }
  | { type: 'release' }
  | { type: 'apply-fix'; index: number; finding: Finding }
  | { type: 'select-finding'; finding: Finding }
  | { type: 'return-to-editor' }
  | { type: 'notify'; text: string }
  /** Start the cooldown in which the rest of a double click is swallowed. */
  | { type: 'cooldown' };

export interface Transition {
  state: HeldState;
  effects: Effect[];
}

/** A check that does not answer is tried once more at once (a worker stopped while idle wakes slowly). */
export const CHECK_ATTEMPTS = 2;
/** Past this many changes between check and release the text is still being edited: the person decides. */
export const MAX_CHANGES = 3;

export const AUDIT_NOT_WRITTEN =
  'Preflight could not write this decision to its audit log. It is kept in this tab and written when ' +
  'the checker answers again; closing the tab loses it.';
export const SEND_NOT_FOUND = 'Preflight could not find the Send button again. Please send once more.';
export const CHECKER_SILENT = 'the checker did not answer';

export function start(failMode: FailMode): Transition {
  return {
    state: { phase: { kind: 'checking', attempt: 1 }, failMode, fixed: false, changes: 0 },
    effects: [{ type: 'check' }],
  };
}

const to = (state: HeldState, phase: Phase, effects: Effect[] = [], patch: Partial<HeldState> = {}) => ({
  state: { ...state, ...patch, phase },
  effects,
});

const ignore = (state: HeldState): Transition => ({ state, effects: [] });

/** The phases where the person's decision is under way: the dialog is shown busy, every action ignored. */
export function isBusy(phase: Phase): boolean {
  return (
    phase.kind === 'fixing' ||
    phase.kind === 'verifying' ||
    phase.kind === 'recording' ||
    phase.kind === 'releasing'
  );
}

export function isOver(state: HeldState): boolean {
  return state.phase.kind === 'done';
}

function unavailable(state: HeldState, reason: string, failMode: FailMode): Transition {
  return to(state, { kind: 'unavailable', reason, allowUnchecked: failMode !== 'closed' }, [], { failMode });
}

function recordFor(intent: Intent): Effect | null {
  switch (intent.decision) {
    case 'sent-anyway':
      return { type: 'record', decision: 'sent-anyway', justification: intent.justification };
    case 'sent-unchecked':
      return { type: 'record', decision: 'sent-unchecked', checkerFailure: intent.checkerFailure };
    case 'fixed-and-sent':
      return { type: 'record', decision: 'fixed-and-sent' };
    default:
      return null;
  }
}

/** After the text was verified (or when nothing was checked): write the record, then release. */
function recordThenRelease(state: HeldState, intent: Intent): Transition {
  const record = recordFor(intent);
  if (record) return to(state, { kind: 'recording', intent }, [record]);
  return to(state, { kind: 'releasing', intent }, [{ type: 'release' }]);
}

function finished(state: HeldState, outcome: Outcome, effects: Effect[] = []): Transition {
  return to(state, { kind: 'done', outcome }, effects);
}

export function step(state: HeldState, event: HeldEvent): Transition {
  const phase = state.phase;
  switch (phase.kind) {
    case 'checking': {
      if (event.type === 'cancel') return finished(state, 'cancelled', [{ type: 'return-to-editor' }]);
      if (event.type === 'failed') {
        if (phase.attempt < CHECK_ATTEMPTS) {
          return to(state, { kind: 'checking', attempt: phase.attempt + 1 }, [{ type: 'check' }]);
        }
        return unavailable(state, event.reason, event.failMode);
      }
      if (event.type !== 'answered') return ignore(state);
      const decision = event.decision;
      const next = { ...state, failMode: event.failMode };
      if (decision.kind === 'release') {
        if (state.fixed) {
          return to(next, { kind: 'fixed', replacement: state.replacement ?? '' });
        }
        return to(next, { kind: 'verifying', intent: { decision: 'clean' } }, [{ type: 'verify' }]);
      }
      if (decision.kind === 'incomplete') {
        return unavailable(next, `some rules failed to run (${decision.ruleIds.join(', ')})`, event.failMode);
      }
      const note = state.fixed
        ? 'Fix applied. Still blocking:'
        : state.changes > 0
          ? 'The email changed after it was checked. Still blocking:'
          : undefined;
      return to(next, {
        kind: 'held',
        findings: decision.blocking,
        canOverride: decision.canOverride,
        fixable: decision.blocking.map((_, i) => event.fixable?.[i] === true),
        ...(note ? { note } : {}),
      });
    }
    case 'held': {
      if (event.type === 'cancel') {
        return finished(state, 'cancelled', [
          { type: 'return-to-editor' },
          { type: 'record', decision: 'cancelled' },
        ]);
      }
      if (event.type === 'send-anyway') {
        if (!phase.canOverride || !justificationOk(event.justification)) return ignore(state);
        return to(
          state,
          { kind: 'verifying', intent: { decision: 'sent-anyway', justification: event.justification } },
          [{ type: 'verify' }],
        );
      }
      if (event.type === 'go-to') {
        const finding = phase.findings[event.index];
        if (!finding) return ignore(state);
        return finished(state, 'went-to-finding', [
          { type: 'record', decision: 'went-to-finding' },
          { type: 'select-finding', finding },
        ]);
      }
      if (event.type === 'fix') {
        const finding = phase.findings[event.index];
        if (!finding || phase.fixable[event.index] !== true) return ignore(state);
        return to(
          state,
          {
            kind: 'fixing',
            findings: phase.findings,
            canOverride: phase.canOverride,
            fixable: phase.fixable,
          },
          [{ type: 'apply-fix', index: event.index, finding }],
        );
      }
      return ignore(state);
    }
    case 'fixing': {
      if (event.type !== 'fix-applied') return ignore(state);
      if (!event.ok) {
        return to(state, {
          kind: 'held',
          findings: phase.findings,
          canOverride: phase.canOverride,
          fixable: phase.fixable,
          note: `Not applied: ${event.reason}.`,
        });
      }
      return to(state, { kind: 'checking', attempt: 1 }, [{ type: 'check' }], {
        fixed: true,
        replacement: event.replacement,
      });
    }
    case 'fixed': {
      if (event.type === 'cancel') {
        return finished(state, 'cancelled', [
          { type: 'return-to-editor' },
          { type: 'record', decision: 'cancelled' },
        ]);
      }
      if (event.type !== 'send-fixed') return ignore(state);
      return to(state, { kind: 'verifying', intent: { decision: 'fixed-and-sent' } }, [{ type: 'verify' }]);
    }
    case 'unavailable': {
      if (event.type === 'cancel') {
        return finished(state, 'cancelled', [
          { type: 'return-to-editor' },
          { type: 'record', decision: 'cancelled' },
        ]);
      }
      if (event.type === 'retry') return to(state, { kind: 'checking', attempt: 1 }, [{ type: 'check' }]);
      if (event.type === 'send-unchecked') {
        if (!phase.allowUnchecked || state.failMode === 'closed') return ignore(state);
        // Nothing was checked, so there is nothing to compare: record what goes, then send.
        return recordThenRelease(state, { decision: 'sent-unchecked', checkerFailure: CHECKER_SILENT });
      }
      return ignore(state);
    }
    case 'verifying': {
      if (event.type !== 'verified') return ignore(state);
      if (event.same) return recordThenRelease(state, phase.intent);
      const changes = state.changes + 1;
      if (changes > MAX_CHANGES) {
        return unavailable(
          { ...state, changes },
          'the email kept changing while it was checked',
          state.failMode,
        );
      }
      // What goes must be what was checked: check the new text; the person decides again if it holds.
      return to(state, { kind: 'checking', attempt: 1 }, [{ type: 'check' }], { changes });
    }
    case 'recording': {
      if (event.type !== 'recorded') return ignore(state);
      const effects: Effect[] = event.ok ? [] : [{ type: 'notify', text: AUDIT_NOT_WRITTEN }];
      effects.push({ type: 'release' });
      return to(state, { kind: 'releasing', intent: phase.intent }, effects);
    }
    case 'releasing': {
      if (event.type !== 'released') return ignore(state);
      const effects: Effect[] = [{ type: 'cooldown' }];
      if (!event.sent) effects.push({ type: 'notify', text: SEND_NOT_FOUND });
      return finished(state, event.sent ? 'sent' : 'not-sent', effects);
    }
    case 'done':
      return ignore(state);
  }
}

/** What the dialog shows for a phase; null while nothing needs the person (a quick clean send). */
export type DialogState =
  | { kind: 'checking'; busy?: boolean }
  | {
      kind: 'held';
      findings: Finding[];
      canOverride: boolean;
      fixable: boolean[];
      note?: string;
      busy?: boolean;
    }
  | { kind: 'fixed'; replacement: string; busy?: boolean }
  | { kind: 'unavailable'; reason: string; allowUnchecked: boolean; busy?: boolean };

/**
 * The dialog for a state. `shown` is what the dialog showed last: a busy phase keeps it on screen with
 * every button disabled, so a second click lands on a disabled button.
 */
export function dialogFor(state: HeldState, shown: DialogState | null): DialogState | null {
  const phase = state.phase;
  switch (phase.kind) {
    case 'checking':
      return { kind: 'checking' };
    case 'held': {
      const { kind: _kind, ...rest } = phase;
      return { kind: 'held', ...rest };
    }
    case 'fixed':
      return { kind: 'fixed', replacement: phase.replacement };
    case 'unavailable':
      return { kind: 'unavailable', reason: phase.reason, allowUnchecked: phase.allowUnchecked };
    case 'fixing':
      return {
        kind: 'held',
        findings: phase.findings,
        canOverride: phase.canOverride,
        fixable: phase.fixable,
        busy: true,
      };
    case 'verifying':
    case 'recording':
    case 'releasing':
      return shown ? { ...shown, busy: true } : null;
    case 'done':
      return null;
  }
}
