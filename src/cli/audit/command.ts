// `preflight audit`: replays sent mail (an mbox export, a folder of .eml files) through the same engine as
// `preflight check` and reports how often each rule and category would fire, and how many messages the send
// gate would have held. The mbox is read in chunks and cut message by message, so memory stays flat on a
// multi-gigabyte export; messages are checked on worker threads when the machine has more than one core.
import { parseArgs } from 'node:util';
import { listRules } from '../../engine/index.ts';
import { IgnoreList } from '../glob.ts';
import { expandInputs } from '../inputs.ts';
import { type CheckFunction, type CliIo, EXIT_OK, EXIT_USAGE } from '../io.ts';
import { resolvePolicy } from '../policy-load.ts';
import { createProgress } from '../progress.ts';
import { AuditAggregator, type RuleMeta } from './aggregate.ts';
import { AUDIT_FORMATS, type AuditFormat, formatAudit } from './format.ts';
import { splitMbox } from './mbox.ts';
import type { PstItem } from './pst.ts';
import type { AuditSettings, MessageSummary } from './message.ts';
import { type AuditPoolFactory, inThreadPool } from './pool.ts';

export const AUDIT_HELP = `Usage: preflight audit PATH... [options]

Replays sent mail through the same engine as "preflight check" and reports, per rule and per
category, how many messages have a finding and how many the send gate would have held under the
policy as written. Nothing leaves the machine.

PATH is one of these:
  FILE        an mbox file: Google Takeout's export of Gmail ("Sent.mbox"), or any mbox whose
              messages open with a "From " line (">From " lines are unescaped; CRLF or LF)
  NAME.eml    one RFC 822 message
  DIR         a folder of .eml files (walked, leaving out hidden folders)
  NAME.pst    an Outlook export (.pst or .ost): every email in its folders
Each message is read as "preflight check" reads an .eml file; its Date header is its send time.

Options:
  --policy FILE      the policy to audit against (as for check; without it, the first
                     .preflight.yaml, .preflight.yml or .preflight.json found upward is used)
  --no-config        use the built-in defaults unless --policy names a file
  --format FORMAT    text (default), json, html (one self-contained page) or csv (one row per
                     rule); without --format, --out's extension (.json, .html, .csv) decides
  --out FILE         write the report to FILE instead of standard output
  --jobs N           threads that check messages: this one and N - 1 worker threads (default:
                     the machine's cores, or 1 for under 1 MB of mail)
  --since DATE       only messages sent on or after DATE (YYYY-MM-DD, UTC, or an ISO time)
  --until DATE       only messages sent before the end of DATE (a day) or before the ISO time
                     (with either, messages without a Date header are left out and counted)
  --examples N       up to N flagged excerpts per rule: the flagged words and at most the
                     sentence around them, never whole messages (default: 0)
  -h, --help         show this help

A progress line (messages, rate, time left) is drawn on standard error when standard output is
a terminal and CI is not set.

Exit status:
  0  the audit ran (findings are its result, not a failure)
  2  bad usage, an invalid policy, or no readable message at all
`;

export interface AuditDeps {
  io: CliIo & {
    /** The file in chunks, for reading an mbox without holding it; readFile is used without it. */
    readChunks?: (path: string) => AsyncIterable<Uint8Array>;
    /** A file's size in bytes, for the time left. */
    fileSize?: (path: string) => Promise<number | undefined>;
    writeFile?: (path: string, text: string) => Promise<void>;
    /** Milliseconds, for the progress line's rate and time left (performance.now without it). */
    clock?: () => number;
  };
  check: CheckFunction;
  /** Worker threads (index.ts); without it every message is checked in this thread. */
  pool?: AuditPoolFactory;
  /** The default of --jobs. */
  cores?: number;
  /** Reads an Outlook .pst/.ost export (pst.ts, loaded only when one is given). */
  readPst?: PstReader;
}

export type PstReader = (path: string) => Promise<Iterable<PstItem>>;

class UsageError extends Error {}

/** Without --jobs, mbox and .eml inputs smaller than this together are checked in one thread. */
export const SMALL_INPUT_BYTES = 1024 * 1024;

interface AuditCommand {
  help: boolean;
  paths: string[];
  policy?: string;
  noConfig: boolean;
  format: AuditFormat;
  out?: string;
  jobs?: number;
  since?: string;
  until?: string;
  examples: number;
}

/** An ISO instant from a --since / --until value; a bare day is its start (or, for --until, its end). */
export function parseDateOption(name: string, value: string, endOfDay: boolean): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ok = (d: Date) => !Number.isNaN(d.getTime());
  if (day) {
    const date = new Date(`${value}T00:00:00Z`);
    if (ok(date) && date.toISOString().slice(0, 10) === value) {
      if (endOfDay) date.setUTCDate(date.getUTCDate() + 1);
      return date.toISOString();
    }
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const date = new Date(value);
    if (ok(date)) return date.toISOString();
  }
  throw new UsageError(`--${name} must be a date such as 2025-01-31 or an ISO time, not "${value}"`);
}

function wholeNumber(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new UsageError(
      `--${name} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, not "${value}"`,
    );
  return Number(value);
}

function parseAuditArgs(argv: string[]): AuditCommand {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        policy: { type: 'string' },
        'no-config': { type: 'boolean' },
        format: { type: 'string' },
        out: { type: 'string' },
        jobs: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        examples: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    const message = (error as Error).message.split('. To specify a positional')[0] ?? '';
    throw new UsageError(message.replace(/\.$/, ''));
  }
  const out = values.out as string | undefined;
  let format = values.format as string | undefined;
  if (format === undefined && out !== undefined) {
    const ext = /\.(json|html?|csv)$/i.exec(out)?.[1]?.toLowerCase();
    format = ext === 'htm' ? 'html' : ext;
  }
  format ??= 'text';
  if (!(AUDIT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be "text", "json", "html" or "csv", not "${format}"`);
  const since = values.since as string | undefined;
  const until = values.until as string | undefined;
  const command: AuditCommand = {
    help: values.help === true,
    paths: positionals,
    policy: values.policy as string | undefined,
    noConfig: values['no-config'] === true,
    format: format as AuditFormat,
    out,
    jobs: wholeNumber('jobs', values.jobs as string | undefined, 1),
    since: since === undefined ? undefined : parseDateOption('since', since, false),
    until: until === undefined ? undefined : parseDateOption('until', until, true),
    examples: wholeNumber('examples', values.examples as string | undefined, 0) ?? 0,
  };
  if (command.since && command.until && command.since >= command.until)
    throw new UsageError('--since must be before --until');
  return command;
}

type Source = { kind: 'mbox' | 'eml' | 'pst'; path: string } | { kind: 'dir'; path: string };

const PST_REASON =
  'Outlook .pst files cannot be read here. Convert it first, for example with readpst (Debian/Ubuntu ' +
  'package pst-utils): "readpst -r -o OUTDIR FILE.pst" writes mbox files, then run preflight audit on OUTDIR';

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '…';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** Chunks of a file through readFile, for an io without readChunks (tests): the same splitter path. */
async function* chunksOf(io: AuditDeps['io'], path: string): AsyncGenerator<Uint8Array> {
  const bytes = await io.readFile(path, Number.MAX_SAFE_INTEGER);
  for (let at = 0; at < bytes.length; at += 64 * 1024) yield bytes.subarray(at, at + 64 * 1024);
}

export async function auditCommand(argv: string[], deps: AuditDeps): Promise<number> {
  const { io } = deps;
  const fail = (message: string) => io.stderr(`preflight: ${message}\n`);
  const usage = (message: string) => {
    fail(message);
    io.stderr('Run "preflight audit --help" for usage.\n');
    return EXIT_USAGE;
  };
  let command: AuditCommand;
  try {
    command = parseAuditArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }
  if (command.help) {
    io.stdout(AUDIT_HELP);
    return EXIT_OK;
  }
  if (command.paths.length === 0)
    return usage('no mail to audit: give an mbox file, a folder of .eml files or an .eml file');

  const sources: Source[] = [];
  const problems: string[] = [];
  for (const path of command.paths) {
    const stat = await io.stat(path);
    if (stat === undefined) problems.push(`${path}: no such file or folder`);
    else if (/\.[po]st$/i.test(path) && stat === 'file') {
      if (deps.readPst) sources.push({ kind: 'pst', path });
      else problems.push(`${path}: ${PST_REASON}`);
    } else if (stat === 'dir') sources.push({ kind: 'dir', path });
    else sources.push({ kind: /\.eml$/i.test(path) ? 'eml' : 'mbox', path });
  }
  if (problems.length > 0) {
    for (const problem of problems) fail(problem);
    io.stderr('Run "preflight audit --help" for usage.\n');
    return EXIT_USAGE;
  }

  const resolved = await resolvePolicy(io, command.policy, command.noConfig, fail);
  if (!resolved) return EXIT_USAGE;
  const policy = resolved.policy;

  const settings: AuditSettings = {
    policy,
    now: (io.now ?? (() => new Date()))().toISOString(),
    since: command.since,
    until: command.until,
    examples: command.examples > 0,
  };
  const meta: RuleMeta[] = listRules(policy).map((rule) => ({
    id: rule.id,
    category: rule.category,
    severity: rule.effectiveSeverity,
    shadow: rule.shadow,
    overridable: rule.overridable,
  }));
  const aggregator = new AuditAggregator(meta, {
    sources: command.paths,
    policy: resolved.file,
    since: command.since,
    until: command.until,
    examples: command.examples,
  });

  // Starting a worker loads the engine again (most of a second): for a little mail, one thread is quicker.
  let small = false;
  if (command.jobs === undefined && io.fileSize && sources.every((source) => source.kind !== 'dir')) {
    let bytes = 0;
    for (const source of sources) bytes += (await io.fileSize(source.path)) ?? Number.POSITIVE_INFINITY;
    small = bytes < SMALL_INPUT_BYTES;
  }
  const jobs = command.jobs ?? (small ? 1 : Math.max(1, deps.cores ?? 1));
  const pool = jobs > 1 && deps.pool ? deps.pool(jobs, settings) : inThreadPool(settings, deps.check);

  // Progress: messages, rate and, for mbox files, the time left from the bytes read of the bytes to read.
  const ci = io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false';
  let totalBytes = 0;
  let doneBytes = 0;
  let sourceBytes = 0;
  const clock = io.clock ?? (() => performance.now());
  const started = clock();
  let done = 0;
  const progress = createProgress(io.isTTY && io.stderrIsTTY === true && !ci, io.stderr, clock, () => {
    const seconds = (clock() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    let left = '';
    if (totalBytes > 0 && doneBytes > 0) {
      const fraction = Math.min(1, doneBytes / totalBytes);
      left = ` · ${Math.floor(fraction * 100)}% · ${formatDuration((seconds / fraction) * (1 - fraction))} left`;
    }
    return `audited ${done.toLocaleString('en-US')} ${done === 1 ? 'message' : 'messages'} · ${Math.round(rate).toLocaleString('en-US')}/s${left}`;
  });
  if (io.fileSize)
    for (const source of sources)
      if (source.kind === 'mbox') totalBytes += (await io.fileSize(source.path)) ?? 0;

  let order = 0;
  const inflight = new Set<Promise<void>>();
  const limit = pool.size > 1 ? pool.size * 8 : 1;
  const submit = async (where: { source: string; message?: number; offset?: number }, bytes: Uint8Array) => {
    const at = order++;
    const task: Promise<void> = pool
      .run(bytes)
      .then(
        (summary) => aggregator.add(at, where, summary),
        (error: unknown) =>
          aggregator.add(at, where, {
            kind: 'unreadable',
            reason: `internal error while checking: ${(error as Error)?.message ?? String(error)}`,
          } satisfies MessageSummary),
      )
      .finally(() => {
        inflight.delete(task);
        done++;
        progress.tick();
      });
    inflight.add(task);
    if (inflight.size >= limit) await Promise.race(inflight);
  };

  try {
    for (const source of sources) {
      try {
        if (source.kind === 'mbox') {
          const chunks = io.readChunks ? io.readChunks(source.path) : chunksOf(io, source.path);
          let any = false;
          for await (const item of splitMbox(chunks)) {
            any = true;
            if (item.kind === 'unreadable') {
              aggregator.addUnreadable(order++, {
                source: source.path,
                message: item.index,
                offset: item.offset,
                length: item.length,
                reason: item.reason,
              });
              continue;
            }
            doneBytes = sourceBytes + item.offset;
            await submit({ source: source.path, message: item.index, offset: item.offset }, item.bytes);
          }
          if (!any)
            aggregator.addUnreadable(order++, {
              source: source.path,
              reason: 'an empty file: no message in it',
            });
          sourceBytes += (await io.fileSize?.(source.path)) ?? 0;
          doneBytes = sourceBytes;
        } else if (source.kind === 'pst') {
          let any = false;
          for (const item of await (deps.readPst as PstReader)(source.path)) {
            any = true;
            const where = {
              source: `${source.path}${item.folder ? ` (${item.folder})` : ''}`,
              message: item.index,
            };
            if (item.kind === 'unreadable')
              aggregator.addUnreadable(order++, { ...where, reason: item.reason });
            else await submit(where, item.bytes);
          }
          if (!any)
            aggregator.addUnreadable(order++, { source: source.path, reason: 'no email in this file' });
        } else {
          let any = false;
          for await (const path of emlFiles(io, source)) {
            any = true;
            let bytes: Uint8Array;
            try {
              bytes = await io.readFile(path, 64 * 1024 * 1024);
            } catch (error) {
              aggregator.addUnreadable(order++, { source: path, reason: readError(error) });
              continue;
            }
            await submit({ source: path }, bytes);
          }
          if (!any)
            aggregator.addUnreadable(order++, { source: source.path, reason: 'a folder with no .eml files' });
        }
      } catch (error) {
        aggregator.addUnreadable(order++, { source: source.path, reason: readError(error) });
      }
    }
    await Promise.all(inflight);
  } finally {
    await pool.close();
    progress.clear();
  }

  const report = aggregator.report();
  const text = formatAudit(report, command.format);
  if (command.out !== undefined) {
    if (!io.writeFile) return usage('--out is not available here');
    try {
      await io.writeFile(command.out, text);
    } catch (error) {
      fail(`${command.out}: cannot be written: ${(error as Error)?.message ?? String(error)}`);
      return EXIT_USAGE;
    }
    io.stderr(
      `preflight: audited ${report.messages.toLocaleString('en-US')} messages; ${report.flagged.toLocaleString('en-US')} with a finding; report written to ${command.out}\n`,
    );
  } else {
    io.stdout(text);
  }
  if (report.messages + report.outsideRange === 0) {
    fail(
      report.unreadable.length > 0
        ? `no readable message: ${report.unreadable.length} ${report.unreadable.length === 1 ? 'input' : 'inputs'} could not be read`
        : 'no message found',
    );
    return EXIT_USAGE;
  }
  return EXIT_OK;
}

function readError(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EFBIG') return 'too large: a message over 64 MB';
  return `cannot be read: ${(error as Error)?.message ?? String(error)}`;
}

/** The .eml files of a source: itself, or those in the folder, in name order, one at a time. */
async function* emlFiles(io: CliIo, source: Source): AsyncGenerator<string> {
  if (source.kind !== 'dir') {
    yield source.path;
    return;
  }
  for await (const input of expandInputs([source.path], io, new IgnoreList()))
    if (input.ok && /\.eml$/i.test(input.path)) yield input.path;
}
