// Preflight's UI lives in a shadow root outside the editor: the site's DOM and the user's text are never
// rewritten, and the site's styles and page-wide handlers do not reach it.
import { render } from 'preact';
import type { ComposeWindow } from '../adapters/types.ts';
import type { ChipState, SessionView } from '../session.ts';
import { StatusChip } from './status-chip.tsx';

const STYLE = `
:host { all: initial; }
.chip { position: fixed; z-index: 2147483646; display: inline-flex; align-items: center; gap: 6px;
  font: 500 12px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; padding: 4px 10px;
  border: 1px solid; border-radius: 999px; background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.2);
  white-space: nowrap; pointer-events: auto; }
.dot { width: 8px; height: 8px; border-radius: 50%; }
`;

export function mountOverlay(window: ComposeWindow, signal: AbortSignal): SessionView {
  const doc = window.root.ownerDocument;
  const host = doc.createElement('preflight-overlay');
  host.setAttribute('data-preflight-root', '');
  host.setAttribute('data-compose-id', window.id);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const mountPoint = doc.createElement('div');
  shadow.append(style, mountPoint);
  doc.documentElement.append(host);

  let state: ChipState = { kind: 'checking' };
  const draw = () => {
    render(<StatusChip state={state} />, mountPoint);
    const el = mountPoint.firstElementChild as HTMLElement | null;
    const rect = window.editorRect();
    if (el && rect) {
      // Bottom-right corner of the editor, inside it, clear of the text's first line.
      el.style.top = `${Math.max(0, rect.bottom - 30)}px`;
      el.style.left = `${Math.max(0, rect.right - el.offsetWidth - 8)}px`;
      el.style.visibility = rect.width === 0 ? 'hidden' : 'visible';
    }
  };
  const view = doc.defaultView;
  const reposition = () => draw();
  view?.addEventListener('resize', reposition, { signal });
  view?.addEventListener('scroll', reposition, { capture: true, passive: true, signal });
  signal.addEventListener(
    'abort',
    () => {
      render(null, mountPoint);
      host.remove();
    },
    { once: true },
  );
  draw();
  return {
    show(next) {
      state = next;
      draw();
    },
  };
}
