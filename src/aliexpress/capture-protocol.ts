/**
 * The message the MAIN-world capture script posts to the isolated content script:
 * `{ source: 'buyer-shield/capture', v: 1, api, url, body }`. The page can post anything on
 * its own window, so the receiver accepts only this exact shape.
 */
import { isApiOfInterest } from './apis';
import { CAPTURE_SOURCE, MAX_BODY_CHARS } from './capture/api-prefixes';

export { CAPTURE_SOURCE };

export interface CaptureMessage {
  api: string;
  url: string;
  body: string;
}

export function parseCaptureMessage(data: unknown): CaptureMessage | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const d = data as Record<string, unknown>;
  const own = (k: string): unknown => (Object.prototype.hasOwnProperty.call(d, k) ? d[k] : undefined);
  if (own('source') !== CAPTURE_SOURCE || own('v') !== 1) return null;
  const api = own('api');
  const url = own('url');
  const body = own('body');
  if (typeof api !== 'string' || typeof url !== 'string' || typeof body !== 'string') return null;
  if (!isApiOfInterest(api) || url.length > 20_000 || body.length > MAX_BODY_CHARS) return null;
  return { api: api.toLowerCase(), url, body };
}
