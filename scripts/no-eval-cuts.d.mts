import type { Plugin as EsbuildPlugin } from 'esbuild';

export interface Cut {
  /** The zod module, by the end of its resolved path. */
  module: string;
  /** In the module's source. */
  source: RegExp;
  /** In the bundler's output of it. */
  output: RegExp;
  replace: string;
  what: string;
}

export const CUTS: Cut[];
export const FUNCTION_CONSTRUCTOR: RegExp;
export function cutOnce(code: string, pattern: RegExp, cut: Cut, where: string): string;
export function cutFor(path: string): Cut | undefined;
export function noEvalEsbuild(): EsbuildPlugin;
