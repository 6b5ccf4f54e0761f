// Reading a file or standard input within the size limit, and finding and reading a policy file: shared by
// `check`, `rules` and `audit`.
import { CATEGORIES, listRules, type Policy } from '../engine/index.ts';
import { parsePolicyFile, placeRuleKeyIssues, unknownRuleKeyIssues } from '../engine/policy-file.ts';
import { judgePattern } from '../shared/pattern-safety.ts';
import { type CliIo, MAX_INPUT_BYTES } from './io.ts';
import { decodeText } from './read-input.ts';

export function formatBytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A clear reason for a failed read, from Node's error codes. */
export function readFailure(error: unknown): string {
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

export type Loaded = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

export async function load(io: CliIo, file: string): Promise<Loaded> {
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

/** The names a policy file is found by, in the order they win within one folder. */
export const POLICY_FILES = ['.preflight.yaml', '.preflight.yml', '.preflight.json'];

/** The first policy file in the working folder or the nearest folder above it that has one. */
export async function findPolicyFile(io: CliIo): Promise<string | undefined> {
  for (let dir = io.cwd; ; ) {
    for (const name of POLICY_FILES) {
      const candidate = inFolder(dir, name);
      if ((await io.stat(candidate)) === 'file') return candidate;
    }
    const parent = parentFolder(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

// Path steps for an absolute working folder, POSIX or Windows, without node:path: the command line's
// bundle imports only the file system, process and util modules (test/build/bundle-scan.test.ts).
const SEPARATOR = /[\\/]/;

function inFolder(dir: string, name: string): string {
  if (SEPARATOR.test(dir.slice(-1))) return `${dir}${name}`;
  return `${dir}${dir.includes('\\') && !dir.includes('/') ? '\\' : '/'}${name}`;
}

/** The folder above `dir`; a root (`/`, `C:\`) is its own parent. */
export function parentFolder(dir: string): string {
  const trimmed = dir.replace(/(?<=.)[\\/]+$/, '');
  const at = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (at === -1) return dir;
  const parent = trimmed.slice(0, at + 1);
  // Keep the separator only for a root: `/` or `C:\`.
  return /^(?:[\\/]|[A-Za-z]:[\\/])$/.test(parent) ? parent : parent.slice(0, -1);
}

type PolicyLoad = { ok: true; policy: Policy } | { ok: false; message: string; issues: string[] };

/** Reads and validates a policy file (JSON or YAML), refusing rule keys that name no rule or category. */
export async function loadPolicy(io: CliIo, file: string): Promise<PolicyLoad> {
  const loaded = await load(io, file);
  if (!loaded.ok) return { ok: false, message: `policy ${file}: ${loaded.reason}`, issues: [] };
  const text = decodeText(loaded.bytes);
  const parsed = parsePolicyFile(text);
  let issues = parsed.ok ? [] : parsed.issues;
  if (parsed.ok) {
    const ids = listRules(parsed.policy).map((rule) => rule.id);
    issues = placeRuleKeyIssues(text, unknownRuleKeyIssues(parsed.policy, ids, CATEGORIES));
    if (issues.length === 0) return { ok: true, policy: parsed.policy };
  }
  const count = `${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}`;
  return { ok: false, message: `policy ${file} is invalid (${count}):`, issues };
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

/**
 * The policy a command runs with: the file given, else the nearest policy file (unless `noConfig`), else none.
 * Problems are written to stderr with `fail`; undefined then means the command stops with a usage error.
 */
export async function resolvePolicy(
  io: CliIo,
  given: string | undefined,
  noConfig: boolean | undefined,
  fail: (message: string) => void,
): Promise<{ policy: Policy | undefined; file: string | undefined } | undefined> {
  const policyFile = given ?? (noConfig ? undefined : await findPolicyFile(io));
  if (policyFile === undefined) return { policy: undefined, file: undefined };
  const loaded = await loadPolicy(io, policyFile);
  if (!loaded.ok) {
    fail(loaded.message);
    for (const issue of loaded.issues) io.stderr(`  ${issue}\n`);
    return undefined;
  }
  // The same safety check as the extension's: a pattern that could freeze the check is refused, with why.
  const unsafe = unsafePatternIssues(loaded.policy);
  if (unsafe.length > 0) {
    fail(
      `policy ${policyFile} is invalid (${unsafe.length} ${unsafe.length === 1 ? 'problem' : 'problems'}):`,
    );
    for (const issue of unsafe) io.stderr(`  ${issue}\n`);
    return undefined;
  }
  return { policy: loaded.policy, file: policyFile };
}
