// Machine-readable report, the shape design.md fixes: { version: 1, results: [{ file, findings, scorecard }] }.
import type { Finding, Scorecard } from '../engine/index.ts';
import type { FileReport } from './format-text.ts';
import { positionOf, type SourcePosition } from './locate.ts';

/**
 * A finding as the report prints it: design.md's Finding, then where it is in the file (`line`, `column`,
 * `endLine`, `endColumn`; `in` says what they count in when that is not the file as stored).
 */
export type JsonFinding = Finding & SourcePosition;

export interface JsonReport {
  version: 1;
  results: { file: string; findings: JsonFinding[]; scorecard: Scorecard }[];
}

export function toJsonReport(reports: FileReport[]): JsonReport {
  return {
    version: 1,
    results: reports.map(({ file, draft, result, locate }) => ({
      file,
      findings: result.findings.map((finding) => ({ ...finding, ...positionOf(draft, locate, finding) })),
      scorecard: {
        personalization: result.scorecard.personalization,
        accuracy: result.scorecard.accuracy,
        slaCompliance: result.scorecard.slaCompliance,
        dataPrivacy: result.scorecard.dataPrivacy,
        humanReview: result.scorecard.humanReview,
      },
    })),
  };
}

export function formatJsonReport(reports: FileReport[]): string {
  return `${JSON.stringify(toJsonReport(reports), null, 2)}\n`;
}
