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
import { setupPanel } from './setup.ts';

type Pane = 'chat' | 'players' | 'story';
const PANES: [Pane, string][] = [['chat', 'Chat'], ['players', 'Players'], ['story', 'Story']];

/**
 * The game itself. On a phone: what to do now on top, then one pane at a time (the conversation
 * first, the players and the story a tap away). On a laptop the same parts side by side: the
 * prompt and the players on the left, the story and the chat on the right (CSS only).
 */
export function gameTable(app: App, chat: ChatPanel, leave: () => void) {
  let last: RoomState | null = null;
  const prompt = promptPanel(app.client, () => { if (last) players.update(last.view, prompt.cardAction); });
  const role = roleCard();
  const players = playersGrid();
  const timeline = timelinePanel();
  const setup = setupPanel({ headingId: 'table-setup-h', compact: true });
  const over = overPanel(app, leave);
  const death = deathDialog();
  const ticker = h('button', { type: 'button', class: 'story-ticker', hidden: true, onClick: () => show('story', true) });
  const switches = PANES.map(([p, label]) => h('button', { type: 'button', class: 'pane-btn', 'data-pane': p, 'data-key': `pane-${p}`, 'aria-pressed': String(p === 'chat'), onClick: () => show(p, false) }, label, h('span', { class: 'pane-count' })));
  const el = h('div', { class: 'table', 'data-pane': 'chat' },
    over.el, prompt.el,
    h('div', { class: 'pane-switch', role: 'group', 'aria-label': 'Show' }, switches),
    h('div', { class: 'pane pane-chat', 'data-pane': 'chat' }, ticker, chat.el),
    h('div', { class: 'pane pane-players', 'data-pane': 'players' }, role.el, players.el, setup.el),
    h('div', { class: 'pane pane-story', 'data-pane': 'story' }, timeline.el),
    death.el);
  let wasAlive: boolean | null = null;

  function show(p: Pane, focus: boolean) {
    el.dataset.pane = p;
    for (const b of switches) b.setAttribute('aria-pressed', String(b.dataset.pane === p));
    if (focus) switches.find((b) => b.dataset.pane === p)?.focus();
  }

  return {
    el,
    prompt,
    update(st: RoomState) {
      last = st;
      const v = st.view;
      prompt.update(v);
      role.update(v);
      players.update(v, prompt.cardAction);
      timeline.update(v);
      setup.update(v);
      over.update(st);
      ticker.hidden = !timeline.latest;
      ticker.textContent = timeline.latest;
      switches[1].lastElementChild!.textContent = ` ${v.players.filter((p) => p.alive).length}`;
      switches[0].lastElementChild!.textContent = chat.unread ? ` · ${chat.unread} new` : '';
      const alive = v.you?.alive ?? null;
      // Dying is worth a screen of its own, once the last thing to do (a hunter's shot) is done.
      if (wasAlive === true && alive === false && v.phase !== 'over') death.pending = true;
      if (death.pending && !v.you?.prompt && v.phase !== 'over') death.open(v.you ? v.players.find((p) => p.seat === v.you!.seat)?.death : undefined);
      if (v.phase === 'over') death.close();
      wasAlive = alive;
    },
    /** Where the focus goes when the element that had it is gone: what to do now, or the news. */
    focusTarget(): HTMLElement | null {
      if (death.el.open) return null;
      if (!over.el.hidden) return over.el.querySelector<HTMLElement>('#over-h');
      return prompt.el.hidden ? null : prompt.el.querySelector<HTMLElement>('#prompt-h');
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
