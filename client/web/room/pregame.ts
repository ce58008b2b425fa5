import type { CommandPayload, RoomState } from '../../../shared/protocol.ts';
import { MIN_PLAYERS } from '../../../shared/limits.ts';
import type { PlayerView } from '../../../shared/views.ts';
import type { App } from '../app.ts';
import { avatar } from '../avatar.ts';
import { errorSlot, field, h, select, swap } from '../dom.ts';
import { paths } from '../router.ts';
import { settingsForm } from '../settings-form.ts';
import { settingsSummary } from '../settings-summary.ts';
import type { ChatPanel } from './chat.ts';
import { setupPanel } from './setup.ts';

/** The room before a game: seats, the host's controls and settings, the invite link, and the room chat. */
export function pregame(app: App, chat: ChatPanel, initial: RoomState) {
  const { client } = app;
  const seatsErr = errorSlot();
  const startErr = errorSlot();
  const seatsTitle = h('h2', { id: 'seats-h' });
  const seats = h('ul', { class: 'seats' });
  const link = h('input', { readonly: true, class: 'invite-link', 'aria-label': 'Invite link' });
  const copied = h('span', { class: 'hint', 'aria-live': 'polite' });
  const copyBtn = h('button', { type: 'button', class: 'secondary' }, 'Copy link');
  const codeEl = h('strong', { class: 'code' });
  const strategy = select('strategy', [['smart', 'Smart bot'], ['random', 'Random bot']], 'smart');
  const addBot = h('button', { type: 'button', class: 'secondary' }, 'Add a bot');
  // Offered only when the server said (hello) that its AIWolf bridge listens (docs/aiwolf.md).
  const agentCount = h('input', { type: 'number', name: 'agents', min: '1', max: '15', value: '1', class: 'small' });
  const addAgents = h('button', { type: 'button', class: 'secondary' }, 'Let AIWolf agents take the seats');
  const agentNote = h('p', { class: 'hint', 'aria-live': 'polite' });
  const agentTools = h('div', { class: 'host-tools aiwolf-tools' }, field('AIWolf agents', agentCount), addAgents, agentNote);
  agentTools.hidden = !client.botStrategies.includes('aiwolf');
  const hostTools = h('div', { class: 'host-tools-all' }, h('div', { class: 'host-tools' }, field('Bot', strategy), addBot), agentTools);
  const startBtn = h('button', { type: 'button', class: 'primary start' }, 'Start the game');
  const startNote = h('p', { class: 'hint', id: 'start-note' });
  startBtn.setAttribute('aria-describedby', startNote.id);
  const settingsNote = h('p', { class: 'hint' });
  let state = initial;
  const settings = settingsForm(initial.view.settings, async (patch) => {
    const res = await client.send('room:settings', { patch });
    settings.error(res.ok ? null : res.error.message);
    // A refused change snaps back to what the room has.
    if (!res.ok) settings.set(state.view.settings, state.view.players.length);
  });

  /** Send a host command and show its refusal under the seat list. */
  const act = async <C extends 'room:kick' | 'room:host' | 'bot:add' | 'bot:remove'>(cmd: C, payload: CommandPayload<C>) => {
    const res = await client.send(cmd, payload);
    seatsErr.show(res.ok ? null : res.error.message);
  };
  addBot.addEventListener('click', () => void act('bot:add', { strategy: strategy.value as 'smart' | 'random' }));
  // One bot:add per seat; the first refusal (room/full: no agent is waiting at the bridge) ends it.
  addAgents.addEventListener('click', async () => {
    const want = Math.max(1, Math.min(15, Math.floor(Number(agentCount.value)) || 1));
    addAgents.disabled = true;
    let seated = 0;
    let refusal: string | null = null;
    while (seated < want && !refusal) {
      const res = await client.send('bot:add', { strategy: 'aiwolf' });
      if (res.ok) seated++; else refusal = res.error.message;
    }
    addAgents.disabled = false;
    agentNote.textContent = `${seated} of ${want} seats taken by AIWolf agents.`;
    seatsErr.show(refusal);
  });
  startBtn.addEventListener('click', async () => {
    startBtn.disabled = true;
    const res = await client.send('game:start', {});
    startBtn.disabled = false;
    startErr.show(res.ok ? null : res.error.message);
  });
  copyBtn.addEventListener('click', async () => {
    link.select();
    try { await navigator.clipboard.writeText(link.value); copied.textContent = 'Copied.'; } catch { copied.textContent = 'Select the link and copy it.'; }
    setTimeout(() => { copied.textContent = ''; }, 3000);
  });

  const seatItem = (p: PlayerView) => {
    const v = state.view;
    const me = v.you?.seat === p.seat;
    const host = v.host === p.seat;
    const tags = [me && 'you', host && 'host', p.bot && 'bot', !p.connected && 'offline'].filter(Boolean) as string[];
    // The accessible name starts with the visible word ("Kick", "Make host"), then says whom.
    const who = (verb: string, name: string) => [verb, h('span', { class: 'visually-hidden' }, ` ${name}`)];
    const controls = v.you?.isHost && !me
      ? p.bot
        ? [h('button', { type: 'button', class: 'small secondary', 'data-key': `rm-${p.seat}`, onClick: () => void act('bot:remove', { seat: p.seat }) }, who('Remove', `the bot ${p.name}`))]
        : [h('button', { type: 'button', class: 'small secondary', 'data-key': `host-${p.seat}`, onClick: () => void act('room:host', { seat: p.seat }) }, who('Make host', p.name)),
           h('button', { type: 'button', class: 'small danger', 'data-key': `kick-${p.seat}`, onClick: () => void act('room:kick', { seat: p.seat }) }, who('Kick', p.name))]
      : [];
    return h('li', { class: `seat${me ? ' me' : ''}`, 'data-seat': p.seat },
      h('span', { class: 'avatar' }, avatar(p.name, p.bot)),
      h('span', { class: 'pname' }, p.name),
      h('span', { class: 'tags' }, tags.map((t) => h('span', { class: `tag tag-${t}` }, t))),
      h('span', { class: 'controls' }, controls));
  };

  const summary = h('div');
  const setup = setupPanel({ headingId: 'setup-h' });
  const el = h('div', { class: 'pregame' },
    h('div', { class: 'col-a' },
      h('section', { class: 'panel seats-panel', 'aria-labelledby': 'seats-h' }, seatsTitle, seats, seatsErr.el, hostTools, startNote, startBtn, startErr.el),
      setup.el,
      h('section', { class: 'panel invite', 'aria-labelledby': 'invite-h' }, h('h2', { id: 'invite-h' }, 'Invite friends'),
        h('p', null, 'Room code: ', codeEl), h('div', { class: 'inline-form' }, link, copyBtn), copied)),
    h('div', { class: 'col-b' }, chat.el,
      h('section', { class: 'panel settings-panel', 'aria-labelledby': 'settings-h' }, h('h2', { id: 'settings-h' }, 'Settings'), settingsNote, settings.el, summary)));

  return {
    el,
    update(st: RoomState) {
      state = st;
      const v = st.view;
      const isHost = v.you?.isHost ?? false;
      const n = v.players.length;
      seatsTitle.textContent = `Players (${n}/${v.settings.maxSeats})`;
      swap(seats, v.players.map(seatItem));
      codeEl.textContent = st.code;
      setup.update(v);
      link.value = `${location.origin}${paths.join(st.code)}`;
      hostTools.hidden = startBtn.hidden = !isHost;
      const enough = n >= MIN_PLAYERS;
      startBtn.disabled = !enough;
      startNote.textContent = !v.you
        ? 'You are watching this room.'
        : !isHost ? `Waiting for ${v.players.find((p) => p.seat === v.host)?.name ?? 'the host'} to start the game.`
        : enough ? `${n} players are ready.` : `At least ${MIN_PLAYERS} players are needed (${n} now): invite friends or add bots.`;
      // The host edits a form; everyone else reads a short list.
      settings.el.hidden = !isHost;
      if (isHost) settings.set(v.settings, n); else swap(summary, settingsSummary(v.settings));
      summary.hidden = isHost;
      settingsNote.textContent = isHost ? 'Changes apply at once.' : 'Only the host can change these.';
    },
  };
}
