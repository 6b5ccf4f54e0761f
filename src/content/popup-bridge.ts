// Answers the popup's "what is in this tab" and "go to this finding", and checks open composes again when
// the worker says the policy changed. The content script registers each compose window with it, with the
// overlay's and the session's own hooks, so it observes nothing of the page itself.
import type { Finding } from '../engine/schemas/finding.ts';
import { sendRequest } from '../platform/content-client.ts';
import { onTabRequest } from '../platform/content-runtime.ts';
import type { TabCompose, TabRequest } from '../shared/messages.ts';
import type { ComposeWindow, Site } from './adapters/types.ts';
import { panelOrder } from './overlay/findings.ts';

export interface BridgeHooks {
  /** Opens that finding's card in the compose (the overlay's). */
  openFinding(finding: Finding, all: readonly Finding[]): boolean;
  /** Checks the compose again now (the session's). */
  checkNow(): Promise<void>;
  /** Whether the send gate guards this compose (undefined while not known yet). */
  guarded?(): boolean | undefined;
}

/** The popup's order: blocking first, then by field and position (the chip's panel uses the same). */
export const popupOrder = (findings: readonly Finding[]): Finding[] => panelOrder(findings);

export function createPopupBridge(site: Site): {
  register(window: ComposeWindow, signal: AbortSignal, hooks: BridgeHooks): void;
} {
  const composes = new Map<ComposeWindow, BridgeHooks>();
  const isTop = globalThis.top === globalThis.self;

  const check = async (window: ComposeWindow) => {
    const draft = window.readDraft();
    const answer = await sendRequest({ kind: 'check', draft });
    if (!answer.ok) return undefined;
    return { draft, result: { ...answer.data.result, findings: popupOrder(answer.data.result.findings) } };
  };

  const findings = async (): Promise<TabCompose[]> => {
    const out: TabCompose[] = [];
    for (const [window, hooks] of composes) {
      const checked = await check(window);
      const guarded = hooks.guarded?.();
      if (checked)
        out.push({
          id: window.id,
          subject: checked.draft.subject,
          result: checked.result,
          ...(guarded === undefined ? {} : { guarded }),
        });
    }
    return out;
  };

  const goTo = async (composeId: string, index: number) => {
    const entry = [...composes].find(([w]) => w.id === composeId);
    if (!entry) return { kind: 'tab-went' as const, ok: false, reason: 'that compose window is closed' };
    const [window, hooks] = entry;
    const checked = await check(window);
    if (!checked) return { kind: 'tab-went' as const, ok: false, reason: 'the checker did not answer' };
    const finding = checked.result.findings[index];
    if (!finding) return { kind: 'tab-went' as const, ok: false, reason: 'that finding is gone' };
    window.root.scrollIntoView({ block: 'nearest' });
    window.bodyElement()?.focus({ preventScroll: true });
    if (!hooks.openFinding(finding, checked.result.findings)) {
      return { kind: 'tab-went' as const, ok: false, reason: 'the compose is not ready' };
    }
    return { kind: 'tab-went' as const, ok: true };
  };

  const recheck = () => {
    for (const hooks of composes.values()) void hooks.checkNow();
    return { kind: 'rechecking' as const, composes: composes.size };
  };

  onTabRequest((request: TabRequest) => {
    switch (request.kind) {
      case 'tab-findings':
        // Only the top frame answers for an empty tab; a frame with composes answers for itself.
        if (!isTop && composes.size === 0) return undefined;
        return findings().then((list) => ({ kind: 'tab-findings', site, composes: list }));
      case 'tab-go-to':
        if (![...composes.keys()].some((w) => w.id === request.composeId)) return undefined;
        return goTo(request.composeId, request.index);
      case 'policy-changed':
        if (composes.size === 0 && !isTop) return undefined;
        return Promise.resolve(recheck());
    }
  });

  return {
    register(window, signal, hooks) {
      composes.set(window, hooks);
      signal.addEventListener('abort', () => composes.delete(window), { once: true });
    },
  };
}
