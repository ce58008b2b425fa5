import type { WerewolfClient } from '../../client/sdk/index.ts';
import type { App } from '../../server/app.ts';
import type { Phase } from '../../shared/views.ts';

/** Every message one socket received, in order, for leak checks. */
export function record(c: WerewolfClient): { event: string; payload: unknown }[] {
  const log: { event: string; payload: unknown }[] = [];
  c.socket.onAny((event: string, payload: unknown) => log.push({ event, payload }));
  return log;
}

/** The server-side truth about a room, for the test to script its players (never sent to clients). */
export function truth(app: App, roomId: string) {
  const room = app.registry.get(roomId)!;
  return {
    room,
    get ctx() { return room.context; },
    seatOf(role: string, nth = 0): number { return room.context.players.filter((p) => p.role === role)[nth].seat; },
    seatsOf(role: string): number[] { return room.context.players.filter((p) => p.role === role).map((p) => p.seat); },
  };
}

/** Wait until a client's view satisfies `pred`; bounded. */
export function until(c: WerewolfClient, pred: (c: WerewolfClient) => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  if (pred(c)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { off(); reject(new Error(`timed out waiting for ${what}; phase=${c.view?.phase}`)); }, timeoutMs);
    const off = c.on('state', () => {
      if (pred(c)) { clearTimeout(timer); off(); resolve(); }
    });
  });
}

export const phaseIs = (c: WerewolfClient, phase: Phase, timeoutMs = 10_000) => until(c, (x) => x.view?.phase === phase, timeoutMs, `phase ${phase}`);

/** Expect an ack to be ok and return its data. */
export async function okOf<T>(p: Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const res = await p;
  if (!res.ok) throw new Error(`expected ok, got ${res.error.code}: ${res.error.message}`);
  return res.data;
}

/** Everyone alive skips the discussion, then each voter votes for `target`. */
export async function voteOut(clients: WerewolfClient[], target: number): Promise<void> {
  await Promise.all(clients.map((c) => phaseIs(c, 'day')));
  const alive = clients.filter((c) => c.view?.you?.alive);
  await Promise.all(alive.map((c) => c.send('day:ready', {})));
  await Promise.all(alive.map((c) => phaseIs(c, 'vote')));
  await Promise.all(alive.map((c) => okOf(c.send('vote:cast', { target }))));
}

/** Everyone with nothing to do tonight says so, so the night can end once the roles have acted (R7). */
export async function sleepAll(clients: WerewolfClient[]): Promise<void> {
  await Promise.all(clients.filter((c) => c.view?.you?.prompt?.kind === 'sleep').map((c) => okOf(c.send('night:act', { action: { kind: 'sleep' } }))));
}
