/**
 * The popup (also opened in a tab): the dashboard by default, one order's view, or the claim
 * assistant. Routes live in the query string (`?view=list`, `?view=order&order=ID`,
 * `?view=claim&order=ID`), so the worker can open a tab straight at a claim.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from '../platform/browser';
import { BackupButtons } from '../ui/Backup';
import { DiagnosticsButton, HealthNotices } from '../ui/HealthNotices';
import { ClaimAssistant } from '../ui/claim/ClaimAssistant';
import { Dashboard, orderHref } from '../ui/dashboard/Dashboard';
import { buildRows, rulesOfSettings, type DashboardRow } from '../ui/dashboard/model';
import { OrderView } from '../ui/dashboard/OrderView';
import { useLocale } from '../ui/locale';
import { loadOrders, type StoreHealth } from '../ui/orders';
import type { Order } from '../domain/order';

export type Route = { view: 'list' } | { view: 'order' | 'claim'; orderId: string };

export function parseRoute(search: string): Route {
  const q = new URLSearchParams(search);
  const view = q.get('view');
  const orderId = q.get('order') ?? '';
  if ((view === 'order' || view === 'claim') && /^\d{6,24}$/.test(orderId)) return { view, orderId };
  return { view: 'list' };
}

function hrefOf(r: Route): string {
  return r.view === 'list' ? '?view=list' : orderHref(r.orderId, r.view);
}

interface Loaded {
  orders: Order[];
  drafts: Map<string, unknown>;
  health: StoreHealth;
}

export function PopupApp() {
  const { t, settings } = useLocale();
  const [data, setData] = useState<Loaded | null>(null);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.search));
  const rules = useMemo(() => rulesOfSettings(settings), [settings]);
  const rows = useMemo<DashboardRow[]>(() => (data ? buildRows(data.orders, rules) : []), [data, rules]);

  useEffect(() => {
    const load = () => void loadOrders().then((r) => setData({ orders: r.orders, drafts: r.drafts, health: r.health }));
    load();
    // Reload when an order, the quarantine or the page problems change (drafts saved by this page don't need a reload).
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && Object.keys(changes).some((k) => k.startsWith('order:') || k === 'quarantine' || k === 'problems')) load();
    };
    browser.storage.onChanged.addListener(listener);
    const onPop = () => setRoute(parseRoute(location.search));
    window.addEventListener('popstate', onPop);
    return () => {
      browser.storage.onChanged.removeListener(listener);
      window.removeEventListener('popstate', onPop);
    };
  }, []);

  const go = (r: Route) => {
    history.pushState(null, '', hrefOf(r));
    setRoute(r);
    window.scrollTo(0, 0);
  };

  const row = route.view === 'list' ? undefined : rows.find((r) => r.order.orderId === route.orderId);
  const inPopup = typeof window !== 'undefined' && window.innerWidth < 560;

  return (
    <main class="popup">
      <header class="bar">
        {route.view === 'list' ? (
          <h1>{t('common_app_name')}</h1>
        ) : (
          <button type="button" class="back" onClick={() => go(route.view === 'claim' && row ? { view: 'order', orderId: route.orderId } : { view: 'list' })}>
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
              {data && <DiagnosticsButton health={data.health} orders={data.orders} />}
              <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
                {t('popup_open_options')}
              </button>
            </div>
          </details>
        </div>
      </header>
      {data === null ? (
        <p class="empty" role="status">
          {t('popup_loading')}
        </p>
      ) : route.view === 'list' ? (
        <>
          <HealthNotices health={data.health} orders={data.orders} />
          <Dashboard rows={rows} onOpen={(orderId) => go({ view: 'order', orderId })} />
        </>
      ) : !row ? (
        <p class="empty" role="alert">
          {t('popup_order_unknown', { id: route.orderId })}
        </p>
      ) : route.view === 'order' ? (
        <OrderView row={row} onClaim={(orderId) => go({ view: 'claim', orderId })} />
      ) : (
        <ClaimAssistant key={row.order.orderId} order={row.order} storedDraft={data.drafts.get(row.order.orderId)} rules={rules} />
      )}
    </main>
  );
}
