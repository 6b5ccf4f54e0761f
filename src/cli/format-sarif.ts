// SARIF 2.1.0, the log GitHub code scanning, Azure DevOps and editors' SARIF viewers read: the tool driver
// lists every rule (id, name, help, policy clause, default level), each finding is a result at its region
// in the file, and inputs that could not be read or checked are the invocation's notifications.
import type { Finding, FindingSeverity } from '../engine/index.ts';
import type { FileReport } from './format-text.ts';
import { positionOf } from './locate.ts';

export interface RuleDescription {
  id: string;
  category: string;
  severity: FindingSeverity | 'off';
  clause: string;
  clauseText: string;
  description: string;
}

export interface InputFailure {
  file: string;
  reason: string;
}

type Level = 'error' | 'warning' | 'note' | 'none';

export const SARIF_LEVEL: Record<FindingSeverity, Level> = { block: 'error', warn: 'warning', info: 'note' };

/** `overcommitment/guarantee` -> `OvercommitmentGuarantee`: SARIF's readable rule name. */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** A file path as a SARIF artifact URI: relative paths stay relative, with `/` and percent-encoding. */
export function artifactUri(file: string): string {
  const path = file.replace(/\\/g, '/');
  const encoded = path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/');
  if (/^[A-Za-z]:\//.test(path)) return `file:///${encoded.replace('%3A', ':')}`;
  return path.startsWith('/') ? `file://${encoded}` : encoded;
}

function artifactLocation(file: string): Record<string, unknown> {
  return file === '<stdin>' ? { description: { text: 'standard input' } } : { uri: artifactUri(file) };
}

function descriptor(rule: RuleDescription): Record<string, unknown> {
  const level: Level = rule.severity === 'off' ? 'none' : SARIF_LEVEL[rule.severity];
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: {
      text: `${rule.description}\n\nPolicy: ${rule.clauseText}`,
      markdown: `${rule.description}\n\n**Policy:** ${rule.clauseText}`,
    },
    defaultConfiguration: rule.severity === 'off' ? { enabled: false, level } : { level },
    properties: {
      category: rule.category,
      clause: rule.clauseText,
      clauseId: rule.clause,
      tags: [rule.category],
    },
  };
}

/** Collects results file by file (small objects only, not the drafts) and writes the log at the end. */
export class SarifLog {
  private readonly rules: RuleDescription[];
  private readonly index = new Map<string, number>();
  private readonly results: Record<string, unknown>[] = [];
  private readonly notifications: Record<string, unknown>[] = [];

  constructor(
    rules: readonly RuleDescription[],
    private readonly version: string,
  ) {
    this.rules = [...rules];
    for (const [i, rule] of this.rules.entries()) this.index.set(rule.id, i);
  }

  private ruleIndex(finding: Finding): number {
    let at = this.index.get(finding.ruleId);
    if (at === undefined) {
      at = this.rules.length;
      this.rules.push({
        id: finding.ruleId,
        category: finding.category,
        severity: finding.severity,
        clause: finding.clauseId ?? finding.clause,
        clauseText: finding.clause,
        description: finding.message,
      });
      this.index.set(finding.ruleId, at);
    }
    return at;
  }

  add(report: FileReport, findings: readonly Finding[] = report.result.findings): void {
    for (const finding of findings) {
      const where = positionOf(report.draft, report.locate, finding);
      const region = {
        startLine: where.line,
        startColumn: where.column,
        endLine: where.endLine,
        endColumn: where.endColumn,
        ...(finding.excerpt ? { snippet: { text: finding.excerpt } } : {}),
      };
      const physicalLocation: Record<string, unknown> = { artifactLocation: artifactLocation(report.file) };
      // A position counted in decoded text has no region in the file as stored: the file is the location.
      if (!where.in) physicalLocation.region = region;
      const properties: Record<string, unknown> = { category: finding.category, field: finding.field };
      if (finding.suggestion !== undefined) properties.suggestion = finding.suggestion;
      if (where.in) properties.position = { ...region, in: where.in };
      this.results.push({
        ruleId: finding.ruleId,
        ruleIndex: this.ruleIndex(finding),
        level: SARIF_LEVEL[finding.severity],
        message: {
          text: finding.suggestion ? `${finding.message} Suggestion: ${finding.suggestion}` : finding.message,
        },
        locations: [{ physicalLocation }],
        properties,
      });
    }
    for (const failure of report.result.incomplete ?? []) {
      this.notifications.push({
        level: 'error',
        message: { text: `rule ${failure.ruleId} failed: ${failure.error}` },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(report.file) } }],
        associatedRule: { id: failure.ruleId },
      });
    }
  }

  unreadable(failure: InputFailure): void {
    this.notifications.push({
      level: 'error',
      message: { text: `${failure.file}: ${failure.reason}` },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(failure.file) } }],
      properties: { file: failure.file, reason: failure.reason },
    });
  }

  notice(file: string, text: string): void {
    this.notifications.push({
      level: 'note',
      message: { text: `${file}: ${text}` },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(file) } }],
    });
  }

  toString(exitCode: number): string {
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'Preflight',
              version: this.version,
              rules: this.rules.map(descriptor),
            },
          },
          invocations: [
            {
              executionSuccessful: exitCode !== 2,
              exitCode,
              toolExecutionNotifications: this.notifications,
            },
          ],
          columnKind: 'utf16CodeUnits',
          results: this.results,
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  }
}
