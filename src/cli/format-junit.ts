// JUnit XML, which most CI systems show as a test report: one test case per input file, failed when a
// finding blocks sending, an error when the input could not be read; warnings go to the case's output.
import type { Finding } from '../engine/index.ts';
import type { FileReport } from './format-text.ts';
import { positionOf } from './locate.ts';

export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export class JunitLog {
  private readonly cases: string[] = [];
  private failures = 0;
  private errors = 0;

  add(report: FileReport, findings: readonly Finding[] = report.result.findings): void {
    const line = (finding: Finding) => {
      const where = positionOf(report.draft, report.locate, finding);
      const note = where.in ? ` (in ${where.in})` : '';
      return `${report.file}:${where.line}:${where.column}${note} ${finding.severity.toUpperCase()} ${finding.ruleId}: ${finding.message}`;
    };
    const blocking = findings.filter((finding) => finding.severity === 'block');
    const others = findings.filter((finding) => finding.severity !== 'block');
    const name = escapeXml(report.file);
    let body = '';
    if (blocking.length > 0) {
      this.failures++;
      const first = blocking[0] as Finding;
      body += `      <failure message="${escapeXml(first.message)}" type="${escapeXml(first.ruleId)}">${escapeXml(blocking.map(line).join('\n'))}</failure>\n`;
    }
    if (others.length > 0)
      body += `      <system-out>${escapeXml(others.map(line).join('\n'))}</system-out>\n`;
    this.cases.push(
      body
        ? `    <testcase classname="preflight" name="${name}">\n${body}    </testcase>\n`
        : `    <testcase classname="preflight" name="${name}"/>\n`,
    );
  }

  unreadable(file: string, reason: string): void {
    this.errors++;
    this.cases.push(
      `    <testcase classname="preflight" name="${escapeXml(file)}">\n      <error message="${escapeXml(reason)}"/>\n    </testcase>\n`,
    );
  }

  toString(): string {
    const counts = `tests="${this.cases.length}" failures="${this.failures}" errors="${this.errors}"`;
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="preflight" ${counts}>\n  <testsuite name="preflight" ${counts}>\n${this.cases.join('')}  </testsuite>\n</testsuites>\n`;
  }
}
