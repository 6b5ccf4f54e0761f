// zod's functional build (zod/mini), configured like ./z.ts: the message protocol and the schemas the content
// script needs use it, so a mail page loads a few kilobytes of validator rather than all of zod. Extension
// pages and mail sites forbid eval, so zod must not probe for it or compile validators with `new Function`.
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
