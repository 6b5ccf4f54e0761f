// A policy file as people write it: JSON or YAML (the rule pack itself is YAML), with every problem placed
// at its line and column so that it can be found in a long file. Kept apart from policy.ts so that only the
// readers of files (the command line, the options page's import) load the YAML parser.
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { formatPath, type PolicyParseResult, parsePolicy } from './policy.ts';
import type { Policy } from './schemas/policy.ts';

export type PolicyFileResult = PolicyParseResult;

/** `line 3, column 7` of a UTF-16 offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}

/** Node's JSON.parse messages give a position ("at position 17", or "line 2 column 5" on newer versions). */
function jsonSyntaxIssue(text: string, error: Error): string {
  const message = error.message;
  const at = /at position (\d+)/.exec(message);
  const where = at ? ` (${lineColumn(text, Number(at[1]))})` : '';
  return `(file): not valid JSON: ${message.replace(/\s*\(line \d+ column \d+\)$/, '')}${where}`;
}

/** The node at a zod issue path, walking as far as the document goes (a missing key: its parent). */
function nodeAt(root: Node | null, path: readonly PropertyKey[], preferKey: boolean): Node | undefined {
  let node: unknown = root;
  let found: Node | undefined = root ?? undefined;
  path.forEach((key, i) => {
    if (!node) return;
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown })?.value === key);
      node = preferKey && i === path.length - 1 ? pair?.key : pair?.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
    } else {
      node = undefined;
    }
    if (node) found = node as Node;
  });
  return found;
}

/**
 * Parses a policy file's text, JSON or YAML (a file that starts with `{` is JSON). Syntax errors and every
 * schema problem carry their line and column: `accounts[0].domains[0]: not a domain (line 7, column 9)`.
 */
export function parsePolicyFile(text: string): PolicyFileResult {
  const source = text.replace(/^\uFEFF/, '');
  const json = source.trimStart().startsWith('{');
  let value: unknown;
  if (json) {
    try {
      value = JSON.parse(source);
    } catch (error) {
      return { ok: false, issues: [jsonSyntaxIssue(source, error as Error)] };
    }
  } else {
    const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      return {
        ok: false,
        issues: doc.errors.map((error) => {
          const at = error.pos?.[0];
          const where = at === undefined ? '' : ` (${lineColumn(source, at)})`;
          return `(file): not valid YAML: ${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}${where}`;
        }),
      };
    }
    value = doc.toJS();
  }
  const parsed = parsePolicy(value);
  if (parsed.ok) return parsed;
  return { ok: false, issues: placeIssues(source, parsed.issues) };
}

/** Appends each issue's line and column, found from its path in the document. */
function placeIssues(source: string, issues: readonly string[], preferKey = false): string[] {
  const doc = parseDocument(source, { keepSourceTokens: false, lineCounter: new LineCounter() });
  return issues.map((issue) => {
    const colon = issue.indexOf(': ');
    if (colon === -1) return issue;
    const path = pathOf(issue.slice(0, colon));
    if (!path) return issue;
    const node = nodeAt(doc.contents as Node | null, path, preferKey);
    const at = node?.range?.[0];
    return at === undefined ? issue : `${issue} (${lineColumn(source, at)})`;
  });
}

/** `accounts[3].domains[0]` back to its keys; undefined for `(file)` and `(root)`. */
function pathOf(text: string): PropertyKey[] | undefined {
  if (text.startsWith('(')) return undefined;
  const keys: PropertyKey[] = [];
  const part = /([^.[\]]+)|\[(\d+)\]/g;
  // Rule ids hold a slash and categories a dash, never a dot: splitting on dots is safe for policy keys.
  for (let match = part.exec(text); match; match = part.exec(text)) {
    keys.push(match[2] === undefined ? (match[1] as string) : Number(match[2]));
  }
  return keys.length > 0 && formatPath(keys) === text ? keys : undefined;
}

/** Keys a policy's `rules` may use besides rule ids and categories. */
const SPECIAL_KEYS = ['*'];

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] as number;
}

/** The known key closest to a misspelt one, when it is close enough to be what was meant. */
export function closest(word: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = word.toLowerCase();
  for (const candidate of known) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

/**
 * Keys of a policy's `rules` that name no rule and no category: a misspelt id would otherwise be accepted
 * and silently do nothing. The known ids come from the caller (the registry, with the policy's custom rules),
 * so this module never holds a list of its own.
 */
export function unknownRuleKeyIssues(
  policy: Policy,
  ruleIds: Iterable<string>,
  categories: Iterable<string>,
): string[] {
  const known = new Set([...ruleIds, ...categories, ...SPECIAL_KEYS]);
  const issues: string[] = [];
  for (const key of Object.keys(policy.rules ?? {})) {
    if (known.has(key)) continue;
    const near = closest(key, known);
    const kind = key.includes('/') ? 'no rule has the id' : 'no rule or category is called';
    issues.push(
      `${formatPath(['rules', key])}: ${kind} "${key}"${near ? `; did you mean ${near}?` : ''} (run "preflight rules" for the list)`,
    );
  }
  return issues;
}

/** The same check with the issues placed in the file's text. */
export function placeRuleKeyIssues(text: string, issues: readonly string[]): string[] {
  return placeIssues(text.replace(/^\uFEFF/, ''), issues, true);
}
