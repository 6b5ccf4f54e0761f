// How Outlook on the web sends (mail-dom.md §2.6–2.8): the primary half of the Send split button by pointer
// or by Enter/Space, Ctrl/Cmd+Enter and Alt+S in the compose, and the items of the split button's menu
// ("Schedule send" and the like). Outlook re-renders its toolbar: every node is resolved again on release.
import { activation, closestOf, gesture, isSendShortcut, targetOf, waitForElement } from '../send-common.ts';
import type { ReleaseClick, SendGesture, SendSite } from '../types.ts';
import { outlookSelectors } from './selectors.ts';

/**
 * Which items of the Send split button's menu send. The rule: an item sends when its label is one of the
 * send actions ("Schedule send", "Send later", "Send now", in the languages below); anything else in that
 * menu (e.g. "Set importance", "Save draft", "Request a read receipt") only changes the draft and is left
 * alone. Outlook marks none of them structurally (no data-testid or command id shared across builds), so
 * the label is all there is (mail-dom.md §2.6: the dropdown's labels are unconfirmed, hence a word match,
 * not a fixed list). A send item not recognised here is not held: a stricter rule would block harmless items.
 */
export const OUTLOOK_SEND_ITEM =
  /\b(send|schedule|senden|envoyer|enviar|inviare|verzenden|programmer|planifier|programar|planen)\b|送信|发送|傳送/i;

export function isSendMenuItem(item: Element): boolean {
  const label = `${item.getAttribute('aria-label') ?? ''} ${item.textContent ?? ''}`;
  return OUTLOOK_SEND_ITEM.test(label);
}

export const outlookSendSelectors = {
  send: ['[data-testid="ComposeSendButton"] button:not([aria-haspopup])'],
  sendMenu: ['[data-testid="ComposeSendButton"] button[aria-haspopup]'],
  menuItem: ['[role="menu"] [role="menuitem"]'],
} as const;

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
    const button = current && within(current, S.send);
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
    for (const selector of S.sendMenu) {
      const open = doc.querySelector(`${selector}[aria-expanded="true"]`);
      const root = open && composeRootOf(open);
      if (root) return root;
    }
    return null;
  };

  return {
    classify(event) {
      const target = targetOf(event);
      if (!target) return null;

      const item = closestOf(target, S.menuItem);
      if (item && isSendMenuItem(item)) {
        const act = activation(event);
        const root = act && ownerOfMenu(target.ownerDocument);
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
          const button = current && within(current, S.sendMenu);
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
        if (isSendShortcut(key) || isAltS(key)) return gesture(root, 'shortcut', true, releaseSend(root));
      }

      // Opening the menu sends nothing; its items are read above, while the menu is open.
      if (closestOf(target, S.sendMenu)) return null;

      if (!closestOf(target, S.send)) return null;
      const act = activation(event);
      if (!act) return null;
      return gesture(root, act.via, act.trigger, releaseSend(root));
    },
  };
}
