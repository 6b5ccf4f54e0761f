import { useMemo, useState } from 'preact/hooks';
import { AUDIT_DECISIONS, type AuditEntry, type StoredFalsePositiveReport } from '../../shared/messages.ts';
import { download } from '../../ui/api.ts';
import { Section } from './common.tsx';

export function AuditSection({
  entries,
  reports,
  onExport,
}: {
  entries: readonly AuditEntry[];
  reports: readonly StoredFalsePositiveReport[];
  onExport(format: 'csv' | 'json'): void;
}) {
  const [decision, setDecision] = useState('');
  const [text, setText] = useState('');
  const shown = useMemo(() => {
    const q = text.trim().toLowerCase();
    return entries
      .filter((e) => !decision || e.decision === decision)
      .filter(
        (e) =>
          !q ||
          [...e.ruleIds, ...e.recipientDomains, e.justification ?? '', e.site].some((v) =>
            v.toLowerCase().includes(q),
          ),
      )
      .slice(-200)
      .reverse();
  }, [entries, decision, text]);
  return (
    <Section id="audit" title="Audit log and false-positive reports">
      <p>
        Every held send and what was decided: rule ids, recipient domains and a hash of the body, never the
        email's text. Kept on this browser ({entries.length} entries).
      </p>
      <div class="grid">
        <label>
          Decision
          <select value={decision} onChange={(e) => setDecision(e.currentTarget.value)}>
            <option value="">All</option>
            {AUDIT_DECISIONS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label>
          Rule, domain or reason contains
          <input type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
      </div>
      <button type="button" data-preflight-audit-export="csv" onClick={() => onExport('csv')}>
        Export CSV
      </button>{' '}
      <button type="button" data-preflight-audit-export="json" onClick={() => onExport('json')}>
        Export JSON
      </button>
      <div class="table-wrap">
        <table data-preflight-audit="" data-count={String(shown.length)}>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Decision</th>
              <th scope="col">Rules</th>
              <th scope="col">Recipient domains</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={`${e.at}:${e.bodySha256}`}>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>{e.decision}</td>
                <td>{e.ruleIds.join(', ')}</td>
                <td>{e.recipientDomains.join(', ')}</td>
                <td>{e.justification ?? e.checkerFailure ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>False-positive reports ({reports.length})</h3>
      <p>
        Which rule was reported, where and when, and how long the flagged text was; never the text itself.
      </p>
      <button
        type="button"
        data-preflight-reports-export="json"
        disabled={reports.length === 0}
        onClick={() =>
          download(
            'preflight-false-positives.json',
            `${JSON.stringify({ version: 1, reports }, null, 2)}\n`,
            'application/json',
          )
        }
      >
        Export reports (JSON)
      </button>
      <div class="table-wrap">
        <table data-preflight-reports="">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Rule</th>
              <th scope="col">Site</th>
              <th scope="col">Flagged length</th>
            </tr>
          </thead>
          <tbody>
            {[...reports]
              .reverse()
              .slice(0, 200)
              .map((r) => (
                <tr key={`${r.at}:${r.ruleId}`}>
                  <td>{new Date(r.at).toLocaleString()}</td>
                  <td>{r.ruleId}</td>
                  <td>{r.site}</td>
                  <td>{r.excerptLength}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
