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
  /** Scrolls to the `index`th recipient of a To/Cc/Bcc field (in the order readDraft lists them) and focuses
   * its chip; false when the site or the recipient cannot be found. */
  focusRecipient?(list: 'to' | 'cc' | 'bcc', index: number): boolean;
  /** Replaces the `index`th recipient of a To/Cc/Bcc field (in the order readDraft lists them), if it still
   * reads `expected`, with `replacement` ("Name <address>" or an address), through the site's own controls.
   * Resolves once the site lists the new address (as a chip, or as text typed and not yet a chip). */
  replaceRecipient?(
    list: 'to' | 'cc' | 'bcc',
    index: number,
    expected: string,
    replacement: string,
  ): Promise<ApplyOutcome>;
}

/** How a person asked to send: the Send button by pointer, Enter/Space on it, a shortcut, a send menu. */
export type SendVia = 'click' | 'button-key' | 'shortcut' | 'schedule';

/** Dispatches the full mouse sequence on an element with Preflight's own interception stood aside. */
export type ReleaseClick = (target: Element) => void;

/** One raw event read as part of a send: which compose it sends, and how to run that send again. */
export interface SendGesture {
  readonly root: Element;
  readonly via: SendVia;
  /** True for the event that starts the send (it is checked); false for the rest of the gesture, which is
   * only swallowed (pointerdown before a click, Space's keydown before its keyup). */
  readonly trigger: boolean;
  /** Runs the site's own send the person asked for, exactly once, resolving the site's nodes again (the
   * compose may have re-rendered). Resolves to false when there is nothing left to send with. */
  release(click: ReleaseClick): Promise<boolean>;
}

/** The site-specific half of the send gate: reads raw events synchronously, keeps no page nodes alive. */
export interface SendSite {
  classify(event: Event): SendGesture | null;
  /** The compose's own Send control as the gate would release it; null when it cannot be found (the
   * compose is then not guarded, and says so). */
  findSend(root: Element): Element | null;
}

export interface ComposeAdapter {
  readonly site: Site;
  /** Reads events as send attempts; installed on the window before any compose exists. */
  readonly send: SendSite;
  /** Reports every compose window, those already open and those opened later; each gets its own signal,
   * aborted when the window goes away or the outer signal aborts. */
  observeComposeWindows(
    signal: AbortSignal,
    onWindow: (window: ComposeWindow, signal: AbortSignal) => void,
  ): void;
}
