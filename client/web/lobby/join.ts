import type { RoomSummary } from '../../../shared/protocol.ts';
import type { App, Page } from '../app.ts';
import { errorSlot, h, swap } from '../dom.ts';
import { navigate, paths } from '../router.ts';
import { storage } from '../storage.ts';
import { phaseTitle } from '../words.ts';
import { enterSeat, lobbyError } from './page.ts';
import { nameField } from './name.ts';

/** An invite link, /join/CODE: who invites you where, then one button to take a seat. */
export function joinPage(app: App, code: string): Page {
  const { client } = app;
  const title = h('h1', { tabindex: '-1' }, 'Joining a room…');
  const info = h('p', { 'aria-live': 'polite' });
  const err = errorSlot();
  const name = nameField();
  const joinBtn = h('button', { type: 'submit', class: 'primary' }, 'Take a seat');
  const watchBtn = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Watch instead');
  const form = h('form', { class: 'join-form', hidden: true }, name.el, h('div', { class: 'actions' }, joinBtn, watchBtn), err.el);
  let room: RoomSummary | null = null;

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const player = name.require();
    if (!player) return;
    joinBtn.disabled = true;
    const res = await client.send('room:join', { code, name: player });
    joinBtn.disabled = false;
    if (res.ok) enterSeat(res.data); else err.show(lobbyError(res.error));
  });
  // A private room is watched by its code: by id the server does not find it.
  watchBtn.addEventListener('click', () => { if (room) navigate(paths.spectate(room.roomId, code)); });

  void fetch(`/api/invites/${encodeURIComponent(code)}`).then(async (res) => {
    if (!res.ok) {
      title.textContent = 'Invite not found';
      swap(info, 'No room has the invite code ', h('strong', null, code), '. It may have closed. ', h('a', { href: '/', 'data-link': true }, 'Go to the lobby'), '.');
      return;
    }
    room = ((await res.json()) as { room: RoomSummary }).room;
    // This browser already sits in that room: take the seat back instead of a second one.
    if (storage.seatToken(room.roomId)) { navigate(paths.room(room.roomId), true); return; }
    title.textContent = `Join ${room.name}`;
    const open = room.phase === 'lobby' || room.phase === 'over';
    swap(info, `${room.host ? `${room.host} invites you. ` : ''}${room.players}/${room.maxSeats} players · ${phaseTitle(room.phase, room.day)}.`,
      !open ? ' The game has started: you can join when it is over, or watch it now.' : room.players >= room.maxSeats ? ' All seats are taken.' : '');
    form.hidden = false;
    joinBtn.disabled = !open || room.players >= room.maxSeats;
    watchBtn.hidden = !room.allowSpectators;
  }, () => { title.textContent = 'Could not reach the server'; });

  return { el: h('div', { class: 'join-page panel narrow' }, title, info, form), title: 'Join', dispose() {} };
}
