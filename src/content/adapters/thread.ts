// Reading a thread's facts from what the sites print: message dates and the ticket severity. Both sites show
// local times in the user's locale; a date that cannot be read with confidence is left out, never guessed.

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

const TIME =
  /(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m?\.?(?![\p{L}])|(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?/iu;

function timeOf(text: string): { h: number; m: number; s: number } | null {
  const t = TIME.exec(text);
  if (!t) return null;
  if (t[1] !== undefined) {
    let h = Number(t[1]);
    const m = Number(t[2]);
    if (h < 1 || h > 12 || m > 59) return null;
    const pm = t[4]!.toLowerCase() === 'p';
    if (h === 12) h = 0;
    if (pm) h += 12;
    return { h, m, s: Number(t[3] ?? 0) };
  }
  const h = Number(t[5]);
  const m = Number(t[6]);
  if (h > 23 || m > 59) return null;
  return { h, m, s: Number(t[7] ?? 0) };
}

function build(y: number, mo: number, d: number, time: { h: number; m: number; s: number }): Date | null {
  if (d < 1 || d > 31 || mo < 0 || mo > 11 || y < 1990 || y > 2200) return null;
  const date = new Date(y, mo, d, time.h, time.m, time.s);
  // Rejects 31 November and the like (Date would roll it over into December).
  return date.getMonth() === mo && date.getDate() === d ? date : null;
}

/**
 * A message date as the sites show it, read as local time: "Mon, Nov 23, 2026, 9:14 AM" (Gmail's title),
 * "23 Nov 2026, 09:14", "Monday, November 23, 2026 9:14 AM" and "Mon 11/23/2026 9:14 AM" (Outlook, US
 * order), "2026-11-23 09:14". A date with no year or no time is not read: "Nov 23" alone is ambiguous
 * across a year end, and a day without a time cannot measure an SLA in hours.
 */
export function parseMailDate(raw: string | null | undefined): Date | null {
  if (!raw) return null;
  const text = raw.replace(/[\u200e\u200f\u202a-\u202e\u00a0\u202f]/g, ' ').trim();
  const time = timeOf(text.replace(/\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{4}\b/g, ' '));
  if (!time) return null;
  let m = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]) - 1, Number(m[3]), time);
  m = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(text);
  if (m) return build(Number(m[3]), Number(m[1]) - 1, Number(m[2]), time);
  // "Nov 23, 2026" / "November 23 2026"
  m = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i.exec(text);
  const monthOf = (name: string) => MONTHS[name.toLowerCase().slice(0, 3)];
  if (m) {
    const mo = monthOf(m[1]!);
    if (mo !== undefined) return build(Number(m[3]), mo, Number(m[2]), time);
  }
  // "23 Nov 2026"
  m = /\b(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i.exec(text);
  if (m) {
    const mo = monthOf(m[2]!);
    if (mo !== undefined) return build(Number(m[3]), mo, Number(m[1]), time);
  }
  return null;
}

/**
 * A ticket severity named in a subject or a label: "[Sev 2]", "Severity: 1", "SEV-3", "[P2]". Only these
 * explicit forms count; a bare "2" or "P2" inside a sentence does not.
 */
export function parseSeverity(text: string | null | undefined): 1 | 2 | 3 | 4 | undefined {
  if (!text) return undefined;
  const m = /\bsev(?:erity)?\s*[:#_-]?\s*([1-4])\b/i.exec(text) ?? /\[\s*P([1-4])\s*\]/i.exec(text);
  return m ? (Number(m[1]) as 1 | 2 | 3 | 4) : undefined;
}

/** The address inside a string ("Maya Chen <maya@x.example>", "maya@x.example"), lower-cased. */
export function addressIn(text: string | null | undefined): string {
  const m = text?.match(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+\.[^\s<>"'(),;:]+/);
  return m ? m[0].toLowerCase() : '';
}
