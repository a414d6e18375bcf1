/**
 * The browser's own extension API, without the polyfill: Chrome's `chrome`, Firefox's
 * `browser`, both with promises in MV3. Only for the first reads of a starting worker or page
 * (src/background/early.ts, src/popup/early.ts), which run before the polyfill is loaded;
 * everything else uses src/platform/browser.ts.
 */
export interface NativeApi {
  storage: {
    local: { get(keys: string | string[]): Promise<Record<string, unknown>> };
    sync: { get(keys: string | string[]): Promise<Record<string, unknown>> };
  };
  alarms: { get(name: string): Promise<unknown> };
  i18n?: { getUILanguage(): string };
}

export function nativeApi(): NativeApi | null {
  const g = globalThis as { browser?: NativeApi; chrome?: NativeApi };
  const api = g.browser ?? g.chrome;
  return api?.storage?.local ? api : null;
}
