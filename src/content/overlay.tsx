/**
 * Everything Buyer Shield draws on an AliExpress page lives in open shadow roots, styled in
 * isolation, in the shopper's language and direction. Page text is rendered as text only.
 */
import { render } from 'preact';
import type { ReadResult } from '../aliexpress';
import type { Order } from '../domain/order';
import { createTranslator, type Translate } from '../i18n';
import type { OrderPrefs } from '../storage/schema';
import type { Settings } from '../storage/settings';
import type { ContentContext } from './runtime';
import panelCss from './overlay.css?inline';

export interface OverlayState {
  knownCount: number;
  orders: Order[];
  settings: Settings;
  prefs: OrderPrefs;
  locale: string;
  dir: 'rtl' | 'ltr';
  lang: string;
  messages: Record<string, string>;
}

export const HOST_ATTR = 'data-buyer-shield';

interface PageInfo {
  kind: string;
  unsupportedOperator: boolean;
}

export class Overlay {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private state: OverlayState | null = null;
  private problem: string | null = null;
  private pageOrderIds = new Set<string>();
  private decorateTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ctx: ContentContext,
    private readonly page: PageInfo,
  ) {}

  /** Elements we created (so our own mutations don't trigger re-reads). */
  owns(node: Element): boolean {
    return node.hasAttribute(HOST_ATTR) || !!node.closest(`[${HOST_ATTR}]`);
  }

  mount(): void {
    if (this.host || !document.body) return;
    this.host = document.createElement('div');
    this.host.setAttribute(HOST_ATTR, 'panel');
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = panelCss;
    this.root.append(style, document.createElement('div'));
    document.body.append(this.host);
    if (this.page.unsupportedOperator) this.problem = 'unsupported-operator';
    void this.refresh();
  }

  unmount(): void {
    clearTimeout(this.decorateTimer);
    this.host?.remove();
    this.host = null;
    this.root = null;
  }

  noteApiRead(result: ReadResult): void {
    for (const o of result.observations) this.pageOrderIds.add(o.orderId);
  }

  noteDomRead(result: ReadResult): void {
    for (const o of result.observations) this.pageOrderIds.add(o.orderId);
    if (result.observations.length === 0 && result.problems.some((p) => p.code === 'no-orders-found')) {
      this.problem ??= 'nothing-read';
    } else if (result.observations.length > 0 && this.problem === 'nothing-read') {
      this.problem = null;
    }
    this.draw();
  }

  showProblem(code: string): void {
    this.problem = code;
    this.draw();
  }

  scheduleDecorate(): void {
    clearTimeout(this.decorateTimer);
    this.decorateTimer = setTimeout(() => this.draw(), 50);
  }

  async refresh(): Promise<void> {
    const reply = await this.ctx.send<OverlayState>({ type: 'cs/overlay-state', orderIds: [...this.pageOrderIds].slice(0, 2000) });
    if (reply?.ok) this.state = reply.value;
    this.draw();
  }

  private draw(): void {
    const mountPoint = this.root?.lastElementChild;
    if (!mountPoint || !this.ctx.alive) return;
    const state = this.state;
    const t: Translate = createTranslator(state?.messages ?? {});
    this.host?.setAttribute('lang', state?.lang ?? 'en');
    this.host?.setAttribute('dir', state?.dir ?? 'ltr');
    render(<Panel t={t} state={state} problem={this.problem} />, mountPoint);
  }
}

function Panel({ t, state, problem }: { t: Translate; state: OverlayState | null; problem: string | null }) {
  if (!state) return null;
  return (
    <section class="panel" role="status" aria-live="polite" dir={state.dir} lang={state.lang} aria-label={t('common_app_name')}>
      <strong class="brand">{t('common_app_name')}</strong>
      {problem ? (
        <p class="problem">{t(`overlay_problem_${problem.replace(/-/g, '_')}`)}</p>
      ) : (
        <p class="count">{t('overlay_known_orders', { count: state.knownCount })}</p>
      )}
    </section>
  );
}
