// The command line's core: argument parsing, reading inputs, running the check, reporting, the exit status.
// Everything it touches comes in through `CliDeps`, so it runs the same under tests as from a terminal.
import { parseArgs } from 'node:util';
import { type CheckResult, type Draft, listRules, type Policy } from '../engine/index.ts';
import { type AuditDeps, auditCommand, AUDIT_HELP, type PstReader } from './audit/command.ts';
import { binaryKind } from './binary.ts';
import { formatRulesJson, formatRulesText } from './format-rules.ts';
import { IgnoreList, isGlob } from './glob.ts';
import { expandInputs } from './inputs.ts';
import {
  type CheckFunction,
  type CliIo,
  EXIT_BLOCKED,
  EXIT_OK,
  EXIT_USAGE,
  IGNORE_FILE,
  MAX_INPUT_BYTES,
} from './io.ts';
import { load, loadPolicy, resolvePolicy } from './policy-load.ts';
import { createProgress } from './progress.ts';
import {
  decodeText,
  isEmptyDraft,
  type InputKind,
  kindForPath,
  readSource,
  SUPPORTED_EXTENSIONS,
  sniffKind,
} from './read-input.ts';
import { createReporter, FORMATS, type Format } from './reporter.ts';

export {
  type CheckFunction,
  type CliIo,
  EXIT_BLOCKED,
  EXIT_OK,
  EXIT_USAGE,
  IGNORE_FILE,
  MAX_INPUT_BYTES,
} from './io.ts';
export {
  findPolicyFile,
  loadPolicy,
  parentFolder,
  POLICY_FILES,
  unsafePatternIssues,
} from './policy-load.ts';

export interface CliDeps {
  io: CliIo & AuditDeps['io'];
  check: CheckFunction;
  version: string;
  /** Worker threads for `preflight audit` (index.ts); without them it checks in one thread. */
  auditPool?: AuditDeps['pool'];
  /** The machine's cores: the default of `audit --jobs`. */
  cores?: number;
  /** Reads Outlook .pst/.ost exports for `preflight audit`. */
  auditPst?: PstReader;
}

export const MAIN_HELP = `Preflight checks outgoing customer email against the Customer Policy.

Usage:
  preflight check [--policy FILE] [--format text|json] FILE...
  preflight check [options] FILE|DIR|GLOB...
  preflight rules [--format text|json]
  preflight audit PATH... [--policy FILE] [--format text|json|html|csv] [--out FILE]
                  [--jobs N] [--since DATE] [--until DATE] [--examples N]
  preflight check --help
  preflight --help | --version

Commands:
  check    check .eml, .txt, .md and draft .json files (or - for standard input)
  rules    list every rule: id, category, default severity, policy clause, description
  audit    replay sent mail (an mbox export such as Google Takeout's, .eml files, or an Outlook .pst)
           through the same engine: how often each rule would fire and how many sends it would have held

Run "preflight check --help" or "preflight audit --help" for inputs, formats and exit statuses.
`;

export const CHECK_HELP = `Usage: preflight check [options] FILE...

Checks each FILE against the Customer Policy and reports every finding.

FILE is one of these (a folder is walked for all of them, leaving out hidden folders and
node_modules; a glob such as "mail/**/*.eml" is expanded by preflight itself, quoted or not):
  NAME.eml    an RFC 822 message: subject, To/Cc/Bcc, From, the text body (or the HTML body as
              plain text when there is no text part) and the attachment names. Its Date header is
              used as the send time, so an audit of sent mail judges each message (SLA windows,
              timelines) at the time it was sent.
  NAME.txt    plain text, optionally opening with Subject:, To:, Cc:, Bcc: and From: lines
  NAME.md     followed by a blank line.
  NAME.json   a draft object: { "subject", "body", "to", "cc", "bcc", "from", "attachments",
              "thread", "now" }; only "body" is required.
  -           standard input: JSON if it starts with "{", a message if it opens with mail
              headers, plain text otherwise.
Drafts other than .eml files are judged at the current time unless they carry "now".
Inputs over 10 MB and binary files (images, PDFs, archives) are refused; an empty draft is a
notice, not a finding.

Findings are reported at FILE:LINE:COLUMN in the file as stored (columns in UTF-16 units, as
editors count them). In an .eml part that is quoted-printable or base64, or read from HTML, the
line and column count in the decoded text, and the report says so.

Options:
  --policy FILE          a policy file (JSON or YAML, version 1) layered over the built-in
                         defaults; an invalid one is refused with every problem listed, each
                         at its line and column. Without --policy, the first of .preflight.yaml,
                         .preflight.yml and .preflight.json found in the working folder or the
                         nearest folder above it is used
  --no-config            use no policy file unless --policy names one
  --ignore-pattern PAT   leave files matching PAT out of folders and globs (repeatable); the
                         lines of a .preflightignore in the working folder are read the same
                         way, as .gitignore lines
  --format FORMAT        report format (default: text):
                           text    for people, with the line and a caret under the finding
                           json    { "version": 1, "results": [{ "file", "findings", "scorecard" }] };
                                   findings also carry line, column, endLine, endColumn; inputs
                                   that could not be read are listed under "unreadable"
                           sarif   SARIF 2.1.0 (GitHub code scanning, Azure DevOps, SARIF viewers)
                           github  GitHub Actions annotations (::error file=...,line=...,col=...::)
                           junit   JUnit XML, one test case per file
  -q, --quiet            report blocking findings only (the exit status is unchanged)
  --max-warnings N       exit 1 when there are more than N warnings
  --color, --no-color    force colour on or off (default: on when stdout is a terminal and
                         NO_COLOR is not set)
  -h, --help             show this help

Exit status:
  0  no finding blocks sending
  1  at least one finding blocks sending (or more warnings than --max-warnings allows)
  2  bad usage, an unreadable or invalid input or policy, or a check that could not complete
     (the other files are still checked and reported)
`;

export const RULES_HELP = `Usage: preflight rules [--format text|json] [--policy FILE]

Lists every rule with its id, category, default severity, the policy clause it enforces and what it
flags. With --policy, the policy's custom rules are listed too, and the severity it sets is shown
beside the default. These ids (and the categories) are the keys of a policy's "rules".
`;

class UsageError extends Error {}

interface ParsedCommand {
  help: boolean;
  version: boolean;
  command: string | undefined;
  files: string[];
  policy: string | undefined;
  format: Format;
  quiet: boolean;
  maxWarnings: number | undefined;
  ignorePatterns: string[];
  noConfig: boolean;
  color: boolean | undefined;
}

function parseCommand(argv: string[]): ParsedCommand {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: {
        policy: { type: 'string' };
        format: { type: 'string' };
        quiet: { type: 'boolean'; short: 'q' };
        'max-warnings': { type: 'string' };
        'ignore-pattern': { type: 'string'; multiple: true };
        'no-config': { type: 'boolean' };
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
        quiet: { type: 'boolean', short: 'q' },
        'max-warnings': { type: 'string' },
        'ignore-pattern': { type: 'string', multiple: true },
        'no-config': { type: 'boolean' },
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
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) {
    const names = FORMATS.map((name) => `"${name}"`);
    throw new UsageError(
      `--format must be ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}, not "${format}"`,
    );
  }
  const rawMax = values['max-warnings'];
  let maxWarnings: number | undefined;
  if (rawMax !== undefined) {
    if (!/^\d+$/.test(rawMax)) throw new UsageError(`--max-warnings must be a whole number, not "${rawMax}"`);
    maxWarnings = Number(rawMax);
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
    quiet: values.quiet === true,
    maxWarnings,
    ignorePatterns: values['ignore-pattern'] ?? [],
    noConfig: values['no-config'] === true,
    color,
  };
}

function useColor(option: boolean | undefined, io: CliIo): boolean {
  if (option !== undefined) return option;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.TERM === 'dumb') return false;
  return io.isTTY;
}

function displayName(file: string): string {
  return file === '-' ? '<stdin>' : file;
}

export async function main(argv: string[], deps: CliDeps): Promise<number> {
  const { io } = deps;
  let clearProgress = () => {};
  const fail = (message: string) => {
    clearProgress();
    io.stderr(`preflight: ${message}\n`);
  };
  const usage = (message: string, help = 'preflight --help') => {
    fail(message);
    io.stderr(`Run "${help}" for usage.\n`);
    return EXIT_USAGE;
  };

  // The audit has options of its own (--out, --jobs, --since ...): it parses its arguments itself.
  if (argv[0] === 'audit')
    return auditCommand(argv.slice(1), {
      io,
      check: deps.check,
      pool: deps.auditPool,
      cores: deps.cores,
      readPst: deps.auditPst,
    });

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
    const topic = command.files[0];
    io.stdout(
      topic === 'check'
        ? CHECK_HELP
        : topic === 'rules'
          ? RULES_HELP
          : topic === 'audit'
            ? AUDIT_HELP
            : MAIN_HELP,
    );
    return EXIT_OK;
  }
  if (command.command === 'rules') return listRulesCommand(command, deps);
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

  // Every kind problem is a usage error, reported together before anything is read. Folders and globs are
  // walked later, one file at a time; only what is named directly must be of a supported type.
  const badKinds: [string, string][] = [];
  for (const file of command.files) {
    if (file === '-') continue;
    const stat = await io.stat(file);
    if (stat === 'dir' || kindForPath(file)) continue;
    if (stat === undefined && isGlob(file)) continue;
    badKinds.push([
      file,
      stat === undefined
        ? 'no such file'
        : `unsupported file type (expected ${SUPPORTED_EXTENSIONS.join(', ')} or - for standard input)`,
    ]);
  }
  if (badKinds.length > 0) {
    for (const [file, reason] of badKinds) fail(`${file}: ${reason}`);
    io.stderr('Run "preflight check --help" for usage.\n');
    return EXIT_USAGE;
  }

  const ignore = new IgnoreList();
  for (const pattern of command.ignorePatterns) ignore.add(pattern);
  try {
    const own = decodeText(await io.readFile(IGNORE_FILE, MAX_INPUT_BYTES));
    for (const line of own.split('\n')) ignore.add(line);
  } catch {
    // No .preflightignore: nothing is ignored beyond the patterns given.
  }

  const resolved = await resolvePolicy(io, command.policy, command.noConfig, fail);
  if (!resolved) return EXIT_USAGE;
  const policy = resolved.policy;

  const now = (io.now ?? (() => new Date()))().toISOString();
  const ci = io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false';
  let running = true;
  const progress = createProgress(command.format === 'text' && io.stderrIsTTY === true && !ci, io.stderr);
  clearProgress = () => progress.clear();
  const reporter = createReporter(command.format, {
    write: (text) => {
      progress.clear();
      io.stdout(text);
      if (running) progress.restore();
    },
    color: command.format === 'text' && useColor(command.color, io),
    quiet: command.quiet,
    rules: () =>
      listRules(policy).map((rule) => ({
        id: rule.id,
        category: rule.category,
        severity: rule.effectiveSeverity,
        clause: rule.clause,
        clauseText: rule.clauseText,
        description: rule.description,
      })),
    version: deps.version,
  });
  let failedInputs = 0;
  let incomplete = false;
  const unreadable = (name: string, reason: string) => {
    failedInputs++;
    reporter.unreadable(name, reason);
  };

  for await (const input of expandInputs(command.files, io, ignore)) {
    progress.tick();
    const file = input.path;
    const name = displayName(file);
    if (!input.ok) {
      fail(`${name}: ${input.reason}`);
      unreadable(name, input.reason);
      continue;
    }
    const loaded = await load(io, file);
    if (!loaded.ok) {
      fail(`${name}: ${loaded.reason}`);
      unreadable(name, loaded.reason);
      continue;
    }
    const binary = binaryKind(loaded.bytes);
    if (binary) {
      const reason = `binary data (${binary}), not an email or a draft`;
      fail(`${name}: ${reason}`);
      unreadable(name, reason);
      continue;
    }
    const kind: InputKind = input.kind === 'sniff' ? sniffKind(decodeText(loaded.bytes)) : input.kind;
    // A walk finds other JSON too (settings, data): only objects with a "body" are drafts.
    if (input.found && kind === 'json' && !isDraftJson(decodeText(loaded.bytes))) continue;
    const read = await readSource(loaded.bytes, kind);
    if (!read.ok) {
      const what = `not a valid ${kind === 'json' ? 'draft' : 'email'}`;
      fail(`${name}: ${what} (${read.issues.length} ${read.issues.length === 1 ? 'problem' : 'problems'}):`);
      for (const issue of read.issues) io.stderr(`  ${issue}\n`);
      unreadable(name, `${what}: ${read.issues.join('; ')}`);
      continue;
    }
    const draft: Draft = read.draft.now ? read.draft : { ...read.draft, now };
    if (isEmptyDraft(draft)) {
      reporter.empty(name);
      continue;
    }
    let result: CheckResult;
    try {
      result = await deps.check(draft, policy);
    } catch (error) {
      const reason = `internal error while checking: ${(error as Error)?.message ?? String(error)}`;
      fail(`${name}: ${reason}`);
      unreadable(name, reason);
      continue;
    }
    if (result.incomplete && result.incomplete.length > 0) {
      incomplete = true;
      const names = result.incomplete.map((failure) => failure.ruleId).join(', ');
      fail(`${name}: check incomplete, these rules failed: ${names}`);
    }
    reporter.file({ file: name, draft, result, locate: read.locate });
  }

  running = false;
  progress.clear();
  const { tally } = reporter;
  let exitCode = EXIT_OK;
  if (failedInputs > 0 || incomplete) exitCode = EXIT_USAGE;
  else if (tally.block > 0) exitCode = EXIT_BLOCKED;
  else if (command.maxWarnings !== undefined && tally.warn > command.maxWarnings) {
    fail(`${tally.warn} warnings, more than --max-warnings ${command.maxWarnings} allows`);
    exitCode = EXIT_BLOCKED;
  }
  reporter.end(exitCode);
  return exitCode;
}

async function listRulesCommand(command: ParsedCommand, deps: CliDeps): Promise<number> {
  const { io } = deps;
  if (command.help) {
    io.stdout(RULES_HELP);
    return EXIT_OK;
  }
  if (command.format !== 'text' && command.format !== 'json') {
    io.stderr(`preflight: rules --format must be "text" or "json", not "${command.format}"\n`);
    return EXIT_USAGE;
  }
  if (command.files.length > 0) {
    io.stderr(`preflight: rules takes no files (got ${command.files.join(' ')})\n`);
    return EXIT_USAGE;
  }
  let policy: Policy | undefined;
  if (command.policy !== undefined) {
    const loaded = await loadPolicy(io, command.policy);
    if (!loaded.ok) {
      io.stderr(`preflight: ${loaded.message}\n`);
      for (const issue of loaded.issues) io.stderr(`  ${issue}\n`);
      return EXIT_USAGE;
    }
    policy = loaded.policy;
  }
  const rules = listRules(policy);
  io.stdout(command.format === 'json' ? formatRulesJson(rules) : formatRulesText(rules));
  return EXIT_OK;
}

function isDraftJson(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) && 'body' in value;
  } catch {
    return true; // reported as an invalid draft, with the syntax error
  }
}
