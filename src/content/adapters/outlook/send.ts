// How Outlook on the web sends (mail-dom.md §2.6–2.8): the primary half of the Send split button by pointer
// or by Enter/Space, Ctrl/Cmd+Enter and Alt+S in the compose, and the items of the split button's menu
// ("Schedule send" and the like). Outlook re-renders its toolbar: every node is resolved again on release.
import { activation, closestOf, gesture, isSendShortcut, targetOf, waitForElement } from '../send-common.ts';
import type { ReleaseClick, SendGesture, SendSite } from '../types.ts';
import { isForeign, isSendItemLabel, isSendLabel } from '../send-labels.ts';
import { outlookSelectors } from './selectors.ts';

/**
 * Which items of the Send split button's menu send: an item whose label names a send action ("Schedule
 * send", "Pianifica invio", "Agendar envio", "Zaplanuj wysyłanie", "Запланировать отправку"… the table in
 * send-labels.ts), or, whatever its words, the menu's first item: Outlook puts its send action ("Schedule
 * send") first in that menu. Any other item (e.g. "Set importance", "Save draft") only changes the draft
 * and is left alone.
 */
export function isSendMenuItem(item: Element): boolean {
  if (isSendItemLabel(item.getAttribute('aria-label')) || isSendItemLabel(item.textContent)) return true;
  const menu = item.closest('[role="menu"]');
  const first = menu?.querySelector('[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"]');
  return first === item;
}

export const outlookSendSelectors = {
  /** The split button Outlook marks as Send (mail-dom.md §2.6); its primary half sends. */
  split: ['[data-testid="ComposeSendButton"]'],
  primary: ['#splitButton-ro__primaryActionButton', '[id$="__primaryActionButton"]'],
  menuItem: ['[role="menu"] [role="menuitem"]'],
} as const;

/**
 * The compose's Send button: the primary half of the split button Outlook marks as Send
 * (`splitButton-ro__primaryActionButton`, else its first button that opens no menu); failing that, a button
 * of the compose labelled Send in the page's language. Never a button another extension injected.
 */
export function findOutlookSend(root: Element): Element | null {
  const split = within(root, outlookSendSelectors.split);
  if (split) {
    const primary =
      within(split, outlookSendSelectors.primary) ??
      [...split.querySelectorAll('button, [role="button"]')].find((b) => !b.hasAttribute('aria-haspopup'));
    if (primary && !isForeign(primary, root)) return primary;
  }
  for (const button of root.querySelectorAll('button, [role="button"]')) {
    if (button.hasAttribute('aria-haspopup') || isForeign(button, root)) continue;
    if (isSendLabel(button.getAttribute('aria-label')) || isSendLabel(button.getAttribute('title')))
      return button;
  }
  return null;
}

/** The other half of Send's split button: it opens the send options menu. */
export function findOutlookSendMenu(root: Element): Element | null {
  const split = within(root, outlookSendSelectors.split);
  const inSplit = split?.querySelector('[aria-haspopup]:not([aria-haspopup="false"])');
  if (inSplit) return inSplit;
  const send = findOutlookSend(root);
  const next = send?.nextElementSibling;
  return next?.hasAttribute('aria-haspopup') ? next : null;
}

const S = outlookSendSelectors;

function composeRootOf(element: Element): Element | null {
  return closestOf(element, outlookSelectors.composeRoot);
}

function within(scope: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = scope.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** The same compose, found again by its id if Outlook re-rendered it. */
function liveRoot(root: Element): Element | null {
  if (root.isConnected) return root;
  return root.id ? root.ownerDocument.getElementById(root.id) : null;
}

function releaseSend(root: Element): SendGesture['release'] {
  return async (click: ReleaseClick) => {
    const current = liveRoot(root);
    const button = current && findOutlookSend(current);
    if (!button) return false;
    click(button);
    return true;
  };
}

function isAltS(event: KeyboardEvent): boolean {
  // code, not key: Alt+S types "ß" on macOS.
  return event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyS';
}

export function createOutlookSendSite(): SendSite {
  const ownerOfMenu = (doc: Document): Element | null => {
    for (const open of doc.querySelectorAll('[aria-haspopup][aria-expanded="true"]')) {
      const root = composeRootOf(open);
      if (root && findOutlookSendMenu(root) === open) return root;
    }
    return null;
  };

  return {
    classify(event) {
      const target = targetOf(event);
      if (!target) return null;

      const item = closestOf(target, S.menuItem);
      const menuRoot = item ? ownerOfMenu(target.ownerDocument) : null;
      if (item && menuRoot && isSendMenuItem(item)) {
        const act = activation(event);
        const root = act && menuRoot;
        if (!act || !root) return null;
        const menu = item.closest('[role="menu"]');
        const items = menu ? [...menu.querySelectorAll('[role="menuitem"]')] : [];
        const index = items.indexOf(item);
        const label = item.textContent ?? '';
        return gesture(root, 'schedule', act.trigger, async (click) => {
          if (item.isConnected) {
            click(item);
            return true;
          }
          // The menu closed while our dialog was up: open it again and choose the same item.
          const current = liveRoot(root);
          const button = current && findOutlookSendMenu(current);
          if (!button) return false;
          click(button);
          const again = await waitForElement(() => {
            const open = within(target.ownerDocument, ['[role="menu"]']);
            const candidate = open?.querySelectorAll('[role="menuitem"]')[index] ?? null;
            return candidate && (candidate.textContent ?? '') === label ? candidate : null;
          });
          if (!again) return false;
          click(again);
          return true;
        });
      }

      const root = composeRootOf(target);
      if (!root) return null;

      if (event.type === 'keydown') {
        const key = event as KeyboardEvent;
        if ((isSendShortcut(key) || isAltS(key)) && findOutlookSend(root)) {
          return gesture(root, 'shortcut', true, releaseSend(root));
        }
      }

      // (Without a Send to release with, a shortcut is left to Outlook, never trapped; the compose says it
      // is not guarded.)
      const send = findOutlookSend(root);
      const control = target.closest('button, [role="button"]');
      // Opening the menu sends nothing; its items are read above, while the menu is open.
      if (!control || !send || control !== send) return null;
      const act = activation(event);
      if (!act) return null;
      return gesture(root, act.via, act.trigger, releaseSend(root));
    },
    findSend(root) {
      return findOutlookSend(root);
    },
  };
}
