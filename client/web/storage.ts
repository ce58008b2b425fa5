/**
 * What the browser remembers: the display name (localStorage), and each room's seat token.
 * Tokens go in sessionStorage, so two tabs can be two players, and in localStorage, so a tab
 * closed by mistake can take its seat back.
 */
const NAME = 'ww.name';
const SEAT = 'ww.seat.';
const LAST = 'ww.last-seat';
const SOUND = 'ww.sound';
const NOTIFY = 'ww.notify';
const ROLE_OPEN = 'ww.role-open';

function get(store: Storage, key: string): string | null {
  try { return store.getItem(key); } catch { return null; }
}
function put(store: Storage, key: string, value: string | null): void {
  try { if (value === null) store.removeItem(key); else store.setItem(key, value); } catch { /* private mode: nothing is remembered */ }
}

export const storage = {
  get name(): string { return get(localStorage, NAME) ?? ''; },
  set name(v: string) { put(localStorage, NAME, v.trim() || null); },

  /** The turn chime: off unless the player turned it on. */
  get sound(): boolean { return get(localStorage, SOUND) === 'on'; },
  set sound(on: boolean) { put(localStorage, SOUND, on ? 'on' : null); },
  /** Notifications follow the browser's permission, unless the player turned them off here. */
  get notify(): boolean { return get(localStorage, NOTIFY) !== 'off'; },
  set notify(on: boolean) { put(localStorage, NOTIFY, on ? null : 'off'); },
  /** Whether the role card is unfolded (it is, until the player folds it). */
  get roleOpen(): boolean { return get(localStorage, ROLE_OPEN) !== 'closed'; },
  set roleOpen(open: boolean) { put(localStorage, ROLE_OPEN, open ? null : 'closed'); },

  seatToken(roomId: string): string | null {
    return get(sessionStorage, SEAT + roomId) ?? get(localStorage, SEAT + roomId);
  },
  saveSeat(roomId: string, token: string): void {
    put(sessionStorage, SEAT + roomId, token);
    put(localStorage, SEAT + roomId, token);
    put(localStorage, LAST, roomId);
  },
  forgetSeat(roomId: string): void {
    put(sessionStorage, SEAT + roomId, null);
    put(localStorage, SEAT + roomId, null);
    if (get(localStorage, LAST) === roomId) put(localStorage, LAST, null);
  },
  /** The room of the most recent seat, to offer a way back from the lobby. */
  lastRoom(): string | null {
    const roomId = get(localStorage, LAST);
    return roomId && this.seatToken(roomId) ? roomId : null;
  },
};
