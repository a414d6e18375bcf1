import { afterEach, describe, expect, test, vi } from 'vitest';
import { PageState } from '../../../src/content/overlay/state';
import type { ContentContext } from '../../../src/content/runtime';

type Pending = { resolve: (v: unknown) => void };

/** A content context whose worker answers only when the test says so. */
function fakeContext(): { ctx: ContentContext; sent: Pending[] } {
  const sent: Pending[] = [];
  const ctx = {
    alive: true,
    send: vi.fn(() => new Promise((resolve) => sent.push({ resolve }))),
  } as unknown as ContentContext;
  return { ctx, sent };
}

const page = { kind: 'order-detail', orderId: '8000000000000001', unsupportedOperator: false };
const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => vi.useRealTimers());

describe('the overlay asks the worker for its state', () => {
  test('calls made while a request is out are answered by one more request, not one each', async () => {
    const { ctx, sent } = fakeContext();
    const overlay = new PageState(ctx, page);
    const first = overlay.refresh();
    const later = [overlay.refresh(), overlay.refresh(), overlay.refresh()];
    expect(sent).toHaveLength(1);
    sent[0]?.resolve(null);
    await flush();
    expect(sent).toHaveLength(2);
    sent[1]?.resolve(null);
    await Promise.all([first, ...later]);
    expect(sent).toHaveLength(2);
    // Quiet again: the next call is a request of its own.
    void overlay.refresh();
    expect(sent).toHaveLength(3);
    sent[2]?.resolve(null);
  });

  test('a reply that never comes does not hold up later requests', async () => {
    vi.useFakeTimers();
    const { ctx, sent } = fakeContext();
    const overlay = new PageState(ctx, page);
    const first = overlay.refresh();
    await vi.advanceTimersByTimeAsync(10_000);
    await first;
    void overlay.refresh();
    expect(sent).toHaveLength(2);
  });
});
