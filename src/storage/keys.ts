/** Storage keys, in a module of their own (no schema) for the scripts that read before anything else loads. */
export const ORDER_KEY_PREFIX = 'order:';
export const DRAFT_KEY_PREFIX = 'draft:';
export const INDEX_HEAD_KEY = 'index:head';
export const INDEX_STALE_KEY = 'index:stale';
export const orderKey = (orderId: string): string => `${ORDER_KEY_PREFIX}${orderId}`;
export const draftKey = (orderId: string): string => `${DRAFT_KEY_PREFIX}${orderId}`;

/** What the popup's list reads first (storage.local): the index head and the notices' keys. */
export const LIST_HEAD_KEYS: readonly string[] = [INDEX_HEAD_KEY, INDEX_STALE_KEY, 'quarantine', 'problems', 'meta'];
/** The shopper's settings (storage.sync). */
export const SETTINGS_KEY = 'settings';
