/**
 * MAIN-world content script, `document_start`, on the buyer pages (pages.ts CAPTURE_MATCHES).
 * Wraps fetch, XHR and the JSONP callbacks so that every gateway response of an API we read
 * reaches the isolated content script as a window message. See aliexpress/capture/install.ts.
 * It must stay tiny and must never throw into the page.
 */
import { installCapture } from '../aliexpress/capture/install';

try {
  installCapture(window);
} catch {
  // never into the page
}
