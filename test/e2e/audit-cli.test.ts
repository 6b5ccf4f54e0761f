// `preflight audit` as built (dist/cli/preflight.mjs and its worker, dist/cli/audit-worker.mjs), on real files:
// worker threads give the same report as one thread, and check and audit agree on the same mail.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DRAFTS, toMbox } from '../../src/cli/audit/test-mail.ts';

const root = new URL('../..', import.meta.url).pathname;
const cli = join(root, 'dist', 'cli', 'preflight.mjs');
const dir = mkdtempSync(join(tmpdir(), 'preflight-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function preflight(...args: string[]) {
  const run = spawnSync(process.execPath, [cli, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

// Forty copies of the drafts: enough messages that every worker gets some.
const many = Array.from({ length: 40 }, () => DRAFTS).flat();
writeFileSync(join(dir, 'sent.mbox'), toMbox(many, '\r\n'));
mkdirSync(join(dir, 'mail'));
DRAFTS.forEach((draft, i) => {
  writeFileSync(join(dir, 'mail', `${i}.eml`), draft);
});

describe('preflight audit, built', () => {
  it('gives the same report on worker threads as in one thread', () => {
    const one = preflight(
      'audit',
      '--no-config',
      '--format',
      'json',
      '--examples',
      '2',
      '--jobs',
      '1',
      'sent.mbox',
    );
    const two = preflight(
      'audit',
      '--no-config',
      '--format',
      'json',
      '--examples',
      '2',
      '--jobs',
      '2',
      'sent.mbox',
    );
    expect(one.err).toBe('');
    expect(two.err).toBe('');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(JSON.parse(one.out).messages).toBe(many.length);
    expect(JSON.parse(two.out)).toEqual(JSON.parse(one.out));
  });

  it('counts per category what check finds on the same messages as .eml files', () => {
    const check = JSON.parse(preflight('check', '--no-config', '--format', 'json', 'mail').out) as {
      results: { findings: { category: string }[] }[];
    };
    const audit = JSON.parse(
      preflight('audit', '--no-config', '--format', 'json', '--jobs', '2', 'mail').out,
    );
    const findings: Record<string, number> = {};
    for (const result of check.results)
      for (const f of result.findings) findings[f.category] = (findings[f.category] ?? 0) + 1;
    for (const [category, counts] of Object.entries(audit.categories) as [string, { findings: number }][])
      expect(counts.findings, category).toBe(findings[category] ?? 0);
  });

  it('writes a self-contained HTML report with --out and exits 0; a broken .pst is reported with exit 2', () => {
    const run = preflight('audit', '--no-config', '--out', 'report.html', 'sent.mbox');
    expect(run.code).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/https?:\/\//);
    writeFileSync(join(dir, 'outlook.pst'), 'not really');
    const pst = preflight('audit', '--format', 'json', 'outlook.pst');
    expect(pst.code).toBe(2);
    expect(pst.err).toMatch(/no readable message/);
    const report = JSON.parse(pst.out) as { unreadable: { source: string; reason: string }[] };
    expect(report.unreadable[0]?.source).toBe('outlook.pst');
  });

  it('audits a real Outlook export through its own reader file (dist/cli/pst-reader.mjs)', () => {
    const sample = join(root, 'node_modules/pst-extractor/example/testdata/enron.pst');
    const run = preflight('audit', '--no-config', '--format', 'json', sample);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out) as { messages: number; unreadable: unknown[] };
    expect(report.messages).toBe(71);
    expect(report.unreadable).toEqual([]);
  });
});
