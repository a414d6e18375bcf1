/** Service worker entry (Chrome) / background script (Firefox). Thin: wiring only. */
// First: starts the reads a cold start needs while the rest is evaluated (see early.ts).
import './early';
import { browser } from '../platform/browser';
import { startWorker } from './main';

startWorker(browser);
