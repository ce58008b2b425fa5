import { WerewolfClient } from '../sdk/client.ts';
import { h } from './dom.ts';
import { watchHelpLinks } from './help.ts';
import { navigate, onRoute, parseRoute, type Route } from './router.ts';
import { storage } from './storage.ts';
import { Toasts } from './toasts.ts';

/** A screen of the app. `dispose` drops its subscriptions and timers. */
export interface Page {
  el: HTMLElement;
  title: string;
  dispose(): void;
}

type Status = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';
const STATUS_TEXT: Record<Status, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Connection lost. Reconnecting…',
  disconnected: 'Disconnected.',
};

/** The shell: one socket for the whole visit, the connection banner, toasts, and the current page. */
export class App {
  readonly client: WerewolfClient;
  readonly toasts = new Toasts();
  status: Status = 'connecting';
  private main = h('main', { id: 'main', tabindex: '-1' });
  private banner = h('div', { class: 'connection', role: 'status', 'aria-live': 'polite' });
  private page: Page | null = null;

  /** `pageFor` is the route table (pages.ts); it comes in from outside because the pages use the app. */
  constructor(private root: HTMLElement, private pageFor: (app: App, route: Route) => Page) {
    // A player who drops mid-phase has seconds to act: retry soon, and never wait long between tries.
    this.client = new WerewolfClient(location.origin, { socket: { transports: ['websocket', 'polling'], reconnectionDelay: 500, reconnectionDelayMax: 3000 } });
  }

  start(): void {
    const brand = h('a', { href: '/', 'data-link': true, class: 'brand' }, h('span', { 'aria-hidden': 'true' }, '☾ '), 'Werewolf');
    this.root.replaceChildren(
      h('a', { class: 'skip', href: '#main' }, 'Skip to content'),
      h('header', { class: 'topbar' }, brand, this.banner, h('a', { href: '#how-to-play', class: 'help-link' }, h('span', { 'aria-hidden': 'true' }, '? '), 'How to play')),
      this.main,
      this.toasts.el,
    );
    this.setStatus('connecting');
    this.client.on('connection', (s) => this.setStatus(s));
    this.client.socket.on('connect_error', () => this.setStatus(this.status === 'connected' ? 'reconnecting' : 'connecting'));
    this.client.on('notice', (n) => {
      this.toasts.show(n.message, n.code === 'afk/warning' || n.code === 'room/kicked' ? 'warn' : 'info');
      if (n.code === 'room/kicked') this.leftRoom();
    });
    this.client.on('closed', (reason) => {
      this.toasts.show(`The room was closed: ${reason}`, 'warn');
      this.leftRoom();
    });
    onRoute((r) => this.show(r));
    this.show(parseRoute(location.pathname));
    watchHelpLinks();
  }

  /** The seat or spectator place is gone (kicked, room closed): back to the lobby. */
  private leftRoom(): void {
    const roomId = this.client.state?.roomId;
    if (roomId) storage.forgetSeat(roomId);
    this.client.state = null;
    this.client.token = null;
    if (location.pathname !== '/') navigate('/');
  }

  private setStatus(s: Status): void {
    this.status = s;
    this.banner.textContent = s === 'connected' ? '' : STATUS_TEXT[s];
    this.banner.dataset.status = s;
    document.body.dataset.connection = s;
  }

  show(route: Route): void {
    this.page?.dispose();
    const page = this.pageFor(this, route);
    this.page = page;
    document.title = `${page.title} · Werewolf`;
    this.main.replaceChildren(page.el);
    document.body.dataset.page = route.page;
    delete document.body.dataset.phase;
    delete document.body.dataset.shell;
    // Tell screen readers the page changed: focus its heading without scrolling.
    page.el.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }
}
