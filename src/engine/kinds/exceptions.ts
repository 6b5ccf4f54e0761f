import type { CheckContext } from '../context.ts';
import type { Exceptions } from '../schemas/rule-pack.ts';
import type { FieldText } from '../text/field.ts';

/** Clause boundaries: a negation before "but" (or ", and …") does not reach the promise after it. */
const CLAUSE_BREAK =
  /[;:]|,\s*(?:and|so|plus|which|while)\b|\b(?:but|however|although|though|whereas|yet|that said)\b/giu;
const NEGATION_REACH_WORDS = 8;

export interface CompiledExceptions {
  readonly spec: Exceptions;
  readonly before: readonly RegExp[];
  readonly after: readonly RegExp[];
  readonly sentence: readonly RegExp[];
}

export function compileExceptions(spec: Exceptions | undefined): CompiledExceptions | undefined {
  if (!spec) return undefined;
  const re = (list: readonly string[] | undefined) => (list ?? []).map((s) => new RegExp(s, 'iu'));
  return { spec, before: re(spec.before), after: re(spec.after), sentence: re(spec.sentence) };
}

function clauseStart(lower: string, sentStart: number, pos: number): number {
  const before = lower.slice(sentStart, pos);
  let cut = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) cut = m.index + m[0].length;
  return sentStart + cut;
}

function wordsBetween(text: string, from: number, to: number): number {
  return (text.slice(from, to).match(/[\p{L}\p{N}']+/gu) ?? []).length;
}

/**
 * True when the context of a match (its clause and sentence) takes the claim back: a negation, a hedge,
 * a question, an approved claim. Word lists only: these run on every candidate sentence.
 */
export function isExcepted(
  ctx: CheckContext,
  field: FieldText,
  start: number,
  end: number,
  exc: CompiledExceptions | undefined,
): boolean {
  if (!exc) return false;
  const sentence = field.sentenceAt(start) ?? ([start, end] as const);
  const [sS, sE] = sentence;
  const lower = field.lower;
  const cS = clauseStart(lower, sS, start);
  const clauseBefore = lower.slice(cS, start);
  if (exc.before.some((re) => re.test(clauseBefore))) return true;
  const after = lower.slice(end, sE);
  if (exc.after.some((re) => re.test(after))) return true;
  const whole = lower.slice(sS, sE);
  if (exc.sentence.some((re) => re.test(whole))) return true;
  if (exc.spec.approvedClaims) {
    for (const re of ctx.compiled.approvedClaims) {
      re.lastIndex = 0;
      for (const m of whole.matchAll(re)) {
        const a = sS + m.index;
        const b = a + m[0].length;
        if (a < end && b > start) return true;
      }
    }
  }
  if (exc.spec.negation || exc.spec.question || exc.spec.modal) {
    const analysis = ctx.analyse(field, sS, sE);
    if (exc.spec.question && analysis.isQuestion) return true;
    const reaches = (offset: number) => {
      const pos = sS + offset;
      return pos >= cS && pos < start && wordsBetween(field.text, pos, start) <= NEGATION_REACH_WORDS;
    };
    if (exc.spec.negation && analysis.negations.some(reaches)) return true;
    if (exc.spec.modal && analysis.hedges.some(reaches)) return true;
  }
  return false;
}
