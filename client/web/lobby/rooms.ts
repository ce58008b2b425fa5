import type { RoomSummary } from '../../../shared/protocol.ts';
import { errorSlot, h, swap } from '../dom.ts';
import { PHASE_ICON, phaseTitle, plural } from '../words.ts';

export interface RoomList {
  el: HTMLElement;
  update(rooms: RoomSummary[]): void;
  error(message: string | null): void;
}

const joinable = (r: RoomSummary) => (r.phase === 'lobby' || r.phase === 'over') && r.players < r.maxSeats;

/** The live list of public rooms; `join` and `watch` act on a room. */
export function roomList(actions: { join(r: RoomSummary): void; watch(r: RoomSummary): void }): RoomList {
  const list = h('ul', { class: 'rooms', 'aria-live': 'off' });
  const count = h('p', { class: 'muted', 'aria-live': 'polite' });
  const err = errorSlot();

  const card = (r: RoomSummary) => {
    const seats = `${r.players}/${r.maxSeats} players`;
    const where = `${PHASE_ICON[r.phase]} ${phaseTitle(r.phase, r.day)}`;
    return h('li', { class: 'room-card', 'data-room': r.roomId, 'data-phase': r.phase },
      h('h3', null, r.name),
      h('p', { class: 'meta' },
        h('span', null, seats), h('span', null, where),
        h('span', null, r.allowSpectators ? `◎ ${plural(r.spectators, 'spectator')}` : 'no spectators'),
        r.host ? h('span', null, 'host ', r.host) : null),
      h('div', { class: 'actions' },
        h('button', { type: 'button', 'data-key': `join-${r.roomId}`, disabled: !joinable(r), onClick: () => actions.join(r), 'aria-label': `Join ${r.name}` }, r.players >= r.maxSeats ? 'Full' : joinable(r) ? 'Join' : 'In game'),
        r.allowSpectators ? h('button', { type: 'button', class: 'secondary', 'data-key': `watch-${r.roomId}`, onClick: () => actions.watch(r), 'aria-label': `Watch ${r.name}` }, 'Watch') : null));
  };

  return {
    el: h('div', null, count, err.el, list),
    update(rooms) {
      const sorted = [...rooms].sort((a, b) => Number(joinable(b)) - Number(joinable(a)) || a.name.localeCompare(b.name));
      count.textContent = rooms.length ? plural(rooms.length, 'public room') : 'No public rooms yet. Create one!';
      swap(list, sorted.map(card));
    },
    error: (m) => err.show(m),
  };
}
