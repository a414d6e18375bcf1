/**
 * A probe for the page-load floors (scripts/bench/floors.mjs), not part of the product: the
 * content script's early half alone (the guards and the capture buffer, src/content/early.ts),
 * without the late half that reads and draws, to show what each half costs before the load event.
 */
import { startEarly } from '../../src/content/early';

try {
  startEarly();
} catch {
  // never into the page
}
