import { queryAll, queryFirst, uniqueElements, watchRoots } from '../dom.ts';
import { applyToField, mapEditor } from '../editor.ts';
import type { ComposeAdapter, ComposeWindow } from '../types.ts';
import { readOutlookDraft } from './read-draft.ts';
import { outlookSelectors as S } from './selectors.ts';
import { createOutlookSendSite } from './send.ts';

let counter = 0;

function findRoots(scope: ParentNode): Element[] {
  const editors = queryAll(scope, S.body).filter((el) => el.getAttribute('contenteditable') === 'true');
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
  const id = root.id || `outlook-${++counter}`;
  return {
    root,
    id,
    readDraft: () => readOutlookDraft(root),
    onChange(callback, signal) {
      const observer = new MutationObserver(callback);
      observer.observe(root, { childList: true, subtree: true, characterData: true });
      signal.addEventListener('abort', () => observer.disconnect(), { once: true });
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

export const outlookAdapter: ComposeAdapter = {
  site: 'outlook',
  send: createOutlookSendSite(),
  observeComposeWindows(signal, onWindow) {
    watchRoots(document, findRoots, signal, (root, windowSignal) => onWindow(makeWindow(root), windowSignal));
  },
};
