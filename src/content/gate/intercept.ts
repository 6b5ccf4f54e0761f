// The first listener on the page for every event that can send: window, capture phase, registered at
// document_start, so it runs before any of the site's handlers whenever they were added. A send is stopped
// synchronously; the decision comes later. Preflight's own release passes through a one-shot bypass.
import type { SendGesture, SendSite } from '../adapters/types.ts';

export const INTERCEPTED_TYPES = [
  'keydown',
  'keyup',
  'pointerdown',
  'mousedown',
  'pointerup',
  'mouseup',
  'click',
] as const;

export interface Interceptor {
  /** Dispatches mousedown, mouseup, click on `target` with the interception stood aside for exactly those. */
  releaseClick(target: Element): void;
}

/** Events on Preflight's own UI (any shadow host marked data-preflight-root) are never sends. */
export function fromPreflight(event: Event): boolean {
  for (const node of event.composedPath()) {
    if ((node as Element).nodeType === 1 && (node as Element).hasAttribute('data-preflight-root'))
      return true;
  }
  return false;
}

export function installInterceptor(
  win: Window,
  site: SendSite,
  onGesture: (gesture: SendGesture, event: Event) => void,
  signal: AbortSignal,
  /** A send the site's reader could not read (it threw): the event goes to the site, and this is told. */
  onFault?: (error: unknown) => void,
): Interceptor {
  let bypass = 0;
  const handler = (event: Event) => {
    if (bypass > 0 || fromPreflight(event)) return;
    let gesture: SendGesture | null = null;
    try {
      gesture = site.classify(event);
    } catch (error) {
      // A selector that throws must never block sending (mail-dom.md §3): let the site handle it, and say
      // that this page is not guarded.
      onFault?.(error);
      return;
    }
    if (!gesture) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    // The rest of a gesture (pointerdown before its click, a second press) is reported too: while a send is
    // held, every press puts the dialog off until the pressing has settled.
    onGesture(gesture, event);
  };
  for (const type of INTERCEPTED_TYPES) win.addEventListener(type, handler, { capture: true, signal });

  return {
    releaseClick(target) {
      const view = (target.ownerDocument.defaultView ?? win) as Window & typeof globalThis;
      const init = { bubbles: true, cancelable: true, view, button: 0, detail: 1, composed: true };
      bypass++;
      try {
        target.dispatchEvent(new view.MouseEvent('mousedown', { ...init, buttons: 1 }));
        target.dispatchEvent(new view.MouseEvent('mouseup', init));
        target.dispatchEvent(new view.MouseEvent('click', init));
      } finally {
        bypass--;
      }
    },
  };
}
