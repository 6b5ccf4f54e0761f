// The published SARIF 2.1.0 JSON schema (OASIS, final "rtm.5" revision), vendored as the
// @microsoft/jest-sarif package ships it, and a validator for it. The schema is draft-04, which ajv reads
// through ajv-draft-04.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';

export const SARIF_SCHEMA = JSON.parse(
  readFileSync(join(import.meta.dirname, 'sarif-2.1.0-rtm.5.json'), 'utf8'),
) as Record<string, unknown>;

export function sarifValidator() {
  // The schema's language pattern has a stray "]" that only non-unicode regular expressions accept.
  const ajv = new Ajv04({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(value));
  ajv.addFormat(
    'uri-reference',
    (value: string) => !/[\s<>"{}|\\^`]/.test(value) && !/%(?![0-9A-F]{2})/i.test(value),
  );
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile(SARIF_SCHEMA);
}
