import { describe, expect, it } from 'vitest';
import { slugView } from './slug.ts';

const words = (s: string) => slugView(s, s.toLowerCase()).text;

describe('slugView', () => {
  it('splits at punctuation, case changes and digits', () => {
    expect(words('initech-renewal-deck.pdf')).toBe('initech renewal deck pdf');
    expect(words('INITECH_Q3.xlsx')).toBe('INITECH Q 3 xlsx');
    expect(words('q3_initech_v2.docx')).toBe('q 3 initech v 2 docx');
    expect(words('AcmeRoboticsQBR.pptx')).toBe('Acme Robotics QBR pptx');
    expect(words('QBRDeck2026--final..pdf')).toBe('QBR Deck 2026 final pdf');
    expect(words('__')).toBe('');
  });

  it('maps every word character back to the source', () => {
    const source = 'x, q3_initech_v2.docx';
    const v = slugView(source, source.toLowerCase(), 3);
    const start = v.text.indexOf('initech');
    expect(source.slice(v.at[start]!, v.at[start + 6]! + 1)).toBe('initech');
    expect(v.at.length).toBe(v.text.length);
    expect(v.lower).toBe(v.text.toLowerCase());
  });
});
