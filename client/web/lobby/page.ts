import type { ErrorInfo } from '../../../shared/errors.ts';
import type { RoomSummary, SeatGrant } from '../../../shared/protocol.ts';
import { DEFAULT_SETTINGS } from '../../../shared/defaults.ts';
import type { App, Page } from '../app.ts';
import { errorSlot, field, h, swap } from '../dom.ts';
import { navigate, paths } from '../router.ts';
import { settingsForm } from '../settings-form.ts';
import { storage } from '../storage.ts';
import { phaseTitle } from '../words.ts';
import { historySection } from './history.ts';
import { nameField } from './name.ts';
import { roomList } from './rooms.ts';

/** Ack errors in the lobby's words, where the server's own would not tell what to do. */
export function lobbyError(e: ErrorInfo): string {
  if (e.code === 'room/already-member') return 'You are already in a room: go back to it or leave it first (see the top of the page).';
  return e.message;
}

/** After a seat is granted: remember its token and go to the room. */
export function enterSeat(grant: SeatGrant): void {
  storage.saveSeat(grant.roomId, grant.token);
  navigate(paths.room(grant.roomId));
}

/** The lobby: choose a name, see public rooms live, join one, create one, or watch one. */
export function lobbyPage(app: App): Page {
  const { client } = app;
  const name = nameField();
  const offs: (() => void)[] = [];

  // Where the player already is, so a second room is not joined by mistake.
  const here = h('div', { class: 'here', 'aria-live': 'polite' });
  const showHere = () => {
    const st = client.state;
    if (!st) { swap(here); return; }
    const seated = client.token !== null;
    const title = `${st.view.settings.name} (${phaseTitle(st.view.phase, st.view.day)})`;
    swap(here, h('p', null, seated ? 'You have a seat in ' : 'You are watching ', h('strong', null, title), '.'),
      h('div', { class: 'actions' },
        h('a', { class: 'button', href: seated ? paths.room(st.roomId) : paths.spectate(st.roomId, st.view.settings.visibility === 'private' ? st.code : undefined), 'data-link': true }, seated ? 'Back to my seat' : 'Back to the game'),
        h('button', { type: 'button', class: 'secondary', onClick: () => void leave() }, seated ? 'Leave that room' : 'Stop watching')));
  };
  const leave = async () => {
    const roomId = client.state?.roomId;
    const res = await client.send('room:leave', {});
    if (!res.ok) { app.toasts.show(res.error.message, 'error'); return; }
    if (roomId) storage.forgetSeat(roomId);
    client.state = null;
    showHere();
  };
  offs.push(client.on('state', showHere));
  showHere();
  const lastRoom = storage.lastRoom();
  if (!client.state && lastRoom) {
    void client.send('room:resume', { token: storage.seatToken(lastRoom)! }).then((res) => { if (!res.ok) storage.forgetSeat(lastRoom); });
  }

  // Spectating is not a seat: it gives way to whatever the player picks next.
  const dropSpectating = async () => { if (client.state && client.token === null) await client.send('room:leave', {}); };

  const rooms = roomList({
    join: async (r: RoomSummary) => {
      const player = name.require();
      if (!player) return;
      await dropSpectating();
      const res = await client.send('room:join', { roomId: r.roomId, name: player });
      if (res.ok) enterSeat(res.data); else rooms.error(`Could not join ${r.name}: ${lobbyError(res.error)}`);
    },
    watch: (r: RoomSummary) => navigate(paths.spectate(r.roomId)),
  });
  const watch = async () => {
    const res = await client.send('lobby:watch', { on: true });
    if (!res.ok) { rooms.error(`The room list is not available: ${res.error.message}`); return; }
    rooms.error(null);
    client.rooms = new Map(res.data.rooms.map((r) => [r.roomId, r]));
    rooms.update(res.data.rooms);
  };
  offs.push(client.on('lobby', (list) => rooms.update(list)));
  offs.push(client.on('connection', (s) => { if (s === 'connected') void watch(); }));
  void watch();

  const code = h('input', { name: 'code', autocomplete: 'off', autocapitalize: 'characters', spellcheck: false, required: true, maxlength: 32 });
  const codeErr = errorSlot();
  const codeForm = h('form', { class: 'inline-form' }, field('Invite code', code), h('button', { type: 'submit' }, 'Join'), codeErr.el);
  codeForm.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const player = name.require();
    const c = code.value.trim();
    if (!player) return;
    if (!c) { codeErr.show('Type the code from your invite link.'); code.focus(); return; }
    await dropSpectating();
    const res = await client.send('room:join', { code: c, name: player });
    if (res.ok) enterSeat(res.data); else codeErr.show(lobbyError(res.error));
  });

  const roomName = (player: string) => (player ? `${player}'s village` : DEFAULT_SETTINGS.name);
  const settings = settingsForm({ ...DEFAULT_SETTINGS, name: roomName(storage.name) });
  // The room's default name follows the player's, until the player names the room.
  const roomInput = settings.el.querySelector<HTMLInputElement>('input[name="name"]')!;
  let autoName = roomInput.value;
  name.onChange((n) => { if (roomInput.value === autoName) roomInput.value = autoName = roomName(n).slice(0, 40); });
  const createErr = errorSlot();
  const createBtn = h('button', { type: 'button', class: 'primary' }, 'Create room');
  createBtn.addEventListener('click', async () => {
    const player = name.require();
    if (!player) return;
    createBtn.disabled = true;
    await dropSpectating();
    const res = await client.send('room:create', { name: player, settings: settings.read() });
    createBtn.disabled = false;
    if (res.ok) enterSeat(res.data); else createErr.show(lobbyError(res.error));
  });

  const history = historySection();
  name.onChange((n) => history.load(n));
  history.load(storage.name);

  const el = h('div', { class: 'lobby' },
    h('h1', { tabindex: '-1', class: 'visually-hidden' }, 'Lobby'),
    h('section', { class: 'intro', 'aria-label': 'You' }, name.el, here),
    h('section', { class: 'panel rooms-panel', 'aria-labelledby': 'rooms-h' }, h('h2', { id: 'rooms-h' }, 'Public rooms'), rooms.el),
    h('section', { class: 'panel', 'aria-labelledby': 'code-h' }, h('h2', { id: 'code-h' }, 'Join with a code'), codeForm),
    h('section', { class: 'panel create-panel', 'aria-labelledby': 'create-h' },
      h('h2', { id: 'create-h' }, 'Create a room'),
      h('details', { class: 'settings-details' }, h('summary', null, 'Room settings'), settings.el),
      createErr.el, createBtn),
    h('div', { class: 'panel' }, history.el),
    h('p', { class: 'hint' }, h('a', { href: paths.roles(), 'data-link': true }, 'Every role and game mode, explained')),
  );

  return {
    el,
    title: 'Lobby',
    dispose() {
      for (const off of offs) off();
      if (client.socket.connected) void client.send('lobby:watch', { on: false });
    },
  };
}
