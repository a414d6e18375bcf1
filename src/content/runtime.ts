/**
 * The content script's link to the extension. When the extension is updated or removed under
 * a live page, `runtime.id` disappears and every call throws "Extension context invalidated":
 * the content script then tears itself down (AbortSignal) instead of throwing into the page.
 */
import { browser } from '../platform/content-browser';
import type { CsToBgMessage, Reply } from '../messaging/messages';

export class ContentContext {
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;

  get alive(): boolean {
    if (this.signal.aborted) return false;
    try {
      if (!browser.runtime?.id) throw new Error('invalidated');
      return true;
    } catch {
      this.stop();
      return false;
    }
  }

  stop(): void {
    if (!this.signal.aborted) this.controller.abort();
  }

  onStop(fn: () => void): void {
    this.signal.addEventListener('abort', fn, { once: true });
  }

  /** Send to the worker; null when the extension is gone or the worker failed. */
  async send<T>(message: CsToBgMessage): Promise<Reply<T> | null> {
    if (!this.alive) return null;
    try {
      return (await browser.runtime.sendMessage(message)) as Reply<T>;
    } catch (e) {
      if (/context invalidated|Receiving end does not exist/i.test(String(e))) this.stop();
      return null;
    }
  }
}
