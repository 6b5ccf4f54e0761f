// The extension pages' client (popup, options): every request kind, every answer parsed on arrival.
// The content script uses content-client.ts, which carries only the schemas of the answers it reads.
import browser from 'webextension-polyfill';
import { ResponseSchemas } from '../shared/page-messages.ts';
import { makeClient } from './client-core.ts';

export { DEFAULT_TIMEOUT_MS, type Transport } from './client-core.ts';

export const { sendRequest, parseResponse } = makeClient(ResponseSchemas, (message) =>
  browser.runtime.sendMessage(message),
);
