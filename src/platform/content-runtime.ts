// The extension messaging a content script needs, on the browser's own API: Firefox's `browser` and Chrome's
// `chrome` both return promises from runtime.sendMessage in Manifest V3, and both accept an answer through
// sendResponse. webextension-polyfill would add a sixth of the content script's size for these two calls.
import { type TabRequest, TabRequestSchema } from '../shared/messages.ts';

interface Runtime {
  readonly id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(
      listener: (
        message: unknown,
        sender: unknown,
        sendResponse: (answer: unknown) => void,
      ) => boolean | undefined,
    ): void;
  };
}

function findRuntime(): Runtime | undefined {
  const g = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  return g.browser?.runtime ?? g.chrome?.runtime;
}

function runtime(): Runtime {
  const found = findRuntime();
  if (!found) throw new Error('no extension runtime in this page');
  return found;
}

/** Sends a message to the worker; rejects as the browser does (no worker, extension reloaded). */
export async function sendToWorker(message: unknown): Promise<unknown> {
  const found = findRuntime();
  // After the extension is reloaded or updated, the browser takes the runtime API away from the old content
  // script (no runtime, or one without an id): say what happened instead of "cannot read 'sendMessage'".
  if (!found?.id) throw new Error('Extension context invalidated.');
  return found.sendMessage(message);
}

/** Answers tab requests (from the popup or the worker) with `answer`; anything else is left to other listeners. */
export function onTabRequest(answer: (request: TabRequest) => Promise<unknown> | undefined): void {
  runtime().onMessage.addListener((message, _sender, sendResponse) => {
    const parsed = TabRequestSchema.safeParse(message);
    if (!parsed.success) return undefined;
    const pending = answer(parsed.data);
    if (!pending) return undefined;
    // No answer on failure: the asking side reads the closed channel as "no answer".
    pending.then(sendResponse, () => undefined);
    return true;
  });
}
