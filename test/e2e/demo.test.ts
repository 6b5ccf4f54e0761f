// `npm run demo -- --headless`, as someone trying Preflight runs it: it finishes by itself, exits 0 and
// leaves the README's screenshots in demo/.
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const LIMIT_MS = 55_000;
const SHOTS = [
  'gmail-inline-warnings.png',
  'outlook-inline-warnings.png',
  'finding-card.png',
  'send-dialog.png',
  'popup.png',
  'options.png',
];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  ms: number;
}

function runDemo(): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    // The demo decides headed or headless from the display too: no display here, as on a CI machine.
    const env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' };
    const child = spawn('npm', ['run', 'demo', '--', '--headless'], { cwd: root, env, detached: true });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => {
      // The whole process group: npm, node and the browser it started.
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, LIMIT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output, ms: Date.now() - started });
    });
  });
}

/** Width and height from the PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number; bytes: number } {
  const data = readFileSync(file);
  expect(data.subarray(0, 8).equals(PNG_SIGNATURE), `${file} is not a PNG`).toBe(true);
  expect(data.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), bytes: data.length };
}

describe('npm run demo -- --headless', () => {
  it('walks the story by itself, exits 0 and writes the screenshots to demo/', async () => {
    const startedAt = Date.now();
    const run = await runDemo();
    expect(run.signal, `killed after ${LIMIT_MS / 1000} s:\n${run.output}`).toBeNull();
    expect(run.code, run.output).toBe(0);
    expect(run.ms).toBeLessThan(LIMIT_MS);
    expect(run.output).toContain(`Screenshots (${SHOTS.length})`);
    expect(run.output).toContain('Nothing reached the network');

    for (const name of SHOTS) {
      const file = join(root, 'demo', name);
      expect(run.output).toContain(file);
      // Written by this run, not left over from an earlier one.
      expect(statSync(file).mtimeMs).toBeGreaterThanOrEqual(startedAt - 1_000);
      const { width, height, bytes } = pngSize(file);
      if (name === 'popup.png') {
        // Sized to what the popup shows.
        expect(width).toBeGreaterThanOrEqual(320);
        expect(width).toBeLessThanOrEqual(800);
        expect(height).toBeGreaterThanOrEqual(120);
      } else {
        expect(width).toBe(1280);
        expect(height).toBe(800);
      }
      // A blank page compresses to a few kilobytes; these show a mail page with text and underlines.
      expect(bytes).toBeGreaterThan(name === 'popup.png' ? 3_000 : 30_000);
      expect(bytes).toBeLessThan(3_000_000);
    }
  }, 60_000);
});
