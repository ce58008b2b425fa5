import { WerewolfClient } from '../../client/sdk/index.ts';
import { roleOfKind } from '../../shared/game/roles/index.ts';
import { randomAnswer } from '../../shared/game/roles/role.ts';
import type { Prompt } from '../../shared/views.ts';
import { Dice } from './sim.ts';

export function connect(url: string): WerewolfClient {
  return new WerewolfClient(url, { socket: { transports: ['websocket'], forceNew: true, reconnectionDelay: 50, reconnectionDelayMax: 200 } });
}

/** A room with `n` seated clients, the first one the host, and fast phases unless told otherwise. */
export async function seatPlayers(url: string, n: number, settings: Record<string, unknown> = {}): Promise<{ clients: WerewolfClient[]; roomId: string; code: string }> {
  const host = connect(url);
  await host.connected();
  const grant = await host.request('room:create', {
    name: 'P0',
    settings: { maxSeats: Math.max(n, 5), durations: { night: 30, dawn: 1, day: 30, vote: 30, execution: 1, hunter: 10 }, ...settings },
  });
  const clients = [host];
  for (let i = 1; i < n; i++) {
    const c = connect(url);
    await c.connected();
    // A private room is found by its invite code only.
    await c.request('room:join', { ...(settings.visibility === 'private' ? { code: grant.code } : { roomId: grant.roomId }), name: `P${i}` });
    clients.push(c);
  }
  return { clients, roomId: grant.roomId, code: grant.code };
}

/** Answer a prompt with a random legal command over the socket. */
export async function answer(c: WerewolfClient, prompt: Prompt, dice: Dice): Promise<unknown> {
  switch (prompt.kind) {
    case 'vote': return c.send('vote:cast', { target: dice.pick(prompt.targets) });
    case 'ready': return prompt.done ? null : c.send('day:ready', {});
    case 'sleep': return c.send('night:act', { action: { kind: 'sleep' } });
    case 'hunter': return c.send('hunter:shoot', { target: prompt.targets.length ? dice.pick(prompt.targets) : null });
    default: {
      // A night role's prompt: a changeable pick once, else the role's random answer (shared/game/roles).
      const night = roleOfKind(prompt.kind)?.night;
      if (!night || (night.form.instant && night.form.current?.(prompt) != null)) return null;
      const action = randomAnswer(night, prompt, () => dice.next());
      return action ? c.send('night:act', { action }) : null;
    }
  }
}

/** Play until game over: every client answers its prompt whenever its view changes. Bounded by `timeoutMs`. */
export async function playToEnd(clients: WerewolfClient[], seed = 1, timeoutMs = 60_000): Promise<void> {
  const dice = new Dice(seed);
  const busy = new Set<WerewolfClient>();
  const answered = new Map<WerewolfClient, string>();
  const act = async (c: WerewolfClient): Promise<void> => {
    const view = c.view;
    const prompt = view?.you?.prompt;
    if (!view || !prompt || busy.has(c)) return;
    // Answer each prompt once per phase (votes may change, but a random player need not).
    const key = `${view.phaseId}:${prompt.kind}:${view.vote?.round ?? 0}`;
    if (answered.get(c) === key) return;
    busy.add(c);
    try {
      const r = await answer(c, prompt, dice);
      if (r !== null) answered.set(c, key);
    } finally {
      busy.delete(c);
    }
    // The view may have moved on while the answer was in flight.
    await act(c);
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`game did not end within ${timeoutMs} ms (phase ${clients[0].view?.phase})`)), timeoutMs);
    const check = () => {
      if (clients.some((c) => c.view?.phase === 'over')) { clearTimeout(timer); offs.forEach((f) => f()); resolve(); return true; }
      return false;
    };
    const offs = clients.map((c) => c.on('state', () => { if (!check()) void act(c); }));
    if (!check()) for (const c of clients) void act(c);
  });
}
