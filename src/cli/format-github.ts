// GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` line per finding, which the
// runner turns into annotations on the file and line (and in a pull request's diff).
import type { Finding } from '../engine/index.ts';
import type { FileReport } from './format-text.ts';
import { positionOf } from './locate.ts';

const COMMAND: Record<Finding['severity'], string> = { block: 'error', warn: 'warning', info: 'notice' };

/** The message part of a command: %, CR and LF are escaped. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubFinding(report: FileReport, finding: Finding): string {
  const where = positionOf(report.draft, report.locate, finding);
  const props = [`file=${escapeProperty(report.file)}`];
  let message = finding.message;
  if (where.in) {
    message += ` (line ${where.line}, column ${where.column} in ${where.in})`;
  } else {
    props.push(`line=${where.line}`, `col=${where.column}`);
    if (where.endLine !== where.line) props.push(`endLine=${where.endLine}`);
    else props.push(`endColumn=${where.endColumn}`);
  }
  props.push(`title=${escapeProperty(`${finding.ruleId} (${finding.category})`)}`);
  if (finding.suggestion) message += ` Suggestion: ${finding.suggestion}`;
  return `::${COMMAND[finding.severity]} ${props.join(',')}::${escapeData(message)}\n`;
}

export function githubUnreadable(file: string, reason: string): string {
  return `::error file=${escapeProperty(file)},title=${escapeProperty('Preflight could not read this input')}::${escapeData(reason)}\n`;
}
