/**
 * The popup's first script. The popup's HTML loads it as a classic `async` script ahead of
 * its modules (built into a file of its own by scripts/early-script-plugin.ts, with nothing
 * to import), so it runs as soon as it is fetched, while the browser still loads and compiles
 * the popup's code: about 30 ms with 5,000 stored orders. It starts the storage reads of the
 * list's first frame, which then run meanwhile instead of after. Native API only: the polyfill
 * is one of the things still loading. src/popup/main.tsx takes the reads (takeEarlyReads).
 */
import { nativeApi } from '../platform/native';
import { LIST_HEAD_KEYS, SETTINGS_KEY } from '../storage/keys';
import { EARLY_GLOBAL, type PopupEarly } from './early-reads';

function start(): PopupEarly | null {
  const api = nativeApi();
  if (!api?.storage.sync) return null;
  try {
    const early = { list: api.storage.local.get([...LIST_HEAD_KEYS]), settings: api.storage.sync.get(SETTINGS_KEY) };
    // Taken by the popup's entry, which reads again on a failure; never an unhandled rejection.
    early.list.catch(() => undefined);
    early.settings.catch(() => undefined);
    return early;
  } catch {
    return null;
  }
}

(globalThis as Record<string, unknown>)[EARLY_GLOBAL] = start();
