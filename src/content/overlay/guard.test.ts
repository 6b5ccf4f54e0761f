import { describe, expect, it } from 'vitest';
import { createGuardWatch, GUARD_SETTLE_MS } from './guard.ts';

function setup(answers: Array<boolean | 'throw'>) {
  let clock = 0;
  let unguardedCalls = 0;
  const watch = createGuardWatch(
    () => {
      const answer = answers.length > 1 ? answers.shift() : answers[0];
      if (answer === 'throw') throw new Error('no toolbar');
      return answer === true;
    },
    () => unguardedCalls++,
    () => clock,
  );
  return {
    watch,
    advance: (ms: number) => {
      clock += ms;
    },
    unguardedCalls: () => unguardedCalls,
  };
}

describe('whether the send gate guards a compose', () => {
  it('starts pending and shows guarded as soon as the gate finds Send', () => {
    const { watch } = setup([true]);
    expect(watch.state).toBe('pending');
    expect(watch.read()).toBe(true);
    expect(watch.state).toBe('guarded');
    // Nothing changed on the next read.
    expect(watch.read()).toBe(false);
  });

  it('says not guarded only once it has lasted the settle time, and counts it once', () => {
    const { watch, advance, unguardedCalls } = setup([false]);
    expect(watch.read()).toBe(false);
    advance(GUARD_SETTLE_MS - 1);
    expect(watch.read()).toBe(false);
    expect(watch.state).toBe('pending');
    advance(1);
    expect(watch.read()).toBe(true);
    expect(watch.state).toBe('unguarded');
    advance(10_000);
    watch.read();
    expect(unguardedCalls()).toBe(1);
  });

  it('a toolbar drawn a moment after the editor never shows as not guarded', () => {
    const { watch, advance, unguardedCalls } = setup([false, false, true]);
    watch.read();
    advance(GUARD_SETTLE_MS / 2);
    watch.read();
    advance(GUARD_SETTLE_MS / 2);
    watch.read();
    expect(watch.state).toBe('guarded');
    expect(unguardedCalls()).toBe(0);
  });

  it('a Send that goes away starts the settle time again', () => {
    const { watch, advance } = setup([false, true, false, false]);
    watch.read();
    advance(GUARD_SETTLE_MS);
    expect(watch.read()).toBe(true);
    expect(watch.state).toBe('guarded');
    advance(10);
    watch.read();
    expect(watch.state).toBe('guarded');
    advance(GUARD_SETTLE_MS);
    watch.read();
    expect(watch.state).toBe('unguarded');
  });

  it('a gate that throws counts as not guarding', () => {
    const { watch, advance } = setup(['throw']);
    watch.read();
    advance(GUARD_SETTLE_MS);
    watch.read();
    expect(watch.state).toBe('unguarded');
  });
});
