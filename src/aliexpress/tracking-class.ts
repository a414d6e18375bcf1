/**
 * What a tracking event means for the deadline engine, by AliExpress's codes first and its
 * words (in several languages) when an event has no code. Keeps codes out of src/domain.
 */
import type { TrackingEventClass } from '../domain/deadlines/engine';
import type { TrackingEvent } from '../domain/order';
import { PICKUP_CODES, TRACKING } from './codes';

const PICKUP_WORDS =
  /pick[- ]?up point|post office|ready for (?:pick ?up|collection)|awaiting (?:pick ?up|collection)|punto de recogida|oficina de correos|ponto de retirada|aguardando retirada|agência dos correios|point (?:de )?relais|bureau de poste|afhaalpunt|postkantoor|abholbereit|packstation|filiale|пункт выдачи|почтовое отделение|ожидает (?:в|получения)|נקודת איסוף|סניף דואר|ממתין לאיסוף|受取可能|픽업 대기|수령 대기/i;
const DELIVERED_WORDS = /\bdelivered\b|entregado|entregue|livré|bezorgd|zugestellt|consegnato|doręczon|вручен|доставлен|נמסר|配達(?:済|完了)|배송 ?완료/i;

export function classifyTrackingEvent(event: TrackingEvent): TrackingEventClass {
  const code = event.code ?? '';
  if (code === TRACKING.delivered) return 'delivered';
  if (PICKUP_CODES.includes(code) || (event.subCode && PICKUP_CODES.includes(event.subCode))) return 'awaiting_pickup';
  if (!code || code === TRACKING.outForDelivery) {
    if (PICKUP_WORDS.test(event.text)) return 'awaiting_pickup';
    if (!code && DELIVERED_WORDS.test(event.text)) return 'delivered';
  }
  return 'other';
}
