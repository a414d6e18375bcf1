/**
 * The worker killed (CDP Target.closeTarget, as Chrome does when it idles out) at random
 * moments, 50 times in a run, seeded: while pages are read (order list and detail reloaded),
 * while backups are imported, and around reminders. After every kill: no stored order lost,
 * every `order:*` record valid (OrderSchema); an import lands whole or not at all; after each
 * phase: every expected order present, each reminder raised once (reminder log), at most one
 * notification per deadline, and the reminder alarm armed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderFromObservation } from '../../src/domain/merge';
import { OrderSchema, type Order } from '../../src/domain/order';
import { launch, waitUntil, type Harness } from './harness';
import {
  ACS,
  DETAIL_API,
  LIST_API,
  ORDER_DETAIL,
  ORDER_LIST,
  ORDER_LIST_URL,
  awaitingDeliveryDetail,
  detailPage,
  englishDateFromToday,
  fixtureText,
  gateway,
  html,
  listIds,
  orderListPage,
} from './pages';
import fc from 'fast-check';

const SEED = 20260907;
const KILLS = { reading: 20, importing: 15, reminders: 15 };
const REMINDER_ALARM = 'buyer-shield:reminder';
const BATCH = 100;
const LIST = fixtureText('order-list.2026-09.json');
const AWAITING = '8214398062177351';
const refundBy = englishDateFromToday(2);
const reminderIds = Array.from({ length: KILLS.reminders }, (_, k) => `82143980621773${String(k + 10)}`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function batch(i: number, size: number): Order[] {
  return Array.from({ length: size }, (_, j) =>
    orderFromObservation(
      {
        orderId: `83${String(i).padStart(4, '0')}${String(j).padStart(10, '0')}`,
        site: 'www.aliexpress.com',
        status: 'completed',
        statusText: 'Completed',
        placedOn: '2026-05-01',
        total: { minor: 1000 + j, currency: 'EUR' },
        store: { name: `Store ${j}`, url: null },
        items: [{ title: `Item ${i}-${j}`, quantity: 1, price: null, variant: null }],
      },
      '2026-06-01T00:00:00.000Z',
    ),
  );
}

const backupOf = (orders: Order[]) => JSON.stringify({ format: 'buyer-shield-backup', version: 1, exportedAt: '2026-09-01T00:00:00.000Z', orders, settings: {} });

describe('worker killed at random moments (seeded)', () => {
  let h: Harness;
  // The kill moments, drawn by fast-check from the seed: the same seed replays the same run.
  const moments = fc.sample(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { seed: SEED, numRuns: 1000 });
  let drawn = 0;
  const random = (): number => moments[drawn++ % moments.length] as number;
  let kills = 0;
  const stats = { kills: 0, importsLanded: 0, importsNotLanded: 0, notificationsShown: 0, notificationsLostToKill: 0 };

  beforeAll(async () => {
    h = await launch();
    await h.routeAliExpress({
      [ORDER_LIST]: html(orderListPage('xhr')),
      [ORDER_DETAIL]: html(detailPage()),
      [ACS]: (route, url) => {
        const id = url.searchParams.get('orderId');
        if (url.searchParams.get('api') === DETAIL_API && id) {
          return route.fulfill({ status: 200, contentType: 'application/json', body: awaitingDeliveryDetail(id, refundBy.text) });
        }
        return gateway({ [LIST_API]: LIST })(route, url);
      },
    });
  });
  afterAll(async () => {
    console.log(JSON.stringify({ reliability: { seed: SEED, ...stats } }));
    await h?.close();
  });

  /** Kill the worker, wake it, and check no stored order was lost and every record is valid. */
  async function killAndCheck(before: Set<string>): Promise<Set<string>> {
    await h.restartWorker();
    kills++;
    stats.kills = kills;
    const all = await h.storage();
    const ids = new Set<string>();
    for (const [k, v] of Object.entries(all)) {
      if (!k.startsWith('order:')) continue;
      const parsed = OrderSchema.safeParse(v);
      if (!parsed.success) throw new Error(`invalid record ${k} after kill ${kills}: ${JSON.stringify(parsed.error.issues[0])}`);
      ids.add(k.slice(6));
    }
    const lost = [...before].filter((id) => !ids.has(id));
    expect(lost, `orders lost after kill ${kills}`).toEqual([]);
    return ids;
  }

  it(`page reading: ${KILLS.reading} kills while the order list and a detail page load`, async () => {
    let known = new Set<string>();
    const page = await h.context.newPage();
    for (let i = 0; i < KILLS.reading; i++) {
      const url = i % 2 === 0 ? ORDER_LIST_URL : `https://www.aliexpress.com/p/order/detail.html?orderId=${AWAITING}`;
      const loading = page.goto(url).catch(() => null);
      await sleep(Math.floor(random() * 1200));
      known = await killAndCheck(known);
      await loading;
    }
    // The last loads ran to the end: the pages are read (reload once more, no kill, if a kill hit the last reading).
    const expected = [...listIds(LIST)];
    if (!expected.every((id) => known.has(id))) {
      await page.goto(ORDER_LIST_URL);
    }
    const ids = await waitUntil(async () => Object.keys(await h.orders()), (l) => expected.every((id) => l.includes(id)), 15_000, 'all list orders');
    expect(ids.sort()).toEqual(expected.sort());
    await page.close();
    const alarms = await h.alarms();
    expect(alarms.map((a) => a.name)).toEqual([REMINDER_ALARM]);
  });

  it(`backup import: ${KILLS.importing} kills during imports of 100 orders; each lands whole or not at all`, async () => {
    let known = new Set(Object.keys(await h.orders()));
    const sizes: number[] = [];
    const pending: number[] = [];
    for (let i = 0; i < KILLS.importing; i++) {
      const orders = batch(i, BATCH);
      const ids = orders.map((o) => o.orderId);
      const importing = h.ask({ type: 'ui/import-backup', text: backupOf(orders) }).catch((e: unknown) => ({ killed: String(e) }));
      await sleep(Math.floor(random() * 250));
      known = await killAndCheck(known);
      await importing;
      const present = ids.filter((id) => known.has(id)).length;
      expect([0, BATCH], `batch ${i} landed partly`).toContain(present);
      sizes.push(present);
      if (present === 0) pending.push(i);
    }
    stats.importsLanded = sizes.filter((n) => n === BATCH).length;
    stats.importsNotLanded = pending.length;
    // The shopper imports again what did not land: everything is there.
    for (const i of pending) expect(await h.ask({ type: 'ui/import-backup', text: backupOf(batch(i, BATCH)) })).toMatchObject({ ok: true, value: { imported: BATCH, total: BATCH } });
    const orders = await h.orders();
    for (let i = 0; i < KILLS.importing; i++) for (const o of batch(i, BATCH)) expect(orders[o.orderId], o.orderId).toBeDefined();
    expect(Object.keys(orders)).toHaveLength(10 + KILLS.importing * BATCH);
    for (const [id, o] of Object.entries(orders)) expect(OrderSchema.safeParse(o).success, id).toBe(true);
    expect((await h.alarms()).map((a) => a.name)).toEqual([REMINDER_ALARM]);
  });

  it(`reminders: ${KILLS.reminders} kills around reading a refund date two days away; each reminder once`, async () => {
    let known = new Set(Object.keys(await h.orders()));
    await h.clearNotifications();
    const page = await h.context.newPage();
    const keyOf = (id: string) => `${id}|no-delivery-refund`;
    const raisedFor = async (id: string): Promise<number[] | undefined> => {
      const read = await (await h.probe()).evaluate(() => chrome.storage.local.get('reminderLog'));
      return (read['reminderLog'] as { raised?: Record<string, { due: string; leads: number[] }> } | undefined)?.raised?.[keyOf(id)]?.leads;
    };
    for (const id of reminderIds) {
      const loading = page.goto(`https://www.aliexpress.com/p/order/detail.html?orderId=${id}`).catch(() => null);
      await sleep(Math.floor(random() * 1500));
      known = await killAndCheck(known);
      await loading;
      if (!known.has(id)) {
        // The kill hit the reading itself: the shopper reloads the page.
        await page.reload();
      }
      await waitUntil(() => raisedFor(id), (l) => l !== undefined, 15_000, `the reminder of ${id}`);
      await sleep(300);
      const shown = Object.keys(await h.notifications());
      // At most one notification, for this deadline only (earlier ones were cleared and must not come back).
      expect(shown.filter((n) => n !== `bs|${id}|no-delivery-refund|${refundBy.iso}`)).toEqual([]);
      if (shown.length === 1) stats.notificationsShown++;
      else stats.notificationsLostToKill++;
      // A reminder recorded as raised was shown: none is lost to a kill.
      expect(shown, `the notification of ${id}`).toHaveLength(1);
      await h.clearNotifications();
    }
    await page.close();
    // Each reminder raised once (the three-days-before lead), none twice, and no stray notification afterwards.
    const log = (await h.storage())['reminderLog'] as { raised: Record<string, { due: string; leads: number[] }> };
    for (const id of [...reminderIds, AWAITING]) expect(log.raised[keyOf(id)], id).toEqual({ due: refundBy.iso, leads: [3] });
    await h.restartWorker();
    await sleep(1000);
    expect(await h.notifications()).toEqual({});
    const orders = await h.orders();
    for (const id of reminderIds) expect(OrderSchema.safeParse(orders[id]).success).toBe(true);
    expect((await h.alarms()).map((a) => a.name)).toEqual([REMINDER_ALARM]);
    expect(kills).toBe(KILLS.reading + KILLS.importing + KILLS.reminders);
  }, 180_000);
});
