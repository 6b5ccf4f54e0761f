// zod, configured once for every context Preflight runs in. Extension pages and mail sites forbid eval,
// so zod must not probe for it or compile validators with `new Function`. Imported as a namespace
// (`import * as z`), never re-exported as one object: then bundlers keep only what is used, and zod's 60
// message locales stay out.
import { config } from 'zod';

config({ jitless: true });

export * from 'zod';
