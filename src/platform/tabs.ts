// Talking to the content script of a mail tab: the popup asks what is in its tab, the worker tells open
// tabs the policy changed. Like client.ts, nothing here hangs: every call resolves with data or a reason.
import browser from 'webextension-polyfill';
import {
  type Result,
  type TabRequest,
  TabRequestSchema,
  type TabResponseFor,
  TabResponseSchemas,
} from '../shared/messages.ts';

export const TAB_TIMEOUT_MS = 3000;

/**
 * The tab the popup is about. `?tab=<id>` names it (the popup page opened in a tab of its own, as tests do);
 * otherwise the active tab of the last focused window, skipping the popup's own tab.
 */
export async function findTargetTab(search: string): Promise<number | undefined> {
  const named = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const own = await browser.tabs.getCurrent().catch(() => undefined);
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (active?.id !== undefined && active.id !== own?.id) return active.id;
  // Opened as a page in its own tab: the tab used just before it.
  const tabs = await browser.tabs.query({});
  const previous = tabs
    .filter((t) => t.id !== undefined && t.id !== own?.id)
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  return previous?.id;
}

/** Asks a tab's content script; `undefined` data means no content script answered (not a mail page). */
/** Brings a tab (and its window) to the front, so "go to" shows the person the compose it opened. */
export async function activateTab(tabId: number): Promise<void> {
  try {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  } catch {
    // The tab or window is gone: the go-to answer says so.
  }
}

export async function sendToTab<R extends TabRequest>(
  tabId: number,
  request: R,
  timeoutMs = TAB_TIMEOUT_MS,
): Promise<Result<TabResponseFor<R['kind']>>> {
  const parsed = TabRequestSchema.parse(request);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Result<never>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: 'no-answer' }), timeoutMs);
  });
  const exchange = (async (): Promise<Result<TabResponseFor<R['kind']>>> => {
    try {
      const raw = await browser.tabs.sendMessage(tabId, parsed);
      const answer = TabResponseSchemas[request.kind].safeParse(raw);
      if (!answer.success) return { ok: false, reason: raw === undefined ? 'no-answer' : 'malformed answer' };
      return { ok: true, data: answer.data as TabResponseFor<R['kind']> };
    } catch {
      // No content script in that tab: it is not a mail page Preflight runs on.
      return { ok: false, reason: 'no-answer' };
    }
  })();
  try {
    return await Promise.race([exchange, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Tells every tab with Preflight's content script that the policy changed (others ignore it). */
export async function broadcastPolicyChanged(): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all(
    tabs.map((t) =>
      t.id === undefined
        ? undefined
        : sendToTab(t.id, { kind: 'policy-changed' }, 1000).catch(() => undefined),
    ),
  );
}

// The content-script side (answering these requests) is in content-runtime.ts: no polyfill in mail pages.
