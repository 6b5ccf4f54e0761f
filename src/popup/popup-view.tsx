// The popup's content for one tab: pure, fed by the page.
import type { TabCompose } from '../shared/messages.ts';
import { FindingsList, ScorecardView } from '../ui/findings-view.tsx';

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'not-mail' }
  | { kind: 'no-compose' }
  | { kind: 'error'; reason: string }
  | { kind: 'composes'; composes: TabCompose[] };

export function PopupView({
  state,
  onGoTo,
  note,
}: {
  state: PopupState;
  onGoTo(composeId: string, index: number): void;
  note?: string | undefined;
}) {
  switch (state.kind) {
    case 'loading':
      return <p data-preflight-popup-state="loading">Looking at this tab…</p>;
    case 'not-mail':
      return (
        <p data-preflight-popup-state="not-mail">
          This is not a mail page. Preflight checks emails you write in Gmail and Outlook on the web.
        </p>
      );
    case 'no-compose':
      return (
        <p data-preflight-popup-state="no-compose">
          No email is being written in this tab. Open a new message or a reply to see its check here.
        </p>
      );
    case 'error':
      return (
        <p class="error" role="alert" data-preflight-popup-state="error">
          The checker did not answer: {state.reason}
        </p>
      );
    case 'composes':
      return (
        <div data-preflight-popup-state="composes">
          {note && (
            <p role="status" class="error">
              {note}
            </p>
          )}
          {state.composes.map((c, n) => {
            const blocking = c.result.findings.filter((f) => f.severity === 'block').length;
            return (
              <section
                key={c.id}
                class="compose"
                data-preflight-popup-compose={c.id}
                aria-labelledby={`compose-${n}`}
              >
                <h2 id={`compose-${n}`}>
                  {c.subject ? `“${c.subject}”` : `Email ${n + 1} (no subject)`}
                  <span class="counts">
                    {' '}
                    · {blocking} blocking, {c.result.findings.length - blocking} other
                  </span>
                </h2>
                {c.guarded === false && (
                  <p class="error" role="alert" data-preflight-popup-unguarded="">
                    Send not guarded here — report this. Preflight cannot find this email’s Send button, so
                    sending it is not checked.
                  </p>
                )}
                <FindingsList findings={c.result.findings} onGoTo={(i) => onGoTo(c.id, i)} />
                <ScorecardView scorecard={c.result.scorecard} />
              </section>
            );
          })}
        </div>
      );
  }
}
