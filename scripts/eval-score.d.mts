export interface CorpusItem {
  id: string;
  kind: string;
  text: string;
  labels: string[];
  label_note?: string;
  source?: string;
}
export interface ScoredItem {
  id: string;
  kind: string;
  labels: string[];
  got: string[];
  benign: boolean;
  warned: boolean;
  blocked: boolean;
}
export interface CategoryScore {
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
}
export const LABEL_TO_CATEGORY: Record<string, string>;
export const EVAL_CATEGORIES: string[];
export const EVAL_NOW: string;
export function readCorpus(path: string): CorpusItem[];
export function categoriesOf(item: CorpusItem): string[];
export function draftFor(item: CorpusItem): {
  subject: string;
  body: string;
  to: string[];
  cc: string[];
  bcc: string[];
  now: string;
};
export function scoreItem(
  item: CorpusItem,
  findings: readonly { category: string; severity: string }[],
): ScoredItem;
export function hasCategory(row: ScoredItem, cat: string): boolean;
export function table(rows: readonly ScoredItem[]): Record<string, CategoryScore>;
export function benignSummary(rows: readonly ScoredItem[]): {
  items: number;
  warned: number;
  blocked: number;
};
