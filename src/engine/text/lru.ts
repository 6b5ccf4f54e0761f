/**
 * A least-recently-used map keyed by text: insertion order is recency, the oldest entry goes first. Bounded by
 * entry count and, optionally, by the total length of its keys (long keys such as whole paragraphs).
 */
export class Lru<V> {
  readonly #map = new Map<string, V>();
  #chars = 0;
  constructor(
    readonly maxEntries: number,
    readonly maxChars = Number.POSITIVE_INFINITY,
  ) {}
  get(key: string): V | undefined {
    const v = this.#map.get(key);
    if (v !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    if (key.length > this.maxChars) return;
    if (this.#map.delete(key)) this.#chars -= key.length;
    this.#map.set(key, value);
    this.#chars += key.length;
    while (this.#map.size > this.maxEntries || this.#chars > this.maxChars) {
      const oldest = this.#map.keys().next().value as string;
      this.#map.delete(oldest);
      this.#chars -= oldest.length;
    }
  }
  clear(): void {
    this.#map.clear();
    this.#chars = 0;
  }
  get size(): number {
    return this.#map.size;
  }
  get chars(): number {
    return this.#chars;
  }
}
