/**
 * The registrable part of a domain: the label an organisation registers under a public suffix ("acme" in
 * "mail.acme.co.uk"). Not the whole Public Suffix List (thousands of entries, most of them private
 * registries): a table of the multi-part suffixes that business email commonly sits under. Any other domain's
 * suffix is its last label.
 */

/** Second levels used under country codes by companies, networks, organisations and the public sector. */
const SECOND_LEVELS = ['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'or', 'ne', 'go', 'ltd', 'plc', 'biz'];

/** Country codes whose registries put commercial names under a second level (co.uk, com.au, co.jp…). */
const COUNTRIES_WITH_SECOND_LEVELS = [
  'uk',
  'au',
  'nz',
  'jp',
  'kr',
  'br',
  'cn',
  'mx',
  'ar',
  'tr',
  'sg',
  'hk',
  'in',
  'za',
  'il',
  'tw',
  'my',
  'id',
  'th',
  'ph',
  'vn',
  'pk',
  'ng',
  'ke',
  'eg',
  'sa',
  'ua',
  'co',
  'pe',
  'ec',
  've',
  'uy',
  'py',
  'bo',
  'cy',
  'mt',
  'gr',
];

const MULTI_PART = new Set<string>();
for (const country of COUNTRIES_WITH_SECOND_LEVELS)
  for (const second of SECOND_LEVELS) MULTI_PART.add(`${second}.${country}`);
// Fixed forms outside that pattern.
for (const s of [
  'me.uk',
  'nhs.uk',
  'police.uk',
  'sch.uk',
  'gc.ca',
  'gv.at',
  'co.at',
  'or.at',
  'com.pl',
  'co.ve',
])
  MULTI_PART.add(s);

export interface Registrable {
  /** The registrable label ("acme"), empty when the domain is itself a suffix. */
  readonly label: string;
  /** The public suffix ("co.uk", "com"). */
  readonly suffix: string;
  /** label + "." + suffix ("acme.co.uk"). */
  readonly domain: string;
}

/** Splits a domain into its registrable label and public suffix (lower case). */
export function registrableOf(input: string): Registrable {
  let d = input.toLowerCase();
  if (d.endsWith('.')) d = d.slice(0, -1);
  const last = d.lastIndexOf('.');
  if (last === -1) return { label: d, suffix: '', domain: d };
  const prev = d.lastIndexOf('.', last - 1);
  if (prev !== -1 && MULTI_PART.has(d.slice(prev + 1))) {
    const suffix = d.slice(prev + 1);
    const label = d.slice(d.lastIndexOf('.', prev - 1) + 1, prev);
    return { label, suffix, domain: `${label}.${suffix}` };
  }
  const label = d.slice(prev + 1, last);
  const suffix = d.slice(last + 1);
  return { label, suffix, domain: `${label}.${suffix}` };
}
