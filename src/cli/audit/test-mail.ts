// Sent mail for the audit's tests: the same drafts as .eml files and as one mbox (mboxrd, as Takeout writes).

const SALES = `From: Leah Kim <leah.kim@corvana.example>
To: Jordan Ellis <jordan.ellis@acme.example>
Subject: Your proposal for [Company Name]
Date: Wed, 04 Mar 2026 16:20:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Hi {{first_name}},

We guarantee 100% uptime and zero downtime during the migration, so your team can switch over risk-free.

From our side, the rollout will be live by March 3.

Best,
Leah Kim

--b1
Content-Type: application/pdf; name="Acme-Proposal.pdf"
Content-Disposition: attachment; filename="Acme-Proposal.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQKJSBFeGFtcGxlIGF0dGFjaG1lbnQK
--b1--
`;

const plain = (from: string, to: string, subject: string, date: string | undefined, body: string) =>
  `From: ${from}\nTo: ${to}\nSubject: ${subject}\n${date ? `Date: ${date}\n` : ''}Content-Type: text/plain; charset=utf-8\n\n${body}`;

/** Drafts with findings of several categories, clean ones, quoted history and an undated message. */
export const DRAFTS: string[] = [
  SALES,
  plain(
    'Sam Ortiz <sam@corvana.example>',
    'dana@northwind.example',
    'Re: outage',
    'Mon, 12 Jan 2026 09:00:00 +0000',
    'Hi Dana,\n\nThe fix will definitely ship by Friday, I promise it will never happen again.\n\nSam\n\nOn Fri, Jan 9, 2026, Dana wrote:\n> We guarantee nothing here, this is quoted.\n> Please call me at 555-123-4567.\n',
  ),
  plain(
    'Sam Ortiz <sam@corvana.example>',
    'dana@northwind.example',
    'Thanks',
    'Tue, 13 Jan 2026 09:00:00 +0000',
    'Hi Dana,\n\nThanks for your time today. I will send the notes tomorrow.\n\nSam\n',
  ),
  plain(
    'ops@support.corvana.example',
    'lee@globex.example',
    'Your card',
    'Thu, 05 Feb 2026 10:00:00 +0000',
    'Hi Lee,\n\nYour card 4111 1111 1111 1111 is on file and your SSN 123-45-6789 too.\nFrom now on we offer a 40% discount, best price guaranteed.\n>From the notes: nothing.\n\nOps\n',
  ),
  plain(
    'Leah Kim <leah.kim@corvana.example>',
    'jordan.ellis@acme.example',
    'Follow-up',
    undefined,
    'Hi Jordan,\n\nAs discussed, here is the summary. Let me know if anything is missing.\n\nLeah\n',
  ),
  plain(
    'Leah Kim <leah.kim@corvana.example>',
    'jordan.ellis@acme.example',
    'Next steps',
    'Fri, 27 Feb 2026 23:30:00 -0500',
    'Dear Customer,\n\nWe will have this done in 2 days, no problem at all.\n\nLeah\n',
  ),
];

/** The drafts as one mboxrd file: a "From " separator each, ">From " escaped, a blank line after each. */
export function toMbox(drafts: readonly string[], eol = '\n'): string {
  return drafts
    .map(
      (draft, i) =>
        `From sender${i}@corvana.example Thu Jan  1 00:00:0${i % 10} 2026\n${draft.replace(/^(>*From )/gm, '>$1')}\n`,
    )
    .join('')
    .replace(/\n/g, eol);
}
