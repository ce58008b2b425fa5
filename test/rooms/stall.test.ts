import { describe, expect, it } from 'vitest';
import type { Room } from '../../server/rooms/room.ts';
import { fastSettings, registryFor, roomDeps, settle } from '../helpers/rooms.ts';

const GRACE = 15_000;

/** Two started 5-player games on one clock, with stall detection as in production (3 s). */
async function twoGames() {
  const deps = roomDeps({ stallMs: 3_000, restoreGraceMs: GRACE });
  const registry = registryFor(deps);
  const open = async (id: string, night: number) => {
    const room = registry.create(id, fastSettings({ durations: { night, dawn: 5, day: 60, vote: 30, execution: 5, hunter: 10 } }))!;
    for (let i = 0; i < 5; i++) expect((await room.submit({ type: 'join', name: `${id}${i}` })).ok).toBe(true);
    expect((await room.submit({ type: 'game', event: { type: 'game.start', seat: 0 } })).ok).toBe(true);
    return room;
  };
  return { deps, registry, a: await open('a', 30), b: await open('b', 50) };
}

const phaseOf = (r: Room) => r.context.phase;

describe('[H11] a stalled server gives phases the restore grace', () => {
  it('[D4] a night that ran out during a 40 s stall ends one grace after the wake-up, not at once; another room\'s phase due just after waits too', async () => {
    const { deps, a, b } = await twoGames();
    const t0 = deps.clock.now();
    deps.clock.stall(40_000); // a's night (30 s) ran out while the process was stopped; b's (50 s) did not
    deps.clock.advance(1);
    await settle();
    expect(phaseOf(a), 'not ended the moment the process woke').toBe('night');
    deps.clock.advance(GRACE - 1_000);
    await settle();
    expect(phaseOf(a)).toBe('night');
    // b's deadline (t0 + 50 s) falls inside the grace: it is held to the grace's end too.
    expect(deps.clock.now()).toBeGreaterThan(t0 + 54_000);
    expect(phaseOf(b)).toBe('night');
    deps.clock.advance(1_500);
    await settle();
    expect(phaseOf(a)).toBe('dawn');
    expect(phaseOf(b)).toBe('dawn');
  });

  it('[D4] a vote cut by a stall stays open for the grace: a player who reconnects and votes in it has missed nothing', async () => {
    const { deps, a } = await twoGames();
    for (let i = 0; i < 10 && phaseOf(a) !== 'vote'; i++) { deps.clock.advance(a.context.deadline! - deps.clock.now()); await settle(); }
    expect(phaseOf(a)).toBe('vote');
    const voter = a.context.players.find((p) => p.alive)!.seat;
    const target = a.context.players.find((p) => p.alive && p.seat !== voter)!.seat;
    deps.clock.stall(35_000); // the 30 s vote runs out during the stall
    deps.clock.advance(50);
    await settle();
    expect(phaseOf(a)).toBe('vote');
    expect((await a.submit({ type: 'game', event: { type: 'vote.cast', seat: voter, target } })).ok).toBe(true);
    deps.clock.advance(GRACE);
    await settle();
    expect(phaseOf(a)).not.toBe('vote');
    expect(a.context.players.find((p) => p.seat === voter)!.missedVotes).toBe(0);
  });

  it('[P2] a timer on time is not a stall: phases end at their deadline', async () => {
    const { deps, a } = await twoGames();
    deps.clock.advance(30_000);
    await settle();
    expect(phaseOf(a)).toBe('dawn');
  });
});
