/**
 * What a pii finding says and offers. The message names the kind of data and never holds the value (messages
 * may reach logs and reports; the excerpt stays in the compose window). The fix replaces the value with its
 * masked form, or with a pointer to the policy's secure channel when the policy names one.
 */
import type { CheckContext } from '../../context.ts';

export type Sensitivity = 'identifier' | 'credential';

const DOT = '\u2022';

/**
 * The masked form of a value: identifiers keep their last four characters when they have eight or more
 * ("•••• 1234"), credentials keep nothing (the last four of a PIN are the PIN).
 */
export function maskedForm(value: string, sensitivity: Sensitivity): string {
  const chars = value.replace(/[^\p{L}\p{N}]/gu, '');
  if (sensitivity === 'credential' || chars.length < 8) return DOT.repeat(8);
  return `${DOT.repeat(4)} ${chars.slice(-4)}`;
}

export function secureChannel(ctx: CheckContext): string | undefined {
  const channel = ctx.policy.privacy?.secureChannel?.trim();
  return channel ? channel : undefined;
}

/** The one-click fix: the channel when there is one, else the masked value. */
export function fixFor(ctx: CheckContext, value: string, sensitivity: Sensitivity): string {
  const channel = secureChannel(ctx);
  return channel ? `sent separately through ${channel}` : maskedForm(value, sensitivity);
}

/** "This is a passport number. … send it through <channel> …" (the value itself is never repeated). */
export function messageFor(ctx: CheckContext, what: string, sensitivity: Sensitivity): string {
  const channel = secureChannel(ctx);
  const where = channel ? `send it through ${channel}` : 'share it through a secure channel';
  return sensitivity === 'credential'
    ? `This is ${what}. Credentials never go in email: ${where}, and change it if it was already sent.`
    : `This is ${what}. Customer data is handled per the DPA: ${where}, or show only the last four characters.`;
}
