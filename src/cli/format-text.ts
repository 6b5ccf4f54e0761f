// Human-readable report: one block per file, one entry per finding with the excerpt and the span marked.
import { styleText } from 'node:util';
import type { CheckResult, Draft, Field, Finding, Scorecard } from '../engine/index.ts';
import { fieldText, type Locator, positionOf, type SourcePosition } from './locate.ts';

export { fieldText };

export interface FileReport {
  file: string;
  draft: Draft;
  result: CheckResult;
  /** The way from a finding's field offsets to the file; without it, positions count in the field. */
  locate?: Locator;
}

export interface TextOptions {
  color: boolean;
}

type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan';

/**
 * Colour by node:util's styleText. Whether to colour is decided once by the caller (--color / --no-color,
 * NO_COLOR, TERM=dumb, a terminal on stdout: main.ts), so styleText is told not to second-guess it from
 * process.stdout, which newer Node versions otherwise do.
 */
function painter(color: boolean) {
  return (style: Style | Style[], text: string): string => {
    if (!color || text === '') return text;
    return styleText(style, text, { validateStream: false });
  };
}

const SEVERITY_STYLE: Record<Finding['severity'], Style> = { block: 'red', warn: 'yellow', info: 'cyan' };

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in characters (code points) from the start of the line. */
  column: number;
  lineStart: number;
  lineEnd: number;
}

/** 1-based line and column of a UTF-16 offset into `text`. Offsets past the end are clamped. */
export function positionAt(text: string, offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, text.length));
  const lineStart = text.lastIndexOf('\n', clamped - 1) + 1;
  const newline = text.indexOf('\n', clamped);
  const lineEnd = newline === -1 ? text.length : newline;
  let line = 1;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < clamped;
    index = text.indexOf('\n', index + 1)
  ) {
    line++;
  }
  return { line, column: codePointLength(text.slice(lineStart, clamped)) + 1, lineStart, lineEnd };
}

function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

const MAX_EXCERPT = 100;

/** The line holding the span, tabs and control characters made visible-safe, with a caret marker under it. */
export function markSpan(text: string, start: number, end: number): { line: string; marker: string } {
  const position = positionAt(text, start);
  const spanEnd = Math.max(Math.min(end, position.lineEnd), Math.min(start, position.lineEnd));
  const clean = (part: string) => part.replace(/\p{Cc}/gu, ' ');
  let before = clean(text.slice(position.lineStart, Math.min(start, position.lineEnd)));
  const span = clean(text.slice(Math.min(start, position.lineEnd), spanEnd));
  let after = clean(text.slice(spanEnd, position.lineEnd));
  const beforeBudget = Math.max(20, MAX_EXCERPT - codePointLength(span) - 20);
  if (codePointLength(before) > beforeBudget) before = `…${[...before].slice(-beforeBudget + 1).join('')}`;
  const afterBudget = Math.max(10, MAX_EXCERPT - codePointLength(before) - codePointLength(span));
  if (codePointLength(after) > afterBudget) after = `${[...after].slice(0, afterBudget - 1).join('')}…`;
  const marker = ' '.repeat(codePointLength(before)) + '^'.repeat(Math.max(1, codePointLength(span)));
  return { line: before + span + after, marker };
}

const SCORE_LABELS: [keyof Scorecard, string][] = [
  ['personalization', 'Personalization'],
  ['accuracy', 'Accuracy'],
  ['slaCompliance', 'SLA compliance'],
  ['dataPrivacy', 'Data privacy'],
  ['humanReview', 'Human review'],
];

const SEVERITY_ORDER: Record<Finding['severity'], number> = { block: 0, warn: 1, info: 2 };
const FIELD_ORDER: Record<Field, number> = { recipients: 0, subject: 1, attachments: 2, body: 3 };

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      FIELD_ORDER[a.field] - FIELD_ORDER[b.field] ||
      a.start - b.start ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}

export function formatFinding(
  file: string,
  draft: Draft,
  finding: Finding,
  options: TextOptions,
  where: SourcePosition = positionOf(draft, undefined, finding),
): string {
  const paint = painter(options.color);
  const text = fieldText(draft, finding.field);
  const inField = where.in === `the ${finding.field}`;
  const notes = [
    finding.field === 'body' ? undefined : finding.field,
    !inField && where.in && `in ${where.in}`,
  ];
  const said = notes.filter(Boolean).join(', ');
  const place = said ? ` (${said})` : '';
  const severity = paint([SEVERITY_STYLE[finding.severity], 'bold'], finding.severity.toUpperCase());
  const out = [
    `  ${paint('bold', `${file}:${where.line}:${where.column}`)}${place}  ${severity}  ${paint('cyan', finding.category)}  ${finding.message}`,
  ];
  const label = finding.field === 'body' ? String(where.line) : finding.field;
  const gutter = ' '.repeat(label.length);
  if (text.length > 0) {
    const { line, marker } = markSpan(text, finding.start, finding.end);
    out.push(`    ${paint('dim', `${label} |`)} ${line}`);
    out.push(`    ${paint('dim', `${gutter} |`)} ${paint(SEVERITY_STYLE[finding.severity], marker)}`);
  } else if (finding.excerpt) {
    out.push(`    ${paint('dim', `${label} |`)} ${finding.excerpt}`);
  }
  out.push(`    ${paint('dim', 'policy:')} ${finding.clause}`);
  if (finding.suggestion) out.push(`    ${paint('dim', 'suggestion:')} ${finding.suggestion}`);
  out.push(`    ${paint('dim', `rule: ${finding.ruleId}`)}`);
  return out.join('\n');
}

export function formatScorecard(scorecard: Scorecard, options: TextOptions): string {
  const paint = painter(options.color);
  const cells = SCORE_LABELS.map(([key, label]) => {
    const value = scorecard[key];
    return `${label} ${value === 'pass' ? paint('green', 'PASS') : paint('red', 'FAIL')}`;
  });
  return `  ${paint('dim', 'scorecard:')} ${cells.join(' · ')}`;
}

export function formatFileReport(report: FileReport, options: TextOptions): string {
  const paint = painter(options.color);
  const { file, draft, result, locate } = report;
  const out = [paint(['bold', 'cyan'], file)];
  if (result.findings.length === 0) {
    out.push(`  ${paint('green', 'no findings')}`);
  } else {
    for (const finding of sortFindings(result.findings))
      out.push(formatFinding(file, draft, finding, options, positionOf(draft, locate, finding)));
  }
  for (const failure of result.incomplete ?? []) {
    out.push(`  ${paint(['red', 'bold'], 'INCOMPLETE')}  rule ${failure.ruleId} failed: ${failure.error}`);
  }
  out.push(formatScorecard(result.scorecard, options));
  return out.join('\n');
}

function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** What a run's summary line counts; kept as numbers so that a long run does not hold its reports. */
export interface Tally {
  files: number;
  block: number;
  warn: number;
  info: number;
  heldFiles: number;
  empty: number;
}

export function emptyTally(): Tally {
  return { files: 0, block: 0, warn: 0, info: 0, heldFiles: 0, empty: 0 };
}

export function countReport(tally: Tally, findings: readonly Finding[]): void {
  tally.files++;
  for (const finding of findings) tally[finding.severity]++;
  if (findings.some((finding) => finding.severity === 'block')) tally.heldFiles++;
}

/** One line per run: how many files, how many findings of each severity, how many files would be held. */
export function formatSummary(reports: FileReport[], failedInputs: number, options: TextOptions): string {
  const tally = emptyTally();
  for (const report of reports) countReport(tally, report.result.findings);
  return formatTally(tally, failedInputs, options);
}

export function formatTally(tally: Tally, failedInputs: number, options: TextOptions): string {
  const paint = painter(options.color);
  const parts = [
    paint(tally.block > 0 ? 'red' : 'green', plural(tally.block, 'blocking issue')),
    plural(tally.warn, 'warning'),
    plural(tally.info, 'note'),
  ];
  let line = `${plural(tally.files, 'file')} checked: ${parts.join(', ')}`;
  if (tally.files > 0) line += ` (${tally.heldFiles} of ${tally.files} would be held at Send)`;
  if (tally.empty > 0) line += `; ${plural(tally.empty, 'empty draft')} not checked`;
  if (failedInputs > 0) line += `; ${paint('red', `${plural(failedInputs, 'input')} could not be read`)}`;
  return `${line}.`;
}

/** The block for an empty draft: a notice, not a finding. */
export function formatEmpty(file: string, options: TextOptions): string {
  const paint = painter(options.color);
  return `${paint(['bold', 'cyan'], file)}\n  ${paint('yellow', 'empty draft: nothing to check')}`;
}

export function formatTextReport(reports: FileReport[], failedInputs: number, options: TextOptions): string {
  const blocks = reports.map((report) => formatFileReport(report, options));
  blocks.push(formatSummary(reports, failedInputs, options));
  return `${blocks.join('\n\n')}\n`;
}
