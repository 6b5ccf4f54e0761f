// The one client that talks to the worker. It never hangs: every call resolves, with data or a reason.
import browser from 'webextension-polyfill';
import {
  ErrorResponseSchema,
  type Request,
  type RequestKind,
  RequestSchema,
  type ResponseFor,
  ResponseSchemas,
  type Result,
} from '../shared/messages.ts';

export const DEFAULT_TIMEOUT_MS = 5000;

export type Transport = (message: unknown) => Promise<unknown>;

const runtimeTransport: Transport = async (message) => {
  // After the extension is reloaded or updated, Chrome takes the runtime API away from the old content
  // script (browser.runtime is undefined): say what happened instead of "cannot read 'sendMessage'".
  if (!browser.runtime?.id) throw new Error('Extension context invalidated.');
  return browser.runtime.sendMessage(message);
};

export async function sendRequest<R extends Request>(
  request: R,
  options: { timeoutMs?: number; transport?: Transport } = {},
): Promise<Result<ResponseFor<R['kind']>>> {
  const parsed = RequestSchema.safeParse(request);
  if (!parsed.success) return { ok: false, reason: `invalid request: ${parsed.error.issues[0]?.message}` };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = options.transport ?? runtimeTransport;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<Result<never>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  const exchange = (async (): Promise<Result<ResponseFor<R['kind']>>> => {
    try {
      const raw = await transport(parsed.data);
      return parseResponse(request.kind, raw) as Result<ResponseFor<R['kind']>>;
    } catch (error) {
      return { ok: false, reason: describeError(error) };
    }
  })();
  try {
    return await Promise.race([exchange, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function parseResponse<K extends RequestKind>(kind: K, raw: unknown): Result<ResponseFor<K>> {
  const error = ErrorResponseSchema.safeParse(raw);
  if (error.success) return { ok: false, reason: error.data.reason };
  const schema = ResponseSchemas[kind];
  const result = schema.safeParse(raw);
  if (!result.success) {
    return { ok: false, reason: raw === undefined ? 'no answer from the checker' : 'malformed answer' };
  }
  return { ok: true, data: result.data as ResponseFor<K> };
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Expected when the extension is reloaded or updated under an open page: a shutdown, not a bug.
  if (/context invalidated/i.test(message)) return 'the extension was reloaded; reload the page';
  if (/receiving end does not exist|could not establish connection/i.test(message)) {
    return 'the checker is not running';
  }
  // The worker was stopped (or crashed) while it worked on the request.
  if (/message (channel|port) closed/i.test(message)) return 'the checker stopped before it answered';
  return message.slice(0, 200);
}
