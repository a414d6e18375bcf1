/**
 * The reads the popup's early script (src/popup/early.ts) starts before the popup's modules
 * are loaded, handed over on a global of the popup's own window.
 */
import type { PrefetchedCatalogues } from '../i18n';

export const EARLY_GLOBAL = '__buyerShieldPopupEarly';

export interface PopupEarly {
  /** storage.local: LIST_HEAD_KEYS (src/storage/keys.ts). */
  list: Promise<Record<string, unknown>>;
  /** storage.sync: the settings. */
  settings: Promise<Record<string, unknown>>;
  /**
   * Catalogues: English and the browser's language at once, the one the settings name once
   * they are read.
   */
  catalogues: PrefetchedCatalogues;
}

/** The early reads, taken once (a second caller reads for itself); null if the early script did not run. */
export function takeEarlyReads(): PopupEarly | null {
  const g = globalThis as Record<string, unknown>;
  const early = g[EARLY_GLOBAL] as PopupEarly | null | undefined;
  delete g[EARLY_GLOBAL];
  const isRead = (p: unknown): boolean => typeof (p as Promise<unknown> | undefined)?.then === 'function';
  if (!early || !isRead(early.list) || !isRead(early.settings)) return null;
  const catalogues = typeof early.catalogues === 'object' && early.catalogues !== null ? early.catalogues : {};
  return { list: early.list, settings: early.settings, catalogues };
}
