/**
 * Isolated-world content script on AliExpress buyer pages, document_start. The early half
 * (early.ts) keeps the bodies the MAIN-world capture hands over and guards "Confirm
 * received" from the first moment; the late half (app.ts: reading, the worker, the overlay)
 * starts after the page's load event (late.ts). Built as one self-contained file (nothing
 * web-accessible).
 */
import { startEarly } from './early';
import { scheduleLate } from './late';

try {
  const early = startEarly();
  if (early) scheduleLate(early);
} catch (e) {
  // Never throw into the page.
  console.debug('[Buyer Shield] content script did not start', e);
}
