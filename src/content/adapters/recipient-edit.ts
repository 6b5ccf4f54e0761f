// Changing one recipient for another through the site's own paths, as a person would: the wrong chip is
// removed with the site's own control (or replaced where it stands in an editable well), and the right
// address goes in by paste or typing, which the site turns into a chip. Nothing here writes a chip itself:
// the site's model stays in charge of who receives the email.
import type { ApplyOutcome } from './types.ts';

export type RecipientList = 'to' | 'cc' | 'bcc';

/** The address part of "Name <address>" or of a bare address, lower-cased; '' when there is none. */
export function addressOf(raw: string): string {
  const angled = /<([^<>\s]+@[^<>\s]+)>/.exec(raw);
  const bare = angled?.[1] ?? /[^\s<>"',;]+@[^\s<>"',;]+/.exec(raw)?.[0] ?? '';
  return bare.toLowerCase();
}

/** Whether the list holds the address of `raw` (as a chip or as text typed and not yet a chip). */
export function listHolds(list: readonly string[], raw: string): boolean {
  const wanted = addressOf(raw);
  return wanted !== '' && list.some((item) => addressOf(item) === wanted);
}

/** Polls `done` until it holds or `ms` pass: sites turn pasted or typed text into chips on their own time. */
export function settle(done: () => boolean, ms = 400, every = 25): Promise<boolean> {
  return new Promise((resolve) => {
    const until = Date.now() + ms;
    const tick = () => {
      if (done()) resolve(true);
      else if (Date.now() >= until) resolve(false);
      else setTimeout(tick, every);
    };
    tick();
  });
}

/** A paste of plain text onto `target`, as the clipboard would deliver it; false when the page has no way to. */
export function pasteText(target: HTMLElement, text: string): boolean {
  const view = target.ownerDocument.defaultView;
  if (!view || typeof view.DataTransfer !== 'function' || typeof view.ClipboardEvent !== 'function')
    return false;
  const data = new view.DataTransfer();
  data.setData('text/plain', text);
  target.dispatchEvent(
    new view.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
  );
  return true;
}

/** Enter on `target`, with the legacy key code pickers read (they commit typed text into a chip on it). */
export function pressEnter(target: HTMLElement): void {
  const view = target.ownerDocument.defaultView;
  if (!view) return;
  const init = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, bubbles: true, cancelable: true };
  target.dispatchEvent(new view.KeyboardEvent('keydown', init));
  target.dispatchEvent(new view.KeyboardEvent('keyup', init));
}

/** Types `text` at the caret through the browser's editing pipeline (input events, native undo). */
export function typeAtCaret(doc: Document, text: string): boolean {
  return doc.execCommand('insertText', false, text);
}

export const changed: ApplyOutcome = { ok: false, reason: 'the recipients have changed' };
