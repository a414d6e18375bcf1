/**
 * The English sentences claims and replies are made of. English is the claim's language by
 * design (the seller and the AliExpress mediator read English), so these live in code; each
 * sentence's MEANING for the shopper is the catalogue key `claim_sentence_<id>` with the same
 * `{placeholders}`. Written to be plain, polite and factual, in US spelling ("color", as
 * AliExpress writes its own English); the unit tests spell-check them.
 */
import type { EvidenceId } from './reasons';

export const SENTENCES = {
  // --- opening ---
  /** Only before the intro, which starts with "I". */
  greeting: 'Hello,',
  /** A greeting before any sentence (replies). */
  hello: 'Hello.',
  intro_dated: 'I am writing about order {order}, placed on {date}.',
  intro: 'I am writing about order {order}.',
  /** {item}: the title in quotes, and its variant when another line has the same title. */
  item: 'My claim is about the {item} I ordered.',
  item_quantity: 'My claim is about {quantity} of the {ordered} pieces of {item} I ordered.',
  item_all_quantity: 'My claim is about all {quantity} pieces of {item} I ordered.',
  items: 'My claim is about these items of the order: {items}.',
  delivered: 'The parcel was delivered on {date}.',

  // --- received: not as described ---
  nad_colour: 'The color is not as described: I ordered {ordered} but received {received}.',
  nad_colour_generic: 'The color of the item is not the color I ordered.',
  nad_size: 'The size is not as described: I ordered size {ordered} but received size {received}.',
  nad_size_generic: 'The size of the item is not the size I ordered.',
  nad_material: 'The material is not as described: the listing promises {ordered}, but the item is made of {received}.',
  nad_material_generic: 'The item is not made of the material the listing promises.',
  nad_design: 'The design is not as described: I ordered {ordered} but received {received}.',
  nad_design_generic: 'The design or model of the item is not the one I ordered.',
  nad_incomplete: 'The item is incomplete; these parts are missing: {missing}.',
  nad_incomplete_generic: 'The item is incomplete: some parts are missing.',
  nad_generic: 'The item I received is not as described in the listing.',

  // --- received: other reasons ---
  does_not_work: 'The item does not work: {fault}.',
  does_not_work_generic: 'The item does not work.',
  does_not_work_since: 'The problem started on {date}.',
  quality: 'The quality is far below what the listing describes: {problem}.',
  quality_generic: 'The quality is far below what the listing describes.',
  counterfeit_brand: 'The item is a counterfeit {brand} product: its logos and labels are not those of the original.',
  counterfeit: 'The item is a counterfeit: its logos and labels are not those of the original product.',
  counterfeit_how: 'I can tell it is not genuine: {how}.',
  counterfeit_review: 'I ask AliExpress to review this case.',
  fewer_items: 'I received fewer items than I ordered: {received} instead of {ordered}.',
  fewer_items_generic: 'I received fewer items than I ordered.',
  empty_package: 'The package arrived empty: there was no item inside.',
  package_opened: 'The package had been opened or damaged before it reached me.',
  damaged: 'The item arrived damaged: {damage}.',
  damaged_generic: 'The item arrived damaged.',
  package_damaged: 'The package was damaged too, so the damage happened in transit.',
  shipping: 'The order was sent by {used} instead of {chosen}, the shipping method I chose and paid for.',
  shipping_generic: 'The order was not sent by the shipping method I chose and paid for.',

  // --- not received ---
  in_transit_dated: 'The parcel has still not arrived, and the buyer protection ends on {date}.',
  in_transit: 'The parcel has still not arrived, and the buyer protection is about to end.',
  shipped_on: 'The seller shipped it on {date}.',
  last_update: 'The last tracking update was on {date}.',
  last_update_since: 'The last tracking update was on {date}, {days} days ago.',
  last_scan: 'The last scan was at {place}.',
  returned_dated: 'The tracking shows that the parcel was returned to the seller on {date}, so I never received it.',
  returned: 'The tracking shows that the parcel was returned to the seller, so I never received it.',
  no_tracking_number: 'The tracking number {tracking} shows no information about the parcel, and I have not received it.',
  no_tracking: 'The tracking number shows no information about the parcel, and I have not received it.',
  customs: 'Customs ask for a duty of {duty} to release the parcel; the listing did not say so, and I cannot accept it.',
  customs_generic: 'Customs ask for a duty that the listing did not mention, and I cannot accept the parcel.',
  wrong_address_place: 'The parcel was sent to the wrong address: the tracking shows it was delivered to {place}, not to the address in my order.',
  wrong_address: 'The parcel was sent to the wrong address, not to the address in my order.',
  tracking_number: 'The tracking number is {tracking}.',

  // --- shopper's note, evidence, outcome, closing ---
  note: '{note}',
  evidence: 'I have attached {evidence}.',
  refund_full: 'I ask for a full refund of {amount}.',
  refund_partial: 'I ask for a partial refund of {amount}.',
  refund_partial_keep: 'I ask for a partial refund of {amount} and will keep the item.',
  return_full: 'I am ready to return the item and ask for a full refund of {amount}.',
  return_partial: 'I am ready to return the item and ask for a refund of {amount}.',
  refund_full_no_amount: 'I ask for a full refund.',
  refund_partial_no_amount: 'I ask for a partial refund.',
  return_full_no_amount: 'I am ready to return the item and ask for a full refund.',
  return_partial_no_amount: 'I am ready to return the item and ask for a partial refund.',
  closing_received: 'Please resolve this through the dispute.',
  closing_not_received: 'Please refund me through this dispute.',
  thanks: 'Thank you.',

  // --- replies ---
  reply_decline: 'Thank you for the offer of {offered}, but I cannot accept it.',
  reply_decline_reason: 'It does not make up for the problem described in my claim, so I still ask for {requested}.',
  reply_decline_evidence: 'The evidence attached to the dispute shows the problem clearly.',
  reply_accept: 'I accept your offer of a refund of {offered} through AliExpress.',
  reply_accept_refund: 'Please issue the refund through the dispute.',
  reply_evidence: 'I have added more evidence to the dispute: {evidence}.',
  reply_evidence_generic: 'I have added more evidence to the dispute.',
  reply_evidence_review: 'Please review it before a decision is made.',
  reply_escalate: 'The seller and I could not agree, so I ask AliExpress to step in and decide this dispute.',
  reply_escalate_evidence: 'All my evidence is attached to the dispute.',
  reply_tracking: 'Could you please send me the tracking number of order {order} and tell me when it was shipped?',
  reply_extend_dated: 'The parcel for order {order} is still in transit, and the buyer protection ends on {date}.',
  reply_extend: 'The parcel for order {order} is still in transit, and the buyer protection will end soon.',
  reply_extend_request: 'Could you please extend the buyer protection by {days} days, so that the parcel has time to arrive?',
  reply_refund_missing_dated: 'The refund for order {order} was granted on {date}, but it has not reached my payment method yet.',
  reply_refund_missing: 'The refund for order {order} was granted, but it has not reached my payment method yet.',
  reply_refund_request: 'Could you please check its status and send me the refund reference number, so that I can trace it with my bank?',
} as const;

export type SentenceId = keyof typeof SENTENCES;

export function sentenceKey(id: SentenceId): string {
  return `claim_sentence_${id}`;
}

/** Evidence as a noun phrase in the claim's "I have attached …" sentence. */
export const EVIDENCE_ENGLISH: Readonly<Record<EvidenceId, string>> = {
  screenshot_listing: 'a screenshot of the listing',
  photo_item_mismatch: 'photos of the item as received',
  photo_colour_daylight: 'a daylight photo of the color',
  photo_size_tape: 'a photo of the item beside a measuring tape',
  photo_size_label: 'a photo of the size label',
  photo_material_closeup: 'close photos of the material',
  photo_all_received: 'a photo of everything I received with the package label',
  video_fault: 'a video showing the fault',
  photo_fault: 'a photo of the fault',
  photo_defect: 'close photos of the defects',
  photo_logos: 'close photos of the logos and labels',
  photo_package: 'photos of the package',
  photo_package_label: 'a photo of the package label',
  video_unboxing: 'an unboxing video',
  photo_damage: 'photos of the damage',
  screenshot_order_shipping: 'a screenshot of the order with the shipping method I chose',
  screenshot_order_address: 'a screenshot of the address in my order',
  screenshot_tracking: 'a screenshot of the tracking',
  document_customs: 'the customs notice',
  screenshot_chat: 'screenshots of my chat with the seller',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "2026-09-01" → "Sep 1, 2026" (as AliExpress writes dates in English). */
export function englishDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${Number(m[3])}, ${m[1]}`;
}

/** "a, b and c". */
export function englishList(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Fill `{name}` placeholders; null when a placeholder has no value (never leave one in). */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string | null {
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const v = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    if (v === undefined || (typeof v === 'number' && !Number.isFinite(v)) || String(v).trim() === '') {
      missing = true;
      return '';
    }
    return String(v);
  });
  return missing ? null : out;
}
