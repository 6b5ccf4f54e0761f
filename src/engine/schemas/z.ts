// zod, configured once for every context Preflight runs in. Extension pages and mail sites forbid eval,
// so zod must not probe for it or compile validators with `new Function`.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
