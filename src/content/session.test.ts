import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Draft } from '../engine/schemas/draft.ts';
import type { CheckResult, Finding } from '../engine/schemas/finding.ts';
import type { Result } from '../shared/messages.ts';
import { createFakeAdapter } from './adapters/fake/index.ts';
import { type ChipState, checkTimeoutFor, startSession } from './session.ts';

const PASS = {
  personalization: 'pass',
  accuracy: 'pass',
  slaCompliance: 'pass',
  dataPrivacy: 'pass',
  humanReview: 'pass',
} as const;

function finding(severity: Finding['severity']): Finding {
  return {
    ruleId: 'x/y',
    category: 'tone',
    severity,
    message: 'm',
    clause: 'c',
    field: 'body',
    start: 0,
    end: 1,
    excerpt: 'a',
  };
}

/** A checker that counts one blocking finding per "!" and can be made slow per call. */
function makeChecker() {
  const calls: Draft[] = [];
  const gates: Array<() => void> = [];
  let slow = false;
  return {
    calls,
    slowNext() {
      slow = true;
    },
    releaseAll() {
      for (const release of gates.splice(0)) release();
    },
    async check(draft: Draft): Promise<Result<{ result: CheckResult }>> {
      calls.push(draft);
      if (slow) {
        slow = false;
        await new Promise<void>((resolve) => gates.push(resolve));
      }
      const findings = [...draft.body].filter((c) => c === '!').map(() => finding('block'));
      return { ok: true, data: { result: { findings, scorecard: PASS } } };
    },
  };
}

describe('compose session', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const adapter = createFakeAdapter();
    const states: ChipState[] = [];
    const checker = makeChecker();
    const outer = new AbortController();
    adapter.observeComposeWindows(outer.signal, (window, signal) => {
      startSession(window, signal, { view: { show: (s) => states.push(s) }, check: (d) => checker.check(d) });
    });
    return { adapter, states, checker, outer };
  }

  const last = (states: ChipState[]) => states[states.length - 1];

  it('checks a compose when it opens and shows the counts', async () => {
    const { adapter, states } = setup();
    adapter.open({ body: 'We promise!' });
    await vi.runAllTimersAsync();
    expect(last(states)).toMatchObject({ kind: 'result', blocking: 1, warnings: 0 });
  });

  it('waits for a pause in typing and checks once for a burst of edits', async () => {
    const { adapter, checker } = setup();
    const compose = adapter.open();
    await vi.runAllTimersAsync();
    for (const body of ['W', 'We', 'We ', 'We p']) {
      compose.edit({ body });
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(checker.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(300);
    expect(checker.calls.map((d) => d.body)).toEqual(['', 'We p']);
  });

  it('never draws a result for an older version of the text', async () => {
    const { adapter, states, checker } = setup();
    const compose = adapter.open();
    await vi.runAllTimersAsync();
    checker.slowNext();
    compose.edit({ body: 'old!!!' });
    await vi.advanceTimersByTimeAsync(300); // the slow check of "old!!!" is in flight
    compose.edit({ body: 'new!' });
    await vi.advanceTimersByTimeAsync(300);
    checker.releaseAll();
    await vi.runAllTimersAsync();
    const results = states.filter((s) => s.kind === 'result');
    expect(results.map((s) => s.kind === 'result' && s.blocking)).not.toContain(3);
    expect(last(states)).toMatchObject({ kind: 'result', blocking: 1 });
  });

  it('keeps the last counts on the chip while the next check runs', async () => {
    const { adapter, states, checker } = setup();
    const compose = adapter.open({ body: 'No! Never!' });
    await vi.runAllTimersAsync();
    checker.slowNext();
    compose.edit({ body: 'No! Never! Ever!' });
    await vi.advanceTimersByTimeAsync(300);
    expect(last(states)).toEqual({ kind: 'checking', last: { blocking: 2, warnings: 0 } });
    checker.releaseAll();
    await vi.runAllTimersAsync();
    expect(last(states)).toMatchObject({ kind: 'result', blocking: 3 });
    expect(states[0]).toEqual({ kind: 'checking' });
  });

  it('says plainly when the checker cannot answer', async () => {
    const adapter = createFakeAdapter();
    const states: ChipState[] = [];
    adapter.observeComposeWindows(new AbortController().signal, (window, signal) => {
      startSession(window, signal, {
        view: { show: (s) => states.push(s) },
        check: async () => ({ ok: false, reason: 'no answer within 5000 ms' }),
      });
    });
    adapter.open();
    await vi.runAllTimersAsync();
    expect(last(states)).toEqual({ kind: 'unavailable', reason: 'no answer within 5000 ms' });
  });

  it('asks again once after a provisional answer and draws the full one', async () => {
    const adapter = createFakeAdapter();
    const states: ChipState[] = [];
    const answers: { blocking: number; provisional?: boolean }[] = [
      { blocking: 0, provisional: true },
      { blocking: 1 },
      { blocking: 1, provisional: true },
      { blocking: 2, provisional: true },
      { blocking: 3, provisional: true },
    ];
    let calls = 0;
    adapter.observeComposeWindows(new AbortController().signal, (window, signal) => {
      startSession(window, signal, {
        view: { show: (s) => states.push(s) },
        check: async () => {
          const a = answers[calls++]!;
          const result = {
            findings: Array.from({ length: a.blocking }, () => finding('block')),
            scorecard: PASS,
          };
          return { ok: true, data: a.provisional ? { result, provisional: true } : { result } };
        },
      });
    });
    const compose = adapter.open();
    await vi.runAllTimersAsync();
    expect(calls).toBe(2);
    expect(states.filter((s) => s.kind === 'result').map((s) => s.kind === 'result' && s.blocking)).toEqual([
      0, 1,
    ]);
    // A worker that keeps answering provisionally is asked again once, not in a loop.
    compose.edit({ body: 'x' });
    await vi.runAllTimersAsync();
    expect(calls).toBe(4);
    expect(last(states)).toMatchObject({ kind: 'result', blocking: 2 });
  });

  it('asks again after a provisional answer even when an edit made the earlier follow-up stale', async () => {
    // A worker woken twice (stopped between two pauses in typing): both first answers are provisional. The
    // follow-up to the first is made stale by typing; the second must still be followed up, or the chip
    // keeps the word-list answer until the next edit.
    const adapter = createFakeAdapter();
    const states: ChipState[] = [];
    const answers = [
      { blocking: 1, provisional: true },
      { blocking: 1 }, // the follow-up, answered after the edit below: stale, never drawn
      { blocking: 2, provisional: true },
      { blocking: 3 },
    ];
    let calls = 0;
    let hold: (() => void) | undefined;
    adapter.observeComposeWindows(new AbortController().signal, (window, signal) => {
      startSession(window, signal, {
        view: { show: (s) => states.push(s) },
        check: async () => {
          const a = answers[calls++]!;
          if (calls === 2) await new Promise<void>((resolve) => (hold = resolve));
          const result = {
            findings: Array.from({ length: a.blocking }, () => finding('block')),
            scorecard: PASS,
          };
          return { ok: true, data: a.provisional ? { result, provisional: true } : { result } };
        },
      });
    });
    const compose = adapter.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(2);
    compose.edit({ body: 'We guarantee it.' });
    hold?.();
    await vi.runAllTimersAsync();
    expect(calls).toBe(4);
    expect(states.filter((s) => s.kind === 'result').map((s) => s.kind === 'result' && s.blocking)).toEqual([
      1, 2, 3,
    ]);
    expect(last(states)).toMatchObject({ kind: 'result', blocking: 3 });
  });

  it('tries once more when a check fails (a worker stopped mid-check), then says why if it fails again', async () => {
    const adapter = createFakeAdapter();
    const states: ChipState[] = [];
    const answers: Result<{ result: CheckResult }>[] = [
      { ok: false, reason: 'the checker stopped before it answered' },
      { ok: true, data: { result: { findings: [finding('block')], scorecard: PASS } } },
      { ok: false, reason: 'the checker stopped before it answered' },
      { ok: false, reason: 'the checker is not running' },
    ];
    const drafts: Draft[] = [];
    adapter.observeComposeWindows(new AbortController().signal, (window, signal) => {
      startSession(window, signal, {
        view: { show: (s) => states.push(s) },
        check: async (draft) => {
          drafts.push(draft);
          return answers.shift() ?? { ok: false, reason: 'no more answers' };
        },
      });
    });
    const compose = adapter.open({ body: 'first' });
    await vi.runAllTimersAsync();
    expect(last(states)).toMatchObject({ kind: 'result', blocking: 1 });
    compose.edit({ body: 'second' });
    await vi.runAllTimersAsync();
    expect(last(states)).toEqual({ kind: 'unavailable', reason: 'the checker is not running' });
    // The retry checks the same text again.
    expect(drafts.map((d) => d.body)).toEqual(['first', 'first', 'second', 'second']);
  });

  it('stops checking once the compose closes', async () => {
    const { adapter, checker } = setup();
    const compose = adapter.open();
    await vi.runAllTimersAsync();
    compose.edit({ body: 'a' });
    compose.close();
    compose.edit({ body: 'b' });
    await vi.runAllTimersAsync();
    expect(checker.calls).toHaveLength(1);
  });
});

describe('check time-out', () => {
  it('grows with the length of the draft, a second per 100,000 characters', () => {
    expect(checkTimeoutFor({ subject: 'Hi', body: 'Short note.' }, 5000)).toBe(5000);
    expect(checkTimeoutFor({ subject: '', body: 'x'.repeat(1_048_576) }, 5000)).toBe(15_000);
    expect(checkTimeoutFor({ subject: 'x'.repeat(50_000), body: 'x'.repeat(50_000) }, 4000)).toBe(5000);
  });
});
