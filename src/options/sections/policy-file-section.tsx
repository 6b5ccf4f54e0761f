import { useState } from 'preact/hooks';
import { parsePolicyFile } from '../../engine/policy-file.ts';
import type { Policy } from '../../engine/schemas/policy.ts';
import { download } from '../../ui/api.ts';
import { Issues, Section, type SectionProps } from './common.tsx';

/** What an imported file held, for the person to compare with what they meant to import. */
export function importSummary(policy: Policy): string {
  const count = (n: number, one: string, many: string) =>
    `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  return [
    count(policy.accounts?.length ?? 0, 'account', 'accounts'),
    count(policy.competitors?.length ?? 0, 'competitor', 'competitors'),
    count(policy.customRules?.length ?? 0, 'custom rule', 'custom rules'),
    count(Object.keys(policy.rules ?? {}).length, 'rule setting', 'rule settings'),
  ].join(', ');
}

export function PolicyFileSection({ effective, save, reset }: SectionProps & { reset(): Promise<string[]> }) {
  const [issues, setIssues] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setStatus('');
    const parsed = parsePolicyFile(await file.text());
    // The worker validates again; this reads YAML and places each problem at its line in the file.
    if (!parsed.ok) {
      setIssues(parsed.issues);
      return;
    }
    const found = await save(parsed.policy);
    setIssues(found);
    if (found.length === 0) setStatus(`Imported ${file.name}: ${importSummary(parsed.policy)}.`);
  };

  return (
    <Section id="policy-file" title="Policy file">
      <p>
        Import a policy file (JSON or YAML, version 1) to replace the settings on this browser, or export the
        policy in force. A file with problems is refused as a whole, with every problem and where it is.
      </p>
      <label>
        Import policy file{' '}
        <input
          type="file"
          accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
          data-preflight-policy-file=""
          onChange={(e) => void onFile(e.currentTarget.files?.[0])}
        />
      </label>{' '}
      <button
        type="button"
        data-preflight-policy-export=""
        onClick={() =>
          download('preflight-policy.json', `${JSON.stringify(effective, null, 2)}\n`, 'application/json')
        }
      >
        Export policy
      </button>
      <Issues issues={issues} label="policy-import" />
      <p role="status" data-preflight-policy-status="">
        {status}
      </p>
      <h3>Reset</h3>
      {confirming ? (
        <p>
          Forget every setting made on this browser (settings from your administrator stay)?{' '}
          <button
            type="button"
            data-preflight-reset-confirm=""
            onClick={() =>
              void reset().then((found) => {
                setConfirming(false);
                setIssues(found);
                setStatus(found.length === 0 ? 'Reset to the built-in policy.' : '');
              })
            }
          >
            Yes, reset
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Keep my settings
          </button>
        </p>
      ) : (
        <button type="button" data-preflight-reset="" onClick={() => setConfirming(true)}>
          Reset to defaults
        </button>
      )}
    </Section>
  );
}
