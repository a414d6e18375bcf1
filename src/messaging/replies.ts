/**
 * The content script's checks of the worker's replies. It carries no zod (its size budget,
 * docs/performance.md), so each CS→BG message type has a plain check of its reply's value
 * here; `checkReply` keeps a reply only when it has the shape its type promises.
 */
import type { CsToBgMessage, Replies, Reply } from './messages';
import type { OverlayState } from './overlay-state';

type CsType = CsToBgMessage['type'];

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNull = (v: unknown): v is null => v === null;
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isStringRecord = (v: unknown): v is Record<string, string> => isRec(v) && Object.values(v).every((x) => typeof x === 'string');

function isOverlayDeadline(v: unknown): boolean {
  return isRec(v) && typeof v['kind'] === 'string' && typeof v['due'] === 'string' && typeof v['daysLeft'] === 'number' && typeof v['action'] === 'string';
}

function isOverlayOrder(v: unknown): boolean {
  if (!isRec(v) || !isRec(v['order']) || typeof v['order']['orderId'] !== 'string' || !isRec(v['outlook'])) return false;
  const deadlines = v['deadlines'];
  return Array.isArray(deadlines) && deadlines.every(isOverlayDeadline) && (v['top'] === null || isOverlayDeadline(v['top']));
}

/** What the overlay draws from: every part it reads has the type it reads it as. */
export function isOverlayState(v: unknown): v is OverlayState {
  return (
    isRec(v) &&
    isCount(v['knownCount']) &&
    Array.isArray(v['orders']) &&
    v['orders'].every(isOverlayOrder) &&
    isRec(v['settings']) &&
    isRec(v['prefs']) &&
    typeof v['locale'] === 'string' &&
    (v['dir'] === 'rtl' || v['dir'] === 'ltr') &&
    typeof v['lang'] === 'string' &&
    isStringRecord(v['messages'])
  );
}

/** Each CS→BG message type's check of its reply's value. */
export const CS_REPLY_CHECKS: { readonly [K in CsType]: (value: unknown) => value is Replies[K] } = {
  'cs/observations': (v): v is Replies['cs/observations'] => isRec(v) && isCount(v['accepted']) && isCount(v['rejected']),
  'cs/page-problem': isNull,
  'cs/overlay-state': isOverlayState,
  'cs/set-order-guard': isNull,
  'cs/open-claim': isNull,
};

/** The reply if it has the shape of a reply to `type` (a refusal always has), else null. */
export function checkReply<K extends CsType>(type: K, reply: unknown): Reply<Replies[K]> | null {
  if (!isRec(reply)) return null;
  if (reply['ok'] === false) return typeof reply['error'] === 'string' ? (reply as Reply<Replies[K]>) : null;
  return reply['ok'] === true && CS_REPLY_CHECKS[type](reply['value']) ? (reply as Reply<Replies[K]>) : null;
}
