import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';

/** A saved page as a Document at `url` (scripts and sub-resources never load). */
export function loadPage(file: string, url: string): Document {
  return htmlDocument(readFileSync(`test/fixtures/aliexpress/pages/${file}`, 'utf8'), url);
}

export function htmlDocument(html: string, url = 'https://www.aliexpress.com/p/order/index.html'): Document {
  const w = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, navigation: { disableMainFrameNavigation: true } },
  });
  w.document.write(html);
  return w.document as unknown as Document;
}
