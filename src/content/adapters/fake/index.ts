// An adapter with no site behind it, for tests of everything above the adapter layer.
import type { Draft } from '../../../engine/schemas/draft.ts';
import type { ComposeAdapter, ComposeWindow } from '../types.ts';
import { createFakeSendSite } from './send.ts';

export interface FakeCompose {
  window: ComposeWindow;
  /** Replace the draft and notify listeners, as typing would. */
  edit(patch: Partial<Draft>): void;
  close(): void;
}

export function createFakeAdapter(): ComposeAdapter & { open(initial?: Partial<Draft>): FakeCompose } {
  let emit: ((window: ComposeWindow, signal: AbortSignal) => void) | undefined;
  let outer: AbortSignal | undefined;
  let counter = 0;
  return {
    site: 'fake',
    send: createFakeSendSite(),
    observeComposeWindows(signal, onWindow) {
      emit = onWindow;
      outer = signal;
    },
    open(initial = {}) {
      let draft: Draft = { subject: '', body: '', to: [], cc: [], bcc: [], ...initial };
      const listeners = new Set<() => void>();
      const controller = new AbortController();
      outer?.addEventListener('abort', () => controller.abort(), { once: true });
      const window: ComposeWindow = {
        root: { isConnected: true } as unknown as Element,
        id: `fake-${++counter}`,
        readDraft: () => structuredClone(draft),
        onChange(callback, signal) {
          listeners.add(callback);
          signal.addEventListener('abort', () => listeners.delete(callback), { once: true });
        },
        editorRect: () => null,
        bodyElement: () => null,
        subjectElement: () => null,
        bodyMap: () => null,
        applySuggestion(field, start, end, expected, text) {
          const current = field === 'body' ? draft.body : draft.subject;
          if (current.slice(start, end) !== expected) return { ok: false, reason: 'the text has changed' };
          const next = current.slice(0, start) + text + current.slice(end);
          draft = field === 'body' ? { ...draft, body: next } : { ...draft, subject: next };
          for (const listener of listeners) listener();
          return { ok: true };
        },
        async replaceRecipient(list, index, expected, replacement) {
          if (draft[list][index] !== expected) return { ok: false, reason: 'the recipients have changed' };
          const next = draft[list].slice();
          next[index] = replacement;
          draft = { ...draft, [list]: next };
          for (const listener of listeners) listener();
          return { ok: true };
        },
      };
      emit?.(window, controller.signal);
      return {
        window,
        edit(patch) {
          draft = { ...draft, ...patch };
          for (const listener of listeners) listener();
        },
        close: () => controller.abort(),
      };
    },
  };
}
