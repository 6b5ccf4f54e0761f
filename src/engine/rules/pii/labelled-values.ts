/**
 * Finds values a sentence labels: "His passport number is 191280342", "Routing number: 021000021",
 * "log in with the PIN 4821", "482913 is your verification code", "(password: bluebird)". A labelled value is
 * sensitive whatever its digits; checksums and issuing rules are for unlabelled numbers (the other pii rules).
 *
 * What keeps talk about data apart from data is the value itself: it must have the shape its label calls for
 * (a passport number has digits, a routing number is digits), and it must not be a word of the sentence
 * ("the PIN is required", "the password is in the vault", "password: sent separately"), masked
 * ("****1234", "xxx-xx-1120"), a template field ("[Password]") or a format example ("e.g. 123-45-6789").
 */
import { LABELS, type LabelEntry, type LabelGroup } from './labels.ts';

export interface LabelledValue {
  readonly entry: LabelEntry;
  /** Offsets of the label in the text. */
  readonly labelStart: number;
  readonly labelEnd: number;
  /** Offsets of the value in the text (what the finding underlines). */
  readonly start: number;
  readonly end: number;
}

const LABEL_AT = new RegExp(
  String.raw`(?:${LABELS.map((e) => `(${e.label})`).join('|')})(?![\p{L}\p{N}_])`,
  'iuy',
);

/**
 * The first word of every label, lower-case, up to its first hyphen, apostrophe, underscore or #. A scan for
 * these words finds the few places a label can start; the label expression (a long alternation, slow to run
 * at every position of a long text) is tried only there.
 */
const LABEL_HEADS = new Set(
  `social ssn ss soc sin national ni nino id identity identification citizen citizenship personal government
  state voter resident residence alien aadhaar aadhar nric cpf dni nie bsn curp pesel personnummer pps nhs
  medicare birth passport driver drivers driving dl dln tax taxpayer unique employer ein fein tin itin utr tfn
  vat gst visa work green bank checking chequing savings current deposit beneficiary account acct a/c aba
  routing rtn transit sort sortcode bsb iban credit debit payment mastercard amex card cc cvv cvv2 cvc cvc2
  cvn password passwords passwd pwd pw pass passphrase passcode pin otp one onetime verification security
  access authentication authorisation authorization auth login log sign signin 2fa mfa two backup recovery
  sms confirmation licence license product activation serial registration cd install installation
  subscription unlock api apikey apikeys apisecret apitoken refresh session deploy service secret secrets
  private encryption master signing client clientsecret app application consumer webhook shared token tokens
  bearer accesstoken authtoken secretkey`.split(/\s+/),
);
/** Where a label can start: one of its first words, whole (a plain alternation, cheap to scan). */
const LABEL_START = new RegExp(
  String.raw`\b(?:${[...LABEL_HEADS].sort((a, b) => b.length - a.length).join('|')}|a\/c|i-94)(?![A-Za-z0-9])`,
  'gi',
);
/** What may not stand right before a label: a word character, or a URL's or address's punctuation. */
const NOT_BEFORE_LABEL = /[\p{L}\p{N}_/?&=.@'\u2019#-]/u;

/**
 * After the label: an optional "(SSN)" style abbreviation, an optional short phrase saying what it is for
 * ("for the staging site", "on your account"), then what joins label and value: a colon or equals sign, a
 * copula ("is", "will be", "has been reset to"), "of" ("a PIN of 4821"), or nothing ("the PIN 4821").
 */
const CONNECT = new RegExp(
  String.raw`[ \t]*(?:\([\p{L}#.]{2,8}\)[ \t]*)?` +
    String.raw`(?:(?:(?<filler>(?:for|to|of|on|at|in|from|with|that|which|we|i|you|they)(?:[ \t]+[\p{L}\p{N}'\u2019-]+){1,5}?[ \t]*))?` +
    String.raw`(?<connector>(?<colon>(?::(?!\/\/)|=|#|(?<=[ \t])-{1,2}(?=[ \t])|[\u2013\u2014]|\u2192)(?:[ \t]*:)?)|` +
    String.raw`(?<copula>(?:is|was|are|were)(?:[ \t]+(?:now|still|just|simply|currently))?|will[ \t]+(?:be|remain)|would[ \t]+be|remains|reads|has[ \t]+been[ \t]+(?:changed|reset|set|updated)[ \t]+to|(?:changed|reset|set|updated)[ \t]+to|\?[ \t]*(?:it|that)(?:'s|[ \t]+is))(?![\p{L}])|` +
    String.raw`(?<of>of)(?![\p{L}])))?` +
    String.raw`[ \t]*(?:\n[ \t]*)?`,
  'iuy',
);

/** Words that stand where a value would but are not one: function words, references, evaluations. */
const NOT_A_VALUE = new Set(
  `a an the this that these those it its it's is are was were be been being will would can could should must may might
  shall do does did not no yes none nil null n/a na tbd tbc tba unknown and or but if when what which who whom whose
  where why how your you my me mine yours his her hers our ours their theirs they them we us he she one ones same
  other another any some each every all both either neither here there below above attached enclosed following
  separately separate sent shared stored saved kept available unchanged blank empty pending required optional
  needed necessary mandatory case to for of on in at by with from via through into onto about as than then also
  only just still now already again too very always never usually often sometimes please see check ask contact
  call email text use enter type click provide send sending request requested valid invalid correct incorrect
  wrong right weak strong long short simple complex secure insecure safe unsafe strict new old temporary
  permanent default random unique private public personal confidential secret hidden visible protected locked
  unlocked expired active inactive disabled enabled ready set good bad fine ok okay great important different
  similar easy hard difficult too min max minimum maximum least most at-least more less fewer several many few
  same-as missing lost forgotten changed reset updated generated encrypted hashed masked redacted removed
  withheld included excluded listed shown given provided issued assigned 1password lastpass bitwarden keepass
  vault manager portal dashboard app application link url website site page form field box section document
  attachment file sms text message phone mobile below-mentioned aforementioned`.split(/\s+/),
);

/** The adjective and participle endings of English words that describe a value instead of giving one. */
const DESCRIPTIVE_ENDING =
  /(?:ed|en|ing|able|ible|ive|ous|ful|less|ly|ary|ory|ent|ant|ical|ial|ional|ic|ish|ise|ize|ity|ness|ment|tion|sion)$/i;

/** Units after a number make it a description of a format ("4 digits", "12 characters", "30 days"). */
const UNIT_AFTER =
  /^[ \t]*(?:\+|or[ \t]+more|-[ \t]*\d+)?[ \t]*(?:digits?|characters?|chars?|letters?|numbers?|symbols?|numerals?|words?|long|bytes?|bits?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|seconds?|secs?|times?|attempts?|tries|tries|uses?|%|percent)\b/i;

/**
 * Before the value: it is an example or a description of a format, not a value ("e.g.", "in the format",
 * "Example:"). "An example report (password: …)" is a report, so "example" counts only as a cue of its own.
 */
const EXAMPLE_CUE =
  /(?:^|[^\p{L}])(?:e\.?g\.?|for[ \t]+(?:example|instance)|such[ \t]+as|format(?:ted)?|(?:an|as[ \t]+an|this|the|sample)[ \t]+examples?(?![ \t]*\p{L})|examples?[ \t]*:|looks[ \t]+like|i\.e\.?|pattern|template)(?![\p{L}])/iu;

/** A modifier right before the label that makes the value a fake one. */
const FAKE_MODIFIER =
  /\b(?:test|testing|sample|example|dummy|fake|placeholder|demo|mock|fictitious|invalid|made-up)[ \t]+$/i;

/** Mask characters: a value with a run of them is already hidden. */
const MASKED = /[*\u2022\u25CF\u00B7\u2219\u22C5\u2027\u2024#]{2,}|x{3,}|\.{3,}|\u2026|^[xX*#\u2022-]+$/i;

/** A template field or a stand-in for the value ("[Password]", "{{pw}}", "<your key>", "YOUR_API_KEY"). */
const PLACEHOLDER =
  /^[[{<%$(]|^(?:your|my|the|a|an|insert|enter|add|paste|put)[-_ ]|(?:^|[-_ ])(?:here|placeholder|redacted|removed|hidden|example|sample)(?:$|[-_ ])|^x{3,}$/i;

/** Meeting invitations hand their passcode to every invitee: not a credential to keep out of email. */
const MEETING_CUE =
  /\b(?:meeting[ \t]+(?:id|number|link)|zoom|webex|teams[ \t]+meeting|gotomeeting|google[ \t]+meet|webinar|conference[ \t]+(?:id|call|line|bridge)|dial[ \t-]?in|call[ \t-]?in[ \t]+number|join[ \t]+(?:the[ \t]+)?(?:meeting|call|session))\b/i;

/** A noun in front of a generic label makes it a reference ("customer account number", "order ID number"). */
const REFERENCE_MODIFIER =
  /\b(?:customer|client|billing|member|membership|subscriber|loyalty|service|utility|policy|contract|reference|invoice|order|ticket|case|support|portal|user|login|employee|staff|student|insurance|patient|claim|transaction|tracking|booking|reservation|confirmation|shipment|device|product|serial|model|part|merchant|vendor|supplier|partner|payments?|profile|company|project|tenant|workspace|organi[sz]ation|org|app|application|request|session|meeting|agent|store|shop|deal|quote)(?:'s)?[ \t]+$/i;

export interface ReadOptions {
  /** Which label groups to report. */
  readonly groups: ReadonlySet<LabelGroup>;
  /** The text around the value, where a bare "account number" looks for bank wording. */
  readonly bankContext?: (start: number, end: number) => boolean;
  /** Whether an organisation's public identifier at this offset is in its footer. */
  readonly inFooter?: (start: number) => boolean;
}

/** Whether the clause before `pos` introduces an example or a format ("in the format 123-45-6789"). */
export function introducesExample(text: string, pos: number): boolean {
  return EXAMPLE_CUE.test(clauseBefore(text, pos, 60));
}

function entryOf(m: RegExpExecArray): LabelEntry | undefined {
  // Labels have no capturing groups of their own: entry i is capture i + 1.
  for (let i = 0; i < LABELS.length; i++) if (m[i + 1] !== undefined) return LABELS[i];
  return undefined;
}

/** The sentence (or line) around `pos`: from the last . ! ? or line break before to the next one after. */
function clauseBefore(text: string, pos: number, max = 80): string {
  let s = pos;
  while (s > 0 && pos - s < max) {
    const ch = text[s - 1]!;
    if (ch === '\n' || ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[s] ?? ' '))) break;
    s--;
  }
  return text.slice(s, pos);
}

interface RawValue {
  start: number;
  end: number;
  quoted: boolean;
  /** Nothing else in the clause after the value (end of line, sentence, bracket or list item). */
  alone: boolean;
}

const TRAILING = /[.,;:)\]}"'\u2019\u201D?]+$/;

function readValue(text: string, p: number, continueGroups: boolean): RawValue | undefined {
  const open = text[p];
  if (open === undefined) return undefined;
  const closeFor: Record<string, string> = {
    '"': '"',
    "'": "'",
    '`': '`',
    '\u201C': '\u201D',
    '\u2018': '\u2019',
  };
  const close = closeFor[open];
  if (close !== undefined) {
    const e = text.indexOf(close, p + 1);
    if (e === -1 || e - p > 100 || text.slice(p + 1, e).includes('\n')) return undefined;
    if (/\s/.test(text.slice(p + 1, e))) return undefined;
    return { start: p + 1, end: e, quoted: true, alone: restIsEmpty(text, e + 1) };
  }
  const token = /\S+/y;
  token.lastIndex = p;
  const m = token.exec(text);
  if (!m) return undefined;
  let end = p + m[0].length;
  let raw = m[0];
  const trimmed = raw.replace(TRAILING, '');
  // A single trailing "!" ends the sentence unless the value has other symbols (a password may end in one).
  if (trimmed.length < raw.length || /^[\p{L}\p{N}]+!$/u.test(raw)) {
    raw = trimmed.replace(/^([\p{L}\p{N}]+)!$/u, '$1');
    end = p + raw.length;
  }
  if (raw.length === 0) return undefined;
  // Numbers written in groups: "123 45 6789", "GB82 WEST 1234 5698", "4111 1111 1111 1111".
  if (continueGroups && (/\d/.test(raw) || /^\p{L}{1,3}$/u.test(raw)) && end === p + m[0].length) {
    const group = /[ \t]+([\p{L}\p{N}]{1,6})(?=[\s.,;:)]|$)/uy;
    for (;;) {
      group.lastIndex = end;
      const g = group.exec(text);
      if (!g || end - p > 40) break;
      const part = g[1]!;
      if (!/^\d+$/.test(part) && !(/^[A-Z0-9]{4}$/.test(part) && /\d/.test(part))) break;
      end = g.index + g[0].length;
    }
  }
  return { start: p, end, quoted: false, alone: restIsEmpty(text, end) };
}

/** Whether the clause ends after `pos`: end of text or line, a closing bracket, a comma, or a sentence end. */
function restIsEmpty(text: string, pos: number): boolean {
  const rest = text.slice(pos, pos + 40);
  return /^[ \t]*(?:$|\n|[),;]|[.!?]+(?:\s|$)|\(|[-\u2013\u2014][ \t])/.test(rest);
}

function isWordlike(value: string): boolean {
  return /^[\p{L}'\u2019-]+$/u.test(value);
}

/** Participles and "-able" words: what a value is like ("encrypted", "changeable"), in any form. */
const PARTICIPLE_ENDING = /(?:ed|able|ible|ly)$/i;

/**
 * Whether a plain word describes a value instead of being one. In running prose ("The password is …") the
 * adjective and noun endings count too; on a "Password: …" line of its own only the word list and participles
 * do, so "Password: elephant" is still a password.
 */
function descriptive(value: string, prose: boolean): boolean {
  const lower = value.toLowerCase();
  if (NOT_A_VALUE.has(lower)) return true;
  const last = lower.split(/[-']/).filter(Boolean).pop() ?? lower;
  if (NOT_A_VALUE.has(last)) return true;
  if (last.length <= 4) return false;
  return (prose ? DESCRIPTIVE_ENDING : PARTICIPLE_ENDING).test(last);
}

function shapeFits(
  entry: LabelEntry,
  value: string,
  form: 'colon' | 'copula' | 'direct' | 'reverse',
  v: RawValue,
): boolean {
  const shape = entry.shape;
  const compact = value.replace(/[ \t.\-/]/g, '');
  switch (shape.type) {
    case 'digits':
      if (!/^[\d \t.\-/]+$/.test(value) || /^[.\-/]|[.\-/]{2}/.test(value)) return false;
      if (/^\d{1,2}\/\d{1,2}\/\d{2,4}$|^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
      return compact.length >= shape.min && compact.length <= shape.max;
    case 'id': {
      if (!/^[\p{L}\p{N}][\p{L}\p{N} \t.\-/]*$/u.test(value)) return false;
      if (/^\d{1,2}\/\d{1,2}\/\d{2,4}$|^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
      const digits = compact.replace(/\D/g, '').length;
      return compact.length >= shape.min && compact.length <= shape.max && digits >= shape.minDigits;
    }
    case 'code':
      if (!/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u.test(value) || !/\d/.test(value)) return false;
      return compact.length >= shape.min && compact.length <= shape.max;
    case 'secret': {
      if (value.length < 8 || value.length > 400 || /\s/.test(value)) return false;
      if (/:\/\/|^www\.|@|^\/|\\/.test(value)) return false;
      if (/^v?\d+(?:\.\d+)+$/.test(value)) return false;
      if (!/^[\p{L}\p{N}_\-./+=~:]+$/u.test(value)) return false;
      const letters = /\p{L}/u.test(value);
      const digits = /\d/.test(value);
      if (letters && digits) return true;
      // Long tokens of letters joined by _ or - ("prod_live_abcdefghijkl…"), or long digit strings.
      return (letters && value.length >= 20 && /[_-]/.test(value)) || (digits && value.length >= 16);
    }
    case 'password': {
      if (value.length < 3 || value.length > 64) return false;
      if (/:\/\//.test(value) || /^www\./i.test(value)) return false;
      if (!isWordlike(value)) {
        // Digits or symbols: a value in any form, unless it is only punctuation or a number of something.
        if (!/[\p{L}\p{N}]/u.test(value)) return false;
        if (/^\d{1,2}$/.test(value)) return false;
        if (form === 'direct' && !/\d/.test(value) && !/[!@#$%^&*_+=~]/.test(value)) return false;
        return true;
      }
      // A plain word is a password only where the sentence plainly hands it over.
      if (v.quoted) return !descriptive(value, false);
      if (descriptive(value, form !== 'colon')) return false;
      return (form === 'colon' || form === 'copula' || form === 'reverse') && v.alone;
    }
  }
}

/**
 * Every labelled value in `text` (normalised field text) of the given groups, in order. `inScope` says which
 * label offsets the caller reads (the body without quoted history and signature, the subject).
 */
export function findLabelledValues(
  text: string,
  options: ReadOptions,
  inScope: (start: number, end: number) => boolean = () => true,
): LabelledValue[] {
  const out: LabelledValue[] = [];
  LABEL_START.lastIndex = 0;
  for (let w = LABEL_START.exec(text); w !== null; w = LABEL_START.exec(text)) {
    if (w.index > 0 && NOT_BEFORE_LABEL.test(text[w.index - 1]!)) continue;
    LABEL_AT.lastIndex = w.index;
    const m = LABEL_AT.exec(text);
    const entry = m ? entryOf(m) : undefined;
    if (!m || !entry || !options.groups.has(entry.group)) continue;
    const labelStart = m.index;
    const labelEnd = m.index + m[0].length;
    const hit = readAfter(text, entry, labelStart, labelEnd, options);
    if (hit && inScope(hit.start, hit.end)) out.push(hit);
    // Go on after the label: its own words ("bank account number") start no other label.
    if (labelEnd > LABEL_START.lastIndex) LABEL_START.lastIndex = labelEnd;
  }
  for (const hit of readReversed(text, options)) if (inScope(hit.start, hit.end)) out.push(hit);
  out.sort((a, b) => a.start - b.start);
  return out.filter((h, i) => i === 0 || h.start >= out[i - 1]!.end);
}

/** Only list marks or an opening bracket before a label on its line. */
const LINE_START = /^[\s>*\u2022\-\u2013\u2014(]*$/u;

/** A cheap look at the first characters before reading a value: numbers start with a digit, and so on. */
function mayStartValue(text: string, p: number, entry: LabelEntry): boolean {
  const ch = text.charCodeAt(p);
  const digit = ch >= 48 && ch <= 57;
  switch (entry.shape.type) {
    case 'digits':
      return digit;
    case 'id':
    case 'code':
      return digit || /[\p{L}]/u.test(text[p] ?? '');
    default:
      return p < text.length && ch !== 10;
  }
}

function readAfter(
  text: string,
  entry: LabelEntry,
  labelStart: number,
  labelEnd: number,
  options: ReadOptions,
): LabelledValue | undefined {
  CONNECT.lastIndex = labelEnd;
  const c = CONNECT.exec(text);
  if (!c) return undefined;
  const g = c.groups ?? {};
  const form =
    g.colon !== undefined ? 'colon' : g.copula !== undefined || g.of !== undefined ? 'copula' : 'direct';
  // A value on the next line only after a colon ("Password:\n  hunter2").
  if (form !== 'colon' && c[0].includes('\n')) return undefined;
  if (form === 'direct' && (g.filler !== undefined || c[0].length === 0)) return undefined;
  if (
    entry.colonOnly &&
    (form !== 'colon' || !LINE_START.test(text.slice(text.lastIndexOf('\n', labelStart - 1) + 1, labelStart)))
  )
    return undefined;
  const p = labelEnd + c[0].length;
  if (!mayStartValue(text, p, entry)) return undefined;
  const v = readValue(text, p, entry.shape.type !== 'password' && entry.shape.type !== 'secret');
  if (!v) return undefined;
  const value = text.slice(v.start, v.end);
  if (!acceptable(text, entry, value, form, v, labelStart, options)) return undefined;
  return { entry, labelStart, labelEnd, start: v.start, end: v.end };
}

function acceptable(
  text: string,
  entry: LabelEntry,
  value: string,
  form: 'colon' | 'copula' | 'direct' | 'reverse',
  v: RawValue,
  labelStart: number,
  options: ReadOptions,
): boolean {
  if (MASKED.test(value) || PLACEHOLDER.test(value) || NOT_A_VALUE.has(value.toLowerCase())) return false;
  if (!shapeFits(entry, value, form, v)) return false;
  if (UNIT_AFTER.test(text.slice(v.end, v.end + 30))) return false;
  const before = clauseBefore(text, labelStart);
  if (FAKE_MODIFIER.test(before)) return false;
  const between = text.slice(Math.min(labelStart, v.start), Math.max(labelStart, v.start));
  if (EXAMPLE_CUE.test(before) || EXAMPLE_CUE.test(between)) return false;
  if (entry.needs === 'personal' && REFERENCE_MODIFIER.test(before)) return false;
  if (entry.needs === 'bank') {
    if (REFERENCE_MODIFIER.test(before)) return false;
    if (!options.bankContext?.(labelStart, v.end)) return false;
  }
  if (entry.meeting && MEETING_CUE.test(linesBefore(text, labelStart))) return false;
  if (entry.organisational) {
    if (/\b(?:our|we)\b[^.\n]{0,30}$/i.test(before)) return false;
    if (options.inFooter?.(labelStart)) return false;
  }
  return true;
}

/** The label's line and the few lines above it (a meeting invitation's link and ID come first). */
function linesBefore(text: string, pos: number): string {
  const nl = text.indexOf('\n', pos);
  return text.slice(
    Math.max(0, pos - 250),
    nl === -1 ? Math.min(text.length, pos + 120) : Math.min(nl, pos + 120),
  );
}

// "482913 is your verification code", "use 'Lantern-42' as the password", "enter 4821 as your PIN": found from
// the words between value and label, then the value is read backwards.
const REVERSED_ANCHOR =
  /[ \t]+(?:(?<copula>is|will[ \t]+be|was)[ \t]+(?:your|the|my|his|her|their|our)|(?<as>as)[ \t]+(?:the|your|a|an|my))[ \t]+(?:(?:new|temporary|initial|one-time|personal|own)[ \t]+)?/gi;
const VALUE_BEFORE =
  /(?:^|[\s(])(["'\u201C\u2018]?)([\p{L}\p{N}][^\s"'\u201D\u2019]{2,63})(["'\u201D\u2019]?)$/u;
const USE_BEFORE = /\b(?:use|enter|type|try)[ \t]+$/i;

function* readReversed(text: string, options: ReadOptions): Generator<LabelledValue> {
  REVERSED_ANCHOR.lastIndex = 0;
  for (let m = REVERSED_ANCHOR.exec(text); m !== null; m = REVERSED_ANCHOR.exec(text)) {
    LABEL_AT.lastIndex = m.index + m[0].length;
    const l = LABEL_AT.exec(text);
    if (!l) continue;
    const entry = entryOf(l);
    if (!entry || !options.groups.has(entry.group) || entry.colonOnly || entry.needs) continue;
    const before = VALUE_BEFORE.exec(text.slice(Math.max(0, m.index - 80), m.index));
    if (!before) continue;
    const vEnd = m.index - before[3]!.length;
    const vStart = vEnd - before[2]!.length;
    if (
      m.groups?.as !== undefined &&
      !USE_BEFORE.test(text.slice(Math.max(0, vStart - 20 - before[1]!.length), vStart - before[1]!.length))
    )
      continue;
    const quoted = before[1] !== '' && before[3] !== '';
    const value = before[2]!.replace(TRAILING, '');
    const v: RawValue = { start: vStart, end: vStart + value.length, quoted, alone: true };
    // Only a value that cannot be a word: "Bluebird is your password" reads as a name; 'Bluebird' in quotes does not.
    if (!quoted && !/\d/.test(value)) continue;
    if (!acceptable(text, entry, value, 'reverse', v, vStart, options)) continue;
    yield { entry, labelStart: l.index, labelEnd: l.index + l[0].length, start: v.start, end: v.end };
  }
}
