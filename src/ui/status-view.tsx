import type { Status } from '../shared/messages.ts';
import type { Loadable } from './use-worker.ts';

const SOURCE_TEXT: Record<Status['policySource'], string> = {
  default: 'Built-in default policy',
  user: 'Policy saved on this browser',
  managed: 'Policy set by your administrator',
};

/** Pure view of the worker's status; the page fetches, this only draws. */
export function StatusView({ status }: { status: Loadable<Status> }) {
  if (status.state === 'loading') return <p data-preflight-status="loading">Contacting the checker…</p>;
  if (status.state === 'error') {
    return (
      <p class="error" role="alert" data-preflight-status="error">
        The checker did not answer: {status.reason}
      </p>
    );
  }
  const s = status.data;
  return (
    <dl class="status" data-preflight-status="ready">
      <dt>Policy</dt>
      <dd data-preflight-policy-source={s.policySource}>{SOURCE_TEXT[s.policySource]}</dd>
      <dt>Rules</dt>
      <dd data-preflight-rule-count={String(s.ruleCount)}>{s.ruleCount} active rules</dd>
      <dt>Checks</dt>
      <dd>{s.checksSinceStart} since the checker started</dd>
      <dt>Version</dt>
      <dd>{s.version}</dd>
    </dl>
  );
}
