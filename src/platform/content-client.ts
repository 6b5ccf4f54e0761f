// The content script's client: the request kinds a mail page sends, with the schemas of their answers only
// (no policy schema, so the rest of zod stays out of the content script). See client-core.ts.
import { ContentResponseSchemas } from '../shared/messages.ts';
import { makeClient } from './client-core.ts';
import { sendToWorker } from './content-runtime.ts';

export const { sendRequest, parseResponse } = makeClient(ContentResponseSchemas, sendToWorker);
