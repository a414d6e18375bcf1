/**
 * The order index in storage.local: derived data, rebuilt by the worker from the order
 * records on every deadline refresh, never the only copy of anything. Three keys:
 *
 *   index:head   the first rows of the list, the filter counts and how many orders there
 *                are: the popup paints from this small key alone
 *   index:rows   every order's summary, ranked (read after the first paint: search,
 *                filters, scrolling)
 *   index:stale  set (to a time) in the same write as any order record; the refresh that
 *                rebuilds the index clears it if nothing was written meanwhile
 *
 * The worker builds it with src/storage/index-write.ts; a reader validates what it reads
 * with the schemas here (storage can be damaged like anything else). An index it cannot use
 * is not an error: it reads the records as before and asks for a new index.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../lib/lazy-schema';
import { ACTION_KEYS, ORDER_STAGES, URGENCIES } from '../domain/deadlines/engine';
import { CalendarDateSchema, DEADLINE_KINDS, InstantSchema, MoneySchema, ORDER_STATUSES, OrderIdSchema } from '../domain/order';
import { SUMMARY_TITLE_LENGTH, SUMMARY_TITLES, type OrderSummary, type SummaryDeadline } from '../domain/summary';
import { HEAD_ROWS, type IndexCounts } from './index-write';

export { INDEX_HEAD_KEY, INDEX_STALE_KEY } from './schema';
export { HEAD_ROWS, countsOf, makeIndex, type IndexCounts } from './index-write';

const ParamsSchema = lazySchema(() => z.record(z.string().check(z.maxLength(40)), z.union([z.string().check(z.maxLength(200)), z.number()])));

export const SummaryDeadlineSchema = lazySchema(() => z.object({
  kind: z.enum(DEADLINE_KINDS),
  due: CalendarDateSchema,
  source: z.enum(['page', 'estimate']),
  action: z.enum(ACTION_KEYS),
  applies: z.boolean(),
  daysLeft: z.int(),
  urgency: z.enum(URGENCIES),
  params: ParamsSchema,
  remind: z.boolean(),
}));

export const OrderSummarySchema = lazySchema(() => z.object({
  orderId: OrderIdSchema,
  status: z.enum(ORDER_STATUSES),
  store: z.nullable(z.string().check(z.maxLength(2000))),
  titles: z.array(z.string().check(z.maxLength(SUMMARY_TITLE_LENGTH))).check(z.maxLength(SUMMARY_TITLES)),
  total: z.nullable(MoneySchema),
  placedOn: z.nullable(CalendarDateSchema),
  updatedAt: InstantSchema,
  top: z.nullable(SummaryDeadlineSchema),
  stage: z.enum(ORDER_STAGES),
  deliveredOn: z.nullable(CalendarDateSchema),
  endedOn: z.nullable(CalendarDateSchema),
  unknown: z.array(z.enum(DEADLINE_KINDS)).check(z.maxLength(DEADLINE_KINDS.length)),
  parcels: z.object({ count: z.int().check(z.gte(0), z.lte(20)), delivered: z.int().check(z.gte(0), z.lte(20)) }),
  needsAction: z.boolean(),
  inTransit: z.boolean(),
  completed: z.boolean(),
  inDispute: z.boolean(),
}));

// The schemas describe exactly the domain's types (a change to one fails type-checking here).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _summary: Same<z.infer<typeof OrderSummarySchema>, OrderSummary> = true;
const _deadline: Same<z.infer<typeof SummaryDeadlineSchema>, SummaryDeadline> = true;
void _summary;
void _deadline;

const CountsSchema = lazySchema(() => z.object({
  all: z.int().check(z.gte(0)),
  needs_action: z.int().check(z.gte(0)),
  in_transit: z.int().check(z.gte(0)),
  completed: z.int().check(z.gte(0)),
  in_dispute: z.int().check(z.gte(0)),
}) satisfies z.ZodMiniType<IndexCounts>);

export const IndexHeadSchema = lazySchema(() => z.object({
  /** The calendar date the deadlines were computed for. */
  today: CalendarDateSchema,
  at: z.number(),
  count: z.int().check(z.gte(0)),
  counts: CountsSchema,
  /** The latest `updatedAt` of any order (when a page was last read). */
  lastReadAt: z.nullable(InstantSchema),
  rows: z.array(OrderSummarySchema).check(z.maxLength(HEAD_ROWS)),
}));
export type IndexHead = z.infer<typeof IndexHeadSchema>;

export function parseIndexHead(x: unknown): IndexHead | null {
  const r = IndexHeadSchema.safeParse(x);
  return r.success ? r.data : null;
}
