import { describe, expect, it } from 'vitest';
import { ViewCache, viewFor, type GameContext } from '../../shared/game/index.ts';
import type { Player } from '../../shared/game/types.ts';
import { ANYONE, type Recipient } from '../../shared/game/views.ts';
import { builder, fill, Reads, Slot } from '../../shared/game/views-compiled.ts';
import type { Table } from '../../shared/game/views-fields.ts';
import { newGame } from '../helpers/game.ts';

/**
 * The room's cache keeps a field's value while the context fields its value read are the same
 * objects; what a value reads is found by running it, so a new field or role declares nothing.
 * views.cache.test.ts holds the cached views to views built from scratch; these check the keeping.
 */
describe('compiled view tables', () => {
  const calls = { day: 0, phase: 0, has: 0, ready: 0, revealed: 0 };
  const table: Table<Player> = {
    day: { who: ['everyone'], value: (ctx) => { calls.day++; return ctx.day; } },
    phase: { who: ['own'], value: (ctx) => { calls.phase++; return ctx.phase; } },
    has: { who: ['everyone'], value: (ctx) => { calls.has++; return 'aim' in ctx; } },
    ready: { who: ['everyone'], value: (ctx) => { calls.ready++; return ctx.ready; } },
    // Granted by a setting: it appears and goes with the setting, never built while hidden.
    revealed: { who: [{ setting: 'reveal', in: ['full'] }], value: (_ctx, p) => { calls.revealed++; return p.seat; } },
  };
  const compiled = builder(table);
  const reads = new Reads();
  const at = (ctx: GameContext): Reads => { reads.enter(ctx); return reads; };
  const g = newGame({ players: 5, roles: { werewolf: 1 } });
  const s0 = g.ctx;
  const me = s0.players[1];
  const r: Recipient = { audience: { kind: 'seat', seat: 1 }, me };
  const slot = new Slot<Record<string, unknown>>();
  const run = (ctx: GameContext) => fill(slot, compiled, at(ctx), me, me, r, true);
  const count = () => ({ ...calls });

  it('[R70] builds every field the recipient may read, and keeps the object while nothing it read changed', () => {
    const first = run(s0);
    expect(first).toEqual({ day: s0.day, phase: s0.phase, has: 'aim' in s0, ready: s0.ready, ...(s0.settings.reveal === 'full' ? { revealed: 1 } : {}) });
    const before = count();
    // The chat and the version are read by no field here.
    expect(run({ ...s0, chat: [...s0.chat], version: s0.version + 1 })).toBe(first);
    expect(count()).toEqual(before);
  });

  it('[R70] rebuilds only the fields whose reads changed, and keeps the identity of a value alike to the last', () => {
    const first = run(s0);
    let before = count();
    const s1 = { ...s0, day: s0.day + 1 };
    const second = run(s1);
    expect(second).not.toBe(first);
    expect(second.day).toBe(s0.day + 1);
    expect(second.ready).toBe(first.ready);
    expect(count()).toEqual({ ...before, day: before.day + 1 });
    before = count();
    // A new array equal to the last: rebuilt, and the view keeps the last value and object.
    const s2 = { ...s1, ready: [...s1.ready] };
    expect(run(s2)).toBe(second);
    expect(count()).toEqual({ ...before, ready: before.ready + 1 });
  });

  it('[R70] a key that comes or goes rebuilds what tested for it, and a grant that changes adds or drops its field', () => {
    const base = run(s0);
    const withAim = 'aim' in s0;
    const { aim: _aim, ...without } = s0;
    const s1 = (withAim ? without : { ...s0, aim: null }) as GameContext;
    expect(run(s1).has).toBe(!withAim);
    const reveal = s0.settings.reveal === 'full' ? 'none' : 'full';
    const s2 = { ...s1, settings: { ...s1.settings, reveal } } as GameContext;
    expect('revealed' in run(s2)).toBe(reveal === 'full');
    expect(base).toBeDefined();
  });

  it('[R70] a stranger and the spectators get no `own` field', () => {
    const other = new Slot<Record<string, unknown>>();
    expect(fill(other, compiled, at(s0), me, me, ANYONE, false)).not.toHaveProperty('phase');
  });
});

describe('the room\'s view cache', () => {
  it('[R65] a line in the wolves\' channel leaves a villager\'s view the very same object, and changes the wolf\'s', () => {
    const g = newGame({ players: 6, roles: { werewolf: 1 } });
    const wolf = g.seat('werewolf');
    const villager = g.seat('villager');
    const cache = new ViewCache();
    const seat = (s: number) => ({ kind: 'seat', seat: s }) as const;
    const before = { villager: viewFor(g.ctx, seat(villager), cache), wolf: viewFor(g.ctx, seat(wolf), cache), spectator: viewFor(g.ctx, { kind: 'spectator' }, cache) };
    g.ok({ type: 'chat.send', seat: wolf, channel: 'wolves', text: 'quiet' });
    expect(viewFor(g.ctx, seat(villager), cache)).toBe(before.villager);
    expect(viewFor(g.ctx, { kind: 'spectator' }, cache)).toBe(before.spectator);
    const wolfView = viewFor(g.ctx, seat(wolf), cache);
    expect(wolfView).not.toBe(before.wolf);
    expect(wolfView.chat.at(-1)?.text).toBe('quiet');
    // The parts nobody's line touched are shared with the last view.
    expect(wolfView.players).toBe(before.wolf.players);
    expect(wolfView.you).toBe(before.wolf.you);
  });
});
