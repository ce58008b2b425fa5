import { h } from './dom.ts';

/** Short notices (AFK warning, room restarted, kicked, server draining) that go away by themselves. */
export class Toasts {
  readonly el = h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });

  show(message: string, kind: 'info' | 'warn' | 'error' = 'info', ms = 7000): void {
    const close = h('button', { type: 'button', class: 'toast-close', 'aria-label': 'Dismiss' }, '×');
    const icon = kind === 'info' ? 'ℹ' : '⚠';
    const toast = h('div', { class: `toast toast-${kind}` }, h('span', { 'aria-hidden': 'true' }, icon), h('span', null, message), close);
    const remove = () => toast.remove();
    close.addEventListener('click', remove);
    this.el.append(toast);
    while (this.el.children.length > 4) this.el.firstElementChild?.remove();
    setTimeout(remove, ms);
  }
}
