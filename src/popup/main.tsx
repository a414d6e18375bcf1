/** Popup entry (also opened in a tab for the claim assistant). */
import { render } from 'preact';
import '../platform/browser';
import { LocaleProvider, loadUiLocale } from '../ui/locale';
import { readListHead } from '../ui/orders';
import { PopupApp } from './PopupApp';
import '../ui/base.css';

// The first rows are read while the shopper's language loads, not after.
const head = readListHead();
void loadUiLocale().then((locale) => {
  const root = document.getElementById('app');
  if (root) render(<LocaleProvider initial={locale}><PopupApp head={head} /></LocaleProvider>, root);
});
