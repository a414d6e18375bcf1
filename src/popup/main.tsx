/** Popup entry (also opened in a tab for the claim assistant). */
import { render } from 'preact';
import '../platform/browser';
import { LocaleProvider, loadUiLocale } from '../ui/locale';
import { PopupApp } from './PopupApp';
import '../ui/base.css';

void loadUiLocale().then((locale) => {
  const root = document.getElementById('app');
  if (root) render(<LocaleProvider initial={locale}><PopupApp /></LocaleProvider>, root);
});
