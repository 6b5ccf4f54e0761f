// Binary files given as drafts (a PNG renamed .eml, a PDF named .txt) are refused, not read as text: their
// bytes would otherwise be "checked" and even blocked for a stray placeholder-looking run of characters.

const MAGIC: [string, number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ZIP archive or Office document', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['Outlook .msg or old Office document', [0xd0, 0xcf, 0x11, 0xe0]],
];

/** What kind of binary data the bytes are, or undefined when they read as text. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  for (const [name, magic] of MAGIC) {
    if (magic.every((byte, i) => bytes[i] === byte)) return name;
  }
  // Text (UTF-8, UTF-16 aside, or an 8-bit mail charset) has no NUL bytes and few control characters.
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return 'NUL bytes';
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b)
      control++;
  }
  return sample.length > 0 && control / sample.length > 0.1 ? 'mostly control characters' : undefined;
}
