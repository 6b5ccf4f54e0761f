import { describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { createProgress } from './progress.ts';
import { fakeCheck, fakeIo, stderr } from './test-helpers.ts';

describe('progress line', () => {
  it('counts at most ten times a second and wipes itself', () => {
    let now = 0;
    const out: string[] = [];
    const progress = createProgress(
      true,
      (text) => out.push(text),
      () => now,
    );
    progress.tick();
    now = 150;
    progress.tick();
    now = 160;
    progress.tick();
    now = 400;
    progress.tick();
    progress.clear();
    progress.restore();
    progress.clear();
    progress.clear();
    progress.restore();
    expect(out).toEqual([
      '\r\u001b[2Kchecked 2 files…',
      '\r\u001b[2Kchecked 4 files…',
      '\r\u001b[2K',
      '\r\u001b[2Kchecked 4 files…',
      '\r\u001b[2K',
      '\r\u001b[2Kchecked 4 files…',
    ]);
  });

  it('is never drawn in CI, off a terminal, or for machine-readable formats', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`d/${i}.txt`] = 'Hi Dana,\n\nThanks.\n';
    for (const [format, env, tty] of [
      ['text', { CI: 'true' }, true],
      ['text', {}, false],
      ['json', {}, true],
      ['sarif', {}, true],
    ] as const) {
      const io = fakeIo(files);
      io.env = env;
      io.stderrIsTTY = tty;
      await main(['check', '--format', format, 'd'], { io, check: fakeCheck(), version: 't' });
      expect(stderr(io)).toBe('');
    }
  });
});
