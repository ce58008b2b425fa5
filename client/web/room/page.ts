import type { RoomState, RoomSummary } from '../../../shared/protocol.ts';
import type { App, Page } from '../app.ts';
import { confirmDialog } from '../confirm.ts';
import { errorSlot, h, swap } from '../dom.ts';
import { enterSeat, lobbyError } from '../lobby/page.ts';
import { nameField } from '../lobby/name.ts';
import { navigate, paths } from '../router.ts';
import { storage } from '../storage.ts';
import { phaseTitle } from '../words.ts';
import { turnAlerts } from './alerts.ts';
import { chatPanel } from './chat.ts';
import { roomHeader } from './header.ts';
import { pregame } from './pregame.ts';
import { gameTable } from './table.ts';

type Body = { el: HTMLElement; update(st: RoomState): void; focusTarget?(): HTMLElement | null; prompt?: { tick(ms: number | null): void; focus(): void } };

/**
 * A room, as a seat (/room/ID) or as a spectator (/spectate/ID). On load it takes the seat back
 * with the stored token (a reload lands on the same seat), or offers to join or watch.
 */
export function roomPage(app: App, roomId: string, mode: 'seat' | 'spectator', code?: string): Page {
  const { client } = app;
  const status = h('div', { class: 'room-status panel narrow', 'aria-live': 'polite' }, h('h1', { tabindex: '-1' }, 'Entering the room…'));
  const header = roomHeader(mode, { leave: () => void leave(), goToAction: () => body?.prompt?.focus() });
  const alerts = turnAlerts();
  const chat = chatPanel(client);
  const bodyBox = h('div', { class: 'room-body' });
  const room = h('div', { class: 'room', hidden: true }, header.el, bodyBox);
  const el = h('div', { class: 'room-page' }, status, room);

  // Keyboard users keep their place: when the element holding the focus disappears (a vote sent,
  // a new phase), the focus moves to what matters now instead of falling back to the page.
  let keyboard = false;
  const onKey = () => { keyboard = true; };
  const onPointer = () => { keyboard = false; };
  document.addEventListener('keydown', onKey, true);
  document.addEventListener('pointerdown', onPointer, true);
  const keepFocus = () => {
    if (!keyboard || room.hidden) return;
    const a = document.activeElement;
    if (a && a !== document.body && a.isConnected) return;
    if (document.querySelector('dialog[open]')) return;
    (body?.focusTarget?.() ?? header.phaseEl).focus();
  };
  const offs: (() => void)[] = [];
  let body: Body | null = null;
  let kind: 'pregame' | 'game' | null = null;

  const mine = (st: RoomState | null): st is RoomState => !!st && st.roomId === roomId && (mode === 'seat') === (client.token !== null);

  const render = () => {
    const st = client.state;
    if (!mine(st)) return;
    if (room.hidden) {
      status.hidden = true;
      room.hidden = false;
      // The heading that had the focus is gone: give it to the room's name.
      if (document.activeElement === document.body || status.contains(document.activeElement)) room.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
    }
    document.body.dataset.phase = st.view.phase;
    alerts.update(st.view, st.view.settings.name);
    document.title = alerts.title(`${phaseTitle(st.view.phase, st.view.day)} · ${st.view.settings.name} · Werewolf`);
    header.update(st, alerts.due);
    header.tick(client.remainingMs());
    const want = st.view.phase === 'lobby' ? 'pregame' : 'game';
    if (want !== kind) {
      kind = want;
      body = want === 'pregame' ? pregame(app, chat, st) : gameTable(app, chat, () => void leave());
      swap(bodyBox, body.el);
      // The game screen fills the phone's screen and scrolls pane by pane (styles/room.css).
      if (want === 'game') document.body.dataset.shell = 'game'; else delete document.body.dataset.shell;
    }
    body!.update(st);
    chat.update(st.view);
    body!.prompt?.tick(client.remainingMs());
    keepFocus();
  };

  async function leave(): Promise<void> {
    const v = client.view;
    const inGame = v && v.you?.alive && v.phase !== 'lobby' && v.phase !== 'over';
    if (inGame && !(await confirmDialog({
      title: 'Leave the game?',
      text: 'Your character dies at once, and you cannot come back to this game. The others play on without you.',
      yes: 'Leave, my character dies', no: 'Stay in the game',
    }))) return;
    const res = await client.send('room:leave', {});
    if (!res.ok && res.error.code !== 'room/not-member') { app.toasts.show(res.error.message, 'error'); return; }
    storage.forgetSeat(roomId);
    navigate(paths.lobby());
  }

  /** No seat here: say why, and offer to join (before a game) or to watch. */
  const offer = async (why: string) => {
    const err = errorSlot();
    const res = await fetch(`/api/rooms/${encodeURIComponent(roomId)}`).catch(() => null);
    const summary = res?.ok ? ((await res.json()) as { room: RoomSummary }).room : null;
    if (!summary) {
      swap(status, h('h1', { tabindex: '-1' }, 'Room not found'), h('p', null, why, ' This room does not exist any more. '), h('a', { href: '/', 'data-link': true }, 'Go to the lobby'));
      return;
    }
    const name = nameField();
    const open = (summary.phase === 'lobby' || summary.phase === 'over') && summary.players < summary.maxSeats;
    const join = h('button', { type: 'button', class: 'primary', disabled: !open }, 'Take a seat');
    join.addEventListener('click', async () => {
      const player = name.require();
      if (!player) return;
      const r = await client.send('room:join', { roomId, name: player });
      if (r.ok) enterSeat(r.data); else err.show(lobbyError(r.error));
    });
    swap(status, h('h1', { tabindex: '-1' }, summary.name), h('p', null, why),
      h('p', null, `${summary.players}/${summary.maxSeats} players · ${phaseTitle(summary.phase, summary.day)}`),
      name.el, h('div', { class: 'actions' }, join,
        summary.allowSpectators ? h('a', { class: 'button secondary', href: paths.spectate(roomId), 'data-link': true }, 'Watch') : null,
        h('a', { class: 'button secondary', href: '/', 'data-link': true }, 'Lobby')), err.el);
  };

  async function enter(): Promise<void> {
    if (mine(client.state)) { render(); return; }
    if (mode === 'spectator') {
      if (client.state && client.token === null) await client.send('room:leave', {});
      const res = await client.send('room:spectate', code ? { code } : { roomId });
      if (!res.ok) {
        const seated = res.error.code === 'room/already-member';
        swap(status, h('h1', { tabindex: '-1' }, 'Cannot watch this room'), h('p', { role: 'alert' }, seated ? 'You have a seat in another room: leave it first.' : res.error.message), h('a', { href: '/', 'data-link': true }, 'Go to the lobby'));
      }
      return;
    }
    const token = storage.seatToken(roomId);
    if (!token) { await offer('You have no seat in this room yet.'); return; }
    const res = await client.send('room:resume', { token });
    if (res.ok) { storage.saveSeat(roomId, token); render(); return; }
    if (res.error.code === 'seat/token-invalid') { storage.forgetSeat(roomId); await offer('Your seat in this room is gone.'); return; }
    swap(status, h('h1', { tabindex: '-1' }, 'Could not take your seat back'), h('p', { role: 'alert' }, res.error.message),
      h('button', { type: 'button', onClick: () => void enter() }, 'Try again'));
  }

  offs.push(client.on('state', render));
  const ticker = setInterval(() => {
    if (!mine(client.state)) return;
    const ms = client.remainingMs();
    header.tick(ms);
    body?.prompt?.tick(ms);
    keepFocus();
  }, 250);
  void enter();

  return {
    el,
    title: mode === 'seat' ? 'Room' : 'Spectating',
    dispose() {
      clearInterval(ticker);
      for (const off of offs) off();
      alerts.dispose();
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer, true);
      delete document.body.dataset.shell;
    },
  };
}
