import { phraseEditIssues } from './phrase-edits.ts';
import { formatPath } from './policy-path.ts';
import { type Policy, PolicySchema } from './schemas/policy.ts';

export { formatPath };

export type PolicyParseResult = { ok: true; policy: Policy } | { ok: false; issues: string[] };

/** Every issue of a zod error (full zod or zod/mini), as `path: message`. */
export function formatIssues(error: {
  readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
}): string[] {
  return error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

/** Validates a policy file's JSON; every problem is reported with its path, nothing is half-accepted. */
export function parsePolicy(input: unknown): PolicyParseResult {
  const result = PolicySchema.safeParse(input);
  // Phrase edits are also checked against the rule pack (a rule with a phrase list, phrases it has).
  const raw = typeof input === 'object' && input !== null ? (input as { rules?: unknown }).rules : undefined;
  const packIssues = phraseEditIssues(result.success ? result.data.rules : raw);
  if (!result.success) return { ok: false, issues: [...formatIssues(result.error), ...packIssues] };
  if (packIssues.length > 0) return { ok: false, issues: packIssues };
  return { ok: true, policy: result.data };
}

/** Parses policy text (JSON); a syntax error is reported as one issue with its position. */
export function parsePolicyText(text: string): PolicyParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [`(file): not valid JSON: ${(error as Error).message}`] };
  }
  return parsePolicy(json);
}
