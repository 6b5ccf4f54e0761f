import { queryAll, queryFirst, uniqueElements, watchRoots } from '../dom.ts';
import type { ComposeAdapter, ComposeWindow } from '../types.ts';
import { readOutlookDraft } from './read-draft.ts';
import { outlookSelectors as S } from './selectors.ts';

let counter = 0;

function findRoots(scope: ParentNode): Element[] {
  const editors = queryAll(scope, S.body).filter((el) => el.getAttribute('contenteditable') === 'true');
  return uniqueElements(
    editors.map((editor) => S.composeRoot.map((sel) => editor.closest(sel)).find(Boolean)),
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
  };
}

export const outlookAdapter: ComposeAdapter = {
  site: 'outlook',
  observeComposeWindows(signal, onWindow) {
    watchRoots(document, findRoots, signal, (root, windowSignal) => onWindow(makeWindow(root), windowSignal));
  },
};
