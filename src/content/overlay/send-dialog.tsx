// The send-time dialog, in its own shadow host outside the site's widgets: the blocking findings with "go to"
// and a fix where a rule has one, "cancel", "send anyway" with a written justification where the policy
// allows it, and "retry" / "send without checking" when the checker could not answer.
import { render } from 'preact';
import type { Finding } from '../../engine/schemas/finding.ts';
import { justificationOk, MIN_JUSTIFICATION } from '../gate/decide.ts';
import type { DialogActions, DialogState, GateView } from '../gate/gate.ts';
// The dialog's stylesheet, as text for its shadow root (shipped as written: no comments, they would ship too).
import STYLE from './send-dialog.css?raw';

function FindingItem(props: {
  finding: Finding;
  fixable: boolean;
  busy: boolean;
  onGoTo(): void;
  onFix(): void;
}) {
  const { finding } = props;
  return (
    <li data-preflight-held-finding={finding.ruleId} data-severity={finding.severity}>
      <div>{finding.message}</div>
      {finding.excerpt && finding.field !== 'recipients' && <div class="excerpt">“{finding.excerpt}”</div>}
      <div class="rule">
        {finding.ruleId} · {finding.clause}
        {finding.overridable === false ? ' · cannot be overridden' : ''}
      </div>
      <div class="row">
        <button type="button" data-preflight-action="go-to" disabled={props.busy} onClick={props.onGoTo}>
          {finding.field === 'recipients' ? 'Go to recipient' : 'Go to issue'}
        </button>
        {props.fixable && finding.suggestion !== undefined && (
          <button
            type="button"
            class="primary"
            data-preflight-action="fix"
            disabled={props.busy}
            onClick={props.onFix}
          >
            {finding.field === 'recipients'
              ? `Change to ${finding.suggestion.slice(0, 80)}`
              : finding.suggestion
                ? `Fix: “${finding.suggestion.slice(0, 60)}”`
                : 'Fix: remove it'}
          </button>
        )}
      </div>
    </li>
  );
}

export function SendDialog(props: {
  state: DialogState;
  actions: DialogActions;
  /** What the person has written so far, kept by the view: a new held send starts with none. */
  justification: string;
  onJustify(text: string): void;
}) {
  const { state, actions, justification } = props;
  // Every button is disabled from the first click on a decision until its outcome (the gate shows the
  // state busy); a click already on its way is dropped here too, before the gate sees it.
  const busy = state.busy === true;
  const guard =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      if (!busy) fn(...args);
    };
  if (state.kind === 'checking') {
    return (
      <div
        class="dialog neutral"
        tabIndex={-1}
        role="dialog"
        aria-modal="true"
        aria-label="Preflight"
        data-preflight-dialog="checking"
      >
        <h2>Checking this email…</h2>
        <p>Preflight is checking the email against the Customer Policy before it goes.</p>
        <div class="actions">
          <button
            type="button"
            data-preflight-action="cancel"
            disabled={busy}
            onClick={guard(actions.cancel)}
          >
            Cancel
          </button>
        </div>
      </div>
    );
  }
  if (state.kind === 'fixed') {
    return (
      <div
        class="dialog neutral"
        tabIndex={-1}
        role="alertdialog"
        aria-modal="true"
        aria-label="Preflight"
        data-preflight-dialog="fixed"
        data-preflight-busy={busy ? '' : undefined}
      >
        <h2>Fixed. Send this email now?</h2>
        <p>The email now reads:</p>
        <p class="excerpt" data-preflight-fixed-text="">
          “{state.replacement}”
        </p>
        <p>It passes the check. Send it, or go back and read it in full first.</p>
        <div class="actions">
          <button
            type="button"
            data-preflight-action="cancel"
            disabled={busy}
            onClick={guard(actions.cancel)}
          >
            Back to the email
          </button>
          <button
            type="button"
            class="primary"
            data-preflight-action="send-fixed"
            disabled={busy}
            onClick={guard(actions.sendFixed)}
          >
            Send
          </button>
        </div>
      </div>
    );
  }
  if (state.kind === 'unavailable') {
    return (
      <div
        class="dialog neutral"
        tabIndex={-1}
        role="alertdialog"
        aria-modal="true"
        aria-label="Preflight"
        data-preflight-dialog="unavailable"
        data-preflight-fail-mode={state.allowUnchecked ? 'ask' : 'closed'}
        data-preflight-busy={busy ? '' : undefined}
      >
        <h2>Preflight could not check this email</h2>
        <p>Reason: {state.reason}.</p>
        <p>
          {state.allowUnchecked
            ? 'Try again, or send it without checking: that is written to the audit log.'
            : 'Sending is blocked until the check works: your organisation’s policy does not allow sending without a check. Try again, or cancel and keep the draft.'}
        </p>
        <div class="actions">
          <button
            type="button"
            data-preflight-action="cancel"
            disabled={busy}
            onClick={guard(actions.cancel)}
          >
            Cancel
          </button>
          {state.allowUnchecked && (
            <button
              type="button"
              class="danger"
              data-preflight-action="send-unchecked"
              disabled={busy}
              onClick={guard(actions.sendUnchecked)}
            >
              Send without checking
            </button>
          )}
          <button
            type="button"
            class="primary"
            data-preflight-action="retry"
            disabled={busy}
            onClick={guard(actions.retry)}
          >
            Retry
          </button>
        </div>
      </div>
    );
  }
  const ok = justificationOk(justification);
  return (
    <div
      class="dialog"
      tabIndex={-1}
      role="alertdialog"
      aria-modal="true"
      aria-label="Preflight"
      data-preflight-dialog="held"
      data-preflight-busy={busy ? '' : undefined}
    >
      <h2>
        This email breaks{' '}
        {state.findings.length === 1 ? 'a blocking rule' : `${state.findings.length} blocking rules`}
      </h2>
      {state.note && <p class="note">{state.note}</p>}
      <ul>
        {state.findings.map((finding, i) => (
          <FindingItem
            key={`${i}:${finding.ruleId}:${finding.start}`}
            finding={finding}
            fixable={state.fixable[i] === true}
            busy={busy}
            onGoTo={guard(() => actions.goTo(i))}
            onFix={guard(() => actions.fix(i))}
          />
        ))}
      </ul>
      {state.canOverride ? (
        <>
          <label for="preflight-justification">Why send it anyway?</label>
          <textarea
            id="preflight-justification"
            data-preflight-justification=""
            value={justification}
            disabled={busy}
            onInput={(e) => props.onJustify((e.currentTarget as HTMLTextAreaElement).value)}
          />
          <div class="hint">
            At least {MIN_JUSTIFICATION} characters. Written to the audit log with the rule ids, never the
            email.
          </div>
        </>
      ) : (
        <p>The policy does not allow sending this anyway: fix it first.</p>
      )}
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-preflight-action="cancel"
          disabled={busy}
          onClick={guard(actions.cancel)}
        >
          Cancel and edit
        </button>
        {state.canOverride && (
          <button
            type="button"
            class="danger"
            data-preflight-action="send-anyway"
            disabled={!ok || busy}
            onClick={guard(() => ok && actions.sendAnyway(justification))}
          >
            Send anyway
          </button>
        )}
      </div>
    </div>
  );
}

const NOTICE_MS = 10_000;

/** Mounts the dialog's shadow host on first use; one per page. */
export function createSendDialogView(doc: Document): GateView {
  let host: HTMLElement | null = null;
  let mountPoint: HTMLElement | null = null;
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  let notice: string | null = null;
  let current: { state: DialogState; actions: DialogActions } | null = null;
  let generation = 0;
  let justification = '';
  /** While a fix the person asked for edits the page, focus and keys are not pulled back to the dialog. */
  let standingAside = 0;

  const ensure = (): HTMLElement => {
    if (host?.isConnected && mountPoint) return mountPoint;
    host = doc.createElement('preflight-gate');
    host.setAttribute('data-preflight-root', '');
    host.setAttribute('data-preflight-gate', '');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    mountPoint = doc.createElement('div');
    shadow.append(style, mountPoint);
    // Keys typed in the dialog are the person's, not the site's shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress']) {
      host.addEventListener(type, (event) => {
        event.stopPropagation();
        if (type !== 'keydown') return;
        const key = (event as KeyboardEvent).key;
        if (key === 'Escape') current?.actions.cancel();
        if (key === 'Tab' && current) {
          event.preventDefault();
          cycleFocus((event as KeyboardEvent).shiftKey ? -1 : 1);
        }
      });
    }
    // Focus stays in the dialog while it is open: an edit made behind it would not be the text checked.
    doc.addEventListener(
      'focusin',
      (event) => {
        if (!current || !host || standingAside > 0) return;
        const path = event.composedPath();
        if (path.includes(host)) return;
        focusFirst();
      },
      true,
    );
    doc.defaultView?.addEventListener(
      'keydown',
      (event) => {
        if (!current || !host || standingAside > 0 || event.composedPath().includes(host)) return;
        // A key aimed at the page while the dialog is up (focus was elsewhere): it goes to the dialog.
        event.preventDefault();
        event.stopImmediatePropagation();
        focusFirst();
      },
      true,
    );
    doc.documentElement.append(host);
    return mountPoint;
  };

  const draw = () => {
    const point = ensure();
    render(
      <>
        {current && (
          <div class="backdrop">
            <SendDialog
              key={generation}
              state={current.state}
              actions={current.actions}
              justification={justification}
              onJustify={(text) => {
                justification = text;
                draw();
              }}
            />
          </div>
        )}
        {notice && (
          <div class="notice" role="status" data-preflight-notice="">
            {notice}
          </div>
        )}
      </>,
      point,
    );
  };

  const focusables = (): HTMLElement[] => {
    const root = host?.shadowRoot;
    if (!root) return [];
    return [
      ...root.querySelectorAll<HTMLElement>(
        '.dialog button:not([disabled]), .dialog textarea:not([disabled])',
      ),
    ];
  };

  const focusDialog = () => {
    (host?.shadowRoot?.querySelector('.dialog') as HTMLElement | null)?.focus({ preventScroll: true });
  };

  const focusFirst = () => {
    const root = host?.shadowRoot;
    const target =
      (root?.querySelector('[data-preflight-justification]:not([disabled])') as HTMLElement | null) ??
      (root?.querySelector('[data-preflight-action="send-fixed"]:not([disabled])') as HTMLElement | null) ??
      (root?.querySelector('[data-preflight-action="retry"]:not([disabled])') as HTMLElement | null) ??
      (root?.querySelector('[data-preflight-action="cancel"]:not([disabled])') as HTMLElement | null);
    if (target) target.focus();
    else focusDialog();
  };

  /** Tab and Shift+Tab go round the dialog's own controls, never out to the page. */
  const cycleFocus = (direction: 1 | -1) => {
    const list = focusables();
    if (list.length === 0) {
      focusDialog();
      return;
    }
    const active = host?.shadowRoot?.activeElement as HTMLElement | null;
    const index = active ? list.indexOf(active) : -1;
    const next =
      index < 0 ? (direction > 0 ? 0 : list.length - 1) : (index + direction + list.length) % list.length;
    list[next]?.focus();
  };

  return {
    async standAside(edit) {
      standingAside++;
      try {
        return await edit();
      } finally {
        standingAside--;
        if (current) focusFirst();
      }
    },
    show(state, actions) {
      const wasOpen = current !== null;
      // A new held send (or another kind of dialog) starts afresh, with an empty justification.
      if (!wasOpen || current?.state.kind !== state.kind) {
        generation++;
        justification = '';
      }
      current = { state, actions };
      draw();
      if (!wasOpen || (state.kind !== 'checking' && !state.busy)) focusFirst();
    },
    close() {
      current = null;
      draw();
    },
    notify(text) {
      notice = text;
      if (noticeTimer !== undefined) clearTimeout(noticeTimer);
      noticeTimer = setTimeout(() => {
        notice = null;
        draw();
      }, NOTICE_MS);
      draw();
    },
  };
}
