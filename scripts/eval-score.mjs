// Scoring for npm run eval: how a corpus item becomes a draft, which categories a result flags, and
// precision and recall per category. Plain functions, shared by scripts/eval.mjs and the corpus test.
import { readFileSync } from 'node:fs';

/** The corpus's label names -> the engine's categories (the corpus README, "Evaluating with a policy"). */
export const LABEL_TO_CATEGORY = {
  overcommitment: 'overcommitment',
  timeline: 'timeline',
  competitor_fud: 'competitor-fud',
  generic_template: 'generic-template',
  unfilled_placeholder: 'placeholder',
  pricing: 'pricing',
  missing_review_marker: 'human-review',
  unempathetic: 'tone',
  pii: 'pii',
  cross_account: 'cross-account',
};
export const EVAL_CATEGORIES = Object.values(LABEL_TO_CATEGORY);

/** The send time every item is checked at (snippets carry none). */
export const EVAL_NOW = '2026-12-01T12:00:00Z';

/** Reads a JSONL corpus: one `{ id, kind, text, labels, label_note }` object a line. */
export function readCorpus(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const item = JSON.parse(l);
      if (typeof item.id !== 'string' || typeof item.text !== 'string' || !Array.isArray(item.labels))
        throw new Error(`${path}:${i + 1}: an item needs id, text and labels`);
      return item;
    });
}

export function categoriesOf(item) {
  return item.labels.map((l) => LABEL_TO_CATEGORY[l] ?? l);
}

/**
 * The draft an item is checked as. Snippets carry no recipients; items labelled cross_account are sent to an
 * address of no listed account, so that naming a listed account is a mention of another customer.
 */
export function draftFor(item) {
  return {
    subject: '',
    body: item.text,
    to: categoriesOf(item).includes('cross-account') ? ['someone@recipient.example'] : [],
    cc: [],
    bcc: [],
    now: EVAL_NOW,
  };
}

/** One item's outcome from the engine's findings (warn or block count; an info finding is not a flag). */
export function scoreItem(item, findings) {
  const labels = categoriesOf(item);
  const got = new Set();
  for (const f of findings) if (f.severity !== 'info') got.add(f.category);
  return {
    id: item.id,
    kind: item.kind,
    labels,
    got: [...got],
    benign: labels.length === 0,
    warned: got.size > 0,
    blocked: findings.some((f) => f.severity === 'block'),
  };
}

/**
 * Whether a scored item counts as flagging a category. An unfilled template is an unpersonalised template
 * too: a generic_template item counts as found when its placeholders are flagged; a placeholder alone is no
 * generic-template finding.
 */
export function hasCategory(row, cat) {
  return (
    row.got.includes(cat) ||
    (cat === 'generic-template' && row.labels.includes(cat) && row.got.includes('placeholder'))
  );
}

/** Precision and recall per category over scored items. */
export function table(rows) {
  const out = {};
  for (const cat of EVAL_CATEGORIES) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const r of rows) {
      const want = r.labels.includes(cat);
      const have = hasCategory(r, cat);
      if (want && have) tp++;
      else if (have) fp++;
      else if (want) fn++;
    }
    out[cat] = {
      positives: tp + fn,
      tp,
      fp,
      fn,
      precision: tp + fp === 0 ? null : tp / (tp + fp),
      recall: tp + fn === 0 ? null : tp / (tp + fn),
    };
  }
  return out;
}

/** Benign items (no label) and how many got any warning, or a block. */
export function benignSummary(rows) {
  const benign = rows.filter((r) => r.benign);
  return {
    items: benign.length,
    warned: benign.filter((r) => r.warned).length,
    blocked: benign.filter((r) => r.blocked).length,
  };
}
