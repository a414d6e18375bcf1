/**
 * The reads the popup's early script (src/popup/early.ts) starts before the popup's modules
 * are loaded, handed over on a global of the popup's own window.
 */
export const EARLY_GLOBAL = '__buyerShieldPopupEarly';

export interface PopupEarly {
  /** storage.local: LIST_HEAD_KEYS (src/storage/keys.ts). */
  list: Promise<Record<string, unknown>>;
  /** storage.sync: the settings. */
  settings: Promise<Record<string, unknown>>;
}

/** The early reads, taken once (a second caller reads for itself); null if the early script did not run. */
export function takeEarlyReads(): PopupEarly | null {
  const g = globalThis as Record<string, unknown>;
  const early = g[EARLY_GLOBAL] as PopupEarly | null | undefined;
  delete g[EARLY_GLOBAL];
  const isRead = (p: unknown): boolean => typeof (p as Promise<unknown> | undefined)?.then === 'function';
  return early && isRead(early.list) && isRead(early.settings) ? early : null;
}
