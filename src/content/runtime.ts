/**
 * The content script's link to the extension. When the extension is updated or removed under
 * a live page, `runtime.id` disappears and every call throws "Extension context invalidated":
 * the content script then tears itself down (AbortSignal) instead of throwing into the page.
 */
import { browser } from '../platform/content-browser';
import type { CsToBgMessage, Replies, Reply } from '../messaging/messages';
import { checkReply } from '../messaging/replies';

export class ContentContext {
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;

  get alive(): boolean {
    return this.check();
  }

  /** Whether the extension is still there; if it is gone, stop everything this context started. */
  check(): boolean {
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

  /**
   * Send to the worker; its reply, checked against what a reply to this type holds
   * (src/messaging/replies.ts), or null when the extension is gone, the worker failed or
   * the reply is not of that shape.
   */
  async send<M extends CsToBgMessage>(message: M): Promise<Reply<Replies[M['type']]> | null> {
    if (!this.alive) return null;
    try {
      return checkReply<M['type']>(message.type, await browser.runtime.sendMessage(message));
    } catch (e) {
      if (/context invalidated|Receiving end does not exist/i.test(String(e))) this.stop();
      return null;
    }
  }
}
