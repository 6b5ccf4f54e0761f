import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage: vi.fn() } } }));

const { sendRequest, parseResponse } = await import('./client.ts');

describe('sendRequest', () => {
  it('returns the parsed answer', async () => {
    const result = await sendRequest(
      { kind: 'ping' },
      { transport: async () => ({ kind: 'pong', version: '1.2.3' }) },
    );
    expect(result).toEqual({ ok: true, data: { kind: 'pong', version: '1.2.3' } });
  });

  it('sends only a request that parses, and says why it refused one', async () => {
    const transport = vi.fn();
    const result = await sendRequest({ kind: 'check', draft: { body: 1 } } as never, { transport });
    expect(result.ok).toBe(false);
    expect(transport).not.toHaveBeenCalled();
  });

  it('never hangs: a silent worker becomes a time-out with a reason', async () => {
    const result = await sendRequest(
      { kind: 'ping' },
      { timeoutMs: 30, transport: () => new Promise(() => {}) },
    );
    expect(result).toEqual({ ok: false, reason: 'no answer within 30 ms' });
  });

  it('turns a malformed answer into a reason, not a crash', async () => {
    const result = await sendRequest({ kind: 'ping' }, { transport: async () => ({ kind: 'pong' }) });
    expect(result).toEqual({ ok: false, reason: 'malformed answer' });
  });

  it('passes on the worker’s own error reason', async () => {
    const result = await sendRequest(
      { kind: 'ping' },
      { transport: async () => ({ kind: 'error', reason: 'boom' }) },
    );
    expect(result).toEqual({ ok: false, reason: 'boom' });
  });

  it('treats a reloaded extension as an expected shutdown with a plain reason', async () => {
    const result = await sendRequest(
      { kind: 'ping' },
      {
        transport: async () => {
          throw new Error('Extension context invalidated.');
        },
      },
    );
    expect(result).toEqual({ ok: false, reason: 'the extension was reloaded; reload the page' });
  });

  it('reports no listener as the checker not running', async () => {
    const result = await sendRequest(
      { kind: 'ping' },
      {
        transport: async () => {
          throw new Error('Could not establish connection. Receiving end does not exist.');
        },
      },
    );
    expect(result).toEqual({ ok: false, reason: 'the checker is not running' });
  });
});

describe('a worker stopped in the middle of a request', () => {
  it('says the checker stopped before it answered', async () => {
    const result = await sendRequest(
      { kind: 'ping' },
      {
        transport: async () => {
          throw new Error(
            'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
          );
        },
      },
    );
    expect(result).toEqual({ ok: false, reason: 'the checker stopped before it answered' });
  });
});

describe('parseResponse', () => {
  it('rejects an answer of the wrong kind for the request', () => {
    expect(parseResponse('get-status', { kind: 'pong', version: '1' }).ok).toBe(false);
  });
  it('reports a missing answer', () => {
    expect(parseResponse('ping', undefined)).toEqual({ ok: false, reason: 'no answer from the checker' });
  });
});

describe("the content script's client after the extension is reloaded under the page", () => {
  it('says the extension was reloaded when the browser took the runtime away', async () => {
    const { sendRequest: contentRequest } = await import('./content-client.ts');
    const g = globalThis as { chrome?: unknown };
    const before = g.chrome;
    let sent = 0;
    try {
      // What an old content script sees: a runtime object without an id (or none at all).
      g.chrome = { runtime: { sendMessage: async () => sent++ } };
      expect(await contentRequest({ kind: 'ping' })).toEqual({
        ok: false,
        reason: 'the extension was reloaded; reload the page',
      });
      g.chrome = {};
      expect(await contentRequest({ kind: 'ping' })).toEqual({
        ok: false,
        reason: 'the extension was reloaded; reload the page',
      });
      expect(sent).toBe(0);
    } finally {
      g.chrome = before;
    }
  });
});
