/**
 * The lexicon of labels that say what a value is: identity documents, tax numbers, bank details, card data and
 * credentials. Each label is a regular-expression fragment (matched case-insensitively, on word boundaries),
 * the kind of data it names as a person reads it in a finding ("a passport number"), the group it belongs to
 * (which rule reports it) and the shape its value must have. The shapes, not the spelling of the label, keep
 * talk about a kind of data ("Is a PIN required?") apart from the data itself ("Your PIN is 4821").
 */

/** What a value must look like for the label to be giving it. */
export type ValueShape =
  /** Digits only (spaces, dashes, dots and slashes between groups allowed), within a length range. */
  | { readonly type: 'digits'; readonly min: number; readonly max: number }
  /** Letters and digits with at least `minDigits` digits (passport, licence, tax and visa numbers). */
  | { readonly type: 'id'; readonly min: number; readonly max: number; readonly minDigits: number }
  /** A one-time or security code: digits, or letters and digits with a digit. */
  | { readonly type: 'code'; readonly min: number; readonly max: number }
  /** A key, token or secret: a long run of letters and digits (or symbols) that no word is. */
  | { readonly type: 'secret' }
  /** A password: any single token; a plain word only where the sentence plainly gives it. */
  | { readonly type: 'password' };

export type LabelGroup = 'identity' | 'bank' | 'card' | 'credential';

export interface LabelEntry {
  readonly kind: string;
  /** How the finding names the data: "a passport number". */
  readonly what: string;
  readonly group: LabelGroup;
  /** Regular-expression source, without groups that capture. */
  readonly label: string;
  readonly shape: ValueShape;
  /**
   * A generic label ("account number", "ID number") names bank or identity data only in the right setting:
   * `bank` needs bank wording nearby (routing, sort code, bank transfer…); `personal` needs no other noun in
   * front of it ("customer account number", "order ID number" are references).
   */
  readonly needs?: 'bank' | 'personal';
  /** Only at the start of a line and before a colon ("Pass: …"): "boarding pass", "pass it on" are not. */
  readonly colonOnly?: boolean;
  /**
   * A number an organisation prints on its invoices (VAT, tax ID, EIN): the sender's own ("our VAT number",
   * a company footer) is public; a person's or a customer's is not.
   */
  readonly organisational?: boolean;
  /** Credentials a meeting invitation hands every invitee (passcode, access code). */
  readonly meeting?: boolean;
}

const NO = String.raw`(?:[ \t]*(?:number|num|no\.?|nr\.?|#))?`;

export const LABELS: readonly LabelEntry[] = [
  // Identity documents and numbers.
  {
    kind: 'ssn',
    what: 'a US Social Security number',
    group: 'identity',
    label: String.raw`social[ \t-]+security(?:[ \t]+(?:number|num|no\.?|#|card[ \t]+number))?|ssn#?|ss#|ss[ \t]+no\.?|soc\.?[ \t]+sec\.?(?:[ \t]*(?:no\.?|#|number))?`,
    shape: { type: 'digits', min: 7, max: 11 },
  },
  {
    kind: 'sin',
    what: 'a Social Insurance number',
    group: 'identity',
    label: String.raw`social[ \t-]+insurance${NO}|sin#?`,
    // Exactly nine digits: "sin" is also Spanish for "without" ("sin 1.500.000 pesos").
    shape: { type: 'digits', min: 9, max: 9 },
  },
  {
    kind: 'nino',
    what: 'a National Insurance number',
    group: 'identity',
    label: String.raw`national[ \t-]+insurance${NO}|ni[ \t]+(?:number|no\.?)|nino`,
    shape: { type: 'id', min: 8, max: 12, minDigits: 6 },
  },
  {
    kind: 'national-id',
    what: 'a national identity number',
    group: 'identity',
    label: String.raw`national[ \t-]+id(?:entity|entification)?(?:[ \t]+card)?${NO}|(?:identity|id|identification)[ \t]+card${NO}|(?:citizen|citizenship|personal|government|state|voter|resident|residence|alien)[ \t]+id(?:entification)?${NO}|personal[ \t]+identity${NO}|identity[ \t]+number|aadhaa?r${NO}|nric|cpf|dni|nie|bsn|curp|pesel|personnummer|pps[ \t]+(?:number|no\.?)|nhs[ \t]+(?:number|no\.?)|medicare[ \t]+(?:number|no\.?)|birth[ \t]+certificate${NO}`,
    shape: { type: 'id', min: 6, max: 20, minDigits: 4 },
  },
  {
    kind: 'id-number',
    what: 'an identity number',
    group: 'identity',
    label: String.raw`id(?:entification)?[ \t]+(?:number|no\.?|#)`,
    shape: { type: 'id', min: 6, max: 20, minDigits: 5 },
    needs: 'personal',
  },
  {
    kind: 'passport',
    what: 'a passport number',
    group: 'identity',
    label: String.raw`passport${NO}`,
    shape: { type: 'id', min: 6, max: 12, minDigits: 5 },
  },
  {
    kind: 'driving-licence',
    what: "a driver's licence number",
    group: 'identity',
    label: String.raw`driv(?:er(?:'s|s'|s)?|ing)[ \t-]+licen[cs]e${NO}|drivers?[ \t]+lic\.?${NO}|dl${NO}|dln`,
    shape: { type: 'id', min: 5, max: 20, minDigits: 4 },
  },
  {
    kind: 'tax-id',
    what: 'a tax identification number',
    group: 'identity',
    label: String.raw`tax(?:payer)?[ \t-]+(?:id(?:entification)?|identifier|reference|file|registration)${NO}|taxpayer[ \t]+(?:id(?:entification)?[ \t]+)?(?:number|no\.?)|tax[ \t]+(?:number|no\.?)|unique[ \t]+taxpayer[ \t]+reference|employer[ \t]+identification${NO}|f?ein#?|i?tin#?|utr|tfn`,
    shape: { type: 'id', min: 6, max: 16, minDigits: 6 },
    organisational: true,
  },
  {
    kind: 'vat',
    what: 'a VAT number',
    group: 'identity',
    label: String.raw`vat(?:[ \t]+(?:registration|reg\.?))?[ \t]*(?:number|no\.?|id|#)|gst[ \t]+(?:number|no\.?|id)`,
    shape: { type: 'id', min: 6, max: 16, minDigits: 6 },
    organisational: true,
  },
  {
    kind: 'visa',
    what: 'a visa or residence permit number',
    group: 'identity',
    label: String.raw`visa[ \t]+(?:grant[ \t]+|control[ \t]+|foil[ \t]+|application[ \t]+)?(?:number|no\.?|#)|(?:residence|work)[ \t]+permit${NO}|green[ \t]+card${NO}|alien[ \t]+registration${NO}|i-94${NO}`,
    shape: { type: 'id', min: 6, max: 16, minDigits: 5 },
  },
  // Bank details.
  {
    kind: 'bank-account',
    what: 'a bank account number',
    group: 'bank',
    label: String.raw`(?:bank|checking|chequing|savings|current|deposit|beneficiary)[ \t]+(?:account|acct\.?|a\/c)${NO}`,
    shape: { type: 'digits', min: 5, max: 20 },
  },
  {
    kind: 'account',
    what: 'a bank account number',
    group: 'bank',
    label: String.raw`account${NO}|acct\.?${NO}|a\/c${NO}`,
    shape: { type: 'digits', min: 5, max: 20 },
    needs: 'bank',
  },
  {
    kind: 'routing',
    what: 'a bank routing number',
    group: 'bank',
    label: String.raw`(?:aba[ \t]+)?routing(?:[ \t]+transit)?(?:[ \t]*(?:number|num|no\.?|#|code))?|aba${NO}|rtn|transit[ \t]+(?:number|no\.?)`,
    shape: { type: 'digits', min: 5, max: 11 },
  },
  {
    kind: 'sort-code',
    what: 'a bank sort code',
    group: 'bank',
    label: String.raw`sort[ \t-]*code`,
    shape: { type: 'digits', min: 6, max: 6 },
  },
  {
    kind: 'bsb',
    what: 'a BSB (bank branch) number',
    group: 'bank',
    label: String.raw`bsb(?:[ \t]*(?:number|no\.?|code))?`,
    shape: { type: 'digits', min: 6, max: 6 },
  },
  {
    kind: 'iban',
    what: 'an IBAN (bank account number)',
    group: 'bank',
    label: String.raw`iban${NO}`,
    shape: { type: 'id', min: 15, max: 34, minDigits: 6 },
  },
  // Card data.
  {
    kind: 'card',
    what: 'a payment card number',
    group: 'card',
    label: String.raw`(?:credit|debit|payment|bank|visa|mastercard|amex)[ \t]+card${NO}|card[ \t]*(?:number|no\.?|#)|cc[ \t]*(?:number|no\.?|#)`,
    shape: { type: 'digits', min: 12, max: 19 },
  },
  {
    kind: 'cvv',
    what: 'a card security code (CVV)',
    group: 'card',
    label: String.raw`(?:cvv2?|cvc2?|cvn)(?:[ \t]*(?:code|number|no\.?|#))?|card[ \t]+(?:verification|security)[ \t]+(?:value|code|number)`,
    shape: { type: 'digits', min: 3, max: 4 },
  },
  // Credentials.
  {
    kind: 'password',
    what: 'a password',
    group: 'credential',
    label: String.raw`passwords?|passwd|pwd|pw|pass[ \t-]*phrase`,
    shape: { type: 'password' },
    meeting: true,
  },
  {
    kind: 'pass',
    what: 'a password',
    group: 'credential',
    label: String.raw`pass`,
    shape: { type: 'password' },
    colonOnly: true,
  },
  {
    kind: 'passcode',
    what: 'a passcode',
    group: 'credential',
    label: String.raw`pass[ \t-]*code`,
    shape: { type: 'password' },
    meeting: true,
  },
  {
    kind: 'pin',
    what: 'a PIN',
    group: 'credential',
    label: String.raw`pin(?:[ \t]*(?:number|no\.?|code|#))?|personal[ \t]+identification[ \t]+number`,
    shape: { type: 'digits', min: 3, max: 12 },
    meeting: true,
  },
  {
    kind: 'otp',
    what: 'a one-time or verification code',
    group: 'credential',
    label: String.raw`otp|one[ \t-]*time[ \t-]+(?:pass[ \t-]*code|password|pin|code|token)|(?:verification|security|access|authentication|authori[sz]ation|auth|login|log-in|sign[ \t-]*in|2fa|mfa|two[ \t-]+factor(?:[ \t]+authentication)?|backup|recovery|sms|confirmation[ \t]+pin)[ \t]+codes?`,
    shape: { type: 'code', min: 3, max: 12 },
    meeting: true,
  },
  {
    kind: 'licence-key',
    what: 'a licence or product key',
    group: 'credential',
    label: String.raw`(?:licen[cs]e|product|activation|serial|registration|cd|install(?:ation)?|subscription)[ \t]+keys?|(?:licen[cs]e|activation|registration|unlock)[ \t]+codes?`,
    shape: { type: 'secret' },
  },
  {
    kind: 'api-key',
    what: 'an API key or secret',
    group: 'credential',
    label: String.raw`api[ \t_-]*(?:keys?|secrets?|tokens?)|(?:access|auth|bearer|refresh|session|personal[ \t]+access|deploy|service)[ \t_-]*tokens?|(?:secret|private|access|encryption|master|signing|deploy)[ \t_-]*(?:access[ \t_-]*)?keys?(?:[ \t_-]*id)?|(?:client|app|application|consumer|webhook|signing|shared)[ \t_-]*secrets?|secrets?|tokens?`,
    shape: { type: 'secret' },
  },
];
