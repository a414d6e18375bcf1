/**
 * What the popup tells the shopper about the health of their saved data and the last page
 * Buyer Shield could not read, and the "Copy diagnostics" text. Pure: works on the raw
 * storage values, so it is tested without a browser.
 *
 * Diagnostics hold nothing personal: no order ids, no URLs (only the page kind and the
 * operator site), no problem details (they may quote page text), no order contents.
 */
import { classifyUrl } from '../aliexpress/pages';
import { ReadProblemEntrySchema, QuarantineEntrySchema, type ReadProblemEntry } from '../storage/schema';

/** Problems the shopper can act on, in plain words (catalogue `notice_problem_<code>`). */
export const SHOPPER_PROBLEMS = ['login', 'captcha', 'unsupported-operator', 'no-orders-found', 'unexpected-shape', 'fields-missing', 'storage-newer-version'] as const;

/** Pages recognised but not read: the shopper can save an anonymised copy of them (docs/page-copy.md). */
export const UNREAD_PAGE_PROBLEMS: readonly ShopperProblem[] = ['no-orders-found', 'unexpected-shape', 'fields-missing'];
export type ShopperProblem = (typeof SHOPPER_PROBLEMS)[number];

/**
 * A page that showed no orders is only a problem when no order was read around the same time:
 * the page reads its DOM before and after its data arrives, and a detail page has no order list.
 */
export const READ_WINDOW_MS = 120_000;

export function problemsOf(raw: unknown): ReadProblemEntry[] {
  if (!Array.isArray(raw)) return [];
  const out: ReadProblemEntry[] = [];
  for (const p of raw) {
    const parsed = ReadProblemEntrySchema.safeParse(p);
    if (parsed.success && !Number.isNaN(Date.parse(parsed.data.at))) out.push(parsed.data);
  }
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export interface ProblemNotice {
  code: ShopperProblem;
  at: string;
}

/**
 * The latest problem worth telling the shopper about, unless an order was read after it
 * (then the page was read after all). `orderUpdates` are the stored orders' `updatedAt`.
 */
export function latestProblem(rawProblems: unknown, orderUpdates: readonly string[]): ProblemNotice | null {
  const times = orderUpdates.map((u) => Date.parse(u)).filter((n) => !Number.isNaN(n));
  const lastRead = times.length ? Math.max(...times) : -Infinity;
  const list = problemsOf(rawProblems);
  for (let i = list.length - 1; i >= 0; i--) {
    const p = list[i] as ReadProblemEntry;
    if (!(SHOPPER_PROBLEMS as readonly string[]).includes(p.code)) continue;
    const at = Date.parse(p.at);
    if (p.code === 'storage-newer-version') return { code: p.code, at: p.at };
    if (p.code === 'no-orders-found' || p.code === 'unexpected-shape') {
      if (times.some((t) => Math.abs(t - at) <= READ_WINDOW_MS) || lastRead > at) continue;
      return { code: p.code, at: p.at };
    }
    // Orders were read with it (that is the problem): it stands until a read well after it.
    if (p.code === 'fields-missing') {
      if (lastRead > at + READ_WINDOW_MS) continue;
      return { code: p.code, at: p.at };
    }
    if (lastRead > at) return null;
    return { code: p.code as ShopperProblem, at: p.at };
  }
  return null;
}

/** Records kept aside that were saved records (not page data the worker refused on arrival). */
export function quarantinedRecords(rawQuarantine: unknown): number {
  if (!Array.isArray(rawQuarantine)) return 0;
  return rawQuarantine.filter((e) => QuarantineEntrySchema.safeParse(e).success && (e as { key: string }).key !== 'observation').length;
}

export interface DiagnosticsEnv {
  version: string;
  userAgent: string;
  now: Date;
}

export interface Diagnostics {
  app: 'buyer-shield';
  version: string;
  userAgent: string;
  generatedAt: string;
  schemaVersion: number | null;
  storedOrders: number;
  quarantined: number;
  problems: { at: string; code: string; page: string; site: string }[];
}

/** The "Copy diagnostics" text: counts, kinds and codes with times. */
export function buildDiagnostics(raw: Record<string, unknown>, storedOrders: number, env: DiagnosticsEnv): Diagnostics {
  const meta = raw['meta'];
  const v = meta && typeof meta === 'object' ? (meta as { schemaVersion?: unknown }).schemaVersion : undefined;
  return {
    app: 'buyer-shield',
    version: env.version,
    userAgent: env.userAgent,
    generatedAt: env.now.toISOString(),
    schemaVersion: typeof v === 'number' && Number.isFinite(v) ? v : null,
    storedOrders,
    quarantined: Array.isArray(raw['quarantine']) ? raw['quarantine'].length : 0,
    problems: problemsOf(raw['problems'])
      .slice(-20)
      .map((p) => {
        const page = classifyUrl(p.url);
        return { at: p.at, code: p.code.slice(0, 60), page: page.kind, site: page.site };
      }),
  };
}
