// The findings of one check and its five-row scorecard, as the popup and the options page's try-it box
// show them. Pure views: data and callbacks come in as props.

import type { Finding, Scorecard } from '../engine/schemas/finding.ts';
import { SCORECARD_ROWS } from '../engine/scorecard.ts';

const SEVERITY_LABEL = { block: 'Blocks send', warn: 'Warning', info: 'Note' } as const;

export function ScorecardView({ scorecard }: { scorecard: Scorecard }) {
  const rows = Object.entries(SCORECARD_ROWS) as [keyof Scorecard, { label: string }][];
  return (
    <table class="scorecard" data-preflight-scorecard="">
      <caption>Evaluation criteria</caption>
      <tbody>
        {rows.map(([key, row]) => (
          <tr key={key} data-row={key} data-score={scorecard[key]}>
            <th scope="row">{row.label}</th>
            <td class={`score-${scorecard[key]}`}>{scorecard[key] === 'pass' ? 'PASS' : 'FAIL'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface FindingsListProps {
  findings: readonly Finding[];
  /** When given, each finding gets a "Go to" button. */
  onGoTo?: (index: number) => void;
}

export function FindingsList({ findings, onGoTo }: FindingsListProps) {
  if (findings.length === 0) return <p data-preflight-no-findings="">No issues found.</p>;
  return (
    <ul class="findings" data-preflight-findings="">
      {findings.map((f, i) => (
        <li
          key={`${i}:${f.ruleId}:${f.start}`}
          class={`finding sev-${f.severity}`}
          data-rule={f.ruleId}
          data-severity={f.severity}
        >
          <span class="badge">{SEVERITY_LABEL[f.severity]}</span>
          {f.shadow && <span class="badge shadow">observe only</span>}
          <span class="finding-text">
            <span class="finding-message">{f.message}</span>
            <span class="finding-meta">
              {f.field}: “{f.excerpt}” · {f.ruleId}
            </span>
          </span>
          {onGoTo && (
            <button type="button" data-preflight-popup-action="go-to" onClick={() => onGoTo(i)}>
              Go to
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
