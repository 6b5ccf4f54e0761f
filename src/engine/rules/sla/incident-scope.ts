/**
 * When the incident rules (tone/incident-care, sla/root-cause) read an email: a reply about an incident of
 * severity 1–2 to this customer. The severity counts when the thread gives it, when the email is a reply
 * (a "Re:" subject, quoted history, a customer message it answers) and its text states it, when the subject
 * states it, or when the own text states it in a sentence addressed to the reader ("your dashboards were
 * down"). A general notice — to "all customers", about "our users" in the third person, the way status pages
 * and postmortems are written — is no reply to one customer, and marketing copy that mentions outages
 * states no severity of the reader's incident.
 */
import type { CheckContext } from '../../context.ts';
import { detectSeverity, type Severity } from '../../text/signals.ts';

const REPLY_SUBJECT = /^\s*(?:(?:re|aw|sv|antw|vs|r)\s*(?:\[\d+\])?\s*:)/i;
/** The reader in the second person. */
const SECOND_PERSON = /\b(?:you|your|yours|yourself|yourselves)\b/i;
/**
 * A sentence about outages in general, in the future or hedged ("any disruption this outage caused you"): marketing
 * copy and notice wording, not an incident of the reader's.
 */
const HYPOTHETICAL =
  /\b(?:if|when|whenever|every time|any|imagine|avoid|avoids|prevent|prevents|protect|protects|without|could|can|may|might|would|costs?|never)\b/i;
/** Wording of a broadcast: an audience in the plural or the customers in the third person. */
const GENERAL_AUDIENCE =
  /\b(?:dear|hello|hi|to)\s+(?:all\s+)?(?:(?:our|valued)\s+)?(?:customers?|clients?|users?|members?|subscribers?|partners|everyone|all)\b|\b(?:(?:all|some|many|most|several)\s+(?:of\s+)?our|our|affected|impacted|other)\s+(?:customers|clients|users|merchants|members|subscribers|tenants)\b|\b(?:customers|clients)\s+(?:who|that|were|are|may|might|will)\b|\busers\s+(?:who|that)\b/i;

export interface IncidentScope {
  readonly severity: Severity;
}

/** The severity of the incident this email replies about, or undefined when the incident rules stay quiet. */
export function incidentReply(ctx: CheckContext): IncidentScope | undefined {
  const severity = ctx.severity;
  if ((severity !== 1 && severity !== 2) || ctx.internalOnly || !ctx.isKind('support')) return undefined;
  if (ctx.severitySource === 'thread') return { severity };
  const own = ctx.ownBody;
  const subject = ctx.draft.subject;
  const reply =
    REPLY_SUBJECT.test(subject) ||
    ctx.draft.thread?.lastCustomerMessageAt !== undefined ||
    ctx.field('body').parts.some((p) => p.part === 'quoted');
  if (reply) return { severity };
  if (GENERAL_AUDIENCE.test(own) || GENERAL_AUDIENCE.test(subject)) return undefined;
  if (detectSeverity(subject) !== undefined) return { severity };
  const body = ctx.field('body');
  for (const [from, to] of body.rangesFor(['body'])) {
    for (const [s, e] of body.sentences) {
      if (s < from || e > to) continue;
      const sentence = body.text.slice(s, e);
      if (!SECOND_PERSON.test(sentence) || HYPOTHETICAL.test(sentence)) continue;
      if (ctx.analyse(body, s, e).isQuestion) continue;
      if (detectSeverity(sentence) !== undefined) return { severity };
    }
  }
  return undefined;
}
