import { describe, expect, it } from 'vitest';
import type { WorkerContext } from './context.ts';
import { handleMessage } from './router.ts';

function context(overrides: Partial<WorkerContext> = {}): WorkerContext {
  let clock = 1_000;
  return {
    version: '9.9.9',
    startedAt: 1_000,
    now: () => (clock += 5),
    counters: { checks: 0 },
    storeReport: async () => 1,
    audit: { append: async () => 1, list: async () => [] },
    loadPolicy: async () => ({ policy: undefined, source: 'default' }),
    ...overrides,
  };
}

describe('worker router', () => {
  it('answers a ping with the version', async () => {
    expect(await handleMessage({ kind: 'ping' }, context())).toEqual({ kind: 'pong', version: '9.9.9' });
  });

  it('refuses an unknown kind with a reason', async () => {
    const answer = await handleMessage({ kind: 'format-disk' }, context());
    expect(answer.kind).toBe('error');
  });

  it('refuses a check whose draft does not parse, naming the path', async () => {
    const answer = await handleMessage(
      { kind: 'check', draft: { subject: 'x', body: 3, to: [], cc: [], bcc: [] } },
      context(),
    );
    expect(answer).toMatchObject({ kind: 'error' });
    expect((answer as { reason: string }).reason).toContain('draft.body');
  });

  it('reports the policy source and uptime in its status', async () => {
    const answer = await handleMessage(
      { kind: 'get-status' },
      context({ loadPolicy: async () => ({ policy: { version: 1 }, source: 'user' }) }),
    );
    expect(answer).toMatchObject({
      kind: 'status',
      status: { version: '9.9.9', policySource: 'user', checksSinceStart: 0 },
    });
  });

  it('turns a failing handler into an error answer instead of a rejected promise', async () => {
    const answer = await handleMessage(
      { kind: 'get-status' },
      context({
        loadPolicy: async () => {
          throw new Error('storage exploded');
        },
      }),
    );
    expect(answer).toEqual({ kind: 'error', reason: 'the checker failed: storage exploded' });
  });

  it('stores a false-positive report with the time and no email text', async () => {
    const stored: unknown[] = [];
    const answer = await handleMessage(
      {
        kind: 'report-false-positive',
        report: { ruleId: 'tone/per-my-last', category: 'tone', excerptLength: 16, site: 'gmail' },
      },
      context({
        storeReport: async (report) => {
          stored.push(report);
          return stored.length;
        },
      }),
    );
    expect(answer).toEqual({ kind: 'reported', stored: 1 });
    expect(stored).toEqual([
      {
        ruleId: 'tone/per-my-last',
        category: 'tone',
        excerptLength: 16,
        site: 'gmail',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
  });

  it('refuses a report that carries the excerpt itself', async () => {
    const answer = await handleMessage(
      {
        kind: 'report-false-positive',
        report: { ruleId: 'x/y', category: 'tone', excerptLength: 3, site: 'gmail', excerpt: 'abc' },
      },
      context(),
    );
    expect(answer.kind).toBe('error');
  });
});
