/**
 * The popup (also opened in a tab): the dashboard by default, one order's view, or the claim
 * assistant. Routes live in the query string (`?view=list`, `?view=order&order=ID`,
 * `?view=claim&order=ID`), so the worker can open a tab straight at a claim.
 *
 * The list paints from the worker's order index head (the first rows and the counts) and
 * reads every record only when the shopper needs more; an opened order is read from its
 * own record (src/ui/orders.ts).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from '../platform/browser';
import { BackupButtons } from '../ui/Backup';
import { DiagnosticsButton, HealthNotices } from '../ui/HealthNotices';
import { OtherBrowsers } from '../ui/OtherBrowsers';
import { Dashboard, orderHref } from '../ui/dashboard/Dashboard';
import { rulesOfSettings } from '../ui/dashboard/model';
import { useLocale } from '../ui/locale';
import { askForIndex, loadListFromRecords, loadListHead, loadOrder, type OpenedOrder, type OrderList } from '../ui/orders';
import { INDEX_HEAD_KEY } from '../storage/order-index';
import { draftKey, orderKey } from '../storage/schema';

export type Route = { view: 'list' } | { view: 'order' | 'claim'; orderId: string };

export function parseRoute(search: string): Route {
  const q = new URLSearchParams(search);
  const view = q.get('view');
  const orderId = q.get('order') ?? '';
  if ((view === 'order' || view === 'claim') && /^\d{6,24}$/.test(orderId)) return { view, orderId };
  return { view: 'list' };
}

type Views = typeof import('./views');
let viewsLoad: Promise<Views> | null = null;

/** The order views' chunk (src/popup/views.ts), loaded once; a failed load is tried again next time. */
export function loadViews(): Promise<Views> {
  viewsLoad ??= import('./views').catch((e: unknown) => {
    viewsLoad = null;
    throw e;
  });
  return viewsLoad;
}

/** The order views once loaded; 'failed' when their chunk could not be loaded. */
function useViews(wanted: boolean): Views | 'failed' | null {
  const [views, setViews] = useState<Views | 'failed' | null>(null);
  useEffect(() => {
    if (!wanted || (views && views !== 'failed')) return;
    let live = true;
    loadViews().then(
      (v) => live && setViews(v),
      () => live && setViews('failed'),
    );
    return () => {
      live = false;
    };
  }, [wanted, views]);
  return views;
}

function hrefOf(r: Route): string {
  return r.view === 'list' ? '?view=list' : orderHref(r.orderId, r.view);
}

/**
 * `first`: the list from the index head, read by the entry before the first render (so the
 * first frame holds the first rows, not a "loading" line); null when there was no usable index.
 */
export function PopupApp({ first }: { first?: OrderList | null }) {
  const { t, settings } = useLocale();
  const [list, setList] = useState<OrderList | null>(first ?? null);
  const [opened, setOpened] = useState<(OpenedOrder & { orderId: string }) | null>(null);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.search));
  const rules = useMemo(() => rulesOfSettings(settings), [settings]);
  const openedId = route.view === 'list' ? null : route.orderId;
  const views = useViews(openedId !== null);
  // Once the list is shown and the page idle, the order views load too: opening an order is then instant.
  const listShown = route.view === 'list' && list !== null;
  useEffect(() => {
    if (!listShown) return;
    const prefetch = () => void loadViews().catch(() => {});
    if (typeof requestIdleCallback !== 'function') return void setTimeout(prefetch, 500);
    const id = requestIdleCallback(prefetch, { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }, [listShown]);

  // The list: the index head first; every record when the shopper needs more than its rows
  // (search, filter, scrolling), or at once when there is no usable index.
  const [wantAll, setWantAll] = useState(false);
  const needAll = useCallback(() => setWantAll(true), []);
  const readByEntry = useRef(first != null);
  useEffect(() => {
    let current = 0;
    const load = async () => {
      const run = ++current;
      const head = wantAll ? null : await loadListHead(rules);
      if (run !== current) return;
      if (head) return setList(head);
      if (!wantAll) askForIndex();
      const all = await loadListFromRecords(rules);
      if (run === current) setList(all);
    };
    // The entry's list is current for these rules; a list read again now would be the same.
    if (readByEntry.current && !wantAll) readByEntry.current = false;
    else void load();
    // The worker rewrites the index after every change of an order; quarantine and page problems change the notices.
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (INDEX_HEAD_KEY in changes || 'quarantine' in changes || 'problems' in changes)) void load();
    };
    browser.storage.onChanged.addListener(listener);
    return () => {
      current++;
      browser.storage.onChanged.removeListener(listener);
    };
  }, [rules, wantAll]);

  // The opened order, from its own record, read again when it changes.
  useEffect(() => {
    if (openedId === null) return setOpened(null);
    let live = true;
    const load = () => void loadOrder(openedId, rules).then((o) => live && setOpened({ ...o, orderId: openedId }));
    load();
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (orderKey(openedId) in changes || draftKey(openedId) in changes)) load();
    };
    browser.storage.onChanged.addListener(listener);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(listener);
    };
  }, [openedId, rules]);

  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const go = (r: Route) => {
    history.pushState(null, '', hrefOf(r));
    setRoute(r);
    window.scrollTo(0, 0);
  };

  const detail = opened && opened.orderId === openedId && opened.kind === 'ok' ? opened : null;
  const inPopup = typeof window !== 'undefined' && window.innerWidth < 560;

  return (
    <main class="popup">
      <header class="bar">
        {route.view === 'list' ? (
          <h1>{t('common_app_name')}</h1>
        ) : (
          <button type="button" class="back" onClick={() => go(route.view === 'claim' && detail ? { view: 'order', orderId: route.orderId } : { view: 'list' })}>
            {t(route.view === 'claim' ? 'popup_back_to_order' : 'popup_back_to_list')}
          </button>
        )}
        <div class="bar-end">
          {route.view !== 'list' && inPopup && (
            <button type="button" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(`src/popup/index.html${hrefOf(route)}`) })}>
              {t('popup_open_in_tab')}
            </button>
          )}
          <details class="menu">
            <summary>{t('popup_menu')}</summary>
            <div class="menu-body">
              <BackupButtons />
              {list && <DiagnosticsButton health={list.health} />}
              <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
                {t('popup_open_options')}
              </button>
            </div>
          </details>
        </div>
      </header>
      {route.view === 'list' ? (
        list === null ? (
          <p class="empty" role="status">
            {t('popup_loading')}
          </p>
        ) : (
          <>
            <HealthNotices health={list.health} />
            <OtherBrowsers />
            <Dashboard rows={list.rows} counts={list.counts} complete={list.complete} onNeedAll={needAll} onOpen={(orderId) => go({ view: 'order', orderId })} />
          </>
        )
      ) : views === 'failed' ? (
        <p class="empty" role="alert">
          {t('popup_view_failed')}
        </p>
      ) : opened === null || opened.orderId !== route.orderId || views === null ? (
        <p class="empty" role="status">
          {t('popup_loading')}
        </p>
      ) : !detail ? (
        <p class="empty" role="alert">
          {t('popup_order_unknown', { id: route.orderId })}
        </p>
      ) : route.view === 'order' ? (
        <views.OrderView row={detail.detail} onClaim={(orderId) => go({ view: 'claim', orderId })} />
      ) : (
        <views.ClaimAssistant key={detail.detail.order.orderId} order={detail.detail.order} storedDraft={detail.draft} rules={rules} />
      )}
    </main>
  );
}
