/**
 * The gateway APIs Buyer Shield reads, as lower-case prefixes. Shared by the MAIN-world
 * capture script (which must stay tiny, so this file imports nothing) and the readers.
 */
export const API_PREFIXES: readonly string[] = [
  'mtop.aliexpress.trade.buyer.order.',
  'mtop.ae.ld.querydetail',
  'mtop.aliexpress.buyer.reverse.',
];

/** Largest body handed over or read (bytes of text, roughly). */
export const MAX_BODY_CHARS = 5 * 1024 * 1024;

export const CAPTURE_SOURCE = 'buyer-shield/capture';
