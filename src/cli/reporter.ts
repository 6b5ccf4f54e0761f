// One reporter per output format. Text, JSON and GitHub lines are written file by file as the run goes, so a
// folder of thousands of drafts streams with flat memory; SARIF and JUnit keep small per-finding records.
import type { Finding } from '../engine/index.ts';
import { githubFinding, githubUnreadable } from './format-github.ts';
import type { JsonFinding } from './format-json.ts';
import { toJsonReport } from './format-json.ts';
import { JunitLog } from './format-junit.ts';
import { type RuleDescription, SarifLog } from './format-sarif.ts';
import {
  countReport,
  emptyTally,
  type FileReport,
  formatEmpty,
  formatFileReport,
  formatTally,
  type Tally,
} from './format-text.ts';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReporterOptions {
  write: (text: string) => void;
  color: boolean;
  /** Only blocking findings are reported (--quiet); the exit status is unchanged. */
  quiet: boolean;
  rules: () => readonly RuleDescription[];
  version: string;
}

export interface Reporter {
  readonly tally: Tally;
  file(report: FileReport): void;
  empty(file: string): void;
  unreadable(file: string, reason: string): void;
  end(exitCode: number): void;
}

const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

export function createReporter(format: Format, options: ReporterOptions): Reporter {
  const tally = emptyTally();
  const failures: { file: string; reason: string }[] = [];
  const notices: { file: string; notice: string }[] = [];
  const shown = (report: FileReport): Finding[] =>
    options.quiet
      ? report.result.findings.filter((finding) => finding.severity === 'block')
      : report.result.findings;
  const count = (report: FileReport) => countReport(tally, report.result.findings);
  const { write } = options;

  switch (format) {
    case 'text': {
      const text = { color: options.color };
      return {
        tally,
        file(report) {
          count(report);
          const findings = shown(report);
          write(`${formatFileReport({ ...report, result: { ...report.result, findings } }, text)}\n\n`);
        },
        empty(file) {
          tally.empty++;
          write(`${formatEmpty(file, text)}\n\n`);
        },
        unreadable(file, reason) {
          failures.push({ file, reason });
        },
        end() {
          write(`${formatTally(tally, failures.length, text)}\n`);
        },
      };
    }
    case 'json': {
      // Byte for byte what JSON.stringify(report, null, 2) prints, one result at a time.
      let opened = false;
      const open = () => {
        if (!opened) write('{\n  "version": 1,\n  "results": [');
        opened = true;
      };
      let first = true;
      return {
        tally,
        file(report) {
          count(report);
          open();
          const [result] = toJsonReport([
            { ...report, result: { ...report.result, findings: shown(report) } },
          ]).results as { findings: JsonFinding[] }[];
          write(`${first ? '\n' : ',\n'}    ${indent(JSON.stringify(result, null, 2), '    ')}`);
          first = false;
        },
        empty(file) {
          tally.empty++;
          notices.push({ file, notice: 'empty draft: nothing to check' });
        },
        unreadable(file, reason) {
          failures.push({ file, reason });
        },
        end() {
          open();
          write(first ? ']' : '\n  ]');
          if (failures.length > 0)
            write(`,\n  "unreadable": ${indent(JSON.stringify(failures, null, 2), '  ')}`);
          if (notices.length > 0) write(`,\n  "notices": ${indent(JSON.stringify(notices, null, 2), '  ')}`);
          write('\n}\n');
        },
      };
    }
    case 'github': {
      return {
        tally,
        file(report) {
          count(report);
          for (const finding of shown(report)) write(githubFinding(report, finding));
        },
        empty(file) {
          tally.empty++;
          write(
            `::notice file=${file.replace(/[%:,\r\n]/g, encodeURIComponent)}::empty draft: nothing to check\n`,
          );
        },
        unreadable(file, reason) {
          failures.push({ file, reason });
          write(githubUnreadable(file, reason));
        },
        end() {
          write(`${formatTally(tally, failures.length, { color: false })}\n`);
        },
      };
    }
    case 'sarif': {
      let log: SarifLog | undefined;
      const sarif = () => {
        log ??= new SarifLog(options.rules(), options.version);
        return log;
      };
      return {
        tally,
        file(report) {
          count(report);
          sarif().add(report, shown(report));
        },
        empty(file) {
          tally.empty++;
          sarif().notice(file, 'empty draft: nothing to check');
        },
        unreadable(file, reason) {
          failures.push({ file, reason });
          sarif().unreadable({ file, reason });
        },
        end(exitCode) {
          write(sarif().toString(exitCode));
        },
      };
    }
    case 'junit': {
      const log = new JunitLog();
      return {
        tally,
        file(report) {
          count(report);
          log.add(report, shown(report));
        },
        empty(file) {
          tally.empty++;
          log.add({
            file,
            draft: { subject: '', body: '', to: [], cc: [], bcc: [] },
            result: {
              findings: [],
              scorecard: {
                personalization: 'pass',
                accuracy: 'pass',
                slaCompliance: 'pass',
                dataPrivacy: 'pass',
                humanReview: 'pass',
              },
            },
          });
        },
        unreadable(file, reason) {
          failures.push({ file, reason });
          log.unreadable(file, reason);
        },
        end() {
          write(log.toString());
        },
      };
    }
  }
}
