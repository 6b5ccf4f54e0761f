// What the command line's parts share: exit statuses, the input/output it is given, the check it runs.
import type { CheckResult, Draft, Policy } from '../engine/index.ts';
import type { InputFs } from './inputs.ts';

export const EXIT_OK = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_USAGE = 2;

/** Inputs larger than this are refused: no email is that big, and the check would stall. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** Patterns of files a folder walk or a glob leaves out, one a line as in .gitignore, in the working folder. */
export const IGNORE_FILE = '.preflightignore';

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
  /** 'file', 'dir', or undefined when nothing is at the path. */
  stat: InputFs['stat'];
  /** A folder's entries, for walking folders and expanding globs. */
  readDir: InputFs['readDir'];
  /** The working folder, where a policy file is looked for (and upward from it). */
  cwd: string;
  /** Whether stdout is a terminal (colour is used only then, unless asked for). */
  isTTY: boolean;
  /** Whether stderr is a terminal: a progress line is drawn there during a long text run. */
  stderrIsTTY?: boolean;
  env: Record<string, string | undefined>;
  /** The send time for drafts that carry none; the current time by default. */
  now?: () => Date;
}

export type CheckFunction = (draft: Draft, policy?: Policy) => CheckResult | Promise<CheckResult>;
