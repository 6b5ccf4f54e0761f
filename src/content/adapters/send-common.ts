// Shared by the sites' send modules: reading a raw event the way the send gate needs it.
import type { SendGesture, SendVia } from './types.ts';

export const MOUSE_TYPES = new Set(['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']);

/** The element the event happened on (light DOM: the sites' own controls are not in shadow roots). */
export function targetOf(event: Event): Element | null {
  const target = event.target;
  return target && (target as Node).nodeType === 1 ? (target as Element) : null;
}

export function closestOf(element: Element, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = element.closest(selector);
    if (found) return found;
  }
  return null;
}

/** Only the primary button presses and activates; a right click opens a context menu, never a send. */
export function isPrimaryPress(event: Event): boolean {
  const button = (event as MouseEvent).button;
  return button === undefined || button === 0;
}

export function isEnter(event: KeyboardEvent): boolean {
  return event.key === 'Enter' || event.keyCode === 13 || event.which === 13;
}

export function isSpace(event: KeyboardEvent): boolean {
  return event.key === ' ' || event.code === 'Space' || event.keyCode === 32 || event.which === 32;
}

/** Ctrl+Enter and Cmd+Enter send from anywhere in a compose, in both sites. */
export function isSendShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && isEnter(event);
}

/**
 * Reads an event on an activatable control (a Send button, a send menu item): a pointer press is swallowed,
 * its click is the trigger; Enter's keydown is the trigger, Space's keydown is swallowed and its keyup (which
 * is when buttons activate on Space) is the trigger.
 */
export function activation(event: Event): { trigger: boolean; via: 'click' | 'button-key' } | null {
  if (MOUSE_TYPES.has(event.type)) {
    if (!isPrimaryPress(event)) return null;
    return { trigger: event.type === 'click', via: 'click' };
  }
  if (event.type === 'keydown' || event.type === 'keyup') {
    const key = event as KeyboardEvent;
    if (key.ctrlKey || key.metaKey || key.altKey) return null;
    if (isEnter(key)) return { trigger: event.type === 'keydown', via: 'button-key' };
    if (isSpace(key)) return { trigger: event.type === 'keyup', via: 'button-key' };
  }
  return null;
}

export function gesture(
  root: Element,
  via: SendVia,
  trigger: boolean,
  release: SendGesture['release'],
): SendGesture {
  return { root, via, trigger, release };
}

/** Waits (a few frames at most) for a site's menu to open after a synthetic press. */
export async function waitForElement(find: () => Element | null, timeoutMs = 1500): Promise<Element | null> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - started > timeoutMs) return null;
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}
