/** An in-memory storage area with the browser's semantics (structured copies in and out). */
export class MemoryArea {
  private data = new Map<string, unknown>();
  /** Number of set/remove calls, for tests that kill a write half way. */
  writes = 0;

  async get(keys?: null | string | string[] | Record<string, unknown>): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    const wanted = keys === null || keys === undefined ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
    for (const k of wanted) if (this.data.has(k)) out[k] = structuredClone(this.data.get(k));
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.writes++;
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
  }

  async remove(keys: string | string[]): Promise<void> {
    this.writes++;
    for (const k of typeof keys === 'string' ? [keys] : keys) this.data.delete(k);
  }

  clear(): void {
    this.data.clear();
  }

  snapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.data].map(([k, v]) => [k, structuredClone(v)]));
  }
}
