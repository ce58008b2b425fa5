import type { RoomState } from '../../../shared/protocol.ts';
import type { App } from '../app.ts';
import { h } from '../dom.ts';
import { type CAUSE_LABEL, deathSentence } from '../words.ts';
import type { ChatPanel } from './chat.ts';
import { overPanel } from './over.ts';
import { playersGrid } from './players.ts';
import { promptPanel } from './prompt.ts';
import { roleCard } from './rolecard.ts';
import { timelinePanel } from './timeline.ts';

/** The game itself: the prompt first, my role, the table of players, chat and the timeline. */
export function gameTable(app: App, chat: ChatPanel, leave: () => void) {
  const prompt = promptPanel(app.client);
  const role = roleCard();
  const players = playersGrid();
  const timeline = timelinePanel();
  const over = overPanel(app, leave);
  const death = deathDialog();
  const el = h('div', { class: 'table' },
    h('div', { class: 'col-main' }, over.el, prompt.el, players.el),
    h('div', { class: 'col-side' }, role.el, chat.el, timeline.el),
    death.el);
  let wasAlive: boolean | null = null;

  return {
    el,
    update(st: RoomState) {
      const v = st.view;
      prompt.update(v);
      role.update(v);
      players.update(v);
      timeline.update(v);
      over.update(st);
      const alive = v.you?.alive ?? null;
      // Dying is worth a screen of its own, once the last thing to do (a hunter's shot) is done.
      if (wasAlive === true && alive === false && v.phase !== 'over') death.pending = true;
      if (death.pending && !v.you?.prompt && v.phase !== 'over') death.open(v.you ? v.players.find((p) => p.seat === v.you!.seat)?.death : undefined);
      if (v.phase === 'over') death.close();
      wasAlive = alive;
    },
  };
}

function deathDialog() {
  const text = h('p');
  const ok = h('button', { type: 'button', class: 'primary' }, 'Follow the game');
  const el = h('dialog', { class: 'death', 'aria-labelledby': 'death-h' },
    h('p', { class: 'big', 'aria-hidden': 'true' }, '✝'),
    h('h2', { id: 'death-h' }, 'You are dead'), text,
    h('p', null, 'You can still watch everything the village sees, and talk with the other dead when the room allows it. Do not help the living!'),
    ok);
  ok.addEventListener('click', () => el.close());
  return {
    el,
    pending: false,
    open(d?: { day: number; cause: keyof typeof CAUSE_LABEL }) {
      this.pending = false;
      text.textContent = d ? deathSentence(d.cause, d.day) : '';
      if (!el.open) el.showModal();
      ok.focus();
    },
    close() { if (el.open) el.close(); this.pending = false; },
  };
}
