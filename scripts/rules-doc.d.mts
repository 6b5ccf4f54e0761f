import type { RuleMeta } from '../src/engine/rule.ts';

export const OUTPUT: string;
export function leadingComment(source: string): string;
export interface RuleSources {
  fileOf(meta: RuleMeta): string;
  notesOf(meta: RuleMeta): string;
}
export function renderRulesDoc(
  input: {
    rules: readonly RuleMeta[];
    clauses: Readonly<Record<string, string>>;
  } & RuleSources,
): string;
export function repositorySources(dir?: string): RuleSources;
