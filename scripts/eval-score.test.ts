import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDraft, loadFullReader, parsePolicyText } from '../src/engine/index.ts';
import { readFileSync } from 'node:fs';
import { benignSummary, draftFor, EVAL_CATEGORIES, readCorpus, scoreItem, table } from './eval-score.mjs';

const item = (id: string, labels: string[]) => ({ id, kind: 'sales', text: 'x', labels, label_note: '' });
const finding = (category: string, severity = 'warn') => ({ category, severity });

describe('eval scoring', () => {
  it('counts found, missed and wrong per category, with info findings not counted', () => {
    const rows = [
      scoreItem(item('a', ['competitor_fud']), [finding('competitor-fud', 'block')]),
      scoreItem(item('b', ['competitor_fud']), [finding('competitor-fud', 'info')]),
      scoreItem(item('c', []), [finding('competitor-fud')]),
      scoreItem(item('d', []), []),
    ];
    const t = table(rows);
    expect(t['competitor-fud']).toMatchObject({
      positives: 2,
      tp: 1,
      fp: 1,
      fn: 1,
      precision: 0.5,
      recall: 0.5,
    });
    expect(t.pii).toMatchObject({ positives: 0, tp: 0, fp: 0, precision: null, recall: null });
    expect(benignSummary(rows)).toEqual({ items: 2, warned: 1, blocked: 0 });
  });

  it('counts a generic template found by its placeholders, but no placeholder alone as generic', () => {
    const rows = [
      scoreItem(item('a', ['generic_template', 'unfilled_placeholder']), [finding('placeholder', 'block')]),
      scoreItem(item('b', ['unfilled_placeholder']), [finding('placeholder', 'block')]),
    ];
    const t = table(rows);
    expect(t['generic-template']).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(t.placeholder).toMatchObject({ tp: 2, fp: 0 });
  });

  it('sends cross-account items to an address of no listed account, and others to nobody', () => {
    expect(draftFor(item('a', ['cross_account'])).to).toEqual(['someone@recipient.example']);
    expect(draftFor(item('b', ['pii'])).to).toEqual([]);
  });
});

// What every category must keep on the development corpus (the issue's bar; EVALUATION.md has the figures):
// a change that loses ground on real email fails here, not only in a table nobody reads.
const FLOOR = { precision: 0.85, recall: 0.8 };
const BENIGN_MAX = { warned: 0.05, blocked: 0.02 };

describe('the development corpus', () => {
  it('keeps every category at or above its floor, and benign emails clean', () => {
    loadFullReader();
    const dir = join(import.meta.dirname, '../eval/corpus');
    const parsed = parsePolicyText(readFileSync(join(dir, 'dev-policy.json'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.issues.join('; '));
    const rows = readCorpus(join(dir, 'dev-emails.jsonl')).map((it) =>
      scoreItem(it, checkDraft(draftFor(it), parsed.policy).findings),
    );
    const t = table(rows);
    for (const cat of EVAL_CATEGORIES) {
      expect(t[cat]!.precision ?? 1, `${cat} precision`).toBeGreaterThanOrEqual(FLOOR.precision);
      expect(t[cat]!.recall ?? 1, `${cat} recall`).toBeGreaterThanOrEqual(FLOOR.recall);
    }
    const b = benignSummary(rows);
    expect(b.warned / b.items, 'benign emails with a warning').toBeLessThanOrEqual(BENIGN_MAX.warned);
    expect(b.blocked / b.items, 'benign emails blocked').toBeLessThanOrEqual(BENIGN_MAX.blocked);
    // The whole corpus with the full reader loaded: seconds on a busy shared machine, not a unit's budget.
  }, 60_000);
});
