import type { WerewolfClient } from '../../../client/sdk/index.ts';
import type { Prompt } from '../../../shared/views.ts';
import { connect } from '../players.ts';
import { Dice } from '../sim.ts';

/** Protocol clients that sit as bots in a room the browser created. */
export async function seatBots(url: string, roomId: string, names: string[]): Promise<{ client: WerewolfClient; seat: number }[]> {
  const out: { client: WerewolfClient; seat: number }[] = [];
  for (const name of names) {
    const client = connect(url);
    await client.connected();
    const grant = await client.request('room:join', { roomId, name, bot: true });
    out.push({ client, seat: grant.seat });
  }
  return out;
}

/**
 * Answer every prompt of these clients, aiming at seats outside `spare` when there is a choice, so
 * the browser players live long enough to be seen playing; with `voteFor`, every bot votes for
 * that seat (and bot wolves pick it at night) while it can; with `beforeNight`, night actions wait for it. Returns a function that stops them.
 */
export function autoplay(clients: WerewolfClient[], spare: number[], opts: { voteFor?: number; seed?: number; beforeNight?: Promise<void> } = {}): () => void {
  const seed = opts.seed ?? 7;
  const dice = new Dice(seed);
  const answered = new Map<WerewolfClient, string>();
  const aim = (targets: number[], not: number[] = []) => {
    const ok = targets.filter((t) => !not.includes(t));
    const pool = ok.filter((t) => !spare.includes(t));
    return pool.length ? dice.pick(pool) : ok.length ? dice.pick(ok) : null;
  };
  const answer = (c: WerewolfClient, p: Prompt, me: number) => {
    switch (p.kind) {
      case 'vote': return c.send('vote:cast', { target: opts.voteFor !== undefined && p.targets.includes(opts.voteFor) && opts.voteFor !== me ? opts.voteFor : aim(p.targets, [me]) });
      case 'ready': return p.done ? null : c.send('day:ready', {});
      case 'sleep': return c.send('night:act', { action: { kind: 'sleep' } });
      case 'wolf': { const t = opts.voteFor !== undefined && p.targets.includes(opts.voteFor) ? opts.voteFor : aim(p.targets); return p.current === null && t !== null ? c.send('night:act', { action: { kind: 'wolf', target: t } }) : null; }
      case 'seer': case 'doctor': { const t = aim(p.targets); return t === null ? null : c.send('night:act', { action: { kind: p.kind, target: t } as never }); }
      case 'witch': return c.send('night:act', { action: { kind: 'witch', heal: false, poison: null } });
      case 'cupid': {
        const a = aim(p.targets)!;
        return c.send('night:act', { action: { kind: 'cupid', targets: [a, aim(p.targets, [a]) ?? p.targets.find((t) => t !== a)!] } });
      }
      case 'hunter': return c.send('hunter:shoot', { target: aim(p.targets) });
    }
  };
  const act = async (c: WerewolfClient) => {
    const v = c.view;
    const p = v?.you?.prompt;
    if (!v || !p) return;
    const key = `${v.phaseId}:${p.kind}:${v.vote?.round ?? 0}`;
    if (answered.get(c) === key) return;
    answered.set(c, key);
    // A night where every role is a bot would be over before anyone could look at it.
    if (v.phase === 'night' && opts.beforeNight) await opts.beforeNight;
    const now = c.view;
    if (now?.phaseId !== v.phaseId || !now.you?.prompt) return;
    await answer(c, now.you.prompt, now.you.seat);
  };
  const offs = clients.map((c) => c.on('state', () => void act(c)));
  for (const c of clients) void act(c);
  return () => offs.forEach((off) => off());
}
