/**
 * Ordered migrations of storage.local. Each takes the whole raw store of version N and
 * returns the changes (keys to set, keys to remove) that make it version N+1. A migration
 * never drops data it does not understand: it moves it to quarantine.
 */
import { SCHEMA_VERSION } from './schema';

export type RawStore = Record<string, unknown>;
export interface StoreChanges {
  set: RawStore;
  remove: string[];
}

export type Migration = (store: RawStore) => StoreChanges;

/**
 * migrations[n] turns version n into n+1. Version 0 is a store without `meta`: a profile
 * Buyer Shield has not written yet. Version 1 is the first released layout, so 0 → 1 only
 * stamps the version. The next change to the layout adds its step here, with a test that
 * starts from a saved store of every earlier version (test/unit/storage).
 */
export const MIGRATIONS: readonly Migration[] = [
  // 0 → 1: nothing to convert.
  () => ({ set: {}, remove: [] }),
];

if (MIGRATIONS.length !== SCHEMA_VERSION) {
  throw new Error('every schema version needs its migration');
}

export type MigrationOutcome =
  | { kind: 'current' }
  | { kind: 'migrated'; from: number; changes: StoreChanges }
  | { kind: 'future'; version: number };

/** Work out what brings `store` to the current version (pure; the caller writes it). */
export function planMigration(store: RawStore): MigrationOutcome {
  const meta = store['meta'];
  const raw = meta && typeof meta === 'object' ? (meta as { schemaVersion?: unknown }).schemaVersion : undefined;
  const version = typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : 0;
  if (version === SCHEMA_VERSION) return { kind: 'current' };
  if (version > SCHEMA_VERSION) return { kind: 'future', version };
  let working: RawStore = { ...store };
  const total: StoreChanges = { set: {}, remove: [] };
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = (MIGRATIONS[v] as Migration)(working);
    working = { ...working, ...step.set };
    for (const k of step.remove) {
      delete working[k];
      delete total.set[k];
    }
    Object.assign(total.set, step.set);
    total.remove.push(...step.remove.filter((k) => !(k in step.set)));
  }
  total.set['meta'] = { schemaVersion: SCHEMA_VERSION };
  return { kind: 'migrated', from: version, changes: total };
}
