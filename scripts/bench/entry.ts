/** What `npm run bench` times in Node: the readers and the deadline engine (bundled by scripts/bench/bundle.mjs). */
import * as z from 'zod/mini';

// As in the extension (src/platform/browser.ts): no `new Function` in zod.
z.config({ jitless: true });

export { CAPTURE_SOURCE, parseCaptureMessage, readApiPayload, readDom, unwrapBody } from '../../src/aliexpress';
export { classifyTrackingEvent } from '../../src/aliexpress/tracking-class';
export { localDateOf, addDays } from '../../src/domain/dates';
export { sortOrdersByUrgency } from '../../src/domain/deadlines/engine';
export { emptyLog, planReminders } from '../../src/domain/deadlines/reminders';
export { DEFAULT_RULES } from '../../src/domain/deadlines/rules';
export { orderFromObservation } from '../../src/domain/merge';
export { OrderSchema } from '../../src/domain/order';
export { buildRows } from '../../src/ui/dashboard/model';
