import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { withoutStalePhraseEdits } from '../engine/phrase-edits.ts';
import type { Policy } from '../engine/schemas/policy.ts';
import { listSetAside } from '../platform/storage.ts';
import type { AuditEntry, StoredFalsePositiveReport } from '../shared/messages.ts';
import type { RuleStats } from '../shared/rule-stats.ts';
import { api, download, type PolicyState } from '../ui/api.ts';
import { loadStatus } from '../ui/load-status.ts';
import { NoticesView } from '../ui/notices-view.tsx';
import { StatusView } from '../ui/status-view.tsx';
import { useNotices } from '../ui/use-notices.ts';
import { useWorker } from '../ui/use-worker.ts';
import { AccountsSection } from './sections/accounts-section.tsx';
import { AuditSection } from './sections/audit-section.tsx';
import { FactsSection } from './sections/facts-section.tsx';
import { PolicyFileSection } from './sections/policy-file-section.tsx';
import { RulesSection } from './sections/rules-section.tsx';
import { TryItSection } from './sections/try-it-section.tsx';
import '../ui/base.css';
import './options.css';

interface Extras {
  stats: Record<string, RuleStats>;
  audit: AuditEntry[];
  reports: StoredFalsePositiveReport[];
}

function Options() {
  const status = useWorker(loadStatus);
  const notices = useNotices();
  const [state, setState] = useState<PolicyState | null>(null);
  const [error, setError] = useState('');
  const [generation, setGeneration] = useState(0);
  const [extras, setExtras] = useState<Extras>({ stats: {}, audit: [], reports: [] });

  const reload = useCallback(async () => {
    const answer = await api.getPolicy();
    if (!answer.ok) {
      setError(answer.reason);
      return;
    }
    setError('');
    setState(answer.data);
    const [stats, audit, reports] = await Promise.all([api.ruleStats(), api.auditList(), api.reports()]);
    setExtras({
      stats: stats.ok ? stats.data : {},
      audit: audit.ok ? audit.data : [],
      reports: reports.ok ? reports.data : [],
    });
  }, []);
  useEffect(() => {
    void reload();
  }, []);

  const save = async (next: Policy): Promise<string[]> => {
    const answer = await api.savePolicy(withoutStalePhraseEdits(next));
    if (!answer.ok) return [`the checker did not answer: ${answer.reason}`];
    if (!answer.data.saved) return answer.data.issues;
    await reload();
    return [];
  };
  const reset = async (): Promise<string[]> => {
    const answer = await api.resetPolicy();
    if (!answer.ok) return [`the checker did not answer: ${answer.reason}`];
    await reload();
    // Forms start again from the policy now in force.
    setGeneration((g) => g + 1);
    return [];
  };
  const exportAudit = async (format: 'csv' | 'json') => {
    const answer = await api.auditExport(format);
    if (answer.ok)
      download(`preflight-audit.${format}`, answer.data, format === 'csv' ? 'text/csv' : 'application/json');
  };

  const props = state && {
    effective: state.effective,
    user: state.user ?? { version: 1 as const },
    locked: state.locked,
    rules: state.rules,
    save,
  };

  return (
    <main data-preflight-options="" data-ready={state ? 'true' : 'false'}>
      <h1>
        <img src="/icons/icon-32.png" alt="" />
        Preflight options
      </h1>
      <nav aria-label="Sections" class="toc">
        <a href="#rules">Rules</a> <a href="#facts">Organisation</a> <a href="#accounts">Accounts</a>{' '}
        <a href="#policy-file">Policy file</a> <a href="#try-it">Try it</a> <a href="#audit">Audit log</a>
      </nav>
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">Status</h2>
        <StatusView status={status} />
        <NoticesView
          notices={notices.notices}
          onDismiss={notices.dismiss}
          onDownloadSetAside={(notice) =>
            void listSetAside(notice.backupKey)
              .then((values) =>
                download(
                  'preflight-set-aside-settings.json',
                  `${JSON.stringify({ setAside: values }, null, 2)}\n`,
                  'application/json',
                ),
              )
              .catch(() => undefined)
          }
        />
        {state && state.locked.length > 0 && (
          <p class="locked" data-preflight-managed={state.locked.join(' ')}>
            Your administrator set: {state.locked.join(', ')}. These are locked here.
          </p>
        )}
        {state && state.issues.length > 0 && (
          <ul class="issues">
            {state.issues.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        )}
      </section>
      {error && (
        <p class="error" role="alert">
          The checker did not answer: {error}
        </p>
      )}
      {props && (
        <div key={generation}>
          <RulesSection {...props} stats={extras.stats} />
          <FactsSection {...props} />
          <AccountsSection {...props} />
          <PolicyFileSection {...props} reset={reset} />
          <TryItSection check={api.check} />
          <AuditSection
            entries={extras.audit}
            reports={extras.reports}
            onExport={(f) => void exportAudit(f)}
          />
        </div>
      )}
    </main>
  );
}

const app = document.getElementById('app');
if (app) render(<Options />, app);
