import { describe, expect, it } from 'vitest';
import { siteHost } from './site-host.ts';

describe('siteHost', () => {
  it('is the page host on the site itself', () => {
    expect(siteHost({ host: 'mail.google.com', origin: 'https://mail.google.com' })).toBe('mail.google.com');
  });
  it('is the inherited origin in an about:blank pop-out the site filled', () => {
    expect(siteHost({ host: '', origin: 'https://outlook.office.com' })).toBe('outlook.office.com');
    expect(siteHost({ host: '', origin: 'null', ancestorOrigins: ['https://mail.google.com'] })).toBe(
      'mail.google.com',
    );
  });
  it('is empty for an opaque document with nothing to inherit', () => {
    expect(siteHost({ host: '', origin: 'null' })).toBe('');
  });
});
