import { describe, expect, it } from 'vitest';
import { describeStorageError, isQuotaError, readNotices, withNotice, withoutNotice } from './notices.ts';

describe('storage errors', () => {
  it("knows a quota refusal in the documentation's, Chromium's and Firefox's wording", () => {
    for (const message of [
      'QUOTA_BYTES quota exceeded',
      'Resource::kQuotaBytes quota exceeded',
      'Resource::kQuotaBytesPerItem quota exceeded',
      'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded',
      'QuotaExceededError: storage.local quota exceeded',
    ]) {
      expect(isQuotaError(new Error(message))).toBe(true);
    }
    expect(isQuotaError(new Error('IO error: disk gone'))).toBe(false);
  });

  it('says which limit, in words, keeping the browser wording for support', () => {
    expect(
      describeStorageError(new Error('Resource::kMaxWriteOperationsPerMinute quota exceeded'), 'sync'),
    ).toBe('too many changes in a short time (Resource::kMaxWriteOperationsPerMinute quota exceeded)');
    expect(describeStorageError(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'), 'sync')).toMatch(
      /^one setting is larger than browser sync allows/,
    );
    expect(describeStorageError(new Error('Resource::kQuotaBytes quota exceeded'), 'sync')).toMatch(
      /^browser sync's storage is full/,
    );
    expect(describeStorageError(new Error('Resource::kQuotaBytes quota exceeded'))).toMatch(
      /^the browser's storage for Preflight is full/,
    );
  });
});

describe('notices', () => {
  it('keeps one notice per kind, the newest, and drops malformed ones read from storage', () => {
    const a = { id: 'audit-pruned' as const, at: '2026-11-27T00:00:00Z', text: 'first' };
    const b = { id: 'audit-pruned' as const, at: '2026-11-27T01:00:00Z', text: 'second' };
    const c = { id: 'sync-fallback' as const, at: '2026-11-27T02:00:00Z', text: 'sync' };
    expect(withNotice(withNotice([a], c), b)).toEqual([c, b]);
    expect(withoutNotice([a, c], 'audit-pruned')).toEqual([c]);
    expect(readNotices([a, { id: 'unknown', at: 'x', text: 'y' }, 42, null])).toEqual([a]);
    expect(readNotices('garbage')).toEqual([]);
  });
});
