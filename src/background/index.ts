/** Service worker entry (Chrome) / background script (Firefox). Thin: wiring only. */
import { browser } from '../platform/browser';
import { startWorker } from './main';

startWorker(browser);
