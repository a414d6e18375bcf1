/** Extension pages → worker. */
import type { Reply, UiToBgMessage } from '../messaging/messages';
import { browser } from '../platform/browser';

export async function ask<T>(message: UiToBgMessage): Promise<Reply<T>> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
    return reply ?? { ok: false, error: 'no_reply' };
  } catch (e) {
    return { ok: false, error: 'no_reply', params: { detail: String(e) } };
  }
}
