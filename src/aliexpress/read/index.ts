/**
 * `readApiPayload`: one entry for every API response the capture script hands over.
 * Never throws: anything unexpected becomes a problem, and every observation returned has
 * passed `OrderObservationSchema`.
 */
import { apiKind } from '../apis';
import { cleanText } from '../text';
import { problem, PROBLEM, type ReadContext, type ReadResult } from './common';
import { mtopFailure } from './components';
import { readOrderDetail } from './detail';
import { readOrderList } from './list';
import { readReverseList } from './reverse';
import { readTracking } from './tracking';

export type { ReadContext, ReadProblem, ReadResult } from './common';

export function readApiPayload(api: string, payload: unknown, ctx: ReadContext): ReadResult {
  try {
    const failure = mtopFailure(payload);
    if (failure) return { observations: [], problems: [problem(PROBLEM.apiError, failure)] };
    switch (apiKind(typeof api === 'string' ? api : '')) {
      case 'order-list':
        return readOrderList(payload, ctx);
      case 'order-detail':
        return readOrderDetail(payload, ctx);
      case 'tracking':
        return readTracking(payload, ctx);
      case 'reverse':
        return readReverseList(payload, ctx);
      case 'order-count':
        return { observations: [], problems: [] };
      default:
        return { observations: [], problems: [problem(PROBLEM.unknownApi, cleanText(String(api), 120))] };
    }
  } catch (e) {
    return { observations: [], problems: [problem(PROBLEM.readerError, e instanceof Error ? `${e.name}: ${e.message}` : 'unknown error')] };
  }
}
