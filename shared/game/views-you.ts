import type { Prompt, YouView } from '../views.ts';
import { player, shooter } from './deaths.ts';
import { livingExcept, Slot } from './derived.ts';
import { sleeper } from './night.ts';
import { ROLE_MODULES } from './roles/index.ts';
import { teamOfPlayer } from './win.ts';
import type { GameContext, Player } from './types.ts';

/** The part of a seat's view that only that seat sees: its role, knowledge and prompt (R72–R76). */

const SLEEP: Prompt = { kind: 'sleep' };

/**
 * The phase-dependent inputs of a seat's own view: its night action and the pack's picks (for
 * wolves and witches) at night, its ready flag by day, the candidates and its ballot in the vote,
 * whether it is its turn to shoot. Everything else it reads is in its Player object.
 */
export function inputX(ctx: GameContext, me: Player): unknown {
  switch (ctx.phase) {
    case 'night': return ctx.night.actions[me.seat];
    case 'day': return ctx.ready.includes(me.seat);
    case 'vote': return ctx.vote?.candidates;
    case 'hunter': return ctx.pendingShots[0] === me.seat && !ctx.aim;
    default: return null;
  }
}

export function inputY(ctx: GameContext, me: Player): unknown {
  if (ctx.phase === 'night') return me.role && ROLE_MODULES.get(me.role)?.readsPicks ? ctx.night.picks : null;
  return ctx.phase === 'vote' ? ctx.vote?.ballots[me.seat] : null;
}

/** What only this seat knows (R72–R76). */
export function youView(ctx: GameContext, me: Player): YouView {
  const role = me.role ? ROLE_MODULES.get(me.role) : undefined;
  const you: YouView = {
    seat: me.seat,
    role: me.role,
    team: me.role ? teamOfPlayer(ctx, me) : null,
    alive: me.alive,
    isHost: ctx.host === me.seat,
    missedVotes: me.missedVotes,
    prompt: promptFor(ctx, me),
  };
  // The role's own fields (R73–R75); a field with nothing to say is left out.
  if (role?.view) {
    for (const key in role.view) {
      const value = role.view[key](ctx, me.seat);
      if (value !== undefined) (you as unknown as Record<string, unknown>)[key] = value;
    }
  }
  if (me.lover !== null) you.lover = me.lover;
  if (ctx.phase === 'night' && me.alive && !role?.night?.pack) you.acted = me.seat in ctx.night.actions;
  return you;
}

const voteTargets = new Slot<number[], { players: Player[]; targets: number[] }>();

function promptFor(ctx: GameContext, me: Player): Prompt | null {
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
      let hit = voteTargets.get(vote.candidates);
      if (!hit || hit.players !== ctx.players) {
        hit = { players: ctx.players, targets: vote.candidates.filter((s) => player(ctx, s)?.alive) };
        voteTargets.set(vote.candidates, hit);
      }
      return { kind: 'vote', targets: hit.targets, current: vote.ballots[me.seat], canAbstain: true };
    }
    default: return null;
  }
}
