/** Popup entry (also opened in a tab for the claim assistant). */
import { render } from 'preact';
import '../platform/browser';
import { rulesOfSettings } from '../ui/dashboard/model';
import { LocaleProvider, loadUiSettings, uiLocaleOf } from '../ui/locale';
import { loadListHead, readListHead } from '../ui/orders';
import { takeEarlyReads } from './early-reads';
import { PopupApp, parseRoute } from './PopupApp';
import '../ui/base.css';

// The first rows are read while the shopper's language loads, not after (both started by the
// early script before these modules loaded, src/popup/early.ts), and are in the first render:
// no frame with a "loading" line before them. The index head is parsed while the catalogues
// are still on their way.
const early = takeEarlyReads();
const head = early ? early.list.catch(() => readListHead()) : readListHead();
void (async () => {
  const settings = await loadUiSettings(early ?? {});
  const locale = uiLocaleOf(settings, early?.catalogues);
  const first = parseRoute(location.search).view === 'list' ? await loadListHead(rulesOfSettings(settings), head).catch(() => null) : null;
  const initial = await locale;
  const root = document.getElementById('app');
  if (root) render(<LocaleProvider initial={initial}><PopupApp first={first} /></LocaleProvider>, root);
})();
