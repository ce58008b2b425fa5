import { DEFAULT_SETTINGS } from '../../shared/defaults.ts';
import type { Settings } from '../../shared/settings.ts';
import { viewFor, type GameContext, type GameEvent } from '../../shared/game/index.ts';
import { moduleOf, roleOfKind } from '../../shared/game/roles/index.ts';
import type { NightAction } from '../../shared/game/types.ts';
import type { RolePrompt } from '../../shared/views.ts';
import type { Snap } from './sim.ts';

/**
 * A bounded model of a small game for `xstate/graph` traversal: five players (one werewolf, a
 * cupid, a tanner, two villagers), a clock that never moves, and few enough choices per state
 * that every ending is in reach of a breadth-first search.
 */
export const MODEL_PLAYERS = 5;
export const MODEL_SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  maxSeats: MODEL_PLAYERS,
  roles: { werewolf: 1, cupid: 1, tanner: 1 },
  tieRule: 'none',
};
const AT = { now: 0 } as const;

/**
 * The events offered in a state: joins and the start in the lobby; at night the answers of
 * `roleAnswers` to each role's prompt (each target for a wolf that has not picked yet, two couples
 * for cupid);
 * in the vote a first ballot for any candidate or none, then later voters in seat order echoing it;
 * the hunter's shot; and the phase's timer everywhere but the lobby.
 */
export function modelEvents(snap: Snap): GameEvent[] {
  const ctx = snap.context;
  if (ctx.phase === 'lobby') {
    return ctx.players.length < MODEL_PLAYERS
      ? [{ type: 'room.join', ...AT, name: `P${ctx.players.length}` }]
      : [{ type: 'game.start', ...AT, seat: 0, seed: 7 }];
  }
  if (ctx.phase === 'over') return [];
  const events: GameEvent[] = [{ type: 'timer.expired', ...AT, phaseId: ctx.phaseId }];
  if (ctx.phase === 'vote') {
    const vote = ctx.vote!;
    const voter = ctx.players.find((p) => p.alive && !(p.seat in vote.ballots));
    const cast = Object.values(vote.ballots);
    const choices = cast.length === 0 ? [...vote.candidates, null] : [cast[0]];
    if (voter) for (const target of choices) events.push({ type: 'vote.cast', ...AT, seat: voter.seat, target });
    return events;
  }
  for (const p of ctx.players) {
    const prompt = viewFor(ctx, { kind: 'seat', seat: p.seat }).you?.prompt;
    if (!prompt) continue;
    if (prompt.kind === 'hunter') for (const target of [...prompt.targets, null]) events.push({ type: 'hunter.shoot', ...AT, seat: p.seat, target });
    else if (prompt.kind !== 'sleep' && prompt.kind !== 'ready' && prompt.kind !== 'vote') for (const action of roleAnswers(ctx, p.seat, prompt)) events.push({ type: 'night.act', ...AT, seat: p.seat, action });
  }
  return events;
}

/**
 * The answers offered to a night role's prompt, from its declared form: every target for a
 * changeable pick not made yet; otherwise one answer that mixes the sides (a wolf-side seat first,
 * as the seer reads them) and one that keeps to the village's side, the player himself left out.
 * For cupid that is a cross-team couple and a same-team couple, which is what the win rules tell apart.
 */
function roleAnswers(ctx: GameContext, seat: number, prompt: RolePrompt): NightAction[] {
  const form = roleOfKind(prompt.kind)?.night?.form;
  if (!form) return [];
  const targets = 'targets' in prompt ? (prompt as { targets: number[] }).targets : [];
  if (form.instant) return form.current?.(prompt) == null ? targets.map((t) => form.build(prompt, [t], [])) : [];
  const side = (s: number) => moduleOf(ctx.players.find((x) => x.seat === s)!.role!).seenAs;
  const others = targets.filter((t) => t !== seat);
  const village = others.filter((t) => side(t) === 'village');
  const mixed = [...others.filter((t) => side(t) === 'wolves').slice(0, 1), ...village].slice(0, form.picks);
  const answers = [mixed, village.slice(0, form.picks)].filter((picked) => picked.length === form.picks || form.optional);
  return answers.map((picked) => form.build(prompt, picked, []));
}

/**
 * What tells model states apart: the machine state and the facts that decide the rest of the game.
 * Ballots count by target only, since voters always come in seat order; the day number only as
 * "first" or "later", so the graph is finite.
 */
export function modelKey(snap: Snap): string {
  const c: GameContext = snap.context;
  const ballots = c.vote ? Object.values(c.vote.ballots).map((t) => (t === null ? -1 : t)).sort((a, b) => a - b) : null;
  return JSON.stringify([
    snap.value,
    // Only the first night differs (cupid); later days that repeat a situation are the same state.
    Math.min(c.day, 2),
    c.players.map((p) => [p.role, p.alive ? 1 : 0, p.lover, p.missedVotes]),
    c.night.picks,
    c.night.actions,
    c.vote?.round ?? 0,
    ballots,
    c.pendingShots,
    c.outcome?.winner ?? null,
  ]);
}
