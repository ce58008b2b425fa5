/**
 * What the browser remembers: the display name (localStorage), and each room's seat token.
 * Tokens go in sessionStorage, so two tabs can be two players, and in localStorage, so a tab
 * closed by mistake can take its seat back.
 */
const NAME = 'ww.name';
const SEAT = 'ww.seat.';
const LAST = 'ww.last-seat';

function get(store: Storage, key: string): string | null {
  try { return store.getItem(key); } catch { return null; }
}
function put(store: Storage, key: string, value: string | null): void {
  try { if (value === null) store.removeItem(key); else store.setItem(key, value); } catch { /* private mode: nothing is remembered */ }
}

export const storage = {
  get name(): string { return get(localStorage, NAME) ?? ''; },
  set name(v: string) { put(localStorage, NAME, v.trim() || null); },

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
