import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../index.ts';
import type { Policy } from '../../schemas/policy.ts';

function pii(body: string, policy?: Policy) {
  return checkDraft({ subject: '', body, to: [], cc: [], bcc: [] }, policy).findings.filter(
    (f) => f.category === 'pii',
  );
}

/** Labelled values of every kind, in "is", colon, "number X", "use X", "with X" and reversed forms. */
const GIVEN = [
  'Your new PIN is 5830.',
  'The PIN for the lockbox is 2291.',
  'Your one-time code is 448120.',
  'Use the one-time code 771204 to finish signing in.',
  'Your verification code: 90-31-77',
  'Enter 662019 as your verification code.',
  'My bank account number is 001234567890.',
  'Routing (ABA): 026009593',
  'Wire to ABA 021000021, account 483920115.',
  'The sort code is 20-45-77 and the account number is 63849201.',
  'My passport number is 533188207.',
  'Passport #: K8821934',
  "Her driver's license number is S530-4417-9921.",
  'Driving licence: MORGA753116SM9IJ',
  'My driver license no. is 7719284.',
  'EIN: 47-3920118',
  'My TIN is 94-2231187.',
  'Tax ID number 831-44-9021',
  'My visa number is 88129043.',
  'Visa control number: 20231875534',
  'Product key: 7HQ2K-9WX3M-PL4RT-8VNB6-22KDX',
  'Your license key is LK-88A1-Q9Z2-MM40.',
  'Activation code: 4FQ9-ZZ81-KK2P',
  'API key: 9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c',
  'Here is the client secret: Zk8_2mQp-LrT4xWv9NbC',
  'The access token is tok_91ZxQ2mLr8Pw4Kv7',
  'Client secret = a8F3kL0pQ9zX2vB7nM4c',
  'Password: bluebird',
  'The Wi-Fi password is bluebird.',
  'The password is "maplewood".',
  'The passphrase is correct-horse-battery-staple9.',
  'pass: Harbor!22',
  'Log in with username admin and password Qx7!mw29.',
  'Your temporary password has been reset to Lantern-42.',
  "Use 'Saffron88' as the password.",
  'His SSN is 912-44-1029.',
  'Social security number: 123 45 6789',
  'SIN 046-454-286',
  'My national ID number is 79120415529.',
  'The NHS number is 943 476 5919.',
  'CVV 482',
  'The CVC is 0912.',
  'Card number: 5105 1051 0510 5100',
  'IBAN: GB33BUKB20201555555556',
  'BSB: 062-000 Account number: 12345678',
  'The database URL is postgres://app:S3cr3tPw@db.internal:5432/main',
  'Authorization: Bearer 8f2c1a9e7b3d4f6a0c5e2b8d9a1f3c7e',
  'STRIPE_SECRET=whsec_live_a81k2m9z',
  'export DB_PASSWORD=hunter22',
  'The webhook key is 8x9QmZ2pLr4TvW7nKc3Y5bJd in the header.',
  'Her driver license? it is 1234567A.',
  'Account number: 229081009172 (Key Bank, routing 041001039)',
  'My PIN is 1234.',
  'Password: 123456',
  "Here's the one-time code to use: 558213",
  'Routing 021000021 / Acct 1234567890',
  'DL# D1234567',
  'CVV code 123',
  'Your security code is 123.',
  'The verification code we sent is 839201.',
  'The password I set for you is Tulip-2291.',
  'EIN# 12-3456789',
  'Acct no. 40021887 at First Harbor Bank',
  'Please wire the deposit to our account 771209334.',
  'I-94 number: 79120943381',
  'Residence permit no. 88T22190',
  'API_KEY=f81c2b9a77d04e1c',
  "The wifi password is 'sunflower'",
];

/** Talk about data, decoys, masked values, references, requests, meeting invitations and references numbers. */
const NOT_GIVEN = [
  'Which documents do you need for the visa?',
  'Is a PIN required to unlock it?',
  'Can I log in without a one-time code?',
  "Our product's key feature is the offline mode.",
  "You'll be asked a security question when you call.",
  'Use the password reset link in the email to choose a new one.',
  'Card: ****1234',
  'SSN: xxx-xx-1120',
  'Your card ending in 4412 was charged.',
  'The password was sent separately.',
  'The password is in the vault.',
  'Password: see the onboarding doc',
  'Your password must be at least 12 characters.',
  'The PIN is 4 digits long.',
  'A one-time code will be sent to your phone.',
  'Please send your passport number and visa details.',
  'Please provide your bank account and routing numbers.',
  'Your account number is 55120034.',
  'Invoice number: 88123001',
  'Call us on 0800 123 4567.',
  'Order #4412-9921 ships Friday.',
  'Password: [Password]',
  'API key: YOUR_API_KEY',
  'Password: N/A',
  'Password: TBD',
  'The password field is case-sensitive.',
  'We rotate API keys every 90 days.',
  'Your API key is on the settings page.',
  'The token expires in 30 minutes.',
  'Security code: printed on the back of the card',
  'Promo code SPRING25 gives 10% off.',
  'The zip code is 94107.',
  'Zoom meeting ID: 812 3344 9901, passcode: 442190',
  'Enter your SSN in the format 123-45-6789.',
  'The sort code field takes six digits.',
  'Is your passport valid for six months?',
  "Driver's licence required for the rental.",
  'The API token format is documented at https://docs.example.com/tokens.',
  'Our VAT number is GB 123 4567 89.',
  'The access code is the one printed on your badge.',
  'Your password is strong.',
  'The password is the same as before.',
  'The new PIN will be mailed to you.',
  'Reset your passcode from the app.',
  'Visa and Mastercard are accepted.',
  'The passport office opens at 9.',
  'Account manager: Dana Reyes',
  'Please update your password: it expires on Friday.',
  'Use code WELCOME10 at checkout.',
  'The license key will be emailed after purchase.',
  '',
  'Your account ID is 7731-2290 and your plan renews on March 3.',
  "We've credited your account with 500 minutes.",
  'The account has 25 seats and 3 admins.',
  'Your ticket number is 448812; reference it in replies.',
  'Your customer ID: 88120045',
  'The SKU is 4412-9981-22.',
  'Tracking number: 1Z999AA10123456784',
  'Please use order reference 99812034 when you pay by bank transfer.',
  'Our bank will process it within 3 days.',
  'The key takeaway is that usage doubled in Q3.',
  'The secret to a smooth rollout is training.',
  'Tokens are refreshed every 3600 seconds.',
  'API keys are scoped per workspace (max 10 per account).',
  'The token limit is 8192 per request.',
  'Version 2.14.3 fixes the login code path.',
  'Our pass rate was 98.2% last quarter.',
  'Please pass this on to your team.',
  'You should pass 2 arguments to the function.',
  'The visa application takes 14 days.',
  'Passport photos must be 35x45 mm.',
  'Driving licence holders get 10% off.',
  'Tax ID verification is required for invoices over $10,000.',
  'The PIN pad on terminal 3 is faulty.',
  'The security code on the door changed last week.',
  'Access code holders can enter after 6pm.',
  "We'll send a verification code to +1 415 555 0100.",
  'The code is available on GitHub at github.com/acme/sdk.',
  'Your account number ends in 4421.',
  'Bank holiday on Monday: support hours are 10-4.',
  'Routing rules were updated in release 4.2.',
  'We moved the sort code validation into the API.',
  'Your SSO token expired; please sign in again.',
  'The password must contain 1 symbol and 2 digits.',
  'A password manager like Bitwarden helps.',
  'Secret Santa is on December 18.',
  'Our ID number format changed in 2024.',
  'The card number field rejects spaces.',
  'Your monthly credit card statement is attached.',
  'For security, your PIN is never sent by email.',
  'Your password is whatever you set during signup.',
  'Your SIN card arrives in 2 weeks.',
  'Visa number formats vary by country.',
  'The deal number is 514353.',
  'Please call the help desk at 713.853.7979 and enter your SSN and PIN.',
  'The key 2025 priorities are growth and retention.',
  'Employee ID: EMP-12345',
  'His insurance ID is 44812993.',
  'Meeting ID: 883 2219 0045 Passcode: 771234',
  'Join Zoom Meeting https://zoom.us/j/88322190045 Password: 771234',
  'Enter the code from your authenticator app.',
  'The activation key is sent after payment clears.',
  'We issued 3 new API tokens for the sandbox.',
  'Key: value pairs are stored in JSON.',
  'Use token-based auth for the v2 endpoints.',
  'The BSB and account number are on your statement.',
  'Account balance: $4,120.55',
  'Account: Northwind Traders (ID 4471)',
  'The ABA meeting is on the 12th.',
  'Customer reference number: 2290018733 for your bank transfer.',
  'Our EIN is 47-3920118 for your vendor records.',
  'Invoice INV-20931. Account number: 7741-2290. Amount due: $1,200.00, payable by ACH or bank transfer.',
  'Please pay by bank transfer and quote your account number 55120034.',
  'Boarding pass: 4482A19',
  'Please pass: 2 tickets are left.',
  'Do you have your passport number handy?',
  "What's the PIN for the door?",
  'Is the OTP 6 digits?',
  'Forgot your PIN? Call 1-800-555-0199.',
  'Please reset your password at https://x.com/reset',
  'Tokens: 250,000 per month',
  'PIN: 2 attempts remaining',
  'The routing number (9 digits) is on your cheque.',
  'Tax ID: pending',
  'Password hint: your first pet',
  'The secret is in the preparation.',
  'Enter the 6-digit code we sent to your phone.',
  'Reference: INV-2024-0091, account 88120034, amount due $240.',
  'Can you send the client secret through the vault?',
  'Please transfer to the account we have on file.',
  'token_count: 5',
  'MAX_TOKENS=4096',
];

describe('labelled values', () => {
  it.each(GIVEN)('flags: %s', (text) => {
    expect(pii(text).length).toBeGreaterThan(0);
  });
  it.each(NOT_GIVEN)('passes: %s', (text) => {
    expect(pii(text)).toEqual([]);
  });
});

describe('what a pii finding says', () => {
  const SAMPLES: [string, string, string][] = [
    ['Her passport number is 548213907.', '548213907', 'a passport number'],
    ['Routing number: 061000104', '061000104', 'a bank routing number'],
    ['Your one-time code is 448120.', '448120', 'a one-time or verification code'],
    ['Password: bluebird', 'bluebird', 'a password'],
    ['The card on file is 4111 1111 1111 1111.', '4111 1111 1111 1111', 'payment card'],
  ];
  it.each(SAMPLES)('names the kind and never repeats the value: %s', (text, value, what) => {
    const [f] = pii(text);
    expect(f).toBeDefined();
    expect(f!.excerpt).toBe(value);
    expect(f!.message).toContain(what);
    expect(f!.message).not.toContain(value);
    expect(f!.suggestion).toBeDefined();
    expect(f!.suggestion).not.toContain(value);
  });

  it('offers the masked form: the last four of an identifier, nothing of a credential', () => {
    expect(pii('Her passport number is 548213907.')[0]!.suggestion).toBe('\u2022\u2022\u2022\u2022 3907');
    expect(pii('Your PIN is 5830.')[0]!.suggestion).toBe('\u2022'.repeat(8));
  });

  it("names the policy's secure channel when it has one", () => {
    const policy: Policy = { version: 1, privacy: { secureChannel: 'the Secure Share portal' } };
    const [f] = pii('Routing number: 061000104', policy);
    expect(f!.message).toContain('send it through the Secure Share portal');
    expect(f!.suggestion).toBe('sent separately through the Secure Share portal');
  });

  it('a fix, once applied, leaves nothing to flag', () => {
    for (const text of GIVEN) {
      let body = text;
      for (let round = 0; round < 5; round++) {
        const [f] = pii(body);
        if (!f) break;
        body = body.slice(0, f.start) + (f.suggestion ?? '') + body.slice(f.end);
      }
      expect(pii(body), body).toEqual([]);
    }
  });
});

describe('properties', () => {
  const LABEL = fc.constantFrom(
    'SSN',
    'Social security number',
    'Passport number',
    'Card number',
    'Account number',
    'Bank account',
    'Routing number',
    'Sort code',
    'IBAN',
    'PIN',
    'Password',
    'One-time code',
    'API key',
    'Tax ID',
    "Driver's licence",
  );
  const CONNECTOR = fc.constantFrom(': ', ' is ', ' ', ' = ', ' was ', ' of ');
  const MASK = fc.constantFrom('*', '\u2022', 'x', 'X', '#', '\u25CF');
  const masked = fc
    .tuple(
      MASK,
      fc.integer({ min: 3, max: 12 }),
      fc.constantFrom('', ' ', '-'),
      fc.stringMatching(/^\d{0,4}$/),
    )
    .map(([m, n, sep, tail]) => `${m.repeat(n)}${tail ? sep : ''}${tail}`);

  it('never flags a masked value, whatever its label', () => {
    fc.assert(
      fc.property(LABEL, CONNECTOR, masked, fc.constantFrom('', '.', ' on file.'), (label, c, value, end) => {
        expect(pii(`Bank transfer details. ${label}${c}${value}${end}`)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  const recase = fc.constantFrom(
    (s: string) => s.toUpperCase(),
    (s: string) => s.toLowerCase(),
    (s: string) => s.replace(/\b\p{L}/gu, (c) => c.toUpperCase()),
    (s: string) => s,
  );
  const respace = fc
    .array(fc.constantFrom(' ', '  ', '\t', ' \t ', '\u00A0', '   '), { minLength: 1, maxLength: 40 })
    .map((spaces) => (s: string) => {
      let i = 0;
      return s.replace(/ /g, () => spaces[i++ % spaces.length]!);
    });

  it('flags the same sentences after changes of case and spacing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...GIVEN), recase, respace, (text, c, s) => {
        expect(pii(s(c(text))).length, s(c(text))).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('passes the same sentences after changes of case and spacing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NOT_GIVEN), recase, respace, (text, c, s) => {
        expect(pii(s(c(text))), s(c(text))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
