/**
 * What a tracking event means (docs/deadlines.md, "Tracking"), by AliExpress's codes first and
 * its words (in several languages) when an event has no code. The one classifier the deadline
 * engine, the claim facts, the timeline and the overlay use; keeps codes out of src/domain.
 */
import type { TrackingEventClass } from '../domain/deadlines/tracking';
import type { TrackingEvent } from '../domain/order';
import { PICKUP_CODES, PRE_SHIPMENT_CODE_PREFIXES, TRACKING, TRACKING_NOTICE_CODES } from './codes';

const PICKUP_WORDS =
  /pick[- ]?up point|post office|ready for (?:pick ?up|collection)|awaiting (?:pick ?up|collection)|punto de recogida|oficina de correos|ponto de retirada|aguardando retirada|agência dos correios|point (?:de )?relais|bureau de poste|afhaalpunt|postkantoor|abholbereit|packstation|filiale|пункт выдачи|почтовое отделение|ожидает (?:в|получения)|נקודת איסוף|סניף דואר|ממתין לאיסוף|受取可能|픽업 대기|수령 대기/i;
const DELIVERED_WORDS = /\bdelivered\b|entregado|entregue|livré|bezorgd|zugestellt|consegnato|doręczon|вручен|доставлен|נמסר|配達(?:済|完了)|배송 ?완료/i;
/** Before a carrier has the parcel: the order, the label, the seller's or the warehouse's hands. */
const PRE_SHIPMENT_WORDS =
  /order (?:created|placed|paid)|been created|label (?:created|printed)|shipping label|(?:being )?prepar|received (?:by|at) (?:the )?warehouse|warehouse|awaiting (?:carrier|courier)|seller (?:is )?(?:preparing|processing)|pedido (?:creado|criado|pago)|etiqueta|almac[eé]n|armaz[eé]m|en préparation|entrepôt|magazijn|lager|склад|готовится|создан|מחסן|הוכנה|倉庫|창고/i;

export function classifyTrackingEvent(event: TrackingEvent): TrackingEventClass {
  const code = event.code ?? '';
  if (code === TRACKING.delivered) return 'delivered';
  if (PICKUP_CODES.includes(code) || (event.subCode && PICKUP_CODES.includes(event.subCode))) return 'awaiting_pickup';
  if (TRACKING_NOTICE_CODES.includes(code)) return 'other';
  const sub = event.subCode ?? '';
  if (PRE_SHIPMENT_CODE_PREFIXES.some((p) => code.startsWith(p) || (!code && sub.startsWith(p)))) return 'pre_shipment';
  if (!code || code === TRACKING.outForDelivery) {
    if (PICKUP_WORDS.test(event.text)) return 'awaiting_pickup';
    if (!code && DELIVERED_WORDS.test(event.text)) return 'delivered';
  }
  // No code (a page read without its JSON): the words decide; a carrier's line is movement.
  if (!code && PRE_SHIPMENT_WORDS.test(event.text)) return 'pre_shipment';
  return 'movement';
}
