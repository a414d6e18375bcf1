/**
 * Imported first by the worker entry, before anything else is evaluated: starts reading what
 * a cold start needs to re-arm the reminder alarm (the stored schedule, the alarm if the
 * browser kept it), so those reads run while the rest of the worker's code is evaluated
 * instead of after it. Native API only (Chrome's `chrome`, Firefox's `browser`, both with
 * promises in MV3): importing the polyfill here would evaluate it first.
 */
import { nativeApi } from '../platform/native';

export const REMINDER_ALARM = 'buyer-shield:reminder';

export interface EarlyRead {
  stored: Record<string, unknown>;
  alarm: unknown;
}

function start(): Promise<EarlyRead> | null {
  const api = nativeApi();
  if (!api?.alarms) return null;
  try {
    return Promise.all([api.storage.local.get('schedule'), api.alarms.get(REMINDER_ALARM)]).then(([stored, alarm]) => ({ stored, alarm }));
  } catch {
    return null;
  }
}

/** The early reads, or null if they could not start (then the worker reads them itself). */
export const earlyRead: Promise<EarlyRead> | null = start();
