/**
 * The AliExpress page where a shopper opens a return or dispute for one order
 * (docs/aliexpress.md, "Pages": `/p/reverse-pages/start.html`). Same path on www., m., .us and the language
 * subdomains, so the order's own host is kept when it is a supported AliExpress host.
 */
import { SUPPORTED_SITES } from './pages';

export const DISPUTE_START_PATH = '/p/reverse-pages/start.html';
const DEFAULT_HOST = 'www.aliexpress.com';

/** A host we may link to: a supported operator site or one of its subdomains (never aliexpress.ru). */
function supportedHost(site: string | null | undefined): string | null {
  const host = (site ?? '').trim().toLowerCase().replace(/\.$/, '');
  if (!/^[a-z0-9.-]{1,100}$/.test(host)) return null;
  for (const s of SUPPORTED_SITES) {
    if (host === s) return `www.${s}`;
    if (host.endsWith(`.${s}`)) {
      // trade. and track. serve only legacy pages; the dispute form lives on www.
      const sub = host.slice(0, -s.length - 1);
      return sub === 'trade' || sub === 'track' ? `www.${s}` : host;
    }
  }
  return null;
}

/** `https://www.aliexpress.com/p/reverse-pages/start.html?orderId=<id>`, on the order's host when supported. */
export function disputeStartUrl(orderId: string, site?: string | null): string {
  const host = supportedHost(site) ?? DEFAULT_HOST;
  return `https://${host}${DISPUTE_START_PATH}?orderId=${encodeURIComponent(orderId)}`;
}
