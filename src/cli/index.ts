// Node entry of the command line: wires the real file system, terminal and engine into the core.
import { open, readdir, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import process from 'node:process';
import packageJson from '../../package.json' with { type: 'json' };
import { checkDraft } from '../engine/index.ts';
import { inThreadPool, sharedPool } from './audit/pool.ts';
import { LARGE_MESSAGE_BYTES, workerPool } from './audit/worker-pool.ts';
import { type CliDeps, main } from './main.ts';

/** Reads at most `maxBytes + 1` bytes so an oversized file is refused without loading it all. */
async function readFile(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
    if (stat.size > maxBytes) {
      throw Object.assign(new Error(`${path} is too large`), { code: 'EFBIG', size: stat.size });
    }
    // Special files (pipes, /dev/stdin) report size 0, so read in chunks up to the limit.
    const chunks: Uint8Array[] = [];
    let total = 0;
    while (total <= maxBytes) {
      const buffer = new Uint8Array(Math.min(1024 * 1024, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buffer);
    total += buffer.length;
    if (total > maxBytes) break;
  }
  return Buffer.concat(chunks);
}

/** A file in chunks of 256 kB, each a buffer of its own: an mbox of any size is read with flat memory. */
async function* readChunks(path: string): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    for (;;) {
      const buffer = new Uint8Array(256 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

async function statPath(path: string): Promise<'file' | 'dir' | undefined> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
}

async function readDir(path: string) {
  const entries = await readdir(path, { withFileTypes: true });
  return entries.map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
}

const io: CliDeps['io'] = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  readFile,
  readStdin,
  stat: statPath,
  readDir,
  cwd: process.cwd(),
  isTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
  readChunks,
  fileSize,
  writeFile: (path, text) => writeFile(path, text),
};

// Reports are written file by file: a reader that stops early (`| head`) closes the pipe mid-run. Stop
// quietly then, with the status of a run that could not complete, rather than with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(2);
});

// The audit's worker threads run dist/cli/audit-worker.mjs, which the build writes next to this file.
const auditWorker = new URL('./audit-worker.mjs', import.meta.url);

main(process.argv.slice(2), {
  io,
  check: checkDraft,
  version: packageJson.version,
  // --jobs N: this thread and N - 1 worker threads, each with its own engine.
  auditPool: (jobs, settings) =>
    sharedPool(
      [
        { pool: inThreadPool(settings, checkDraft), capacity: 1 },
        { pool: workerPool(auditWorker, jobs - 1, settings), capacity: 4 * (jobs - 1) },
      ],
      LARGE_MESSAGE_BYTES,
    ),
  cores: availableParallelism(),
  // The .pst reader is its own file (dist/cli/pst-reader.mjs), loaded only when an audit is given a .pst.
  auditPst: async (path) => (await import('./audit/pst.ts')).readPst(path),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`preflight: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
