/**
 * The worker's storage: the only writer, one write at a time, so two tabs reading pages at
 * once cannot overwrite each other. Nothing is cached in globals beyond one run of the queue:
 * each operation reads what it needs from storage, because the worker may be killed at any time.
 */
import type { Storage } from 'webextension-polyfill';
import { mergeObservation } from '../domain/merge';
import { gateObservation } from '../domain/observation';
import type { Order, OrderObservation } from '../domain/order';
import { planMigration, type RawStore } from '../storage/migrations';
import { appendQuarantine, readStore, safeSerialise, type StoreRead } from '../storage/repair';
import {
  INDEX_STALE_KEY,
  ORDER_KEY_PREFIX,
  PROBLEMS_LIMIT,
  ReadProblemEntrySchema,
  orderKey,
  type QuarantineEntry,
  type ReadProblemEntry,
} from '../storage/schema';

export interface StoreDeps {
  local: Storage.StorageArea;
  now: () => Date;
}

export interface MergeOutcome {
  accepted: number;
  rejected: number;
  changed: Order[];
}

export class OrderStore {
  private queue: Promise<unknown> = Promise.resolve();
  private ready: Promise<void> | null = null;
  /**
   * What the start-up pass just read and validated, handed to the first task of the same
   * queue run so a cold start reads and validates storage once, not twice. Dropped after
   * that task: it is never a cache that could go stale.
   */
  private warm: StoreRead | null = null;

  constructor(private readonly deps: StoreDeps) {}

  /** Run `task` after every write queued before it; errors reach the caller, not the queue. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      await this.ensureReady();
      try {
        return await task();
      } finally {
        this.warm = null;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Migrate and repair once per worker life; safe to repeat after a kill. */
  private ensureReady(): Promise<void> {
    this.ready ??= this.prepare().catch((e) => {
      this.ready = null;
      throw e;
    });
    return this.ready;
  }

  private async prepare(): Promise<void> {
    const raw = (await this.deps.local.get(null)) as RawStore;
    const plan = planMigration(raw);
    if (plan.kind === 'migrated') {
      await this.deps.local.set(plan.changes.set);
      if (plan.changes.remove.length) await this.deps.local.remove(plan.changes.remove);
    } else if (plan.kind === 'future') {
      // Written by a newer build: read what this build understands, but move nothing aside,
      // so the newer build finds its records where it left them.
      await this.addProblem({ at: this.nowIso(), url: '', code: 'storage-newer-version', detail: `storage schema version ${plan.version} is newer than this build` });
      return;
    }
    const after = plan.kind === 'migrated' ? { ...raw, ...plan.changes.set } : raw;
    const read = readStore(after, this.nowIso());
    await this.applyRepairs(read);
    this.warm = read.quarantined.length ? { ...read, quarantine: appendQuarantine(read.quarantine, read.quarantined) } : read;
  }

  private async applyRepairs(read: StoreRead): Promise<void> {
    if (read.quarantined.length === 0) return;
    const set: RawStore = { quarantine: appendQuarantine(read.quarantine, read.quarantined), [INDEX_STALE_KEY]: this.deps.now().getTime() };
    for (const order of read.repairedOrders) set[orderKey(order.orderId)] = order;
    await this.deps.local.set(set);
    const broken = read.quarantined
      .filter((q) => q.key.startsWith(ORDER_KEY_PREFIX) && !read.repairedOrders.some((o) => orderKey(o.orderId) === q.key))
      .map((q) => q.key);
    if (broken.length) await this.deps.local.remove(broken);
  }

  private nowIso(): string {
    return this.deps.now().toISOString();
  }

  /** Every valid order (repairing or quarantining the rest on the way). */
  async readAll(): Promise<StoreRead> {
    const warm = this.warm;
    this.warm = null;
    if (warm) return { ...warm, quarantined: [], repairedOrders: [] };
    const raw = (await this.deps.local.get(null)) as RawStore;
    return readStore(raw, this.nowIso());
  }

  /** Only the named orders, validated (the overlay asks for the orders on its page). */
  ordersByIds(orderIds: readonly string[]): Promise<Map<string, Order>> {
    return this.exclusive(async () => {
      if (orderIds.length === 0) return new Map<string, Order>();
      const raw = (await this.deps.local.get(orderIds.map(orderKey))) as RawStore;
      return readStore(raw, this.nowIso()).orders;
    });
  }

  allOrders(): Promise<Map<string, Order>> {
    return this.exclusive(async () => (await this.readAll()).orders);
  }

  /** Validate observations one by one and merge them into their records in one write. */
  mergeObservations(observations: unknown[]): Promise<MergeOutcome> {
    return this.exclusive(async () => {
      const now = this.nowIso();
      const valid = new Map<string, OrderObservation[]>();
      let rejected = 0;
      const rejects: QuarantineEntry[] = [];
      for (const raw of observations) {
        const gate = gateObservation(raw);
        if (!gate.ok || gate.dropped.length) {
          if (rejects.length < 5) {
            rejects.push({ key: 'observation', reason: gate.ok ? `repaired: dropped ${gate.dropped.join(', ')}` : gate.reason, at: now, raw: safeSerialise(raw, 20_000) });
          }
        }
        if (!gate.ok) {
          rejected++;
          continue;
        }
        const list = valid.get(gate.observation.orderId) ?? [];
        list.push(gate.observation);
        valid.set(gate.observation.orderId, list);
      }
      const keys = [...valid.keys()].map(orderKey);
      const stored = keys.length ? ((await this.deps.local.get(keys)) as RawStore) : {};
      const known = readStore(stored, now);
      const set: RawStore = {};
      const changed: Order[] = [];
      for (const [orderId, list] of valid) {
        let order = known.orders.get(orderId);
        for (const obs of list) order = mergeObservation(order, obs, now);
        if (order) {
          set[orderKey(orderId)] = order;
          changed.push(order);
        }
      }
      if (changed.length) set[INDEX_STALE_KEY] = this.deps.now().getTime();
      if (known.quarantined.length || rejects.length) {
        const q = (await this.deps.local.get('quarantine')) as RawStore;
        const existing = Array.isArray(q['quarantine']) ? (q['quarantine'] as QuarantineEntry[]) : [];
        set['quarantine'] = appendQuarantine(existing, [...known.quarantined, ...rejects]);
      }
      if (Object.keys(set).length) await this.deps.local.set(set);
      return { accepted: observations.length - rejected, rejected, changed };
    });
  }

  /** Replace records wholesale (backup import): validated by the caller, written at once. */
  putOrders(orders: Order[]): Promise<void> {
    return this.exclusive(async () => {
      const set: RawStore = { [INDEX_STALE_KEY]: this.deps.now().getTime() };
      for (const o of orders) set[orderKey(o.orderId)] = o;
      await this.deps.local.set(set);
    });
  }

  updateOrder(orderId: string, change: (o: Order) => Order): Promise<Order | null> {
    return this.exclusive(async () => {
      const key = orderKey(orderId);
      const read = readStore((await this.deps.local.get(key)) as RawStore, this.nowIso());
      const order = read.orders.get(orderId);
      if (!order) return null;
      const next = { ...change(order), updatedAt: this.nowIso() };
      await this.deps.local.set({ [key]: next, [INDEX_STALE_KEY]: this.deps.now().getTime() });
      return next;
    });
  }

  /** Read-modify-write of one non-order key under the queue. */
  update<T>(key: string, change: (current: unknown) => T): Promise<T> {
    return this.exclusive(async () => {
      const current = ((await this.deps.local.get(key)) as RawStore)[key];
      const next = change(current);
      await this.deps.local.set({ [key]: next, [INDEX_STALE_KEY]: this.deps.now().getTime() });
      return next;
    });
  }

  private async addProblem(entry: ReadProblemEntry): Promise<void> {
    const current = ((await this.deps.local.get('problems')) as RawStore)['problems'];
    const list = Array.isArray(current) ? current.filter((p) => ReadProblemEntrySchema.safeParse(p).success) : [];
    await this.deps.local.set({ problems: [...list, entry].slice(-PROBLEMS_LIMIT) });
  }

  recordProblem(entry: ReadProblemEntry): Promise<void> {
    return this.exclusive(() => this.addProblem(entry));
  }
}
