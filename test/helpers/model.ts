import { createActor } from 'xstate';
import { createTestModel } from 'xstate/graph';
import { expect } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/defaults.ts';
import type { Settings } from '../../shared/settings.ts';
import { gameMachine, viewFor, type GameContext, type GameEvent } from '../../shared/game/index.ts';
import { moduleOf, roleOfKind } from '../../shared/game/roles/index.ts';
import type { NightAction } from '../../shared/game/types.ts';
import { hostile, inPack } from '../../shared/game/derived.ts';
import type { RolePrompt } from '../../shared/views.ts';
import type { Snap } from './sim.ts';
import { leaks } from './oracle.ts';

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
    return ctx.players.length < ctx.settings.maxSeats
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
  // A seat hostile to every side but the pack's (the serial killer) with the village's: a couple with a solo (R198).
  const solo = others.filter((t) => { const r = ctx.players.find((x) => x.seat === t)!.role; return hostile(r) && !inPack(r); });
  const withSolo = solo.length ? [[...solo.slice(0, 1), ...village.filter((t) => !solo.includes(t))].slice(0, form.picks)] : [];
  const answers = [mixed, village.slice(0, form.picks), ...withSolo].filter((picked) => picked.length === form.picks || form.optional);
  const unique = [...new Map(answers.map((picked) => [JSON.stringify(picked), picked])).values()];
  return unique.map((picked) => form.build(prompt, picked, []));
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

function testModel(settings: Settings) {
  return createTestModel(gameMachine, {
    input: { settings },
    events: (snap: Snap) => modelEvents(snap),
    serializeState: (snap: Snap) => modelKey(snap),
  } as Parameters<typeof createTestModel<typeof gameMachine>>[1]);
}
export type ModelPath = ReturnType<ReturnType<typeof testModel>['getShortestPaths']>[number];

/**
 * The shortest paths from the lobby to every distinct game end of this bounded game (a breadth-first
 * search), grouped by `key` of the final context, each group shortest first.
 */
export function pathsBy(settings: Settings, key: (ctx: GameContext) => string): Map<string, ModelPath[]> {
  const model = testModel(settings);
  // The model's own event list is given again here: createTestModel would otherwise pad it with a
  // bare `{ type }` for every other event the state handles (chat, leave, …), which are not events.
  const paths = model.getShortestPaths({
    events: (snap: Snap) => modelEvents(snap),
    toState: (snap: Snap) => snap.context.phase === 'over',
  } as Parameters<typeof model.getShortestPaths>[0]);
  const out = new Map<string, ModelPath[]>();
  for (const p of paths) {
    const k = key(p.state.context);
    out.set(k, [...(out.get(k) ?? []), p]);
  }
  for (const list of out.values()) list.sort((a, b) => a.weight - b.weight);
  return out;
}

/** The shortest, the longest, and an even spread between: `n` paths at most. */
export function spread(found: ModelPath[], n: number): Set<ModelPath> {
  const step = Math.max(1, Math.floor((found.length - 1) / (n - 1)));
  return new Set([...found.filter((_, i) => i % step === 0).slice(0, n - 1), found.at(-1)!]);
}

/**
 * Play a path on a real actor: it must be in the same model state at every step, leak nothing to
 * any seat or spectator, and end with this winner.
 */
export async function playPath(path: ModelPath, settings: Settings, winner: string): Promise<GameContext> {
  const actor = createActor(gameMachine, { input: { settings } }).start();
  const send = ({ event }: { event: GameEvent }) => { actor.send(event); };
  // Phase ids are the real actor's own: the model merges states reached by paths of different lengths.
  const expire = ({ event }: { event: GameEvent }) => { actor.send({ ...event, phaseId: actor.getSnapshot().context.phaseId } as GameEvent); };
  await path.test({
    events: { 'room.join': send, 'game.start': send, 'night.act': send, 'vote.cast': send, 'hunter.shoot': send, 'timer.expired': expire } as never,
    states: {
      '*': (expected: Snap) => {
        const real = actor.getSnapshot();
        expect(modelKey(real)).toBe(modelKey(expected));
        for (const a of [...real.context.players.map((p) => ({ kind: 'seat', seat: p.seat }) as const), { kind: 'spectator' } as const]) {
          expect(leaks(real.context, a, viewFor(real.context, a))).toEqual([]);
        }
      },
    },
  });
  const ctx = actor.getSnapshot().context;
  expect(ctx.outcome!.winner).toBe(winner);
  actor.stop();
  return ctx;
}
