// The one protocol between the content script, the popup, the options page and the worker. Every message
// is parsed on arrival on both sides; anything else is refused with a reason. The schemas live in two
// modules so the content script loads only its own: message-schemas.ts (shared with the pages, zod/mini)
// and page-messages.ts (the pages' answers, with the whole policy schema). This file joins them; it imports
// the pages' module for types only, so nothing of it reaches the content script.
import type * as z from '../engine/schemas/zod-mini.ts';
import type { ContentResponseSchemas, RequestKind } from './message-schemas.ts';
import type { PageResponseSchemas } from './page-messages.ts';

export * from './message-schemas.ts';
export type { RuleListEntry } from './page-messages.ts';

type AllResponseSchemas = typeof ContentResponseSchemas & typeof PageResponseSchemas;
/** The answer to a request of kind K, whichever side reads it. */
export type ResponseFor<K extends RequestKind> = z.infer<AllResponseSchemas[K]>;
