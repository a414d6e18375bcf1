/** Options page entry. */
import { render } from 'preact';
import '../platform/browser';
import { LocaleProvider, loadUiLocale } from '../ui/locale';
import { OptionsApp } from './OptionsApp';
import '../ui/base.css';

void loadUiLocale().then((locale) => {
  const root = document.getElementById('app');
  if (root) render(<LocaleProvider initial={locale}><OptionsApp /></LocaleProvider>, root);
});
