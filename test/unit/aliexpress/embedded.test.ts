/**
 * Order data carried in the page's HTML (src/aliexpress/embedded.ts): read as the response it
 * stands for, the same orders as the captured answer, and never run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { API, readApiPayload, readEmbeddedData, unwrapBody } from '../../../src/aliexpress';
import { htmlDocument } from './dom-pages';

const ctx = { site: 'aliexpress.com', now: new Date('2026-09-07T10:00:00Z') };
const capture = (name: string) => readFileSync(`test/fixtures/aliexpress/${name}`, 'utf8');
const LIST = capture('order-list.2026-09.json');
const TRACKING = capture('tracking.2026-09.json');

/** `</script>` inside a JSON string would end the script: pages escape it, as here. */
const inline = (json: string) => json.replace(/<\//g, '<\\/');

describe('readEmbeddedData', () => {
  test('an order list assigned to a global, and tracking in a JSON script: the same observations as the captured answers', () => {
    const doc = htmlDocument(`<!doctype html><html><head>
      <script>console.log("not data")</script>
      <script>window.__INIT_DATA__ = ${inline(LIST)};</script>
      <script type="application/json" id="tracking-data">${inline(TRACKING)}</script>
      </head><body></body></html>`);
    const results = readEmbeddedData(doc, { ...ctx, orderId: '8212313961591322' });
    expect(results).toHaveLength(2);
    const list = readApiPayload(API.orderList, unwrapBody(LIST), ctx);
    expect(results[0]!.observations.map((o) => o.orderId)).toEqual(list.observations.map((o) => o.orderId));
    expect(results[0]!.observations).toHaveLength(10);
    const tracking = readApiPayload(API.tracking, unwrapBody(TRACKING), { ...ctx, orderId: '8212313961591322' });
    expect(results[1]!.observations).toEqual(tracking.observations);
  });

  test('anything but data is left alone, never run', () => {
    (globalThis as Record<string, unknown>)['ran'] = false;
    const doc = htmlDocument(`<!doctype html><html><head>
      <script>window.x = {"data": globalThis.ran = true};</script>
      <script>var config = {"theme": "dark", "version": 3};</script>
      <script>window.y = {"data": {"components": []}}; doSomething();</script>
      <script type="text/template">{"data": {}}</script>
      <script src="https://example.com/x.js">window.z = {"a": 1};</script>
      </head><body></body></html>`);
    expect(readEmbeddedData(doc, ctx)).toEqual([]);
    expect((globalThis as Record<string, unknown>)['ran']).toBe(false);
  });
});
