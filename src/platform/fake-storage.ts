// A stand-in for the extension's storage areas in node tests, with Chrome's quota rules and error messages:
// Quota errors carry the wording current Chromium uses (seen in test/e2e/faults-storage.test.ts).
// a set that would pass a quota changes nothing and rejects, as Chrome's does.

export interface FakeAreaOptions {
  /** QUOTA_BYTES: every key plus its JSON, summed. */
  quotaBytes?: number;
  /** QUOTA_BYTES_PER_ITEM (storage.sync). */
  quotaBytesPerItem?: number;
  /** MAX_WRITE_OPERATIONS_PER_MINUTE (storage.sync): set and remove calls allowed before the next refuse. */
  writesAllowed?: number;
}

export type ChangeListener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

export class FakeArea {
  readonly data = new Map<string, unknown>();
  writes = 0;
  /** Makes every write refuse with this message (for example sync turned off). */
  refuseWith: string | undefined;

  constructor(
    readonly name: string,
    readonly options: FakeAreaOptions = {},
    private readonly listeners: ChangeListener[] = [],
  ) {}

  bytesInUse(data: Map<string, unknown> = this.data): number {
    let total = 0;
    for (const [k, v] of data) total += k.length + JSON.stringify(v).length;
    return total;
  }

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys == null ? [...this.data.keys()] : Array.isArray(keys) ? keys : [keys];
    const out: Record<string, unknown> = {};
    for (const k of wanted) if (this.data.has(k)) out[k] = structuredClone(this.data.get(k));
    return out;
  }

  private countWrite(): void {
    if (this.refuseWith) throw new Error(this.refuseWith);
    const allowed = this.options.writesAllowed;
    if (allowed !== undefined && this.writes >= allowed) {
      throw new Error('Resource::kMaxWriteOperationsPerMinute quota exceeded');
    }
    this.writes++;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.countWrite();
    const next = new Map(this.data);
    for (const [k, v] of Object.entries(items)) {
      const perItem = this.options.quotaBytesPerItem;
      if (perItem !== undefined && k.length + JSON.stringify(v).length > perItem) {
        throw new Error('Resource::kQuotaBytesPerItem quota exceeded');
      }
      next.set(k, structuredClone(v));
    }
    if (this.options.quotaBytes !== undefined && this.bytesInUse(next) > this.options.quotaBytes) {
      throw new Error('Resource::kQuotaBytes quota exceeded');
    }
    this.replace(next, Object.keys(items));
  }

  async remove(keys: string | string[]): Promise<void> {
    this.countWrite();
    const next = new Map(this.data);
    const list = Array.isArray(keys) ? keys : [keys];
    for (const k of list) next.delete(k);
    this.replace(next, list);
  }

  private replace(next: Map<string, unknown>, keys: string[]): void {
    const changes: Record<string, { newValue?: unknown }> = {};
    for (const k of keys) changes[k] = { newValue: next.get(k) };
    this.data.clear();
    for (const [k, v] of next) this.data.set(k, v);
    for (const listener of this.listeners) listener(changes, this.name);
  }
}

/** The parts of webextension-polyfill's `browser.storage` the platform modules use. */
export function fakeStorage(options: { local?: FakeAreaOptions; sync?: FakeAreaOptions } = {}) {
  const listeners: ChangeListener[] = [];
  const local = new FakeArea('local', options.local ?? { quotaBytes: 10 * 1024 * 1024 }, listeners);
  const sync = new FakeArea(
    'sync',
    options.sync ?? { quotaBytes: 102_400, quotaBytesPerItem: 8192, writesAllowed: 120 },
    listeners,
  );
  return {
    local,
    sync,
    managed: { get: async () => ({}) },
    onChanged: {
      addListener: (l: ChangeListener) => listeners.push(l),
      removeListener: (l: ChangeListener) => {
        const i = listeners.indexOf(l);
        if (i >= 0) listeners.splice(i, 1);
      },
    },
  };
}
