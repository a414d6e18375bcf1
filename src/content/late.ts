/**
 * The late half of the content script waits for the page's load event: the reading and
 * drawing (app.ts, loaded lazily, so that even its modules' top-level code waits) start
 * after it, at the latest START_LATEST_MS after the early half, or at once when a guarded
 * click is waiting for a dialog. Until then the early half keeps what the capture hands over.
 */
import type { EarlyPart } from './shared';

const START_LATEST_MS = 3000;

export function scheduleLate(early: EarlyPart): void {
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    clearTimeout(latest);
    early.wake = null;
    import('./app')
      .then((app) => app.startContent(early))
      .catch((e: unknown) => console.debug('[Buyer Shield] content script did not start', e));
  };
  const latest = setTimeout(start, START_LATEST_MS);
  early.wake = start;
  if (document.readyState === 'complete') setTimeout(start, 0);
  else window.addEventListener('load', () => setTimeout(start, 0), { once: true, signal: early.ctx.signal });
}
