// How Gmail sends (mail-dom.md §1.5–1.7): the Send button (and Send + Archive) by pointer or by Enter/Space
// on it, Ctrl/Cmd+Enter anywhere in the compose, and "Schedule send" in the "More send options" menu.
import { activation, closestOf, gesture, isSendShortcut, targetOf, waitForElement } from '../send-common.ts';
import type { ReleaseClick, SendGesture, SendSite } from '../types.ts';
import { gmailSelectors } from './selectors.ts';

export const gmailSendSelectors = {
  send: ['.IZ .Up div > div[role="button"]:not(.Uo):not([aria-haspopup="true"])', '[role="button"].aoO'],
  sendAndArchive: ['.IZ .Uo[role="button"]'],
  moreOptions: ['.IZ .hG[role="button"][aria-haspopup="true"]', '.hG[aria-haspopup="true"]'],
  /** Gmail puts its menus at the end of <body>, away from the compose they belong to. */
  scheduleItem: ['[role="menuitem"][selector="scheduledSend"]'],
} as const;

const S = gmailSendSelectors;

function composeRootOf(element: Element): Element | null {
  return closestOf(element, gmailSelectors.composeRoot);
}

function composeIdOf(root: Element): string | null {
  return (root.querySelector('input[name="composeid"]') as HTMLInputElement | null)?.value || null;
}

/** The same compose, found again if Gmail re-rendered it meanwhile (by its compose id). */
function liveRoot(root: Element, id: string | null): Element | null {
  if (root.isConnected) return root;
  if (!id) return null;
  for (const input of root.ownerDocument.querySelectorAll('input[name="composeid"]')) {
    if ((input as HTMLInputElement).value === id) return composeRootOf(input);
  }
  return null;
}

function within(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

function releaseButton(root: Element, selectors: readonly string[]): SendGesture['release'] {
  const id = composeIdOf(root);
  return async (click: ReleaseClick) => {
    const current = liveRoot(root, id);
    const button = current && within(current, selectors);
    if (!button) return false;
    click(button);
    return true;
  };
}

export function createGmailSendSite(): SendSite {
  /** The compose whose "More send options" was pressed last: its menu lives outside the compose. */
  let menuOwner: Element | null = null;

  const ownerOfMenu = (doc: Document): Element | null => {
    for (const selector of S.moreOptions) {
      const open = doc.querySelector(`${selector}[aria-expanded="true"]`);
      const root = open && composeRootOf(open);
      if (root) return root;
    }
    return menuOwner?.isConnected ? menuOwner : null;
  };

  return {
    classify(event) {
      const target = targetOf(event);
      if (!target) return null;

      const scheduleItem = closestOf(target, S.scheduleItem);
      if (scheduleItem) {
        const act = activation(event);
        const root = act && ownerOfMenu(target.ownerDocument);
        if (!act || !root) return null;
        const id = composeIdOf(root);
        return gesture(root, 'schedule', act.trigger, async (click) => {
          // Choosing the menu item only opens Gmail's own "pick a time" dialog: the person then picks the
          // time as they meant to. The menu closed while our dialog was up, so it is opened again first.
          if (scheduleItem.isConnected) {
            click(scheduleItem);
            return true;
          }
          const current = liveRoot(root, id);
          const more = current && within(current, S.moreOptions);
          if (!more) return false;
          click(more);
          const item = await waitForElement(() => within(target.ownerDocument, S.scheduleItem));
          if (!item) return false;
          click(item);
          return true;
        });
      }

      const root = composeRootOf(target);
      if (!root) return null;

      if (event.type === 'keydown' && isSendShortcut(event as KeyboardEvent)) {
        return gesture(root, 'shortcut', true, releaseButton(root, S.send));
      }

      const more = closestOf(target, S.moreOptions);
      if (more) {
        if (event.type === 'mousedown' || event.type === 'pointerdown' || event.type === 'keydown') {
          menuOwner = root;
        }
        return null;
      }

      const archive = closestOf(target, S.sendAndArchive);
      const send = archive ? null : closestOf(target, S.send);
      if (!archive && !send) return null;
      const act = activation(event);
      if (!act) return null;
      return gesture(root, act.via, act.trigger, releaseButton(root, archive ? S.sendAndArchive : S.send));
    },
  };
}
