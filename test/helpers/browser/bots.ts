import type { WerewolfClient } from '../../../client/sdk/index.ts';
import { roleOfKind } from '../../../shared/game/roles/index.ts';
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
      case 'hunter': return c.send('hunter:shoot', { target: aim(p.targets) });
      default: {
        // A night role's prompt, from its module's form: the pack follows `voteFor`, other picks avoid `spare`.
        const form = roleOfKind(p.kind)?.night?.form;
        if (!form) return null;
        const seats = 'targets' in p ? (p as { targets: number[] }).targets : [];
        if (form.instant) {
          const t = opts.voteFor !== undefined && seats.includes(opts.voteFor) ? opts.voteFor : aim(seats);
          return form.current?.(p) == null && t !== null ? c.send('night:act', { action: form.build(p, [t], []) }) : null;
        }
        const picked: number[] = [];
        if (!form.optional) {
          for (let i = 0; i < form.picks; i++) {
            const t = aim(seats, picked) ?? seats.find((s) => !picked.includes(s));
            if (t === undefined || t === null) return null;
            picked.push(t);
          }
        }
        return c.send('night:act', { action: form.build(p, picked, []) });
      }
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
