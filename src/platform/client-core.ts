// The one way to talk to the worker. It never hangs: every call resolves, with data or a reason. Requests are
// parsed before they leave and answers on arrival, with the schemas of the answers the caller may receive.
import type * as z from '../engine/schemas/zod-mini.ts';
import {
  ErrorResponseSchema,
  type Request,
  type RequestKind,
  RequestSchema,
  type ResponseFor,
  type Result,
} from '../shared/messages.ts';

export const DEFAULT_TIMEOUT_MS = 5000;

export type Transport = (message: unknown) => Promise<unknown>;

/** A client for the request kinds whose answer schemas it is given, over `runtimeTransport` by default. */
export function makeClient<K extends RequestKind>(
  schemas: { readonly [P in K]: z.core.$ZodType },
  runtimeTransport: Transport,
) {
  function parseResponse<P extends K>(kind: P, raw: unknown): Result<ResponseFor<P>> {
    const error = ErrorResponseSchema.safeParse(raw);
    if (error.success) return { ok: false, reason: error.data.reason };
    const schema = schemas[kind] as z.ZodMiniType;
    const result = schema.safeParse(raw);
    if (!result.success) {
      return { ok: false, reason: raw === undefined ? 'no answer from the checker' : 'malformed answer' };
    }
    return { ok: true, data: result.data as ResponseFor<P> };
  }

  async function sendRequest<R extends Extract<Request, { kind: K }>>(
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
        return parseResponse(request.kind as R['kind'], raw);
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

  return { sendRequest, parseResponse };
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
