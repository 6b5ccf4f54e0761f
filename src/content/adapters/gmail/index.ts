import { queryAll, queryFirst, uniqueElements, watchRoots } from '../dom.ts';
import type { ComposeAdapter, ComposeWindow } from '../types.ts';
import { readGmailDraft } from './read-draft.ts';
import { gmailSelectors as S } from './selectors.ts';

let counter = 0;

function findRoots(scope: ParentNode): Element[] {
  // Every editor belongs to exactly one compose root: resolve roots from editors so one selector
  // miss (a renamed class) still finds the compose through the fallbacks.
  const editors = queryAll(scope, S.body);
  return uniqueElements(
    editors.map((editor) => S.composeRoot.map((sel) => editor.closest(sel)).find(Boolean)),
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
  };
}

export const gmailAdapter: ComposeAdapter = {
  site: 'gmail',
  observeComposeWindows(signal, onWindow) {
    watchRoots(document, findRoots, signal, (root, windowSignal) => onWindow(makeWindow(root), windowSignal));
  },
};
