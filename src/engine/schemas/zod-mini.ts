// zod's functional build (zod/mini), configured like ./z.ts: the message protocol and the schemas the content
// script needs use it, so a mail page loads a few kilobytes of validator rather than all of zod. Extension
// pages and mail sites forbid eval, so zod must not probe for it or compile validators with `new Function`.
// Imported as a namespace (`import * as z`), never re-exported as one object: then bundlers keep only what
// is used, and zod's 60 message locales stay out.
import { config } from 'zod/mini';

config({ jitless: true });

export * from 'zod/mini';
