/**
 * The floating panel: Buyer Shield's name, what it knows or why it could not read the page,
 * and a slot for each feature that shows something there (the page's order, "Read all my
 * orders"), in a fixed order. Rebuilt when the language or direction changes; the slots
 * keep their elements, which their features fill.
 */
import { h } from '../view';
import { makeHost } from './host';
import type { PageState } from './state';

const SLOTS = ['page-order', 'read-all'] as const;
export type SlotName = (typeof SLOTS)[number];

export class Panel {
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;
  private key = '';
  private readonly status = h('p');
  private readonly slots = new Map<SlotName, HTMLElement>(SLOTS.map((name) => [name, h('div')]));

  constructor(private readonly state: PageState) {}

  /** Put the panel on the page and keep it drawn until `signal` aborts. */
  start(signal: AbortSignal): void {
    if (this.host || !document.body) return;
    const { host, root } = makeHost('panel');
    this.mount = h('div');
    root.append(this.mount);
    this.host = host;
    document.body.append(host);
    this.state.addEventListener('change', () => this.draw(), { signal });
    signal.addEventListener('abort', () => this.host?.remove(), { once: true });
  }

  /** The element a feature draws into. */
  slot(name: SlotName): HTMLElement {
    return this.slots.get(name) as HTMLElement;
  }

  private draw(): void {
    const s = this.state.state;
    const t = this.state.translate;
    if (!this.mount || !s || !t) return;
    const key = `${s.locale}|${s.dir}|${s.lang}`;
    if (this.key !== key) {
      this.key = key;
      this.mount.replaceChildren(
        h(
          'div',
          { class: 'bs-root', dir: s.dir, lang: s.lang },
          h(
            'section',
            { class: 'panel', 'aria-label': t('common_app_name') },
            h('strong', { class: 'brand' }, t('common_app_name')),
            h('div', { role: 'status', 'aria-live': 'polite' }, this.status),
            ...this.slots.values(),
          ),
        ),
      );
    }
    const problem = this.state.problem;
    const text = problem ? t(`overlay_problem_${problem.replace(/-/g, '_')}`) : t('overlay_known_orders', { count: s.knownCount });
    const cls = problem ? 'problem' : 'count';
    if (this.status.textContent !== text) this.status.textContent = text;
    if (this.status.className !== cls) this.status.className = cls;
  }
}
