// Where the strings of a draft .json file lie in the file, so a finding in "body" points at the character
// inside the JSON string (escapes such as \n, \" and \u00e9 taken into account), not at an offset of the
// decoded text. Only called on text JSON.parse has accepted, so the scanner can assume it is well formed.

/** Raw offsets of string literals (their opening quote) by path: `body`, `to[1]`, `attachments[0].name`. */
export function jsonStringLiterals(text: string): Map<string, number> {
  const found = new Map<string, number>();
  let pos = 0;
  const ws = () => {
    while (pos < text.length && /[\s\uFEFF]/.test(text[pos] as string)) pos++;
  };
  const skipString = (): string => {
    const start = pos;
    pos++;
    while (pos < text.length && text[pos] !== '"') pos += text[pos] === '\\' ? 2 : 1;
    pos++;
    return text.slice(start, pos);
  };
  const value = (path: string, depth: number): void => {
    ws();
    const c = text[pos];
    if (c === '"') {
      found.set(path, pos);
      skipString();
    } else if (c === '{') {
      pos++;
      ws();
      if (text[pos] === '}') {
        pos++;
        return;
      }
      while (pos < text.length) {
        ws();
        const key = JSON.parse(skipString()) as string;
        ws();
        pos++; // :
        value(depth === 0 ? key : `${path}.${key}`, depth + 1);
        ws();
        if (text[pos++] === '}') return;
      }
    } else if (c === '[') {
      pos++;
      ws();
      if (text[pos] === ']') {
        pos++;
        return;
      }
      for (let index = 0; pos < text.length; index++) {
        value(`${path}[${index}]`, depth + 1);
        ws();
        if (text[pos++] === ']') return;
      }
    } else {
      while (pos < text.length && !/[\s,}\]]/.test(text[pos] as string)) pos++;
    }
  };
  value('', 0);
  return found;
}

/** The raw offset of the `index`-th UTF-16 unit of the decoded string whose literal opens at `literal`. */
export function rawOffsetInLiteral(text: string, literal: number, index: number): number {
  let pos = literal + 1;
  for (let unit = 0; unit < index && pos < text.length && text[pos] !== '"'; unit++) {
    if (text[pos] === '\\') pos += text[pos + 1] === 'u' ? 6 : 2;
    else pos++;
  }
  return pos;
}
