import type { Draft } from '../../engine/schemas/draft.ts';
import type { TextMap } from '../text-map.ts';

export type Site = 'gmail' | 'outlook' | 'fake';

/** Fields a suggestion can be applied to: the others (recipients, attachments) are not text we edit. */
export type EditableField = 'body' | 'subject';

export type ApplyOutcome = { ok: true } | { ok: false; reason: string };

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
  /** The editor element, resolved again on every call (sites re-render it). */
  bodyElement(): HTMLElement | null;
  subjectElement(): HTMLInputElement | null;
  /** The body as the engine reads it, with its map back to the DOM; null when there is no editor. */
  bodyMap(): TextMap | null;
  /** Replaces [start, end) of a field with `text` through the editor's own input path, if `expected`
   * is still what stands there. */
  applySuggestion(
    field: EditableField,
    start: number,
    end: number,
    expected: string,
    text: string,
  ): ApplyOutcome;
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
