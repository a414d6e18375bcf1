/**
 * The views of one order: its page and the claim assistant. They are more than half of the
 * popup's code and the list doesn't need them, so they are a chunk of their own, loaded when
 * an order is opened (or once the list is painted and the page is idle).
 */
export { ClaimAssistant } from '../ui/claim/ClaimAssistant';
export { OrderView } from '../ui/dashboard/OrderView';
