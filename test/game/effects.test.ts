import { describe, expect, it } from 'vitest';
import { Decider, type GameEffect, type GameEvent, gameMachine, type GameSnapshot } from '../../shared/game/index.ts';
import { effectsOf } from '../../shared/game/effects.ts';
import { fastSettings } from '../helpers/rooms.ts';

type Move = GameEvent extends infer E ? (E extends GameEvent ? Omit<E, 'now'> : never) : never;

/** The machine stepped as the room steps it: every announced effect kept, in order. */
function table() {
  const decider = new Decider(gameMachine);
  let snap: GameSnapshot = decider.initial({ settings: fastSettings({ roles: { werewolf: 1, seer: 1 } }) });
  let now = 1_000;
  const step = (e: Move): GameEffect[] => {
    const d = decider.decide(snap, { ...e, now: (now += 1) } as GameEvent);
    snap = d.snapshot;
    return d.effects;
  };
  return { step, ctx: () => snap.context, snap: () => snap, decider };
}

const types = (fx: GameEffect[]) => fx.map((f) => f.type);

describe('the machine announces what happened (emit)', () => {
  it('a join announces the granted seat; the first human also becomes host', () => {
    const t = table();
    expect(t.step({ type: 'room.join', name: 'Ada' })).toEqual([{ type: 'seat.granted', seat: 0 }, { type: 'host.changed', host: 0 }]);
    expect(t.step({ type: 'room.join', name: 'Bob' })).toEqual([{ type: 'seat.granted', seat: 1 }]);
  });

  it('[R5] a bot joining a room without a host is seated but not made host, unless it opens the room', () => {
    const t = table();
    expect(t.step({ type: 'room.join', name: 'Bot', bot: true })).toEqual([{ type: 'seat.granted', seat: 0 }]);
    expect(t.ctx().host).toBeNull();
    const u = table();
    expect(u.step({ type: 'room.join', name: 'Bridge', bot: true, creates: true })).toEqual([{ type: 'seat.granted', seat: 0 }, { type: 'host.changed', host: 0 }]);
    // A refused join announces nothing, host or not.
    expect(u.step({ type: 'room.join', name: 'bridge' })).toEqual([]);
  });

  it('a chat message is announced as posted, the very message the context keeps', () => {
    const t = table();
    t.step({ type: 'room.join', name: 'Ada' });
    const [fx] = t.step({ type: 'chat.send', seat: 0, channel: 'lobby', text: ' hi ' });
    expect(fx).toEqual({ type: 'chat.posted', message: expect.objectContaining({ id: 1, seat: 0, text: 'hi' }) });
    expect(fx.type === 'chat.posted' && t.ctx().chat.at(-1)).toBe(fx.type === 'chat.posted' ? fx.message : null);
  });

  it('[R12] [R13] a leaving host is announced removed, and the host role passes on', () => {
    const t = table();
    for (const name of ['Ada', 'Bob']) t.step({ type: 'room.join', name });
    expect(t.step({ type: 'room.leave', seat: 0 })).toEqual([{ type: 'player.removed', seat: 0, why: 'left' }, { type: 'host.changed', host: 1 }]);
    expect(t.step({ type: 'room.leave', seat: 1 })).toEqual([{ type: 'player.removed', seat: 1, why: 'left' }, { type: 'host.changed', host: null }]);
  });

  it('[R13] [R15] a disconnected human outside a game starts the seat grace; a bot or a player in a game does not', () => {
    const t = table();
    for (const name of ['Ada', 'Bob', 'Cy', 'Dee']) t.step({ type: 'room.join', name });
    t.step({ type: 'room.join', name: 'Bot', bot: true });
    expect(t.step({ type: 'player.connection', seat: 1, connected: false })).toEqual([{ type: 'presence.changed', seat: 1, connected: false }, { type: 'grace.started', seat: 1 }]);
    expect(t.step({ type: 'player.connection', seat: 4, connected: false })).toEqual([{ type: 'presence.changed', seat: 4, connected: false }]);
    // The grace that runs out removes the player; one that finds the player back is refused.
    t.step({ type: 'player.connection', seat: 1, connected: true });
    expect(() => t.step({ type: 'grace.expired', seat: 1 })).not.toThrow();
    expect(t.ctx().players.map((p) => p.seat)).toEqual([0, 1, 2, 3, 4]);
    t.step({ type: 'player.connection', seat: 1, connected: false });
    expect(t.step({ type: 'grace.expired', seat: 1 })).toEqual([{ type: 'player.removed', seat: 1, why: 'grace' }]);
    expect(t.ctx().players.map((p) => p.seat)).toEqual([0, 2, 3, 4]);
    t.step({ type: 'room.join', name: 'Eve' });
    const started = t.step({ type: 'game.start', seat: 0, seed: 7 });
    expect(types(started)).toEqual(['game.started', 'phase.entered']);
    expect(t.step({ type: 'player.connection', seat: 2, connected: false })).toEqual([{ type: 'presence.changed', seat: 2, connected: false }]);
  });

  it('[R40] phases are announced as entered with their deadline; a first missed vote warns; the end is announced once', () => {
    const t = table();
    for (const name of ['Ada', 'Bob', 'Cy', 'Dee', 'Eve']) t.step({ type: 'room.join', name });
    t.step({ type: 'game.start', seat: 0, seed: 3 });
    const all: GameEffect[] = [];
    // Nobody acts: every phase runs out; idle voters are warned, then removed, until the game ends.
    for (let i = 0; i < 60 && t.ctx().phase !== 'over'; i++) all.push(...t.step({ type: 'timer.expired', phaseId: t.ctx().phaseId }));
    expect(t.ctx().phase).toBe('over');
    const entered = all.filter((f) => f.type === 'phase.entered');
    expect(entered.at(-1)).toEqual({ type: 'phase.entered', phase: 'over', phaseId: t.ctx().phaseId, deadline: null });
    for (const f of entered) if (f.type === 'phase.entered' && f.deadline !== null) expect(f.deadline).toBeGreaterThan(0);
    const warned = all.filter((f) => f.type === 'player.warned').map((f) => f.type === 'player.warned' && f.seat);
    // The first vote's abstainers: every living player, each warned once.
    expect(new Set(warned).size).toBe(warned.length);
    expect(warned.length).toBeGreaterThanOrEqual(4);
    expect(all.filter((f) => f.type === 'game.over')).toEqual([{ type: 'game.over', outcome: t.ctx().outcome }]);
  });

  it('deciding takes nothing from the snapshot it starts from: the same step twice gives the same result', () => {
    const t = table();
    t.step({ type: 'room.join', name: 'Ada' });
    const before = t.snap();
    const a = t.decider.decide(before, { type: 'chat.send', seat: 0, channel: 'lobby', text: 'x', now: 5 });
    const b = t.decider.decide(before, { type: 'chat.send', seat: 0, channel: 'lobby', text: 'x', now: 5 });
    expect(before.context.chat).toEqual([]);
    expect(a.snapshot.context).toEqual(b.snapshot.context);
    expect(a.effects).toEqual(b.effects);
  });

  it('[R16] a game nobody is connected to may be abandoned: over, no winner; one a player is still connected to may not', () => {
    const t = table();
    for (const name of ['Ada', 'Bob', 'Cy', 'Dee', 'Eve']) t.step({ type: 'room.join', name });
    t.step({ type: 'game.start', seat: 0, seed: 3 });
    for (const seat of [0, 1, 2, 3]) t.step({ type: 'player.connection', seat, connected: false });
    expect(t.step({ type: 'game.abandon' })).toEqual([]);
    expect(t.ctx().phase).toBe('night');
    t.step({ type: 'player.connection', seat: 4, connected: false });
    const fx = t.step({ type: 'game.abandon' });
    expect(types(fx)).toEqual(['game.abandoned', 'phase.entered', 'game.over']);
    expect(t.ctx()).toMatchObject({ phase: 'over', outcome: { winner: 'nobody', seats: [] } });
  });
});

describe('the moves the machine applies with a bare assign', () => {
  /**
   * Every event type whose transitions run the `apply` action alone, which emits nothing (machine.ts);
   * a join or a chat message is applied so too, with its `emit` actions after it.
   */
  function quietTypes(): string[] {
    const out = new Set<string>();
    const isApply = (a: unknown) => a === 'apply' || (typeof a === 'object' && a !== null && (a as { type?: string }).type === 'apply');
    const visit = (node: typeof gameMachine.root) => {
      for (const [type, defs] of node.transitions) {
        for (const d of defs) if (d.actions.some(isApply) && d.actions.every(isApply)) out.add(type);
      }
      for (const child of Object.values(node.states)) visit(child);
    };
    visit(gameMachine.root);
    return [...out].sort();
  }

  it('are only moves that announce nothing: effectsOf has no effect for any of them', () => {
    const quiet = quietTypes();
    expect(quiet).toEqual(['day.act', 'day.ready', 'hunter.shoot', 'night.act', 'vote.cast']);
    const ctx = table().ctx();
    for (const type of quiet) expect(effectsOf(ctx, { type, now: 0, seat: 0 } as unknown as GameEvent, {}), type).toEqual([]);
  });
});
