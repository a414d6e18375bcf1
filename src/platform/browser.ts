/**
 * The one place that imports webextension-polyfill. Chrome 148+ and Firefox have `browser`
 * natively; the polyfill fills it in on older Chrome.
 */
import browser from 'webextension-polyfill';
import * as z from 'zod/mini';

// zod must not probe for run-time code generation (the extension CSP forbids it; web-ext lint flags it).
z.config({ jitless: true });

export { browser };
export type Browser = typeof browser;

/** Chrome's notification options the polyfill's types lack. */
export interface NotificationOptions {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  contextMessage?: string;
  buttons?: { title: string }[];
  requireInteraction?: boolean;
  priority?: number;
}

/** Firefox has no notification buttons. */
export function supportsNotificationButtons(): boolean {
  return !navigator.userAgent.includes('Firefox');
}
