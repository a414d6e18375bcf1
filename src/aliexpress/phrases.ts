/**
 * Every AliExpress phrase the reader recognises, in every language it reads, in one table.
 * Display text is the last resort: stable codes (codes.ts) win whenever the page has them.
 * Languages: en, es, pt, fr, nl, de, it, pl, ru, he, ja, ko, ar (tr, uk where known).
 *
 * Matching is done on text normalised by `normalizeForMatch` (lower case, no diacritics), so
 * phrases here may be written naturally.
 */
import type { DeadlineKind, OrderStatus } from '../domain/order';

/** Month names and abbreviations, nominative and genitive, by month number. */
export const MONTH_NAMES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['january', 'jan', 'enero', 'ene', 'janeiro', 'janvier', 'janv', 'januari', 'januar', 'jänner', 'jän', 'gennaio', 'gen', 'styczeń', 'stycznia', 'sty', 'январь', 'января', 'янв', 'ינואר', 'ינו', 'ocak', 'oca', 'січня', 'січень', 'січ', 'يناير']],
  [2, ['february', 'feb', 'febrero', 'fevereiro', 'fev', 'février', 'févr', 'fév', 'februari', 'februar', 'febbraio', 'luty', 'lutego', 'lut', 'февраль', 'февраля', 'фев', 'февр', 'פברואר', 'פבר', 'şubat', 'şub', 'лютого', 'лютий', 'лют', 'فبراير']],
  [3, ['march', 'mar', 'marzo', 'março', 'mars', 'maart', 'mrt', 'märz', 'mär', 'mrz', 'marzec', 'marca', 'март', 'марта', 'мар', 'מרץ', 'מרס', 'mart', 'березня', 'березень', 'бер', 'مارس']],
  [4, ['april', 'apr', 'abril', 'abr', 'avril', 'avr', 'aprile', 'kwiecień', 'kwietnia', 'kwi', 'апрель', 'апреля', 'апр', 'אפריל', 'אפר', 'nisan', 'nis', 'квітня', 'квітень', 'квіт', 'أبريل', 'ابريل']],
  [5, ['may', 'mayo', 'maio', 'mai', 'mei', 'maggio', 'mag', 'maj', 'maja', 'май', 'мая', 'מאי', 'mayıs', 'травня', 'травень', 'трав', 'مايو']],
  [6, ['june', 'jun', 'junio', 'junho', 'juin', 'juni', 'giugno', 'giu', 'czerwiec', 'czerwca', 'cze', 'июнь', 'июня', 'июн', 'יוני', 'haziran', 'haz', 'червня', 'червень', 'черв', 'يونيو']],
  [7, ['july', 'jul', 'julio', 'julho', 'juillet', 'juil', 'juli', 'luglio', 'lug', 'lipiec', 'lipca', 'lip', 'июль', 'июля', 'июл', 'יולי', 'temmuz', 'tem', 'липня', 'липень', 'лип', 'يوليو']],
  [8, ['august', 'aug', 'agosto', 'ago', 'août', 'augustus', 'sierpień', 'sierpnia', 'sie', 'август', 'августа', 'авг', 'אוגוסט', 'אוג', 'ağustos', 'ağu', 'серпня', 'серпень', 'серп', 'أغسطس', 'اغسطس']],
  [9, ['september', 'sep', 'sept', 'septiembre', 'setiembre', 'set', 'setembro', 'septembre', 'settembre', 'wrzesień', 'września', 'wrz', 'сентябрь', 'сентября', 'сен', 'сент', 'ספטמבר', 'ספט', 'eylül', 'eyl', 'вересня', 'вересень', 'вер', 'سبتمبر']],
  [10, ['october', 'oct', 'octubre', 'outubro', 'out', 'octobre', 'oktober', 'okt', 'ottobre', 'ott', 'październik', 'października', 'paź', 'октябрь', 'октября', 'окт', 'אוקטובר', 'אוק', 'ekim', 'eki', 'жовтня', 'жовтень', 'жовт', 'أكتوبر', 'اكتوبر']],
  [11, ['november', 'nov', 'noviembre', 'novembro', 'novembre', 'listopad', 'listopada', 'lis', 'ноябрь', 'ноября', 'ноя', 'нояб', 'נובמבר', 'נוב', 'kasım', 'kas', 'листопада', 'листопад', 'лист', 'نوفمبر']],
  [12, ['december', 'dec', 'diciembre', 'dic', 'dezembro', 'dez', 'décembre', 'déc', 'dezember', 'dicembre', 'grudzień', 'grudnia', 'gru', 'декабрь', 'декабря', 'дек', 'דצמבר', 'דצמ', 'aralık', 'ara', 'грудня', 'грудень', 'груд', 'ديسمبر']],
];

/**
 * Status labels by language. English labels as of 2026: Awaiting payment, Awaiting shipment,
 * Awaiting delivery, Completed, Closed, Cancelled, Expired. "Expired" (an unpaid order that
 * timed out) is recorded as closed.
 */
export const STATUS_PHRASES: ReadonlyArray<readonly [OrderStatus, readonly string[]]> = [
  ['awaiting_payment', [
    'awaiting payment', 'to pay', 'unpaid', 'payment pending',
    'pendiente de pago', 'esperando el pago', 'esperando pago', 'por pagar',
    'aguardando pagamento', 'a pagar', 'pagamento pendente',
    'en attente de paiement', 'a payer', 'paiement en attente',
    'wacht op betaling', 'in afwachting van betaling', 'te betalen',
    'zahlung ausstehend', 'warten auf zahlung', 'warte auf zahlung', 'zu bezahlen',
    'in attesa di pagamento', 'da pagare',
    'oczekuje na platnosc', 'oczekiwanie na platnosc', 'do zaplaty',
    'ожидает оплаты', 'ожидание оплаты', 'не оплачен',
    'ממתין לתשלום', 'ממתינה לתשלום', 'ממתין לתשלום', 'לתשלום',
    '支払い待ち', 'お支払い待ち', '未払い',
    '결제 대기 중', '결제 대기', '결제 대기중',
    'odeme bekleniyor', 'очікує оплати',
    'في انتظار الدفع', 'بانتظار الدفع',
  ]],
  ['awaiting_shipment', [
    'awaiting shipment', 'to ship', 'awaiting dispatch',
    'pendiente de envio', 'esperando envio', 'esperando el envio', 'por enviar',
    'aguardando envio', 'aguardando o envio', 'a enviar',
    "en attente d'expedition", "en attente d'envoi", 'a expedier',
    'wacht op verzending', 'in afwachting van verzending',
    'versand ausstehend', 'warten auf versand', 'warte auf versand',
    'in attesa di spedizione', 'da spedire',
    'oczekuje na wysylke', 'oczekiwanie na wysylke', 'do wysylki',
    'ожидает отправки', 'ожидание отправки',
    'ממתין למשלוח', 'ממתינה למשלוח', 'ממתין לשליחה',
    '発送待ち', '出荷待ち',
    '발송 대기 중', '발송 대기', '배송 준비 중',
    'gonderim bekleniyor', 'очікує відправлення',
    'في انتظار الشحن', 'بانتظار الشحن',
  ]],
  ['awaiting_delivery', [
    'awaiting delivery', 'shipped', 'to receive', 'awaiting receipt', 'in transit',
    'pendiente de entrega', 'esperando la entrega', 'esperando entrega', 'enviado', 'enviada', 'por recibir',
    'aguardando entrega', 'aguardando a entrega', 'a receber',
    'en attente de livraison', 'expedie', 'expediee', 'a recevoir',
    'wacht op levering', 'in afwachting van levering', 'verzonden',
    'lieferung ausstehend', 'warten auf lieferung', 'warte auf lieferung', 'versandt', 'verschickt',
    'in attesa di consegna', 'spedito', 'spedita', 'da ricevere',
    'oczekuje na dostawe', 'oczekiwanie na dostawe', 'wyslane', 'wyslano',
    'ожидает доставки', 'ожидание доставки', 'отправлен', 'отправлено', 'в пути',
    'ממתין למסירה', 'ממתינה למסירה', 'ממתין לקבלה', 'ממתינה לקבלה', 'נשלח', 'נשלחה',
    '配達待ち', '受取待ち', '発送済み',
    '배송 중', '배송중', '수령 대기 중', '배송 대기 중',
    'teslimat bekleniyor', 'очікує доставки',
    'ожидает получения', 'ожидание получения', 'очікує отримання',
    'في انتظار التسليم', 'بانتظار التسليم', 'في انتظار الاستلام', 'تم الشحن', 'قيد الشحن',
  ]],
  ['completed', [
    'completed', 'complete', 'finished', 'order complete', 'order completed',
    'completado', 'completada', 'finalizado', 'finalizada',
    'concluido', 'concluida', 'pedido concluido',
    'termine', 'terminee', 'complete', 'commande terminee',
    'voltooid', 'afgerond',
    'abgeschlossen', 'erledigt',
    'completato', 'completata', 'concluso',
    'zakonczone', 'zakonczono', 'zrealizowane',
    'завершен', 'завершено', 'выполнен', 'заказ завершен',
    'הושלם', 'הושלמה', 'ההזמנה הושלמה',
    '完了', '取引完了', '注文完了',
    '완료', '거래 완료', '주문 완료',
    'tamamlandi', 'виконано', 'завершено',
    'مكتمل', 'اكتمل', 'تم الإكمال', 'الطلب مكتمل',
  ]],
  ['closed', [
    'closed', 'expired', 'order closed',
    'cerrado', 'cerrada', 'caducado', 'vencido', 'expirado',
    'fechado', 'encerrado', 'expirado',
    'ferme', 'fermee', 'cloture', 'cloturee', 'expire', 'expiree',
    'gesloten', 'verlopen',
    'geschlossen', 'abgelaufen',
    'chiuso', 'chiusa', 'scaduto',
    'zamkniete', 'wygaslo',
    'закрыт', 'закрыто', 'истек',
    'סגור', 'סגורה', 'נסגר', 'נסגרה', 'פג תוקף',
    'クローズ', '終了', '期限切れ',
    '종료', '닫힘', '만료',
    'kapandi', 'закрито',
    'مغلق', 'منتهي الصلاحية', 'انتهت الصلاحية',
  ]],
  ['cancelled', [
    'cancelled', 'canceled', 'order cancelled', 'order canceled',
    'cancelado', 'cancelada',
    'annule', 'annulee',
    'geannuleerd',
    'storniert', 'abgebrochen', 'annulliert',
    'annullato', 'annullata', 'cancellato',
    'anulowane', 'anulowano',
    'отменен', 'отменено', 'заказ отменен',
    'בוטל', 'בוטלה', 'מבוטל',
    'キャンセル済み', 'キャンセル',
    '취소됨', '취소', '주문 취소',
    'iptal edildi', 'скасовано',
    'ملغى', 'ملغي', 'تم الإلغاء',
  ]],
  ['in_dispute', [
    'in dispute', 'dispute in progress', 'dispute opened',
    'en disputa', 'disputa abierta',
    'em disputa', 'disputa aberta',
    'en litige', 'litige en cours',
    'in geschil', 'geschil geopend',
    'im streitfall', 'streitfall', 'in klarung',
    'in contestazione', 'in disputa', 'controversia aperta',
    'w sporze', 'spor otwarty',
    'открыт спор', 'спор открыт', 'в споре',
    'במחלוקת', 'מחלוקת פתוחה',
    '紛争中',
    '분쟁 중', '분쟁중',
    'itiraz acik',
    'refund in progress', 'refunding', 'reembolso en curso', 'reembolso en proceso', 'reembolso em andamento',
    'remboursement en cours', 'terugbetaling in behandeling', 'erstattung lauft', 'rimborso in corso', 'zwrot w toku',
    'идет возврат средств', 'возврат в процессе', 'החזר בתהליך', 'في نزاع', 'النزاع مفتوح', 'استرداد قيد التنفيذ',
  ]],
];

/** Labels of a free-return item tag ("Free returns"). */
export const FREE_RETURN_LABELS: readonly string[] = [
  'free returns', 'free return', 'devolucion gratuita', 'devoluciones gratuitas', 'devolucion gratis',
  'devolucao gratis', 'devolucoes gratis', 'devolucao gratuita', 'retours gratuits', 'retour gratuit',
  'gratis retourneren', 'gratis retour', 'kostenlose rucksendung', 'kostenlose rucksendungen',
  'reso gratuito', 'resi gratuiti', 'darmowy zwrot', 'darmowe zwroty', 'бесплатный возврат',
  'החזרה חינם', 'החזרות חינם', '無料返品', '무료 반품', 'ucretsiz iade', 'безкоштовне повернення',
];

/** Progress-bar node text meaning "refund if not delivered by this date". */
export const REFUND_NODE_LABELS: readonly string[] = [
  'refund', 'reembolso', 'remboursement', 'terugbetaling', 'rückerstattung', 'ruckerstattung', 'erstattung',
  'rimborso', 'zwrot', 'zwrot pieniedzy', 'возврат', 'возврат средств', 'החזר', 'החזר כספי', '返金', '환불',
  'iade', 'повернення коштів',
];

/**
 * Deadline phrases. A segment of page text (split on "·", "|", line breaks and sentence ends)
 * is of `kind` when every regex of one `all` group matches it. Dates are then taken from
 * the same segment; day counts ("within 7 days") from `DAY_COUNT`.
 * `base` names the date a day count counts from; when the page does not show that date the
 * deadline is skipped, never guessed.
 */
export interface DeadlinePhrase {
  kind: DeadlineKind;
  all: readonly RegExp[];
  /** For day-count phrases: what the days count from. Absent: the phrase states a date. */
  base?: 'completedOn' | 'placedOn' | 'deliveredOn' | 'now';
}

const REFUND_WORD = /refund|reembols|rembours|terugbetal|geld terug|ruckerstatt|erstatt|rimbors|zwrot|возврат|החזר|返金|환불|iade|повернення|استرداد|استرجاع/;
const NO_DELIVERY = /no delivery|not delivered|isn't delivered|is not delivered|undelivered|sin entrega|no (?:hay|se (?:hace|realiza)|recibes|se) ?entreg|no entregad|nao (?:houver |for |seja )?entreg|sem entrega|pas de livraison|non livr|aucune livraison|niet (?:ge)?leverd|geen levering|nicht geliefert|keine lieferung|nichtlieferung|nicht zugestellt|non (?:viene |e )?consegnat|mancata consegna|nessuna consegna|brak dostawy|nie dostarczon|braku dostawy|не доставлен|нет доставки|отсутстви\S* доставки|не будет доставлен|לא נמסר|אין מסירה|לא יגיע|לא סופק|配達されない|届かない|배송되지 않|배달되지 않|teslim edilmezse|не доставлено|non-livr|عدم التسليم|لم يتم التسليم|عدم الاستلام/;
const COUPON_WORD = /coupon|cupon|cupom|voucher|gutschein|buono|kupon|купон|קופון|クーポン|쿠폰|kupon|قسيمة|كوبون/;
const DELAY_WORD = /delay|late|retras|atras|retard|vertrag|verspat|verzoger|ritard|opozn|задерж|опозд|עיכוב|איחור|遅延|遅れ|지연|gecik|затрим|تأخير|تأخر/;
const DELIVERED_AFTER = /if delivered after|si se entrega despues|se (?:for )?entregue (?:apos|depois)|si livre apres|indien geleverd na|als geleverd na|bei lieferung nach|se consegnato dopo|w przypadku dostawy po|если доставлено после|אם נמסר אחרי|以降に配達|이후 배송/;
const AUTO = /automatic|auto-?confirm|auto confirm|automaticamente|automatiquement|automatisch|automatycznie|автоматически|автоподтвержд|אוטומטי|自動|자동|otomatik|تلقائي/;
const CONFIRM = /confirm|bevestig|bestatig|conferm|potwierdz|подтвержд|אישור|יאושר|確認|확인|onay|complet|voltooi|abgeschlossen|zakoncz|заверш|תאושר|تأكيد/;
const CONFIRM_RECEIPT = /confirm\S* (?:the )?receipt|confirm\S* (?:of )?delivery|confirmar (?:la |o )?(?:recepcion|recebimento|entrega)|confirmacao (?:de|do) recebimento|confirmado o recebimento|confirm\S* (?:de )?(?:la )?reception|ontvangst (?:te )?bevestig|bevestig\S* (?:van )?(?:de )?ontvangst|erhalt\S* (?:zu )?bestatig|bestatigung des erhalts|empfang\S* bestatig|conferm\S* (?:la |di )?ricezione|conferma di ricezione|potwierdz\S* odbior|potwierdzeni\S* odbioru|подтвержд\S* (?:о )?получени|אישור (?:ה)?קבלה|受取確認|受け取り確認|수령 확인|수령확인|teslim al\S* onay|تأكيد الاستلام|تأكيد استلام/;
const ORDER_PLACED = /order (?:was |is )?placed|placing (?:the |your )?order|after (?:the |your )?order|realiza\S* (?:el |del |o |do )?pedido|pedido (?:fue |foi )?(?:realizado|feito|hecho)|feito o pedido|passe (?:la )?commande|passation de (?:la )?commande|la commande a ete passee|bestelling (?:is )?geplaatst|plaatsen van de bestelling|bestellung aufgegeben|aufgabe der bestellung|bestelldatum|effettua\S* (?:l')?ordin|ordine (?:e stato )?effettuato|zlozeni\S* zamowienia|zamowienie zostalo zlozone|оформлени\S* заказа|размещени\S* заказа|заказ (?:был )?оформлен|ביצוע ההזמנה|ההזמנה בוצעה|מיום ההזמנה|注文(?:日|後|から|して)|주문(?:일| 후|한)|siparis|تقديم الطلب|بعد الطلب/;
const AFTER_DELIVERY = /after (?:the )?delivery|of delivery|after (?:it is |being )?delivered|(?:de|desde) la entrega|despues de (?:la )?entrega|(?:apos|depois) (?:a |da )?entrega|apres (?:la )?livraison|de la livraison|na (?:de )?(?:levering|ontvangst)|nach (?:der )?(?:lieferung|zustellung|erhalt)|(?:dalla|dopo la) consegna|(?:od|po) (?:daty )?dostaw|после (?:доставки|получения)|с момента (?:доставки|получения)|לאחר (?:ה)?מסירה|מיום (?:ה)?מסירה|לאחר הקבלה|配達(?:後|から)|受取(?:後|から)|배송 (?:후|완료 후)|수령 후|teslimattan sonra|بعد التسليم|بعد الاستلام/;
const RETURN_WORD = /return|send it back|devol|devuelv|renvoy|retour|terugsturen|ruck(?:sendung|gabe)|reso|restitu|zwrot|odeslij|возврат|вернуть|החזר|返品|반품|iade|إرجاع|ارجاع/;
const DISPUTE_WORD = /dispute|disputa|litige|geschil|streitfall|reklamation|contestazione|controversia|spor|спор|מחלוקת|紛争|분쟁|itiraz|نزاع/;

export const DEADLINE_PHRASES: readonly DeadlinePhrase[] = [
  { kind: 'no-delivery-refund', all: [REFUND_WORD, NO_DELIVERY] },
  { kind: 'late-delivery-coupon', all: [COUPON_WORD, DELAY_WORD] },
  { kind: 'late-delivery-coupon', all: [DELIVERED_AFTER] },
  { kind: 'auto-confirm', all: [AUTO, CONFIRM] },
  { kind: 'auto-confirm', all: [AUTO, CONFIRM], base: 'now' },
  { kind: 'return-window', all: [CONFIRM_RECEIPT], base: 'completedOn' },
  { kind: 'dispute-window', all: [DISPUTE_WORD, ORDER_PLACED], base: 'placedOn' },
  { kind: 'free-return', all: [RETURN_WORD, AFTER_DELIVERY], base: 'deliveredOn' },
];

/** "within 7 days", "7 días", "7 jours", "7 dagen", "7 Tage", "7 giorni", "7 dni", "7 дней", "7 ימים", "7日", "7일". */
export const DAY_COUNT =
  /(\d{1,3})\s?(?:-\s?)?(?:days?|d(?=\s|$)|dias?|días|jours?|j(?=\s|$)|dagen|dag|tage?n?|giorni|giorno|dni|dzien|дн(?:я|ей|і)|день|ימים|יום|日|일|gun|أيام|يوم)/;

/**
 * A quick test on cleaned text, before it is split into segments and normalised: without a
 * match, no segment holds a DAY_COUNT. It looks for a digit, a space or hyphen as DAY_COUNT
 * allows, then the start of a day word as it may be written before normalisation: either
 * case, any non-ASCII character in its place (an accented letter normalisation turns into
 * the ASCII one, an accent it drops, another script). The starts: d alone or da/di/dn/dz,
 * j alone or jo, tag, gio, gun.
 */
export const MAY_COUNT_DAYS =
  /\d\s?(?:-\s?)?(?:[dDjJ](?![a-zA-Z])|[dD][aAiInNzZ]|[jJ][oO]|[tT][aA][gG\u0080-\uffff]|[gG][iI][oO\u0080-\uffff]|[gG][uU][nN\u0080-\uffff]|[tTgG]?[\u0080-\uffff])/;

/**
 * The label of the order's total among an order detail page's price rows (subtotal, shipping,
 * discounts, total). When no row has one of these, the last row is the total (it is on every
 * page seen).
 */
export const ORDER_TOTAL_LABELS: readonly string[] = [
  'total', 'order total', 'total amount', 'total price', 'grand total', 'total a pagar', 'importe total', 'total del pedido',
  'total do pedido', 'valor total', 'total de la commande', 'montant total', 'totaal', 'totaalbedrag', 'gesamt', 'gesamtsumme',
  'gesamtbetrag', 'totale', 'totale ordine', 'razem', 'suma', 'łącznie', 'итого', 'всего', 'общая сумма', 'сумма заказа',
  'סה"כ', 'סה״כ', 'סך הכל', 'סכום כולל', '合計', '合計金額', '총액', '합계', 'toplam', 'разом', 'усього',
  'الإجمالي', 'المجموع', 'إجمالي الطلب',
];

/** The "Confirm received" button's label (DOM fallback only; the API gives CONFIRM_GOODS). */
export const CONFIRM_RECEIVED_LABELS: readonly string[] = [
  'confirm received', 'confirm receipt', 'confirm delivery', 'confirm order received',
  'confirmar recepcion', 'confirmar recibido', 'confirmar la recepcion',
  'confirmar recebimento', 'confirmar o recebimento', 'confirmar recebido',
  'confirmer la reception', 'confirmer reception', 'confirmer la livraison',
  'ontvangst bevestigen', 'bevestig ontvangst',
  'erhalt bestatigen', 'empfang bestatigen', 'lieferung bestatigen',
  'conferma ricezione', 'conferma la ricezione', 'conferma ricevuta',
  'potwierdz odbior', 'potwierdz otrzymanie',
  'подтвердить получение', 'подтвердить доставку',
  'אשר קבלה', 'אישור קבלה', 'אשר/י קבלה',
  '受取確認', '受け取り確認',
  '수령 확인', '구매 확정',
  'teslim alindi onayla', 'teslimati onayla', 'підтвердити отримання',
  'تأكيد الاستلام', 'تأكيد استلام الطلب',
];
