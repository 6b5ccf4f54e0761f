// What Gmail and Outlook adapters share: finding compose roots from their editors and the window object
// over them. Each site supplies only its selectors, its draft reader, its compose id and its send half.
import type { Draft } from '../../engine/schemas/draft.ts';
import { queryAll, queryFirst, uniqueElements, watchRoots } from './dom.ts';
import { applyToField, mapEditor } from './editor.ts';
import type { ApplyOutcome, ComposeAdapter, ComposeWindow, SendSite, Site } from './types.ts';

export interface SiteSpec {
  site: Exclude<Site, 'fake'>;
  selectors: {
    readonly composeRoot: readonly string[];
    readonly body: readonly string[];
    readonly subject: readonly string[];
  };
  readDraft(root: Element): Draft;
  /** The element that shows the `index`th recipient of a field, in the order readDraft lists them. */
  recipientElement?(root: Element, list: 'to' | 'cc' | 'bcc', index: number): HTMLElement | null;
  /** Replaces the `index`th recipient of a field, if it still reads `expected`, by `replacement`. */
  replaceRecipient?(
    root: Element,
    list: 'to' | 'cc' | 'bcc',
    index: number,
    expected: string,
    replacement: string,
  ): Promise<ApplyOutcome>;
  /** The site's own id for a compose when it has one. */
  composeId(root: Element): string | undefined;
  send: SendSite;
}

export function createSiteAdapter(spec: SiteSpec): ComposeAdapter {
  const S = spec.selectors;
  const replaceRecipient = spec.replaceRecipient;
  let counter = 0;

  /** Editable editors only: Outlook's read view carries the same label as its compose body. */
  const editorsIn = (scope: ParentNode) =>
    queryAll(scope, S.body).filter((el) => el.getAttribute('contenteditable') === 'true') as HTMLElement[];

  // Every editor belongs to exactly one compose root: resolving roots from editors means one selector miss
  // (a renamed class) still finds the compose through the fallbacks.
  const findRoots = (scope: ParentNode): Element[] =>
    uniqueElements(
      editorsIn(scope).map((editor) => S.composeRoot.map((sel) => editor.closest(sel)).find(Boolean)),
    );

  const makeWindow = (root: Element): ComposeWindow => {
    const body = () => editorsIn(root)[0] ?? null;
    const subject = () => queryFirst(root, S.subject) as HTMLInputElement | null;
    return {
      root,
      id: spec.composeId(root) || `${spec.site}-${++counter}`,
      readDraft: () => spec.readDraft(root),
      onChange(callback, signal) {
        const observer = new MutationObserver(callback);
        observer.observe(root, { childList: true, subtree: true, characterData: true });
        signal.addEventListener('abort', () => observer.disconnect(), { once: true });
        // Typing in inputs (subject, pending recipient) changes no DOM: listen for input too.
        root.addEventListener('input', callback, { capture: true, signal });
      },
      editorRect: () => body()?.getBoundingClientRect() ?? null,
      bodyElement: body,
      subjectElement: subject,
      bodyMap() {
        const editor = body();
        return editor ? mapEditor(editor) : null;
      },
      applySuggestion: (field, start, end, expected, text) =>
        applyToField(field, { editor: body(), subject: subject() }, start, end, expected, text),
      ...(replaceRecipient && {
        replaceRecipient: (list: 'to' | 'cc' | 'bcc', index: number, expected: string, replacement: string) =>
          replaceRecipient(root, list, index, expected, replacement),
      }),
      focusRecipient(list, index) {
        const chip = spec.recipientElement?.(root, list, index);
        if (!chip) return false;
        chip.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        const well = chip.isContentEditable ? null : chip.closest<HTMLElement>('[contenteditable="true"]');
        if (well) {
          // A chip inside an editable well (Outlook): selected there, as a click on it selects it.
          well.focus({ preventScroll: true });
          const range = chip.ownerDocument.createRange();
          range.selectNode(chip);
          const selection = chip.ownerDocument.getSelection();
          selection?.removeAllRanges();
          selection?.addRange(range);
        } else chip.focus({ preventScroll: true });
        return true;
      },
    };
  };

  return {
    site: spec.site,
    send: spec.send,
    observeComposeWindows(signal, onWindow) {
      watchRoots(document, findRoots, signal, (root, windowSignal) =>
        onWindow(makeWindow(root), windowSignal),
      );
    },
  };
}
