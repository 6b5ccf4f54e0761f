// A value the sentence labels, whatever its digits (the checksum rules are for unlabelled numbers): SSN /
// social security, SIN, National Insurance, national ID and other identity documents, passport, driver's
// licence (DL), tax ID / EIN / TIN / VAT, visa and residence permit, bank account, routing (ABA) / sort code
// / BSB, IBAN, card number, CVV. Forms: "X is V", "X: V", "X V" ("passport no. K8821934"), "X of V", "X for
// the … is V", "V is your X", "Her driver's licence? It is V". The value must have the label's shape (digits
// for a routing number, letters and at least five digits for a passport…), so questions and talk about data
// ("Is your passport valid?"), requests ("send us your passport number"), masked values (`****1234`,
// `xxx-xx-1120`), template fields, units ("has 9 digits") and format examples are not flagged. A bare
// "account number" / "Account:" counts only beside other bank details (routing, sort code, BSB, IBAN, SWIFT,
// "Bank:", a wire or direct deposit, "at Harbour Bank"; "pay by bank transfer" or "ACH" alone are not enough:
// invoices say that beside a billing account number) and not after another noun ("customer account number");
// a generic "ID number" not after another noun ("order ID number"). The sender's own VAT, EIN and tax numbers
// ("our VAT number", a company footer) are public. Not read in the signature or quoted history.
import type { CheckContext } from '../../context.ts';
import { defineRule, type RawFinding } from '../../rule.ts';
import { type FieldText, inRanges } from '../../text/field.ts';
import { fixFor, messageFor } from './advice.ts';
import { ibanSpans } from './iban.ts';
import { nationalIdSpans } from './national-id.ts';
import { cardSpans } from './payment-card.ts';
import { findLabelledValues } from './labelled-values.ts';
import type { LabelGroup } from './labels.ts';

const GROUPS: ReadonlySet<LabelGroup> = new Set(['identity', 'bank', 'card']);

/**
 * Bank details near a bare "account number" that make it a bank account: another bank field (routing, sort
 * code, BSB, IBAN, SWIFT, "Bank:", "Bank name", beneficiary), a wire or direct deposit, or a bank by name
 * ("at First Harbor Bank"). "Pay by bank transfer" or "ACH" alone are not enough: invoices say that beside
 * the customer's billing account number.
 */
const BANK_CUE =
  /\b(?:routing|sort[ \t-]*code|bsb|iban|swift|bic|aba|transit[ \t]+(?:number|no)|beneficiary|bank[ \t]*(?:name)?[ \t]*:|name[ \t]+of[ \t]+(?:the[ \t]+)?bank|account[ \t]+(?:name|holder)|wire|wiring|direct[ \t]+deposit|(?:at|with)[ \t]+(?!(?:the|your|our|my|their|this|that|a|an)[ \t])(?:[\p{L}&.'-]+[ \t]+){1,4}bank\b)/iu;
const BANK_WINDOW = 300;

/** A company's legal name: the line a registration footer hangs from. */
const LEGAL_ENTITY =
  /\b(?:ltd|limited|inc|incorporated|llc|llp|plc|gmbh|ag|s\.?a\.?s?|s\.?a\.?r\.?l|b\.?v\.?|n\.?v\.?|pty|corp|corporation|co\.|oy|ab|as|a\/s|s\.?p\.?a|s\.?r\.?l)\.?[ \t]*$/im;

/**
 * The last paragraph of the field when it is a company footer: short lines, no sentences, one of them a
 * company's legal name ("Northwind Trading Ltd", then its VAT and registration numbers).
 */
function footerOf(field: FieldText): readonly [number, number] | undefined {
  const last = field.paragraphs[field.paragraphs.length - 1];
  if (!last) return undefined;
  const text = field.text.slice(last[0], last[1]);
  const lines = text.split('\n');
  if (lines.length > 10) return undefined;
  if (lines.some((l) => l.trim().length > 70 || /[.!?]\s+\p{Lu}/u.test(l))) return undefined;
  return LEGAL_ENTITY.test(text) ? last : undefined;
}

function check(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const field of [ctx.field('subject'), ctx.field('body')]) {
    if (!/\d/.test(field.text)) continue;
    // Not the signature: the sender's own footer; never quoted history: what the customer wrote.
    const ranges = field.rangesFor(['body', 'subject']);
    let footer: readonly [number, number] | undefined | null = null;
    const text = field.text;
    const hits = findLabelledValues(
      text,
      {
        groups: GROUPS,
        bankContext: (start, end) =>
          BANK_CUE.test(
            text.slice(Math.max(0, start - BANK_WINDOW), Math.min(text.length, end + BANK_WINDOW)),
          ),
        inFooter: (start) => {
          if (footer === null) footer = footerOf(field);
          return footer !== undefined && start >= footer[0] && start < footer[1];
        },
      },
      (start, end) => inRanges(ranges, start, end),
    );
    // What the checksum rules already report keeps their finding (and their rule id).
    const known =
      hits.length > 0 ? [...nationalIdSpans(field), ...cardSpans(field), ...ibanSpans(field)] : [];
    for (const hit of hits) {
      if (known.some((k) => k.start < hit.end && hit.start < k.end)) continue;
      const value = text.slice(hit.start, hit.end);
      out.push(
        ctx.report(
          field,
          hit.start,
          hit.end,
          messageFor(ctx, hit.entry.what, 'identifier'),
          fixFor(ctx, value, 'identifier'),
        ),
      );
    }
  }
  return out;
}

export const rule = defineRule(
  {
    id: 'pii/labelled-identifier',
    category: 'pii',
    severity: 'block',
    clause: 'data-dpa',
    description:
      'Identity, tax, bank and card numbers the sentence labels ("passport number 5531 20984", "Sort code: 40-11-62"), whatever their digits.',
    source: 'customer-policy.md, Data & Privacy (Customer data handled per data processing agreement)',
    examples: {
      flag: [
        { text: 'Her passport number is 548213907, valid until 2031.', why: 'a passport number, "is" form' },
        { text: 'Passport no. X4821339 was scanned at the desk.', why: 'number right after the label' },
        { text: 'My SSN is 912-44-1029.', why: 'labelled: the SSN area rules are for unlabelled numbers' },
        { text: 'Social Insurance Number: 046 454 286', why: 'a Canadian SIN' },
        { text: "Driver's licence: D6101-40706-60905", why: "a driver's licence number" },
        { text: 'DL 7719284 (Oregon) is on file.', why: 'abbreviated label' },
        { text: 'My EIN is 84-1932245, as a sole trader.', why: 'an employer tax number' },
        { text: 'Taxpayer ID: 912-83-4417', why: 'a tax ID' },
        { text: 'His VAT number is DE 318 447 210.', why: "a customer's VAT number" },
        { text: 'The visa grant number is 0417 2298 5531.', why: 'a visa number' },
        { text: 'Please wire it to routing number 061000104 at our bank.', why: 'a routing number' },
        {
          text: 'Pay by transfer:\nBank: Harbour Savings\nAccount number: 50193827\nSort code: 30-94-57',
          why: "the sender's own receiving bank details",
        },
        {
          text: 'Beneficiary details\n\nABA: 121000358\n\nAccount: 8839201177',
          why: 'a bare "Account" in bank wording, a paragraph away',
        },
        { text: 'BSB 062-914, account 1049 2281.', why: 'an Australian BSB' },
        { text: 'Send the refund to bank account 0048 1937 5520.', why: 'a bank account, "number X" form' },
        { text: 'The card number is 4000 1234 5678 9010.', why: 'labelled card number, Luhn aside' },
        { text: 'CVV: 417', why: 'a card security code' },
        {
          text: 'Her national ID number is 8203145529087.',
          why: 'a national identity number',
        },
        {
          text: 'Thanks for the update.',
          subject: 'Routing number 322271627',
          why: 'the subject is read too',
        },
        {
          text: 'His social security no. is 900-31-4471.',
          policy: { privacy: { secureChannel: 'the Secure Share portal' } },
          why: 'the fix names the policy secure channel',
        },
      ],
      pass: [
        { text: 'Which documents do you need for the visa?', why: 'a question about a kind of data' },
        {
          text: 'Please send us your passport number so we can book the flight.',
          why: 'a request, no value',
        },
        { text: 'Your card ending in 4417 will be charged.', why: 'last four digits' },
        { text: 'SSN: xxx-xx-1120', why: 'masked' },
        { text: 'Account number: ****5521, routing on file.', why: 'masked account number' },
        { text: 'Enter the SSN in the format 123-45-6789.', why: 'a format example' },
        {
          text: 'The test SSN 912-44-1029 is rejected by the form.',
          why: 'a test value the sentence calls one',
        },
        { text: 'Your customer account number is 20418833.', why: 'a billing reference, no bank wording' },
        {
          text: 'Account Number: 1987-2204-5561\nInvoice total: $45.50',
          why: 'an invoice account reference',
        },
        { text: 'Our VAT number is GB 284 1739 05.', why: "the sender's organisation's public tax number" },
        {
          text: 'For your W-9 records, our EIN is 84-1932245.',
          why: "the sender's organisation's tax number",
        },
        {
          text: 'Thanks for your order.\n\nHarbour Tools Ltd\n12 Quay Street, Bristol\nVAT No: GB 284 1739 05',
          why: 'a company registration footer',
        },
        { text: 'The passport must be valid for 6 months.', why: 'a duration, not a number' },
        { text: 'Your order ID number is 55120934.', why: 'an order reference' },
        {
          text: 'Thanks,\nDana\n\nOn Mon, Jo wrote:\n> My SSN is 219-09-9998.',
          why: 'quoted history: what the customer wrote',
        },
        { text: 'The routing number has 9 digits.', why: 'a description of the format' },
        { text: "Driver's licence required for the rental.", why: 'talk about a licence, no number' },
        { text: 'Tax ID: pending', why: 'a status, not a number' },
        { text: 'The sort code is on your bank statement.', why: 'a reference to where it is' },
        { text: 'Please add the CVV when paying.', why: 'a request, no value' },
        { text: 'Bring a national ID card to the venue.', why: 'a kind of document, no number' },
        {
          text: 'Please provide your bank account and routing numbers.',
          why: 'a request for data without values',
        },
        { text: 'Your SIN card arrives in 2 weeks.', why: 'a duration after the label' },
      ],
    },
  },
  check,
);
