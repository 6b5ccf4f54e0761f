// One deterministic safety check for custom patterns, used everywhere a pattern enters Preflight: the options
// page and a policy import (both saved through the worker's validation), managed policy, and the command
// line. A static analysis (redos-detector) with a fixed step budget, never a wall-clock race: the same
// pattern gets the same verdict on every machine, at every load. The verdict is decided once, when the
// pattern is first seen (saved), kept in a table the worker persists, and looked up afterwards.
//
// What is analysed: the pattern as the engine runs it from one start position (anchored). Trying every
// start position makes any unanchored repeat quadratic at worst over a paragraph, which a check of an email
// affords; what it cannot afford is a pattern that can match the same text in exponentially (or unboundedly)
// many ways from one position: `(a+)+`, `(\w+\s?)*`, `(a|a)*`. Everyday patterns (`\d+x`,
// `password\s*[:=]\s*\S+`, `TCK-\d{4}`, an address) pass.
import { isSafePattern } from 'redos-detector';

export type PatternVerdict = { safe: true } | { safe: false; reason: string };

/** The analysis' fixed budget: steps of the analysis, not milliseconds. */
export const PATTERN_MAX_STEPS = 1000;
export const PATTERN_MAX_SCORE = 200;
/** Names the checker and its budget: stored verdicts from another checker are decided again. */
export const PATTERN_CHECKER = `redos-detector@6 anchored steps=${PATTERN_MAX_STEPS} score=${PATTERN_MAX_SCORE}`;

const HOW_TO =
  'Rewrite it so that each part can match a piece of text in only one way: no repeat inside a repeat ' +
  'such as (a+)+ or (\\w+\\s?)*, no alternatives that match the same text such as (a|a)*, and a bounded ' +
  'count such as {1,20} instead of + where a part may repeat. Two simpler rules often do what one ' +
  'complicated pattern does.';

function analyse(pattern: string) {
  const anchored = `^(?:${pattern})`;
  const budget = {
    maxSteps: PATTERN_MAX_STEPS,
    maxScore: PATTERN_MAX_SCORE,
    timeout: Number.POSITIVE_INFINITY,
  };
  try {
    // Case-insensitive as the engine runs it; patterns that need Unicode syntax (\p{L}) are read as such.
    return isSafePattern(anchored, { ...budget, caseInsensitive: true });
  } catch {
    return isSafePattern(anchored, { ...budget, unicode: true });
  }
}

/** The verdict on one pattern, decided by the analysis alone (no clock): the same every time. */
export function judgePattern(pattern: string): PatternVerdict {
  try {
    new RegExp(pattern, 'giu');
  } catch (error) {
    return { safe: false, reason: `not a valid regular expression: ${(error as Error).message}` };
  }
  let result: ReturnType<typeof analyse>;
  try {
    result = analyse(pattern);
  } catch (error) {
    return {
      safe: false,
      reason: `cannot be checked for safety (${(error as Error).message}). ${HOW_TO}`,
    };
  }
  if (result.safe) return { safe: true };
  const trail = result.trails[0]?.trail;
  const where = trail?.length ? trail[trail.length - 1]?.a.node.source : undefined;
  const why =
    result.error === 'hitMaxSteps'
      ? 'it has too many ways through it to be proven free of catastrophic backtracking within the ' +
        'check’s fixed budget'
      : 'the same text can match it in very many ways, so a long email could freeze the checker ' +
        '(catastrophic backtracking)';
  return {
    safe: false,
    reason: `unsafe pattern: ${why}${where ? ` (around “${where}”)` : ''}. ${HOW_TO}`,
  };
}

// ---- decided once, then looked up ----

const decided = new Map<string, PatternVerdict>();
const fresh = new Set<string>();

/** The verdict on a pattern: looked up when it was decided before (in this run or a stored table). */
export function patternVerdict(pattern: string): PatternVerdict {
  const known = decided.get(pattern);
  if (known) return known;
  const verdict = judgePattern(pattern);
  decided.set(pattern, verdict);
  fresh.add(pattern);
  return verdict;
}

export interface StoredVerdicts {
  checker: string;
  verdicts: Record<string, PatternVerdict>;
}

/** Loads a stored table (from the worker's storage); a table from another checker is ignored. */
export function seedVerdicts(stored: unknown): number {
  if (!stored || typeof stored !== 'object') return 0;
  const table = stored as Partial<StoredVerdicts>;
  if (table.checker !== PATTERN_CHECKER || !table.verdicts || typeof table.verdicts !== 'object') return 0;
  let n = 0;
  for (const [pattern, verdict] of Object.entries(table.verdicts)) {
    if (!verdict || typeof verdict !== 'object' || typeof verdict.safe !== 'boolean') continue;
    if (!verdict.safe && typeof verdict.reason !== 'string') continue;
    decided.set(pattern, verdict.safe ? { safe: true } : { safe: false, reason: verdict.reason });
    n++;
  }
  return n;
}

/** Verdicts decided since the last call (to be stored), or null when there are none. */
export function takeNewVerdicts(): StoredVerdicts | null {
  if (fresh.size === 0) return null;
  fresh.clear();
  return { checker: PATTERN_CHECKER, verdicts: Object.fromEntries(decided) };
}

/** Forgets every verdict (tests). */
export function resetVerdicts(): void {
  decided.clear();
  fresh.clear();
}
