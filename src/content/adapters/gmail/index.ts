import { queryAll, queryFirst, uniqueElements, watchRoots } from '../dom.ts';
import { applyToField, mapEditor } from '../editor.ts';
import type { ComposeAdapter, ComposeWindow } from '../types.ts';
import { readGmailDraft } from './read-draft.ts';
import { gmailSelectors as S } from './selectors.ts';
import { createGmailSendSite } from './send.ts';

let counter = 0;

function findRoots(scope: ParentNode): Element[] {
  // Every editor belongs to exactly one compose root: resolve roots from editors so one selector
  // miss (a renamed class) still finds the compose through the fallbacks.
  const editors = queryAll(scope, S.body);
  return uniqueElements(
    editors.map((editor) => S.composeRoot.map((sel) => editor.closest(sel)).find(Boolean)),
  );
}

function body(root: Element): HTMLElement | null {
  return (
    (queryAll(root, S.body).find(
      (el) => el.getAttribute('contenteditable') === 'true',
    ) as HTMLElement | null) ?? null
  );
}

function makeWindow(root: Element): ComposeWindow {
  const idInput = queryFirst(root, S.composeId) as HTMLInputElement | null;
  const id = idInput?.value || `gmail-${++counter}`;
  return {
    root,
    id,
    readDraft: () => readGmailDraft(root),
    onChange(callback, signal) {
      const observer = new MutationObserver(callback);
      observer.observe(root, { childList: true, subtree: true, characterData: true });
      signal.addEventListener('abort', () => observer.disconnect(), { once: true });
      // Typing in inputs (subject, pending recipient) changes no DOM: listen for input too.
      root.addEventListener('input', callback, { capture: true, signal });
    },
    editorRect: () => queryFirst(root, S.body)?.getBoundingClientRect() ?? null,
    bodyElement: () => body(root),
    subjectElement: () => queryFirst(root, S.subject) as HTMLInputElement | null,
    bodyMap() {
      const editor = body(root);
      return editor ? mapEditor(editor) : null;
    },
    applySuggestion(field, start, end, expected, text) {
      return applyToField(
        field,
        { editor: body(root), subject: queryFirst(root, S.subject) as HTMLInputElement | null },
        start,
        end,
        expected,
        text,
      );
    },
  };
}

export const gmailAdapter: ComposeAdapter = {
  site: 'gmail',
  send: createGmailSendSite(),
  observeComposeWindows(signal, onWindow) {
    watchRoots(document, findRoots, signal, (root, windowSignal) => onWindow(makeWindow(root), windowSignal));
  },
};
