import type { Prompt } from '../views.ts';
import { player, shooter } from './deaths.ts';
import { ballotWeight } from './day.ts';
import { livingExcept } from './derived.ts';
import { sleeper } from './night.ts';
import { ROLE_MODULES } from './roles/index.ts';
import type { GameContext, Player } from './types.ts';

const SLEEP: Prompt = { kind: 'sleep' };

/** What this seat must or may do now, and on whom (R76); its role's night prompt at night. */
export function promptFor(ctx: GameContext, me: Player): Prompt | null {
  // A decoy's turn (R33) has no prompt, nor has a secret shot already aimed.
  if (ctx.phase === 'hunter') return ctx.pendingShots[0] === me.seat && !ctx.aim && shooter(ctx, me.seat) ? { kind: 'hunter', targets: livingExcept(ctx, me.seat) } : null;
  if (!me.alive || !me.role) return null;
  switch (ctx.phase) {
    case 'night': {
      const night = ROLE_MODULES.get(me.role)?.night;
      if (night && (night.pack || night.due(ctx, me.seat))) return night.prompt(ctx, me.seat);
      return sleeper(ctx, me) && ctx.night.actions[me.seat] === undefined ? SLEEP : null;
    }
    case 'day': return { kind: 'ready', done: ctx.ready.includes(me.seat) };
    case 'vote': {
      const vote = ctx.vote!;
      // A seat whose ballot counts none has no vote (R84, R156: a spared idiot).
      if (ballotWeight(ctx, me.seat) === 0) return null;
      return { kind: 'vote', targets: livingCandidates(ctx, vote.candidates), current: vote.ballots[me.seat], canAbstain: true };
    }
    default: return null;
  }
}

/**
 * The living candidates, one array while the candidates and the players are the same arrays: every
 * seat's vote prompt shares it, so a prompt rebuilt on another seat's ballot costs no filtering,
 * and comparing it with the last one finds its targets the same object. Kept per candidates
 * array (a round's), so nothing outlives the vote it belongs to.
 */
const living = new WeakMap<readonly number[], { players: readonly Player[]; targets: number[] }>();
function livingCandidates(ctx: GameContext, candidates: readonly number[]): number[] {
  const players = ctx.players;
  const kept = living.get(candidates);
  if (kept !== undefined && kept.players === players) return kept.targets;
  const targets = candidates.filter((s) => player(ctx, s)?.alive);
  living.set(candidates, { players, targets });
  return targets;
}
