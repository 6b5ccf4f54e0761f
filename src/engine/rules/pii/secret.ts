// Vendor formats: AWS (AKIA/ASIA), GitHub (ghp_, github_pat_), GitLab, Slack (xox?-), Stripe (sk_live_/rk_),
// Google (AIza), SendGrid keys, JWTs, private key blocks (the whole BEGIN…END block). Labelled credentials,
// read like `pii/labelled-identifier`: password / passphrase / pass (a line of its own), passcode, PIN, OTP /
// one-time / verification / security / access code, licence / product / activation key, API key / token /
// secret / client secret; a plain word is a password only where the sentence hands it over (a colon line, "is
// bluebird." at the end, quotes), never a description ("is required", "is in the vault", "was sent
// separately"). Unlabelled: the password of `scheme://user:password@host`, `Authorization: Bearer …`, `.env`
// lines (`STRIPE_SECRET=…`), and random-looking tokens (20+ characters, letters and digits, over 3.5 bits a
// character) in a sentence about a key or token (not public keys, hashes or commits). A meeting invitation's
// passcode is not flagged.
import type { CheckContext } from '../../context.ts';
import { defineRule, type RawFinding } from '../../rule.ts';
import { type FieldText, inRanges } from '../../text/field.ts';
import { fixFor, messageFor } from './advice.ts';
import { findLabelledValues } from './labelled-values.ts';
import type { LabelGroup } from './labels.ts';

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
    re: /\beyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{10,}\b/g,
    what: 'a session token (JWT)',
  },
];

const CREDENTIALS: ReadonlySet<LabelGroup> = new Set(['credential']);

/** A stand-in, not a secret: `${DB_PASSWORD}`, `<password>`, `[token]`, `****`, `password`, `your_token_here`. */
const STAND_IN =
  /^[<[{%(]|^\$\{|^(?:\*+|x{3,}|\u2022+|\.{3,}|(?:your[-_]?)?(?:pass(?:word)?|pwd|passwd|pw|secret|token|api[-_]?key|key|user(?:name)?)(?:[-_]?here)?|null|none|true|false|yes|no|on|off|n\/a|todo|tbd|redacted|\d{1,7})$/i;

/** `scheme://user:password@host`: the password part. */
const CONNECTION_STRING = /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@'"]{1,64}:([^\s@/'"]{1,128})@[^\s/'"]+/dgi;

/** `Authorization: Bearer …` and `Bearer …` tokens; `Basic …` only after an Authorization header name. */
const BEARER = /\b(?:bearer|authorization[ \t]*:[ \t]*(?:basic|token))[ \t]+([A-Za-z0-9\-._~+/]{16,}=*)/dgi;

/** `.env` lines whose name ends in a secret word: `STRIPE_SECRET=…`, `export db_password=…`. */
const ENV_LINE =
  /^[ \t]*(?:export[ \t]+)?(?:[A-Z][A-Z0-9_]*_)?(?:SECRET|TOKEN|PASSWORD|PASSWD|PWD|PASS|API_?KEY|ACCESS_?KEY(?:_ID)?|PRIVATE_?KEY|SECRET_?KEY|CREDENTIALS?|SIGNING_?KEY|ENCRYPTION_?KEY)[ \t]*=[ \t]*["']?([^\s"'#]+)/dgim;

/** Key words that make a long random-looking token in the same sentence a secret. */
const KEY_WORD =
  /\b(?:key|keys|token|tokens|secret|secrets|credentials?|api|auth|bearer|password|signature|webhook)\b/i;
const PUBLIC_KEY =
  /\bpublic[ \t]+key|\bssh-(?:rsa|ed25519|dss)|\becdsa-|\bfingerprint|\bcommit|\bsha(?:-?\d+)?\b|\bchecksum|\bhash\b/i;
const LONG_TOKEN = /(?<![\p{L}\p{N}_\-+/=.:@])[A-Za-z0-9_\-+/=]{20,200}(?![\p{L}\p{N}_\-+/=]|\.\w|@)/gu;

/** Bits per character of a string: random keys have over 3.5, words and readable ids far less. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

interface Span {
  start: number;
  end: number;
  what: string;
}

/** Secrets no vendor format and no label gives away: connection strings, bearer tokens, .env lines, random keys. */
function unlabelled(field: FieldText): Span[] {
  const text = field.text;
  const out: Span[] = [];
  const group = (re: RegExp, what: string) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const at = m.indices?.[1];
      if (!at || STAND_IN.test(m[1]!)) continue;
      out.push({ start: at[0], end: at[1], what });
    }
  };
  if (text.includes('://')) group(CONNECTION_STRING, 'a password in a connection string');
  if (/bearer|authorization/i.test(text)) group(BEARER, 'an access token');
  if (text.includes('=')) group(ENV_LINE, 'a secret in a configuration line');
  if (KEY_WORD.test(text)) {
    LONG_TOKEN.lastIndex = 0;
    for (let m = LONG_TOKEN.exec(text); m !== null; m = LONG_TOKEN.exec(text)) {
      const token = m[0];
      if (!/\d/.test(token) || !/[A-Za-z]/.test(token) || entropy(token) < 3.5) continue;
      const sentence = field.sentenceAt(m.index);
      if (!sentence) continue;
      const words = text.slice(sentence[0], sentence[1]);
      if (!KEY_WORD.test(words) || PUBLIC_KEY.test(words)) continue;
      out.push({ start: m.index, end: m.index + token.length, what: 'an API key or secret' });
    }
  }
  return out;
}

function check(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const field of [ctx.field('subject'), ctx.field('body')]) {
    if (field.text.length === 0) continue;
    const ranges = field.rangesFor(['body', 'body.signature', 'subject']);
    const inScope = (start: number, end: number) => inRanges(ranges, start, end);
    const report = (start: number, end: number, what: string) =>
      out.push(
        ctx.report(
          field,
          start,
          end,
          messageFor(ctx, what, 'credential'),
          fixFor(ctx, field.text.slice(start, end), 'credential'),
        ),
      );
    for (const { re, what } of SECRETS) {
      // exec, not matchAll: this runs once per paragraph, and matchAll copies the expression every call.
      re.lastIndex = 0;
      for (let m = re.exec(field.text); m !== null; m = re.exec(field.text)) {
        if (m[0].length === 0) re.lastIndex++;
        const start = m.index;
        const end = start + m[0].length;
        if (inScope(start, end)) report(start, end, what);
      }
    }
    // Labelled and unlabelled credentials are not read in the sender's signature (vendor keys are).
    const own = field.rangesFor(['body', 'subject']);
    const inOwn = (start: number, end: number) => inRanges(own, start, end);
    for (const hit of findLabelledValues(field.text, { groups: CREDENTIALS }, inOwn))
      report(hit.start, hit.end, hit.entry.what);
    for (const s of unlabelled(field)) if (inOwn(s.start, s.end)) report(s.start, s.end, s.what);
  }
  return out;
}

export const rule = defineRule(
  {
    id: 'pii/secret',
    category: 'pii',
    severity: 'block',
    clause: 'data-configs-secured',
    description:
      'Secrets in the text: API keys and tokens (vendor formats, labelled or random-looking), private keys, connection strings, passwords, PINs, one-time codes, licence keys.',
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
        { text: 'Your new PIN is 5830.', why: 'a PIN, "is" form' },
        { text: 'The door passcode has been changed to 772910.', why: 'a passcode, "changed to" form' },
        { text: 'Use the one-time code 771204 to finish signing in.', why: 'a one-time code to "use"' },
        { text: '662019 is your verification code.', why: 'value before its label' },
        { text: 'Product key: 7HQ2K-9WX3M-PL4RT-8VNB6-22KDX', why: 'a licence key in a vendor shape' },
        { text: 'The client secret is Zk8_2mQp-LrT4xWv9NbC.', why: 'a secret in no vendor format' },
        { text: 'API key for the sandbox: 7c2e9f4a1b8d3e6f', why: 'a labelled API key, "X for … :" form' },
        { text: 'The Wi-Fi password is bluebird.', why: 'a plain word the sentence gives as the password' },
        { text: 'Report link below (passphrase: larkspur).', why: 'a shared passphrase in brackets' },
        {
          text: 'Connect with postgres://app:S3cr3tPw@db.internal:5432/main for the import.',
          why: 'a password in a connection string',
        },
        { text: 'Authorization: Bearer 8f2c1a9e7b3d4f6a0c5e2b8d9a1f3c7e', why: 'a bearer token' },
        { text: 'Add this to .env:\nSTRIPE_SECRET=whsec_live_a81k2m9z', why: 'a .env line' },
        {
          text: 'The webhook header must carry 8x9QmZ2pLr4TvW7nKc3Y5bJd for every request, as the key.',
          why: 'a random-looking token beside a key word',
        },
        {
          text: 'Your PIN is 5830.',
          policy: { privacy: { secureChannel: 'the Secure Share portal' } },
          why: 'the fix names the policy secure channel',
        },
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
        { text: 'Is a PIN required to unlock it?', why: 'a question about a kind of data' },
        { text: 'Can I log in without a one-time code?', why: 'a question, no value' },
        { text: 'The key feature is the offline mode.', why: 'a decoy key word' },
        { text: 'You will be asked a security question when you call.', why: 'a decoy' },
        { text: 'The password was sent separately.', why: 'a reference' },
        { text: 'Your password must be at least 12 characters.', why: 'a rule, no value' },
        { text: 'API key: YOUR_API_KEY', why: 'a placeholder' },
        { text: 'Temporary Password: [Password] (change it on first login)', why: 'a template field' },
        {
          text: 'Join the Zoom meeting: https://meet.example.com/j/88322190045\nMeeting ID: 883 2219 0045\nPasscode: 771234',
          why: 'a meeting invitation gives its passcode to every invitee',
        },
        {
          text: 'Connect with postgres://app:<password>@db.internal/main.',
          why: 'a variable, not a password',
        },
        { text: 'The license key will be emailed after purchase.', why: 'a licence key to come, no value' },
        { text: 'The token expires in 30 minutes.', why: 'talk about a token' },
        { text: 'Authorization: Bearer <your-token>', why: 'a stand-in for the token' },
        { text: 'Add this line to .env:\nAPI_KEY=<your key>', why: 'a .env line with a stand-in' },
        { text: 'Can you send the client secret through the vault?', why: 'a request, no value' },
        {
          text: 'Fixed in commit 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a; the key change is in the parser.',
          why: 'a commit hash beside a decoy key word',
        },
        {
          text: 'Thanks,\nDana\n\nOn Mon, Jo wrote:\n> Password: Lantern-42',
          why: 'quoted history: what the customer wrote',
        },
      ],
    },
  },
  check,
  // Each match reads its own sentence at most.
  { local: true },
);
