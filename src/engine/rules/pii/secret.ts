import { defineRule, type RawFinding } from '../../rule.ts';

const SECRETS: { re: RegExp; what: string }[] = [
  { re: /\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}\b/g, what: 'a Stripe secret key' },
  { re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, what: 'an AWS access key' },
  { re: /\bgh[pousr]_[0-9A-Za-z]{30,}\b/g, what: 'a GitHub token' },
  { re: /\bgithub_pat_[0-9A-Za-z_]{40,}\b/g, what: 'a GitHub token' },
  { re: /\bglpat-[0-9A-Za-z_-]{20}\b/g, what: 'a GitLab token' },
  { re: /\bxox[abposr]-[0-9A-Za-z-]{10,}\b/g, what: 'a Slack token' },
  { re: /\bAIza[0-9A-Za-z_-]{35}\b/g, what: 'a Google API key' },
  { re: /\bSG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43}\b/g, what: 'a SendGrid API key' },
  {
    // The whole key block when its end is there, so the finding covers what must be removed.
    re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]{0,8000}?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)?/g,
    what: 'a private key',
  },
  {
    // A "Password: …" line gives the value whatever it looks like, unless it is masked or points elsewhere.
    re: /^[ \t>*-]*(?:password|passwd|pwd|passcode|pin|temporary password|temp password|initial password)[ \t]*[:=][ \t]*(?![*•x]{3,}\s*$|\[?redacted|\(?sent separately|\(?see |\(?in (?:the|your) vault|will be sent|sent (?:separately|by sms|via)|n\/a\b|none\b|-\s*$)\S[^\n]{0,60}/gimu,
    what: 'a password',
  },
  {
    re: /\beyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{10,}\b/g,
    what: 'a session token (JWT)',
  },
  {
    // "password: x", "the password Spring2026!Tide": a value with letters and a digit or symbol, not a plain word.
    re: /\b(?:password|passwd|pwd|passcode|api[ _-]?key|secret(?:[ _-]key)?|access[ _-]token)\s*(?:is|:|=|-)?\s*["'`]?(?=[^\s"'`]*[\d!@#$%^&*_])(?=[^\s"'`]*\p{L})[^\s"'`,;]{6,}/giu,
    what: 'a password or key',
  },
];

export const rule = defineRule(
  {
    id: 'pii/secret',
    category: 'pii',
    severity: 'block',
    clause: 'data-configs-secured',
    description: 'Secrets in the text: API keys, access tokens, private keys, passwords.',
    source: 'customer-policy.md, Data & Privacy (Customer-specific configurations documented and secured)',
    examples: {
      flag: [
        'Use key AKIAIOSFODNN7EXAMPLE for the bucket.',
        'Your temporary password: Tr0ub4dor&3',
        { text: 'Sign in as meter-test with the password Spring2026!Tide today.', why: 'no colon' },
        { text: 'Here is the token sk_live_4eC39HqLyjWDarjtT1zdp7dc for the webhook.' },
        {
          text: 'Hi Jordan,\nUsername: jordan\nPassword: sunshine\nThanks',
          why: 'a password line, any value',
        },
        {
          text: 'Key below:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----',
          why: 'the whole key block',
        },
        {
          text: 'Token: github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGH',
          why: 'fine-grained GitHub token',
        },
        { text: 'Bot token xoxb-123456789012-abcdefghijklmno for the channel.', why: 'Slack bot token' },
      ],
      pass: [
        'Use the password reset link we sent to reset your password.',
        { text: 'The password is stored in your vault.', why: 'says where it is, not what it is' },
        { text: 'Passwords need 12 characters; the password policy changed in 2025.', why: 'no value' },
        { text: 'Username: jordan\nPassword: (sent separately by SMS)', why: 'points elsewhere' },
        { text: 'Password: ********', why: 'masked' },
        {
          text: 'Use the public key ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 for the allowlist.',
          why: 'a public key',
        },
      ],
    },
  },
  (ctx): RawFinding[] => {
    const out: RawFinding[] = [];
    for (const field of [ctx.field('subject'), ctx.field('body')]) {
      if (field.text.length === 0) continue;
      const ranges = field.rangesFor(['body', 'body.signature', 'subject']);
      for (const { re, what } of SECRETS) {
        // exec, not matchAll: this runs once per paragraph, and matchAll copies the expression every call.
        re.lastIndex = 0;
        for (let m = re.exec(field.text); m !== null; m = re.exec(field.text)) {
          if (m[0].length === 0) re.lastIndex++;
          const start = m.index;
          const end = start + m[0].length;
          if (!ranges.some(([s, e]) => start >= s && end <= e)) continue;
          out.push(
            ctx.report(
              field,
              start,
              end,
              `This looks like ${what}. Never send credentials by email; rotate it if it was sent.`,
            ),
          );
        }
      }
    }
    return out;
  },
  // Each match reads its own sentence at most.
  { local: true },
);
