import type { Draft } from '../../engine/schemas/draft.ts';

export type Site = 'gmail' | 'outlook' | 'fake';

/** One compose window on a page: what the rest of the content script knows of a site. */
export interface ComposeWindow {
  readonly root: Element;
  /** Stable while the window lives (the site's compose id when it has one). */
  readonly id: string;
  readDraft(): Draft;
  /** Calls back on edits to body, subject or recipients until the signal aborts. */
  onChange(callback: () => void, signal: AbortSignal): void;
  /** The editor's box on screen, to place Preflight's overlay beside it. */
  editorRect(): DOMRect | null;
}

export interface ComposeAdapter {
  readonly site: Site;
  /** Reports every compose window, those already open and those opened later; each gets its own signal,
   * aborted when the window goes away or the outer signal aborts. */
  observeComposeWindows(
    signal: AbortSignal,
    onWindow: (window: ComposeWindow, signal: AbortSignal) => void,
  ): void;
}
