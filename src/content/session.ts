// One session per compose window: check after a pause in typing, draw only the newest answer.
import type { Draft } from '../engine/schemas/draft.ts';
import type { CheckResult } from '../engine/schemas/finding.ts';
import type { Result } from '../shared/messages.ts';
import type { ComposeWindow } from './adapters/types.ts';

export interface Counts {
  blocking: number;
  warnings: number;
}

export type ChipState =
  /** `last`: the counts of the latest answer, kept on screen while the next check runs. */
  | { kind: 'checking'; last?: Counts }
  | { kind: 'result'; blocking: number; warnings: number; result: CheckResult }
  | { kind: 'unavailable'; reason: string };

export interface SessionView {
  show(state: ChipState): void;
}

export interface SessionDeps {
  /** `provisional`: a worker just woken answered with word lists; the full answer is a moment away. */
  check(draft: Draft): Promise<Result<{ result: CheckResult; provisional?: boolean }>>;
  view: SessionView;
  debounceMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export const TYPING_PAUSE_MS = 300;

/**
 * How long to wait for the checker's answer on this draft: `baseMs`, plus a second per 100,000 characters.
 * A long email takes the engine longer (about 0.7 s for 1 MB in node, several times that in a busy
 * browser), so a 1 MB email gets its answer instead of "no answer within 5000 ms"; a short one is unchanged.
 */
export function checkTimeoutFor(draft: Pick<Draft, 'subject' | 'body'>, baseMs: number): number {
  return baseMs + Math.floor((draft.subject.length + draft.body.length) / 100_000) * 1000;
}

export function startSession(
  window: ComposeWindow,
  signal: AbortSignal,
  deps: SessionDeps,
): { checkNow(): Promise<void> } {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const pause = deps.debounceMs ?? TYPING_PAUSE_MS;
  let version = 0;
  let timer: unknown;
  let last: Counts | undefined;

  /** `followUp`: this check asks again after a provisional answer (it never asks again itself). */
  const checkNow = async (followUp = false) => {
    const mine = ++version;
    // The chip keeps the last counts while checking, so it does not flash "0" on every pause in typing.
    deps.view.show(last ? { kind: 'checking', last } : { kind: 'checking' });
    const draft = window.readDraft();
    let answer = await deps.check(draft);
    // A worker stopped in the middle of the check (Chromium stops an idle extension worker at will; a crash
    // does the same) is started again by the next message: one more try before the chip says it failed.
    if (!answer.ok && !signal.aborted && mine === version) answer = await deps.check(draft);
    // A result for an older version of the text is never drawn.
    if (signal.aborted || mine !== version) return;
    if (!answer.ok) {
      deps.view.show({ kind: 'unavailable', reason: answer.reason });
      return;
    }
    const { findings } = answer.data.result;
    last = {
      blocking: findings.filter((f) => f.severity === 'block').length,
      warnings: findings.filter((f) => f.severity === 'warn').length,
    };
    deps.view.show({ kind: 'result', ...last, result: answer.data.result });
    // A provisional answer is drawn at once and replaced by the full one: each check asks again once, and
    // the follow-up never does, so a worker that cannot start its full reader is not asked in a loop. (An
    // edit that makes the follow-up stale starts a check of its own, which asks again if it needs to.)
    if (answer.data.provisional && !followUp) void checkNow(true);
  };

  window.onChange(() => {
    version++; // an edit makes any check in flight stale at once
    if (timer !== undefined) clearTimer(timer);
    timer = setTimer(() => {
      timer = undefined;
      void checkNow();
    }, pause);
  }, signal);
  signal.addEventListener('abort', () => {
    if (timer !== undefined) clearTimer(timer);
  });
  void checkNow();
  return { checkNow };
}
