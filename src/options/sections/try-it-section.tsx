import { useEffect, useState } from 'preact/hooks';
import type { Draft } from '../../engine/schemas/draft.ts';
import type { CheckResult } from '../../engine/schemas/finding.ts';
import type { Result } from '../../shared/messages.ts';
import { FindingsList, ScorecardView } from '../../ui/findings-view.tsx';
import { Section } from './common.tsx';

const PAUSE_MS = 300;

export function TryItSection({ check }: { check(draft: Draft): Promise<Result<CheckResult>> }) {
  const [to, setTo] = useState('Dana Reyes <dana@customer.example>');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [answer, setAnswer] = useState<Result<CheckResult> | null>(null);
  useEffect(() => {
    if (!body.trim() && !subject.trim()) {
      setAnswer(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      const draft: Draft = { subject, body, to: to ? [to] : [], cc: [], bcc: [] };
      void check(draft).then((a) => live && setAnswer(a));
    }, PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [to, subject, body]);
  return (
    <Section id="try-it" title="Try it">
      <p>Paste an email to see what the policy in force finds. Nothing leaves this browser.</p>
      <div class="grid">
        <label>
          To
          <input value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        <label>
          Subject
          <input value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
        </label>
      </div>
      <label>
        Email
        <textarea
          data-preflight-try-body=""
          rows={8}
          value={body}
          onInput={(e) => setBody(e.currentTarget.value)}
        />
      </label>
      <div aria-live="polite" data-preflight-try-result={answer ? (answer.ok ? 'ready' : 'error') : 'empty'}>
        {answer && !answer.ok && (
          <p class="error" role="alert">
            The checker did not answer: {answer.reason}
          </p>
        )}
        {answer?.ok && (
          <>
            <FindingsList findings={answer.data.findings} />
            <ScorecardView scorecard={answer.data.scorecard} />
          </>
        )}
      </div>
    </Section>
  );
}
