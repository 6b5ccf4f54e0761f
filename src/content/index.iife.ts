// Content script: pick the site's adapter, then run one session per compose window.
import { DEFAULT_TIMEOUT_MS } from '../platform/client-core.ts';
import { sendRequest } from '../platform/content-client.ts';
import { gmailAdapter } from './adapters/gmail/index.ts';
import { outlookAdapter } from './adapters/outlook/index.ts';
import type { ComposeAdapter } from './adapters/types.ts';
import { createSendGate, type SendGate } from './gate/gate.ts';
import { installInterceptor } from './gate/intercept.ts';
import { mountOverlay } from './overlay/mount.tsx';
import { createSendDialogView } from './overlay/send-dialog.tsx';
import { createPopupBridge } from './popup-bridge.ts';
import { checkTimeoutFor, startSession } from './session.ts';
import { siteHost } from './site-host.ts';

export function adapterForHost(host: string): ComposeAdapter | undefined {
  if (host === 'mail.google.com') return gmailAdapter;
  if (/^outlook\.(office\.com|office365\.com|live\.com|cloud\.microsoft)$/.test(host)) return outlookAdapter;
  return undefined;
}

const adapter = adapterForHost(
  siteHost({ host: location.host, origin: self.origin, ancestorOrigins: location.ancestorOrigins }),
);
if (adapter) {
  const controller = new AbortController();
  // The send gate's listeners go first, synchronously at document_start, before any compose exists.
  let gate: SendGate | undefined;
  /** A send the site's reader could not read: every compose on this page then says it is not guarded. */
  let classifyFailed = false;
  const countUnguarded = (reason: 'send-not-found' | 'classify-failed') =>
    void sendRequest({ kind: 'gate-unguarded', site: adapter.site, reason }).catch(() => undefined);
  const interceptor = installInterceptor(
    window,
    adapter.send,
    (gesture) => gate?.onGesture(gesture),
    controller.signal,
    () => {
      if (!classifyFailed) countUnguarded('classify-failed');
      classifyFailed = true;
    },
  );
  gate = createSendGate({
    site: adapter.site,
    gateCheck: (draft, timeoutMs) => sendRequest({ kind: 'gate-check', draft }, { timeoutMs }),
    gateSettings: () => sendRequest({ kind: 'gate-settings' }),
    audit: (entry) => sendRequest({ kind: 'audit-append', entry }, { timeoutMs: 3000 }),
    releaseClick: (target) => interceptor.releaseClick(target),
    view: createSendDialogView(document),
  });
  const bridge = createPopupBridge(adapter.site);
  document.documentElement.setAttribute('data-preflight-active', adapter.site);
  adapter.observeComposeWindows(controller.signal, (composeWindow, signal) => {
    const view = mountOverlay(composeWindow, signal, {
      site: adapter.site,
      report: (report) => sendRequest({ kind: 'report-false-positive', report }),
      countDismissal: (ruleId) => sendRequest({ kind: 'rule-event', ruleId, event: 'dismissed' }),
      // The gate holds this compose only while it can find its Send (and read its sends).
      guarded: () => !classifyFailed && adapter.send.findSend(composeWindow.root) !== null,
      sendControl: () => adapter.send.findSend(composeWindow.root),
      onUnguarded: () => countUnguarded(classifyFailed ? 'classify-failed' : 'send-not-found'),
    });
    // "Go to issue" in the send dialog opens that finding's card on this compose.
    gate?.register(composeWindow, signal, { openFinding: (finding, all) => view.openFinding(finding, all) });
    const session = startSession(composeWindow, signal, {
      view,
      check: (draft) =>
        sendRequest({ kind: 'check', draft }, { timeoutMs: checkTimeoutFor(draft, DEFAULT_TIMEOUT_MS) }),
    });
    // The toolbar popup lists this compose's findings and opens them here.
    bridge.register(composeWindow, signal, {
      openFinding: (finding, all) => view.openFinding(finding, all),
      checkNow: session.checkNow,
      guarded: () => {
        const state = view.guardState();
        return state === 'pending' ? undefined : state === 'guarded';
      },
    });
  });
}
