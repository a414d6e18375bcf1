import { useEffect, useState } from 'preact/hooks';
import type { Order } from '../domain/order';
import { formatMoney } from '../domain/money';
import { browser } from '../platform/browser';
import { BackupButtons } from '../ui/Backup';
import { useLocale } from '../ui/locale';
import { loadOrders } from '../ui/orders';

export function PopupApp() {
  const { t, lang } = useLocale();
  const [orders, setOrders] = useState<Order[] | null>(null);

  useEffect(() => {
    const load = () => void loadOrders().then((r) => setOrders(r.orders.sort((a, b) => (b.placedOn ?? '').localeCompare(a.placedOn ?? ''))));
    load();
    const listener = (_c: unknown, area: string) => area === 'local' && load();
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);

  return (
    <main class="popup">
      <header class="bar">
        <h1>{t('common_app_name')}</h1>
        <details class="menu">
          <summary>{t('popup_menu')}</summary>
          <div class="menu-body">
            <BackupButtons />
            <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
              {t('popup_open_options')}
            </button>
          </div>
        </details>
      </header>
      {orders === null ? null : orders.length === 0 ? (
        <p class="empty">{t('popup_no_orders')}</p>
      ) : (
        <ul class="orders" aria-label={t('popup_orders_label', { count: orders.length })}>
          {orders.map((o) => (
            <li key={o.orderId} class="order">
              <div class="order-head">
                <span class="store">{o.store.name ?? t('popup_unknown_store')}</span>
                <span class="status">{t(`status_${o.status}`)}</span>
              </div>
              <div class="item">{o.items[0]?.title ?? ''}</div>
              <div class="order-foot">
                <bdi class="order-id" dir="ltr">#{o.orderId}</bdi>
                {o.total && <bdi class="total">{formatMoney(o.total, lang)}</bdi>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
