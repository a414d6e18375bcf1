/** Popup entry (also opened in a tab for the claim assistant). */
import { render } from 'preact';
import '../platform/browser';
import { rulesOfSettings } from '../ui/dashboard/model';
import { LocaleProvider, loadUiLocale } from '../ui/locale';
import { loadListHead, readListHead } from '../ui/orders';
import { takeEarlyReads } from './early-reads';
import { PopupApp, parseRoute } from './PopupApp';
import '../ui/base.css';

// The first rows are read while the shopper's language loads, not after (started by the early
// script before these modules loaded, src/popup/early.ts), and are in the first render: no
// frame with a "loading" line before them.
const early = takeEarlyReads();
const head = early ? early.list.catch(() => readListHead()) : readListHead();
void (async () => {
  const locale = await loadUiLocale(early ?? {});
  const first = parseRoute(location.search).view === 'list' ? await loadListHead(rulesOfSettings(locale.settings), head).catch(() => null) : null;
  const root = document.getElementById('app');
  if (root) render(<LocaleProvider initial={locale}><PopupApp first={first} /></LocaleProvider>, root);
})();
