import { h } from './dom.ts';

/**
 * An in-page confirmation (a modal <dialog>, never the browser's confirm()): it says what the
 * choice costs, the safe answer has the focus, and Escape means no. Focus goes back to the opener.
 */
export function confirmDialog(o: { title: string; text: string; yes: string; no: string }): Promise<boolean> {
  const opener = document.activeElement as HTMLElement | null;
  const no = h('button', { type: 'button', class: 'secondary', value: 'no' }, o.no);
  const yes = h('button', { type: 'button', class: 'danger', value: 'yes' }, o.yes);
  const el = h('dialog', { class: 'confirm-dialog', 'aria-labelledby': 'confirm-h', 'aria-describedby': 'confirm-text' },
    h('h2', { id: 'confirm-h' }, o.title), h('p', { id: 'confirm-text' }, o.text), h('div', { class: 'actions' }, no, yes));
  document.body.append(el);
  return new Promise((resolve) => {
    let answer = false;
    no.addEventListener('click', () => el.close());
    yes.addEventListener('click', () => { answer = true; el.close(); });
    el.addEventListener('close', () => {
      el.remove();
      if (opener?.isConnected) opener.focus();
      resolve(answer);
    });
    el.showModal();
    no.focus();
  });
}
