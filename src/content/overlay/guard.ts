// Whether the send gate guards a compose, as its chip shows it. A compose just opened may draw its toolbar a
// little after its editor, so "not guarded" is shown (and counted) only once it has lasted GUARD_SETTLE_MS.
import type { GuardState } from './status-chip.tsx';

/** A compose just opened may draw its toolbar a little after its editor: not guarded only if it lasts. */
export const GUARD_SETTLE_MS = 1500;

export interface GuardWatch {
  readonly state: GuardState;
  /** Asks the gate again; true when the state shown changed. */
  read(): boolean;
}

/**
 * `guarded` is the gate's answer now (a throw counts as "no"); `onUnguarded` is called once, the first time
 * the compose is shown as not guarded. `now` is the clock (milliseconds).
 */
export function createGuardWatch(
  guarded: () => boolean,
  onUnguarded?: () => void,
  now: () => number = Date.now,
): GuardWatch {
  let state: GuardState = 'pending';
  let unguardedSince: number | null = null;
  let reported = false;
  return {
    get state() {
      return state;
    },
    read() {
      let raw = false;
      try {
        raw = guarded();
      } catch {
        raw = false;
      }
      const before = state;
      if (raw) {
        state = 'guarded';
        unguardedSince = null;
      } else {
        const at = now();
        unguardedSince ??= at;
        if (at - unguardedSince >= GUARD_SETTLE_MS) {
          state = 'unguarded';
          if (!reported) {
            reported = true;
            onUnguarded?.();
          }
        }
      }
      return state !== before;
    },
  };
}
