// The audit report as text (a terminal), JSON (the report object itself), CSV (one row per rule, for a
// spreadsheet) and one self-contained HTML page (inline styles and script, no external asset, readable
// offline) that a policy owner can open and forward.
import Papa from 'papaparse';
import { CATEGORIES } from '../../engine/index.ts';
import type { AuditReport, Counts, PeriodCounts, RuleCounts } from './aggregate.ts';

export const AUDIT_FORMATS = ['text', 'json', 'html', 'csv'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

const int = (n: number) => n.toLocaleString('en-US');
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const ofTotal = (n: number, total: number) => (total === 0 ? 0 : n / total);

function where(item: { source: string; message?: number; offset?: number; length?: number }): string {
  if (item.message === undefined) return item.source;
  const bytes =
    item.offset === undefined
      ? ''
      : item.length === undefined
        ? `byte ${int(item.offset)}`
        : `bytes ${int(item.offset)} to ${int(item.offset + item.length - 1)}`;
  if (item.length !== undefined)
    return `${item.source} ${item.message === 0 ? 'before the first message' : `after the start of message ${int(item.message)}`}${bytes ? ` (${bytes})` : ''}`;
  return `${item.source} message ${int(item.message)}${bytes ? ` (${bytes})` : ''}`;
}

function heldText(held: Counts['held']): string {
  return `${int(held.messages)} (not overridable ${int(held.notOverridable)}, overridable ${int(held.overridable)})`;
}

function table(head: string[], rows: string[][], alignLeft = 1): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < alignLeft ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

const COUNT_HEAD = ['messages', 'share', 'findings', 'held', 'not overr.', 'overr.'];
const countCells = (c: Counts) => [
  int(c.messages),
  pct(c.share),
  int(c.findings),
  int(c.held.messages),
  int(c.held.notOverridable),
  int(c.held.overridable),
];

function firedRules(report: AuditReport): [string, RuleCounts][] {
  return Object.entries(report.rules)
    .filter(([, r]) => r.messages > 0)
    .sort(([a, x], [b, y]) => y.messages - x.messages || (a < b ? -1 : 1));
}

export function formatAuditText(report: AuditReport): string {
  const out: string[] = [];
  const range =
    report.since || report.until
      ? ` sent ${report.since ? `from ${report.since} ` : ''}${report.until ? `until ${report.until}` : ''}`.trimEnd()
      : '';
  out.push(
    `Preflight audit of ${int(report.messages)} ${report.messages === 1 ? 'message' : 'messages'}${range} (${report.sources.join(', ')})`,
  );
  out.push(`policy: ${report.policy ?? 'built-in defaults'}`);
  out.push(`with a finding: ${int(report.flagged)} (${pct(ofTotal(report.flagged, report.messages))})`);
  out.push(`held at Send under this policy: ${heldText(report.held)}`);
  out.push(
    `unreadable: ${int(report.unreadable.length)}; outside the date range: ${int(report.outsideRange)}; empty: ${int(report.empty)}${report.incomplete ? `; incomplete checks: ${int(report.incomplete)}` : ''}`,
  );
  out.push('');
  out.push('By category');
  out.push(
    table(
      ['category', ...COUNT_HEAD],
      CATEGORIES.map((c) => [c, ...countCells(report.categories[c])]),
    ),
  );
  out.push('');
  const fired = firedRules(report);
  out.push(`By rule (${fired.length} of ${Object.keys(report.rules).length} rules fired)`);
  if (fired.length > 0)
    out.push(
      table(
        ['rule', 'severity', ...COUNT_HEAD],
        fired.map(([id, r]) => [id, `${r.severity}${r.shadow ? ' (observe)' : ''}`, ...countCells(r)]),
      ),
    );
  const withExamples = fired.filter(([, r]) => (r.examples ?? []).length > 0);
  if (withExamples.length > 0) {
    out.push('');
    out.push('Examples');
    for (const [id, r] of withExamples) {
      out.push(`  ${id}`);
      for (const e of r.examples ?? []) out.push(`    ${where(e)}: "${e.excerpt}" in: ${e.context}`);
    }
  }
  const periods = (title: string, map: Record<string, PeriodCounts>, limit: number) => {
    const entries = Object.entries(map);
    out.push('');
    out.push(entries.length > limit ? `${title} (first ${limit} of ${entries.length})` : title);
    out.push(
      table(
        [title.includes('month') ? 'month' : 'domain', 'messages', 'with a finding', 'share', 'held'],
        entries
          .slice(0, limit)
          .map(([k, p]) => [
            k,
            int(p.messages),
            int(p.flagged),
            pct(ofTotal(p.flagged, p.messages)),
            int(p.held),
          ]),
      ),
    );
  };
  periods('By month', report.months, 120);
  periods('By sender domain', report.senderDomains, 20);
  if (report.unreadable.length > 0) {
    out.push('');
    out.push('Could not be read');
    for (const u of report.unreadable.slice(0, 50)) out.push(`  ${where(u)}: ${u.reason}`);
    if (report.unreadable.length > 50)
      out.push(`  … and ${int(report.unreadable.length - 50)} more (see --format json)`);
  }
  return `${out.join('\n')}\n`;
}

export function formatAuditJson(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export const CSV_FIELDS = [
  'rule',
  'category',
  'severity',
  'observe_only',
  'overridable',
  'messages',
  'share',
  'findings',
  'held',
  'held_not_overridable',
  'held_overridable',
] as const;

/** One row per rule; cells a spreadsheet would run as a formula (=, +, -, @ ...) are escaped. */
export function formatAuditCsv(report: AuditReport): string {
  const data = Object.entries(report.rules).map(([id, r]) => [
    id,
    r.category,
    r.severity,
    r.shadow ? 'yes' : 'no',
    r.overridable ? 'yes' : 'no',
    r.messages,
    r.share,
    r.findings,
    r.held.messages,
    r.held.notOverridable,
    r.held.overridable,
  ]);
  return `${Papa.unparse({ fields: [...CSV_FIELDS], data }, { escapeFormulae: true, newline: '\n' })}\n`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function bars(rows: { label: string; value: number; of: number; note: string }[]): string {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return `<div class="bars">${rows
    .map(
      (r) =>
        `<div class="bar-row"><span class="bar-label">${escapeHtml(r.label)}</span><span class="bar-track"><span class="bar" style="width:${((r.value / max) * 100).toFixed(2)}%"></span></span><span class="bar-value">${escapeHtml(r.note)}</span></div>`,
    )
    .join('')}</div>`;
}

function htmlTable(head: string[], rows: (string | number)[][], numericFrom = 1): string {
  const th = head
    .map((h, i) => `<th data-numeric="${i >= numericFrom}" tabindex="0">${escapeHtml(h)}</th>`)
    .join('');
  const tr = rows
    .map(
      (r) =>
        `<tr>${r
          .map((c, i) =>
            i >= numericFrom
              ? `<td data-value="${typeof c === 'number' ? c : escapeHtml(String(c))}">${escapeHtml(typeof c === 'number' ? int(c) : c)}</td>`
              : `<td>${escapeHtml(String(c))}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return `<table class="sortable"><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1d2330;background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:1px solid #dde1e8;padding-bottom:.25rem}
.meta{color:#5b6475;margin:0 0 1rem}.tiles{display:flex;gap:.75rem;flex-wrap:wrap}
.tile{border:1px solid #dde1e8;border-radius:8px;padding:.6rem .9rem;min-width:9rem}.tile b{display:block;font-size:1.4rem}
.bars{display:grid;gap:.2rem;margin:.5rem 0}.bar-row{display:grid;grid-template-columns:11rem 1fr 12rem;gap:.5rem;align-items:center}
.bar-label{font-family:ui-monospace,monospace;font-size:.85rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.bar-track{background:#eef1f5;border-radius:3px;height:.9rem}.bar{display:block;height:100%;background:#3b6fd8;border-radius:3px;min-width:1px}
.bar-value{font-size:.85rem;color:#3a4252}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9rem}th,td{padding:.3rem .5rem;border-bottom:1px solid #eceff3;text-align:left}
th{background:#f6f7f9;cursor:pointer;user-select:none;white-space:nowrap}th[data-numeric=true],td[data-value]{text-align:right}
th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
.examples li{margin:.2rem 0}.examples q{background:#fff3c4}.note{color:#5b6475;font-size:.9rem}
@media print{th{cursor:auto}}
`;

// Sorts a table when its header is clicked (or Enter pressed on it): numbers by their value, text by name.
const SCRIPT = `
for (const table of document.querySelectorAll('table.sortable')) {
  const heads = [...table.tHead.rows[0].cells];
  heads.forEach((th, col) => {
    const sort = () => {
      const dir = th.getAttribute('aria-sort') === 'descending' ? 'ascending' : 'descending';
      heads.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', dir);
      const numeric = th.dataset.numeric === 'true';
      const key = (row) => numeric ? Number(row.cells[col].dataset.value) : row.cells[col].textContent;
      const rows = [...table.tBodies[0].rows].sort((a, b) => {
        const x = key(a), y = key(b);
        const c = numeric ? x - y : String(x).localeCompare(String(y));
        return dir === 'ascending' ? c : -c;
      });
      for (const row of rows) table.tBodies[0].appendChild(row);
    };
    th.addEventListener('click', sort);
    th.addEventListener('keydown', (e) => { if (e.key === 'Enter') sort(); });
  });
}
`;

export function formatAuditHtml(report: AuditReport): string {
  const total = report.messages;
  const parts: string[] = [];
  parts.push(`<h1>Preflight audit</h1>`);
  parts.push(
    `<p class="meta">${escapeHtml(report.sources.join(', '))} · policy: ${escapeHtml(report.policy ?? 'built-in defaults')}${report.since || report.until ? ` · sent ${report.since ? `from ${escapeHtml(report.since)} ` : ''}${report.until ? `until ${escapeHtml(report.until)}` : ''}` : ''}</p>`,
  );
  const tile = (label: string, value: string, note = '') =>
    `<div class="tile">${escapeHtml(label)}<b>${escapeHtml(value)}</b>${note ? `<span class="note">${escapeHtml(note)}</span>` : ''}</div>`;
  parts.push(
    `<div class="tiles">${[
      tile('messages audited', int(total)),
      tile('with a finding', int(report.flagged), pct(ofTotal(report.flagged, total))),
      tile('held at Send', int(report.held.messages), pct(ofTotal(report.held.messages, total))),
      tile('held, not overridable', int(report.held.notOverridable)),
      tile('held, overridable', int(report.held.overridable)),
      tile('could not be read', int(report.unreadable.length)),
    ].join('')}</div>`,
  );
  parts.push('<h2>Messages with a finding, by category</h2>');
  parts.push(
    bars(
      CATEGORIES.map((c) => ({
        label: c,
        value: report.categories[c].messages,
        of: total,
        note: `${int(report.categories[c].messages)} (${pct(report.categories[c].share)})`,
      })),
    ),
  );
  const countRow = (c: Counts) => [
    c.messages,
    Math.round(c.share * 1000) / 10,
    c.findings,
    c.held.messages,
    c.held.notOverridable,
    c.held.overridable,
  ];
  const countHead = ['messages', 'share %', 'findings', 'held', 'held, not overridable', 'held, overridable'];
  parts.push(
    htmlTable(
      ['category', ...countHead],
      CATEGORIES.map((c) => [c, ...countRow(report.categories[c])]),
    ),
  );
  const months = Object.entries(report.months);
  parts.push('<h2>Messages with a finding, by month</h2>');
  parts.push(
    bars(
      months.map(([month, p]) => ({
        label: month,
        value: p.flagged,
        of: p.messages,
        note: `${int(p.flagged)} of ${int(p.messages)} (${pct(ofTotal(p.flagged, p.messages))})`,
      })),
    ),
  );
  parts.push(
    htmlTable(
      ['month', 'messages', 'with a finding', 'share %', 'held'],
      months.map(([m, p]) => [
        m,
        p.messages,
        p.flagged,
        Math.round(ofTotal(p.flagged, p.messages) * 1000) / 10,
        p.held,
      ]),
    ),
  );
  const fired = firedRules(report);
  parts.push(
    `<h2>By rule</h2><p class="note">${fired.length} of ${Object.keys(report.rules).length} rules fired; "observe" rules are shown to the writer but never hold a send.</p>`,
  );
  parts.push(
    htmlTable(
      ['rule', 'category', 'severity', ...countHead],
      Object.entries(report.rules).map(([id, r]) => [
        id,
        r.category,
        `${r.severity}${r.shadow ? ' (observe)' : ''}`,
        ...countRow(r),
      ]),
      3,
    ),
  );
  const withExamples = fired.filter(([, r]) => (r.examples ?? []).length > 0);
  if (withExamples.length > 0) {
    parts.push('<h2>Examples</h2>');
    for (const [id, r] of withExamples) {
      parts.push(
        `<h3>${escapeHtml(id)}</h3><ul class="examples">${(r.examples ?? [])
          .map(
            (e) =>
              `<li><q>${escapeHtml(e.excerpt)}</q> in “${escapeHtml(e.context)}” <span class="note">${escapeHtml(where(e))}</span></li>`,
          )
          .join('')}</ul>`,
      );
    }
  }
  parts.push('<h2>By sender domain</h2>');
  parts.push(
    htmlTable(
      ['domain', 'messages', 'with a finding', 'share %', 'held'],
      Object.entries(report.senderDomains).map(([d, p]) => [
        d,
        p.messages,
        p.flagged,
        Math.round(ofTotal(p.flagged, p.messages) * 1000) / 10,
        p.held,
      ]),
    ),
  );
  if (report.unreadable.length > 0) {
    parts.push('<h2>Could not be read</h2>');
    parts.push(
      `<ul>${report.unreadable.map((u) => `<li>${escapeHtml(where(u))}: ${escapeHtml(u.reason)}</li>`).join('')}</ul>`,
    );
  }
  parts.push(
    `<p class="note">Outside the date range: ${int(report.outsideRange)} · empty: ${int(report.empty)}${report.incomplete ? ` · incomplete checks: ${int(report.incomplete)}` : ''}</p>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preflight audit: ${int(total)} messages</title>
<style>${STYLE}</style>
</head>
<body>
${parts.join('\n')}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

export function formatAudit(report: AuditReport, format: AuditFormat): string {
  switch (format) {
    case 'text':
      return formatAuditText(report);
    case 'json':
      return formatAuditJson(report);
    case 'csv':
      return formatAuditCsv(report);
    case 'html':
      return formatAuditHtml(report);
  }
}
