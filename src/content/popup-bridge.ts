// Answers the popup's "what is in this tab" and "go to this finding", and checks open composes again when
// the worker says the policy changed. It keeps its own list of compose windows (the adapter reports each
// to every observer), so the session and the overlay need nothing from it.
import type { Finding } from '../engine/schemas/finding.ts';
import { sendRequest } from '../platform/client.ts';
import { onTabRequest } from '../platform/tabs.ts';
import type { TabCompose, TabRequest } from '../shared/messages.ts';
import { gmailAdapter } from './adapters/gmail/index.ts';
import { outlookAdapter } from './adapters/outlook/index.ts';
import type { ComposeAdapter, ComposeWindow } from './adapters/types.ts';
import { panelOrder } from './overlay/findings.ts';

function adapterFor(host: string): ComposeAdapter | undefined {
  if (host === 'mail.google.com') return gmailAdapter;
  if (/^outlook\.(office\.com|office365\.com|live\.com|cloud\.microsoft)$/.test(host)) return outlookAdapter;
  return undefined;
}

/** The popup's order: blocking first, then by field and position (the chip's panel uses the same). */
export const popupOrder = (findings: readonly Finding[]): Finding[] => panelOrder(findings);

/** Which of a rule's findings this is, counted in popup order: how the overlay's row is found again. */
export function occurrence(
  findings: readonly Finding[],
  index: number,
): { ruleId: string; nth: number } | null {
  const target = findings[index];
  if (!target) return null;
  let nth = 0;
  for (let i = 0; i < index; i++) if (findings[i]?.ruleId === target.ruleId) nth++;
  return { ruleId: target.ruleId, nth };
}

export function startPopupBridge(adapter: ComposeAdapter, signal: AbortSignal): void {
  const composes: ComposeWindow[] = [];
  adapter.observeComposeWindows(signal, (window, windowSignal) => {
    composes.push(window);
    windowSignal.addEventListener(
      'abort',
      () => {
        const i = composes.indexOf(window);
        if (i >= 0) composes.splice(i, 1);
      },
      { once: true },
    );
  });
  const isTop = globalThis.top === globalThis.self;

  const findings = async (): Promise<TabCompose[]> => {
    const out: TabCompose[] = [];
    for (const window of composes) {
      const draft = window.readDraft();
      const answer = await sendRequest({ kind: 'check', draft });
      if (!answer.ok) continue;
      const result = { ...answer.data.result, findings: popupOrder(answer.data.result.findings) };
      out.push({ id: window.id, subject: draft.subject, result });
    }
    return out;
  };

  /** The overlay host of a compose: by its id, else by position (hosts are added in the same order). */
  const overlayOf = (window: ComposeWindow): Element | null => {
    const hosts = [...document.querySelectorAll('[data-preflight-root][data-compose-id]')];
    return (
      hosts.find((h) => h.getAttribute('data-compose-id') === window.id) ??
      hosts[composes.indexOf(window)] ??
      null
    );
  };

  const goTo = async (composeId: string, index: number) => {
    const window = composes.find((w) => w.id === composeId);
    if (!window) return { kind: 'tab-went' as const, ok: false, reason: 'that compose window is closed' };
    const draft = window.readDraft();
    const answer = await sendRequest({ kind: 'check', draft });
    if (!answer.ok) return { kind: 'tab-went' as const, ok: false, reason: answer.reason };
    const which = occurrence(popupOrder(answer.data.result.findings), index);
    if (!which) return { kind: 'tab-went' as const, ok: false, reason: 'that finding is gone' };
    window.root.scrollIntoView({ block: 'nearest' });
    window.bodyElement()?.focus({ preventScroll: true });
    const shadow = overlayOf(window)?.shadowRoot;
    const chip = shadow?.querySelector<HTMLElement>('[data-preflight-chip]');
    if (!shadow || !chip) return { kind: 'tab-went' as const, ok: false, reason: 'the compose is not ready' };
    // The overlay's own panel opens the card: open it, then press that finding's "go to".
    if (!shadow.querySelector('[data-preflight-panel]')) chip.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const rows = [...shadow.querySelectorAll('[data-preflight-panel] li[data-rule]')].filter(
      (row) => row.getAttribute('data-rule') === which.ruleId,
    );
    const button = rows[which.nth]?.querySelector<HTMLElement>('[data-preflight-action="go-to"]');
    if (!button) return { kind: 'tab-went' as const, ok: false, reason: 'that finding was dismissed' };
    button.click();
    return { kind: 'tab-went' as const, ok: true };
  };

  const recheck = () => {
    // The session checks on every input event in its compose; this one changes nothing in the text.
    for (const window of composes) window.root.dispatchEvent(new Event('input'));
    return { kind: 'rechecking' as const, composes: composes.length };
  };

  onTabRequest((request: TabRequest) => {
    if (signal.aborted) return undefined;
    switch (request.kind) {
      case 'tab-findings':
        // Only the top frame answers for an empty tab; a frame with composes answers for itself.
        if (!isTop && composes.length === 0) return undefined;
        return findings().then((list) => ({ kind: 'tab-findings', site: adapter.site, composes: list }));
      case 'tab-go-to':
        if (!composes.some((w) => w.id === request.composeId)) return undefined;
        return goTo(request.composeId, request.index);
      case 'policy-changed':
        if (composes.length === 0) return isTop ? Promise.resolve(recheck()) : undefined;
        return Promise.resolve(recheck());
    }
  });
}

const adapter = adapterFor(location.host);
if (adapter) startPopupBridge(adapter, new AbortController().signal);
