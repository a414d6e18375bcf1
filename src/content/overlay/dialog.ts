/**
 * The one dialog the guards open: asked when the shopper presses "Confirm received", cancels
 * a dispute or accepts an offer. One at a time (a second click meanwhile is refused); drawn
 * once the state (the language, the order) is there; focus goes back where it was.
 */
import { confirmDialog, disputeDialog } from '../dialogs';
import type { DisputeAsk } from '../shared';
import { h } from '../view';
import { makeHost } from './host';
import type { PageState } from './state';

export type Ask =
  | { kind: 'confirm'; orderId: string; resolve: (go: boolean, satisfied: boolean) => void }
  | { kind: 'dispute'; action: DisputeAsk; orderId: string | null; resolve: (go: boolean) => void };

export class DialogHost {
  private host: { host: HTMLElement; mount: HTMLElement } | null = null;
  private ask: Ask | null = null;
  private shown = false;
  private opener: Element | null = null;

  constructor(private readonly state: PageState) {}

  /** Draw a waiting question once the state arrives; take the dialog away when `signal` aborts. */
  start(signal: AbortSignal): void {
    this.state.addEventListener('change', () => this.show(), { signal });
    signal.addEventListener(
      'abort',
      () => {
        this.close();
        this.host?.host.remove();
        this.host = null;
      },
      { once: true },
    );
  }

  open(ask: Ask): void {
    if (this.ask) {
      refuse(ask);
      return;
    }
    this.ask = ask;
    this.shown = false;
    this.opener = document.activeElement;
    this.show();
  }

  /** Close the dialog; a question still open is answered "no". */
  close(): void {
    const ask = this.ask;
    this.ask = null;
    this.shown = false;
    this.host?.mount.replaceChildren();
    const opener = this.opener as HTMLElement | null;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
    if (ask) refuse(ask);
  }

  private show(): void {
    const a = this.ask;
    const s = this.state.state;
    const t = this.state.translate;
    if (!a || this.shown || !s || !t || !this.state.ctx.alive || !document.body) return;
    if (!this.host) {
      const { host, root } = makeHost('dialog');
      const mount = h('div');
      root.append(mount);
      this.host = { host, mount };
      document.body.append(host);
    }
    const entry = a.orderId ? this.state.byId.get(a.orderId) ?? null : null;
    /** Answer the question and close. */
    const answer = (go: boolean, satisfied = false) => () => {
      this.ask = null;
      this.close();
      if (a.kind === 'confirm') a.resolve(go, satisfied);
      else a.resolve(go);
    };
    const box =
      a.kind === 'confirm'
        ? confirmDialog(t, s.lang, entry, answer(false), (satisfied) => answer(true, satisfied)())
        : disputeDialog(t, s.lang, a.action, entry, answer(false), answer(true));
    this.host.mount.replaceChildren(h('div', { class: 'bs-root', dir: s.dir, lang: s.lang }, box));
    this.shown = true;
    this.host.host.shadowRoot?.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
  }
}

function refuse(ask: Ask): void {
  if (ask.kind === 'confirm') ask.resolve(false, false);
  else ask.resolve(false);
}
