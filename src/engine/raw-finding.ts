// What a rule reports, before the engine adds category, severity and clause. Its own module because both
// the check context (which builds one) and the rule interface (which returns them) need it.
import type { FindingSeverity } from './schemas/finding.ts';
import type { FieldName } from './text/field.ts';

/** A finding before the engine adds category, severity and clause. Offsets index the ORIGINAL field text. */
export interface RawFinding {
  readonly field: FieldName;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly suggestion?: string;
  /**
   * A lower severity for this finding than the rule's (e.g. pricing language with no pricing policy to
   * compare with is informational). Never raises it: the policy's setting is the ceiling.
   */
  readonly severity?: FindingSeverity;
}
