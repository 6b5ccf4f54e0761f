import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { workerPool } from './worker-pool.ts';

// Stand-in worker scripts in plain JavaScript: the real one is the built dist/cli/audit-worker.mjs
// (test/e2e/audit-cli.test.ts runs it).
const dir = mkdtempSync(join(tmpdir(), 'preflight-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function script(name: string, body: string): URL {
  const path = join(dir, name);
  writeFileSync(path, `import { parentPort, workerData } from 'node:worker_threads';\n${body}`);
  return pathToFileURL(path);
}
const settings = { now: '2026-01-01T00:00:00.000Z', examples: false };

describe('workerPool', () => {
  it('spreads messages over its workers, moves their bytes and returns each summary', async () => {
    const url = script(
      'echo.mjs',
      "parentPort.on('message', ({ id, bytes }) => parentPort.postMessage({ id, summary: { kind: 'unreadable', reason: bytes.length + ' ' + workerData.now } }));",
    );
    const pool = workerPool(url, 2, settings);
    const inputs = Array.from({ length: 10 }, (_, i) => new Uint8Array(i + 1));
    const summaries = await Promise.all(inputs.map((bytes) => pool.run(bytes)));
    await pool.close();
    expect(summaries.map((s) => s.kind === 'unreadable' && s.reason)).toEqual(
      inputs.map((_, i) => `${i + 1} 2026-01-01T00:00:00.000Z`),
    );
    // Transferred, not copied: the sender's buffers are detached.
    expect(inputs.every((bytes) => bytes.byteLength === 0)).toBe(true);
  });

  it('answers as failed what a stopped worker still had, and refuses when every worker stopped', async () => {
    const url = script('crash.mjs', "parentPort.on('message', () => process.exit(3));");
    const pool = workerPool(url, 1, settings);
    await expect(pool.run(new Uint8Array(1))).rejects.toThrow(/stopped \(exit code 3\)/);
    await expect(pool.run(new Uint8Array(1))).rejects.toThrow(/stopped/);
    await pool.close();
  });
});

describe('sharedPool', () => {
  it('gives each lane work by its capacity, and every message an answer', async () => {
    const { sharedPool } = await import('./pool.ts');
    const seen: string[] = [];
    const lane = (name: string, size: number) => ({
      size,
      run: async (bytes: Uint8Array) => {
        seen.push(name);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { kind: 'unreadable' as const, reason: `${name} ${bytes.length}` };
      },
      close: async () => {},
    });
    const pool = sharedPool([
      { pool: lane('main', 1), capacity: 1 },
      { pool: lane('workers', 3), capacity: 12 },
    ]);
    expect(pool.size).toBe(4);
    const answers = await Promise.all(Array.from({ length: 13 }, (_, i) => pool.run(new Uint8Array(i))));
    expect(answers.map((a) => a.kind === 'unreadable' && Number(a.reason.split(' ')[1]))).toEqual(
      Array.from({ length: 13 }, (_, i) => i),
    );
    // Thirteen at once: one for this thread, twelve for the workers.
    expect(seen.filter((name) => name === 'main')).toHaveLength(1);
    expect(seen.filter((name) => name === 'workers')).toHaveLength(12);
    await pool.close();
  });

  it('checks large messages in this thread, and moves off a lane whose threads all stopped', async () => {
    const { sharedPool, LaneGone } = await import('./pool.ts');
    const seen: string[] = [];
    const ok = (name: string) => ({
      size: 1,
      run: async (bytes: Uint8Array) => {
        seen.push(`${name} ${bytes.length}`);
        return { kind: 'unreadable' as const, reason: name };
      },
      close: async () => {},
    });
    const gone = {
      size: 1,
      run: async () => {
        seen.push('gone');
        throw new LaneGone('every worker thread stopped');
      },
      close: async () => {},
    };
    const big = sharedPool(
      [
        { pool: ok('main'), capacity: 1 },
        { pool: ok('workers'), capacity: 100 },
      ],
      10,
    );
    await Promise.all([big.run(new Uint8Array(50)), big.run(new Uint8Array(60)), big.run(new Uint8Array(1))]);
    // This thread's lane starts on the event loop's next turn (see the test below), the workers' at once.
    expect(seen).toEqual(['workers 1', 'main 50', 'main 60']);
    seen.length = 0;
    const pool = sharedPool([
      { pool: ok('main'), capacity: 1 },
      { pool: gone, capacity: 100 },
    ]);
    await pool.run(new Uint8Array(1)); // main (both idle)
    await Promise.all([pool.run(new Uint8Array(2)), pool.run(new Uint8Array(3))]);
    expect(seen).toEqual(['main 1', 'gone', 'main 2', 'main 3']);
    await pool.run(new Uint8Array(4));
    expect(seen.at(-1)).toBe('main 4');
    expect(seen.filter((s) => s === 'gone')).toHaveLength(1);
  });

  it('keeps the workers busy while this thread checks: their replies are not held behind its work', async () => {
    const { sharedPool } = await import('./pool.ts');
    const seen = { main: 0, workers: 0 };
    // This thread's lane checks synchronously (as the engine does, between microtasks); the workers' lane
    // answers as an event, as a worker's reply comes.
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const main = {
      size: 1,
      run: async () => {
        busy(2);
        seen.main++;
        return { kind: 'unreadable' as const, reason: 'main' };
      },
      close: async () => {},
    };
    const workers = {
      size: 1,
      run: () =>
        new Promise<{ kind: 'unreadable'; reason: string }>((resolve) =>
          setImmediate(() => {
            seen.workers++;
            resolve({ kind: 'unreadable', reason: 'workers' });
          }),
        ),
      close: async () => {},
    };
    const pool = sharedPool([
      { pool: main, capacity: 1 },
      { pool: workers, capacity: 4 },
    ]);
    // The audit command's loop: messages from one chunk, a bounded number in flight.
    const inflight = new Set<Promise<unknown>>();
    for (let i = 0; i < 200; i++) {
      const task: Promise<unknown> = pool.run(new Uint8Array(1)).finally(() => inflight.delete(task));
      inflight.add(task);
      if (inflight.size >= 16) await Promise.race(inflight);
    }
    await Promise.all(inflight);
    expect(seen.main + seen.workers).toBe(200);
    // Workers that answer at once take most of the work; held behind this thread's, they took a handful.
    expect(seen.workers).toBeGreaterThan(100);
  });
});
