/**
 * One Intl formatter per key (language, style, currency), not one per value: building a
 * formatter costs far more than formatting, and a list formats a date and an amount on
 * every row. A formatter Intl refuses to build (unknown language or code) is remembered as
 * null, so the caller falls back at once the next time too.
 */
export function cachedFormatter<T>(cache: Map<string, T | null>, key: string, make: () => T): T | null {
  let f = cache.get(key);
  if (f === undefined) {
    try {
      f = make();
    } catch {
      f = null;
    }
    cache.set(key, f);
  }
  return f;
}
