/** Regular English inflections, enough for rule phrases: guarantee → guarantees, guaranteed, guaranteeing. */
export function inflections(word: string): string[] {
  const w = word.toLowerCase();
  if (!/^[a-z]{3,}$/.test(w)) return [word];
  const out = new Set<string>([w]);
  if (/(?:ee|ye|oe)$/.test(w)) {
    out.add(`${w}s`).add(`${w}d`).add(`${w}ing`);
  } else if (w.endsWith('e')) {
    out
      .add(`${w}s`)
      .add(`${w}d`)
      .add(`${w.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/.test(w)) {
    out
      .add(`${w.slice(0, -1)}ies`)
      .add(`${w.slice(0, -1)}ied`)
      .add(`${w}ing`);
  } else if (/(?:s|x|z|ch|sh)$/.test(w)) {
    out.add(`${w}es`).add(`${w}ed`).add(`${w}ing`);
  } else {
    out.add(`${w}s`).add(`${w}ed`).add(`${w}ing`);
    if (/^[^aeiou]*[aeiou][bdgkmnprt]$/.test(w)) {
      const last = w[w.length - 1];
      out.add(`${w}${last}ed`).add(`${w}${last}ing`);
    }
  }
  return [...out];
}
