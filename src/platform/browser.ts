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

/**
 * The APIs a browser may lack (Firefox for Android has no notifications, and may have no toolbar
 * badge). Each feature that uses one asks here and does without: a reminder is still kept for
 * the popup, the badge count is still in the popup's list.
 */
export function hasNotifications(b: Browser): boolean {
  return typeof b.notifications?.create === 'function';
}

export function hasBadge(b: Browser): boolean {
  return typeof b.action?.setBadgeText === 'function' && typeof b.action?.setBadgeBackgroundColor === 'function';
}

/** The toolbar badge: a count and its colour, where the browser has one. */
export async function setBadge(b: Browser, count: number, today: boolean): Promise<void> {
  if (!hasBadge(b)) return;
  await b.action.setBadgeText({ text: count ? String(count) : '' });
  await b.action.setBadgeBackgroundColor({ color: today ? '#c62828' : '#b35900' });
}

/**
 * Asks the content script of the tab the shopper is looking at (the active tab of this window)
 * and returns its answer, or null when that tab has none (not an AliExpress page, or a page
 * opened before the extension was installed). Needs no permission: an extension may message
 * its own content scripts.
 */
export async function askActiveTab(b: Browser, message: unknown): Promise<unknown> {
  try {
    const [tab] = await b.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return null;
    return await b.tabs.sendMessage(tab.id, message);
  } catch {
    return null;
  }
}
