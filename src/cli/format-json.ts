// Machine-readable report, the shape design.md fixes: { version: 1, results: [{ file, findings, scorecard }] }.
import type { Finding, Scorecard } from '../engine/index.ts';
import type { FileReport } from './format-text.ts';

export interface JsonReport {
  version: 1;
  results: { file: string; findings: Finding[]; scorecard: Scorecard }[];
}

export function toJsonReport(reports: FileReport[]): JsonReport {
  return {
    version: 1,
    results: reports.map(({ file, result }) => ({
      file,
      findings: result.findings,
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
