// Which mail site a document belongs to. A pop-out compose the site fills through about:blank (Outlook
// does, mail-dom.md §2.1) has an empty location.host but inherits the site's origin: that origin decides.
export interface HostFacts {
  host: string;
  /** self.origin: "null" for an opaque origin. */
  origin?: string | undefined;
  /** location.ancestorOrigins (Chromium): the embedding pages' origins, nearest first. */
  ancestorOrigins?: ArrayLike<string> | undefined;
}

function hostOf(origin: string | undefined): string {
  if (!origin || origin === 'null') return '';
  try {
    return new URL(origin).host;
  } catch {
    return '';
  }
}

export function siteHost(facts: HostFacts): string {
  if (facts.host) return facts.host;
  return hostOf(facts.origin) || hostOf(facts.ancestorOrigins?.[0]);
}
