// How Gmail sends (mail-dom.md §1.5–1.7): the Send button (and Send + Archive) by pointer or by Enter/Space
// on it, Ctrl/Cmd+Enter anywhere in the compose, and "Schedule send" in the "More send options" menu.
import { activation, closestOf, gesture, isSendShortcut, targetOf, waitForElement } from '../send-common.ts';
import { isForeign, isSendAndArchiveLabel, isSendLabel } from '../send-labels.ts';
import type { ReleaseClick, SendGesture, SendSite } from '../types.ts';
import { gmailSelectors } from './selectors.ts';

export const gmailSendSelectors = {
  /** Gmail's compose toolbar and its controls, by role (the classes may be hashed: `Ht` -> `Ht-<hash>`). */
  button: ['[role="button"]'],
  /** Where the toolbar's Send sits: the first of a split pair whose other half opens the send options. */
  sendOptions: ['[role="button"][aria-haspopup="true"]'],
  sendAndArchive: ['.IZ .Uo[role="button"]'],
  moreOptions: ['.IZ .hG[role="button"][aria-haspopup="true"]', '.hG[aria-haspopup="true"]'],
  /** Gmail puts its menus at the end of <body>, away from the compose they belong to. */
  scheduleItem: ['[role="menuitem"][selector="scheduledSend"]'],
} as const;

/** Gmail's own role=button controls in a compose: nothing another extension injected, no menu opener. */
function ownButtons(root: Element): Element[] {
  return [...root.querySelectorAll('[role="button"]')].filter((el) => !isForeign(el, root, { bem: true }));
}

/**
 * The compose's Send button, found by what Gmail itself marks (mail-dom.md §1.5, §1.8): a role=button whose
 * aria-label or data-tooltip names Send in the page's language ("Send ‪(Ctrl-Enter)‬"); failing a known
 * label, the primary half of the toolbar's split button (the one right before the "more send options"
 * opener, inside a role=group). Buttons other extensions add beside Send (even with Send's own classes
 * `T-I J-J5-Ji aoO v7 T-I-atl L3`) are never it. Null when neither anchor holds: the gate then says it
 * cannot guard this compose instead of guessing.
 */
export function findGmailSend(root: Element): Element | null {
  const buttons = ownButtons(root).filter((el) => el.getAttribute('aria-haspopup') !== 'true');
  for (const button of buttons) {
    if (isSendLabel(button.getAttribute('aria-label')) || isSendLabel(button.getAttribute('data-tooltip')))
      return button;
  }
  for (const button of buttons) {
    const next = button.nextElementSibling;
    if (
      next?.matches('[role="button"][aria-haspopup="true"]') &&
      !isForeign(next, root, { bem: true }) &&
      button.closest('[role="group"]') &&
      root.contains(button.closest('[role="group"]'))
    ) {
      return button;
    }
  }
  return null;
}

/** The compose's "more send options" opener: the other half of Send's split button. */
function findMoreOptions(root: Element): Element | null {
  const send = findGmailSend(root);
  const next = send?.nextElementSibling;
  if (next?.matches('[role="button"][aria-haspopup="true"]')) return next;
  return within(root, gmailSendSelectors.moreOptions);
}

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

function releaseWith(root: Element, find: (root: Element) => Element | null): SendGesture['release'] {
  const id = composeIdOf(root);
  return async (click: ReleaseClick) => {
    const current = liveRoot(root, id);
    const button = current && find(current);
    if (!button) return false;
    click(button);
    return true;
  };
}

/** Send + Archive: by its class in the toolbar, else by its label (the classes may be hashed). */
const archiveOf = (root: Element): Element | null =>
  within(root, gmailSendSelectors.sendAndArchive) ??
  ownButtons(root).find(
    (el) =>
      isSendAndArchiveLabel(el.getAttribute('aria-label')) ||
      isSendAndArchiveLabel(el.getAttribute('data-tooltip')),
  ) ??
  null;

export function createGmailSendSite(): SendSite {
  /** The compose whose "More send options" was pressed last: its menu lives outside the compose. */
  let menuOwner: Element | null = null;

  const ownerOfMenu = (doc: Document): Element | null => {
    for (const open of doc.querySelectorAll('[role="button"][aria-haspopup="true"][aria-expanded="true"]')) {
      const root = composeRootOf(open);
      if (root && findMoreOptions(root) === open) return root;
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
          const more = current && findMoreOptions(current);
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
        // No Send to release with: the shortcut is left to Gmail (never trapped) and the compose reports
        // itself as not guarded.
        if (!findGmailSend(root)) return null;
        return gesture(root, 'shortcut', true, releaseWith(root, findGmailSend));
      }

      const control = target.closest('[role="button"]');
      if (!control || !root.contains(control)) return null;
      if (control.getAttribute('aria-haspopup') === 'true') {
        const opens = event.type === 'mousedown' || event.type === 'pointerdown' || event.type === 'keydown';
        if (opens && control === findMoreOptions(root)) {
          menuOwner = root;
        }
        return null;
      }

      const archive = archiveOf(root);
      const isArchive = archive !== null && archive === control;
      if (!isArchive && control !== findGmailSend(root)) return null;
      const act = activation(event);
      if (!act) return null;
      return gesture(root, act.via, act.trigger, releaseWith(root, isArchive ? archiveOf : findGmailSend));
    },
    findSend(root) {
      return findGmailSend(root);
    },
  };
}
