/**
 * Isolated-world content script on AliExpress buyer pages (document_start). Listens for the
 * bodies the MAIN-world capture hands over, reads them, falls back to the rendered page, and
 * overlays the page. Built as one self-contained file (nothing web-accessible).
 */
import { startContent } from './app';

try {
  startContent();
} catch (e) {
  // Never throw into the page.
  console.debug('[Buyer Shield] content script did not start', e);
}
