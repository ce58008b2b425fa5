import { createActor } from 'xstate';
import type { ErrorCode } from '../../shared/errors.ts';
import { ROLE_MODULES } from '../../shared/game/roles/index.ts';
import { ROLE_IDS } from '../../shared/game/catalogue.ts';
import type { RoleId } from '../../shared/roles.ts';
import { DEFAULT_SETTINGS } from '../../shared/defaults.ts';
import type { RoleCounts, Settings } from '../../shared/settings.ts';
import type { ChatChannel } from '../../shared/views.ts';
import { gameMachine, reject, rolesProblem, viewFor, type GameEvent, type NightAction } from '../../shared/game/index.ts';
import { Dice, randomMove, type Move, type Snap } from './sim.ts';

const CHANNELS: ChatChannel[] = ['lobby', 'day', 'wolves', 'dead'];

/** Random valid settings: every reveal, vote, tie and chat rule, auto or hand-chosen roles. */
export function randomSettings(dice: Dice, players: number): Settings {
  let roles: Settings['roles'] = 'auto';
  if (dice.next() < 0.6) {
    for (let tries = 0; tries < 50; tries++) {
      const counts: RoleCounts = { werewolf: 1 + dice.int(Math.max(1, Math.floor((players - 1) / 2))) };
      // Up to half the seats get a special role drawn from the whole catalogue; cupid often, so couples (and their win) come up.
      const pool = ROLE_IDS.filter((r) => r !== 'werewolf' && r !== 'villager');
      for (let k = dice.int(Math.ceil(players / 2)); k > 0; k--) {
        const r = dice.pick(pool);
        counts[r] = Math.min(ROLE_MODULES.get(r)?.deal?.max ?? 2, (counts[r] ?? 0) + 1);
      }
      if (dice.next() < 0.7) counts.cupid = 1;
      if (!rolesProblem(counts, players)) { roles = counts; break; }
    }
  }
  return {
    ...DEFAULT_SETTINGS,
    maxSeats: 20,
    roles,
    preset: roles === 'auto' ? 'classic' : 'custom',
    reveal: dice.pick(['full', 'team', 'none'] as const),
    voteRule: dice.pick(['plurality', 'majority'] as const),
    tieRule: dice.pick(['none', 'revote', 'random', 'revote-random'] as const),
    secretVotes: dice.next() < 0.5,
    wolfChat: dice.next() < 0.8,
    deadChat: dice.next() < 0.8,
    spectatorsSeeDeadChat: dice.next() < 0.3,
  };
}

export interface ChaosOptions {
  seed: number;
  players?: number;
  settings?: Settings;
  /** Games to play in the same room, one after another through a reset. */
  games?: number;
  maxEvents?: number;
  /** After every event, accepted or refused, with the snapshots around it and the rules' verdict. */
  onEvent?: (before: Snap, after: Snap, event: GameEvent, verdict: ErrorCode | null) => void;
}

/**
 * A room played by random actors who mostly answer their prompts, and also chat on any channel,
 * leave, drop their connection, hand over the host role, let timers fire, and send junk: commands
 * by the wrong seat, in the wrong phase, at dead or unknown targets.
 */
export function playChaos(opts: ChaosOptions): { events: GameEvent[]; final: Snap; games: number } {
  const dice = new Dice(opts.seed * 7919 + 17);
  const n = opts.players ?? 5 + dice.int(8);
  const settings = opts.settings ?? randomSettings(dice, n);
  const actor = createActor(gameMachine, { input: { settings } }).start();
  const events: GameEvent[] = [];
  let now = 1_000_000;
  let leaves = 0;
  let games = 0;
  const gamesWanted = opts.games ?? 1;
  const max = opts.maxEvents ?? 3000;
  const send = (move: Move) => {
    const before = actor.getSnapshot();
    const e = { ...move, now } as GameEvent;
    const verdict = reject(before.context, e);
    events.push(e);
    actor.send(e);
    opts.onEvent?.(before, actor.getSnapshot(), e, verdict);
  };
  const anySeat = () => (dice.next() < 0.05 ? 40 + dice.int(3) : dice.int(n));
  const anyTarget = () => (dice.next() < 0.1 ? null : anySeat());

  for (let i = 0; i < n; i++) send({ type: 'room.join', name: `P${i}`, bot: i > 0 && dice.next() < 0.2 });
  send({ type: 'game.start', seat: actor.getSnapshot().context.host ?? 0, seed: opts.seed });
  while (events.length < max) {
    const ctx = actor.getSnapshot().context;
    now += 1 + dice.int(2000);
    if (ctx.phase === 'over' || ctx.phase === 'lobby') {
      if (ctx.phase === 'over') games++;
      if (games >= gamesWanted || ctx.host === null) break;
      const host = ctx.host;
      if (ctx.phase === 'over') send({ type: 'game.reset', seat: host });
      if (actor.getSnapshot().context.players.length < 5) break;
      send({ type: 'game.start', seat: host, seed: opts.seed + games });
      continue;
    }
    const r = dice.next();
    if (r < 0.06) {
      const stale = dice.next() < 0.1;
      if (!stale && ctx.deadline !== null) now = Math.max(now, ctx.deadline);
      send({ type: 'timer.expired', phaseId: stale ? ctx.phaseId - 1 : ctx.phaseId });
    } else if (r < 0.16) {
      send({ type: 'chat.send', seat: anySeat(), channel: dice.pick(CHANNELS), text: dice.next() < 0.05 ? ' ' : `m${events.length}` });
    } else if (r < 0.175 && leaves < 2) {
      leaves++;
      send({ type: 'room.leave', seat: anySeat() });
    } else if (r < 0.19) {
      send({ type: 'player.connection', seat: anySeat(), connected: dice.next() < 0.5 });
    } else if (r < 0.2) {
      send({ type: 'room.host', seat: dice.next() < 0.7 && ctx.host !== null ? ctx.host : anySeat(), target: anySeat() });
    } else if (r < 0.27) {
      send(junk(dice, anySeat, anyTarget));
    } else {
      const moves: Move[] = [];
      for (const p of ctx.players) {
        const move = randomMove(p.seat, viewFor(ctx, { kind: 'seat', seat: p.seat }), dice);
        if (move) moves.push(move);
      }
      if (moves.length === 0) {
        if (ctx.deadline !== null) now = Math.max(now, ctx.deadline);
        send({ type: 'timer.expired', phaseId: ctx.phaseId });
      } else {
        send(dice.pick(moves));
      }
    }
  }
  const final = actor.getSnapshot();
  actor.stop();
  return { events, final, games };
}

function junk(dice: Dice, anySeat: () => number, anyTarget: () => number | null): Move {
  const seat = anySeat();
  switch (dice.int(10)) {
    case 8: return { type: 'day.act', seat, action: dice.pick([{ kind: 'reveal' }, { kind: 'truce' }, { kind: 'nonsense' }]) as never };
    case 0: return { type: 'vote.cast', seat, target: anyTarget() };
    case 1: return { type: 'day.ready', seat };
    case 2: return { type: 'hunter.shoot', seat, target: anyTarget() };
    case 3: return { type: 'game.start', seat, seed: 1 };
    case 4: return { type: 'game.reset', seat };
    case 5: return { type: 'room.settings', seat, patch: { reveal: 'none' } };
    case 6: return { type: 'room.kick', seat, target: anySeat() };
    case 7: return { type: 'room.join', name: dice.next() < 0.5 ? 'P1' : 'Late' };
    default: {
      const actions: NightAction[] = [
        { kind: 'wolf', target: anySeat() },
        { kind: 'seer', target: anySeat() },
        { kind: 'doctor', target: anySeat() },
        { kind: 'witch', heal: dice.next() < 0.5, poison: anyTarget() },
        { kind: 'cupid', targets: [anySeat(), anySeat()] },
      ];
      return { type: 'night.act', seat, action: dice.pick(actions) };
    }
  }
}
