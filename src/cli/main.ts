// The command line's core: argument parsing, reading inputs, running the check, reporting, the exit status.
// Everything it touches comes in through `CliDeps`, so it runs the same under tests as from a terminal.
import { parseArgs } from 'node:util';
import { type CheckResult, type Draft, type Policy, parsePolicyText } from '../engine/index.ts';
import { judgePattern } from '../shared/pattern-safety.ts';
import { formatJsonReport } from './format-json.ts';
import { type FileReport, formatTextReport } from './format-text.ts';
import {
  decodeText,
  type InputKind,
  kindForPath,
  readDraft,
  SUPPORTED_EXTENSIONS,
  sniffKind,
} from './read-input.ts';

export const EXIT_OK = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_USAGE = 2;

/** Inputs larger than this are refused: no email is that big, and the check would stall. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /**
   * Reads a file. May stop after `maxBytes + 1` bytes (or reject with code `EFBIG`) so that an oversized
   * file is refused without loading it. Rejects with Node-style codes: ENOENT, EISDIR, EACCES ...
   */
  readFile: (path: string, maxBytes: number) => Promise<Uint8Array>;
  /** Reads standard input, with the same `maxBytes` contract as `readFile`. */
  readStdin: (maxBytes: number) => Promise<Uint8Array>;
  /** Whether stdout is a terminal (colour is used only then, unless asked for). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
  /** The send time for drafts that carry none; the current time by default. */
  now?: () => Date;
}

export type CheckFunction = (draft: Draft, policy?: Policy) => CheckResult | Promise<CheckResult>;

export interface CliDeps {
  io: CliIo;
  check: CheckFunction;
  version: string;
}

export const MAIN_HELP = `Preflight checks outgoing customer email against the Customer Policy.

Usage:
  preflight check [--policy FILE] [--format text|json] FILE...
  preflight check --help
  preflight --help | --version

Commands:
  check    check .eml, .txt and draft .json files (or - for standard input)

Run "preflight check --help" for the input formats and exit statuses.
`;

export const CHECK_HELP = `Usage: preflight check [options] FILE...

Checks each FILE against the Customer Policy and reports every finding.

FILE is one of:
  NAME.eml    an RFC 822 message: subject, To/Cc/Bcc, From, the text body (or the HTML body as
              plain text when there is no text part) and the attachment names. Its Date header is
              used as the send time, so an audit of sent mail judges each message (SLA windows,
              timelines) at the time it was sent.
  NAME.txt    plain text, optionally opening with Subject:, To:, Cc:, Bcc: and From: lines
              followed by a blank line.
  NAME.json   a draft object: { "subject", "body", "to", "cc", "bcc", "from", "attachments",
              "thread", "now" }; only "body" is required.
  -           standard input: JSON if it starts with "{", a message if it opens with mail
              headers, plain text otherwise.
Drafts other than .eml files are judged at the current time unless they carry "now".
Inputs over 10 MB are refused.

Options:
  --policy FILE          a policy file (JSON, version 1) layered over the built-in defaults;
                         an invalid one is refused with every problem listed
  --format text|json     report format (default: text). json prints
                         { "version": 1, "results": [{ "file", "findings", "scorecard" }] }
  --color, --no-color    force colour on or off (default: on when stdout is a terminal and
                         NO_COLOR is not set)
  -h, --help             show this help

Exit status:
  0  no finding blocks sending
  1  at least one finding blocks sending
  2  bad usage, an unreadable or invalid input or policy, or a check that could not complete
     (the other files are still checked and reported)
`;

class UsageError extends Error {}

interface ParsedCommand {
  help: boolean;
  version: boolean;
  command: string | undefined;
  files: string[];
  policy: string | undefined;
  format: 'text' | 'json';
  color: boolean | undefined;
}

function parseCommand(argv: string[]): ParsedCommand {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: {
        policy: { type: 'string' };
        format: { type: 'string' };
        color: { type: 'boolean' };
        'no-color': { type: 'boolean' };
        help: { type: 'boolean'; short: 'h' };
        version: { type: 'boolean'; short: 'v' };
      };
      allowPositionals: true;
      strict: true;
      tokens: true;
    }>
  >;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        policy: { type: 'string' },
        format: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    const message = (error as Error).message.split('. To specify a positional')[0] ?? '';
    throw new UsageError(message.replace(/\.$/, ''));
  }
  const { values, positionals, tokens } = parsed;
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`--format must be "text" or "json", not "${format}"`);
  }
  // The last of --color / --no-color wins, as with most tools.
  let color: boolean | undefined;
  for (const token of tokens) {
    if (token.kind === 'option' && token.name === 'color') color = true;
    if (token.kind === 'option' && token.name === 'no-color') color = false;
  }
  return {
    help: values.help === true,
    version: values.version === true,
    command: positionals[0],
    files: positionals.slice(1),
    policy: values.policy,
    format,
    color,
  };
}

function useColor(option: boolean | undefined, io: CliIo): boolean {
  if (option !== undefined) return option;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.TERM === 'dumb') return false;
  return io.isTTY;
}

function formatBytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A clear reason for a failed read, from Node's error codes. */
function readFailure(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory; give the files in it instead (for example DIR/*.eml)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EFBIG': {
      const size = (error as { size?: unknown }).size;
      const actual = typeof size === 'number' ? ` (${formatBytes(size)})` : '';
      return `too large${actual}: inputs over ${formatBytes(MAX_INPUT_BYTES)} are refused`;
    }
    default:
      return `cannot be read: ${(error as Error)?.message ?? String(error)}`;
  }
}

type Loaded = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

async function load(io: CliIo, file: string): Promise<Loaded> {
  try {
    const bytes =
      file === '-' ? await io.readStdin(MAX_INPUT_BYTES) : await io.readFile(file, MAX_INPUT_BYTES);
    if (bytes.length > MAX_INPUT_BYTES) {
      return { ok: false, reason: `too large: inputs over ${formatBytes(MAX_INPUT_BYTES)} are refused` };
    }
    return { ok: true, bytes };
  } catch (error) {
    return { ok: false, reason: readFailure(error) };
  }
}

/** The reason a path cannot be read at all (missing, a directory), or undefined when it is a readable file. */
async function probePath(io: CliIo, file: string): Promise<string | undefined> {
  try {
    await io.readFile(file, 0);
    return undefined;
  } catch (error) {
    const code = (error as { code?: unknown })?.code;
    return code === 'ENOENT' || code === 'EISDIR' ? readFailure(error) : undefined;
  }
}

function displayName(file: string): string {
  return file === '-' ? '<stdin>' : file;
}

export async function main(argv: string[], deps: CliDeps): Promise<number> {
  const { io } = deps;
  const fail = (message: string) => io.stderr(`preflight: ${message}\n`);
  const usage = (message: string, help = 'preflight --help') => {
    fail(message);
    io.stderr(`Run "${help}" for usage.\n`);
    return EXIT_USAGE;
  };

  let command: ParsedCommand;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }

  if (command.command === undefined) {
    if (command.version) {
      io.stdout(`${deps.version}\n`);
      return EXIT_OK;
    }
    if (command.help) {
      io.stdout(MAIN_HELP);
      return EXIT_OK;
    }
    io.stderr(MAIN_HELP);
    return EXIT_USAGE;
  }
  if (command.command === 'help') {
    io.stdout(command.files[0] === 'check' ? CHECK_HELP : MAIN_HELP);
    return EXIT_OK;
  }
  if (command.command !== 'check') {
    return usage(`unknown command "${command.command}"`);
  }
  if (command.help) {
    io.stdout(CHECK_HELP);
    return EXIT_OK;
  }
  if (command.version) {
    io.stdout(`${deps.version}\n`);
    return EXIT_OK;
  }
  if (command.files.length === 0) {
    return usage(
      'no input files: give one or more .eml, .txt or .json files, or - for standard input',
      'preflight check --help',
    );
  }
  if (command.files.filter((file) => file === '-').length > 1) {
    return usage('standard input (-) can be read only once', 'preflight check --help');
  }

  // Every kind problem is a usage error, reported together before anything is read.
  const kinds = new Map<string, InputKind | 'sniff'>();
  const badKinds: string[] = [];
  for (const file of command.files) {
    if (file === '-') {
      kinds.set(file, 'sniff');
      continue;
    }
    const kind = kindForPath(file);
    if (kind) kinds.set(file, kind);
    else badKinds.push(file);
  }
  if (badKinds.length > 0) {
    for (const file of badKinds) {
      // A directory or a missing file deserves that reason rather than "unsupported type".
      const probe = await probePath(io, file);
      const reason =
        probe ??
        `unsupported file type (expected ${SUPPORTED_EXTENSIONS.join(', ')} or - for standard input)`;
      fail(`${file}: ${reason}`);
    }
    io.stderr('Run "preflight check --help" for usage.\n');
    return EXIT_USAGE;
  }

  let policy: Policy | undefined;
  if (command.policy !== undefined) {
    const loaded = await load(io, command.policy);
    if (!loaded.ok) {
      fail(`policy ${command.policy}: ${loaded.reason}`);
      return EXIT_USAGE;
    }
    const parsed = parsePolicyText(decodeText(loaded.bytes));
    if (!parsed.ok) {
      fail(
        `policy ${command.policy} is invalid (${parsed.issues.length} ${parsed.issues.length === 1 ? 'problem' : 'problems'}):`,
      );
      for (const issue of parsed.issues) io.stderr(`  ${issue}\n`);
      return EXIT_USAGE;
    }
    // The same safety check as the extension's: a pattern that could freeze the check is refused, with why.
    const unsafe = unsafePatternIssues(parsed.policy);
    if (unsafe.length > 0) {
      fail(
        `policy ${command.policy} is invalid (${unsafe.length} ${unsafe.length === 1 ? 'problem' : 'problems'}):`,
      );
      for (const issue of unsafe) io.stderr(`  ${issue}\n`);
      return EXIT_USAGE;
    }
    policy = parsed.policy;
  }

  const now = (io.now ?? (() => new Date()))().toISOString();
  const reports: FileReport[] = [];
  let failedInputs = 0;
  let incomplete = false;

  for (const file of command.files) {
    const name = displayName(file);
    const loaded = await load(io, file);
    if (!loaded.ok) {
      fail(`${name}: ${loaded.reason}`);
      failedInputs++;
      continue;
    }
    const declared = kinds.get(file);
    const kind: InputKind =
      declared === 'sniff' || declared === undefined ? sniffKind(decodeText(loaded.bytes)) : declared;
    const read = await readDraft(loaded.bytes, kind);
    if (!read.ok) {
      fail(
        `${name}: not a valid ${kind === 'json' ? 'draft' : 'email'} (${read.issues.length} ${read.issues.length === 1 ? 'problem' : 'problems'}):`,
      );
      for (const issue of read.issues) io.stderr(`  ${issue}\n`);
      failedInputs++;
      continue;
    }
    const draft: Draft = read.draft.now ? read.draft : { ...read.draft, now };
    let result: CheckResult;
    try {
      result = await deps.check(draft, policy);
    } catch (error) {
      fail(`${name}: internal error while checking: ${(error as Error)?.message ?? String(error)}`);
      failedInputs++;
      continue;
    }
    if (result.incomplete && result.incomplete.length > 0) {
      incomplete = true;
      const names = result.incomplete.map((failure) => failure.ruleId).join(', ');
      fail(`${name}: check incomplete, these rules failed: ${names}`);
    }
    reports.push({ file: name, draft, result });
  }

  if (command.format === 'json') {
    io.stdout(formatJsonReport(reports));
  } else {
    io.stdout(formatTextReport(reports, failedInputs, { color: useColor(command.color, io) }));
  }

  if (failedInputs > 0 || incomplete) return EXIT_USAGE;
  const blocked = reports.some((report) =>
    report.result.findings.some((finding) => finding.severity === 'block'),
  );
  return blocked ? EXIT_BLOCKED : EXIT_OK;
}

/** Every custom pattern the shared safety check refuses, by path. */
export function unsafePatternIssues(policy: Policy): string[] {
  const issues: string[] = [];
  policy.customRules?.forEach((rule, i) => {
    if (rule.pattern === undefined) return;
    const verdict = judgePattern(rule.pattern);
    if (!verdict.safe) issues.push(`customRules[${i}].pattern: ${verdict.reason}`);
  });
  return issues;
}
