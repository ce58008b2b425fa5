import { describe, expect, it } from 'vitest';
import type { Lifecycle } from '../../server/rooms/lifecycle.ts';
import { SPECTATORS, seatAudience } from '../../server/rooms/audience.ts';
import { Room, type RoomHooks } from '../../server/rooms/room.ts';
import { Supervisor } from '../../server/rooms/supervisor.ts';
import { fastSettings, registryFor, roomDeps, settle } from '../helpers/rooms.ts';

type Deps = ReturnType<typeof roomDeps>;

const quiet: RoomHooks = { crashed() {}, changed() {} };

/** A room of five joined players, with no registry (so the clock holds only this room's timers). */
async function lobby(deps: Deps = roomDeps(), hooks: RoomHooks = quiet) {
  const room = Room.create(deps, hooks, { roomId: 'room-1', code: 'CODE', settings: fastSettings({ roles: { werewolf: 1, seer: 1 } }) });
  for (const name of ['P0', 'P1', 'P2', 'P3', 'P4']) expect((await room.submit({ type: 'join', name })).ok).toBe(true);
  return room;
}

/** A commit that waits until the test says how it ends. */
function heldCommit(deps: Deps) {
  const real = deps.store.commit.bind(deps.store);
  let release: (fail: boolean) => void = () => {};
  deps.store.commit = (r, e) => new Promise<void>((resolve, reject) => {
    release = (fail) => (fail ? reject(new Error('disk gone')) : real(r, e).then(resolve, reject));
  });
  return { release: (fail: boolean) => release(fail), restore: () => { deps.store.commit = real; } };
}

describe('the room shows only what is committed', () => {
  it('[S6] an event whose commit is pending, then fails, is never seen: not in the context, the views, the facts or the summary', async () => {
    const deps = roomDeps();
    const room = await lobby(deps);
    room.attach(seatAudience(1));
    await settle();
    const held = heldCommit(deps);
    deps.outbox.sent = [];
    const ack = room.submit({ type: 'game', event: { type: 'chat.send', seat: 0, channel: 'lobby', text: 'secret plan' } });
    const renamed = room.submit({ type: 'game', event: { type: 'room.settings', seat: 0, patch: { name: 'Renamed' } } });
    await settle();
    // The step is waiting on the store: everything readable is still the committed state.
    expect(room.context.chat).toEqual([]);
    expect(room.stateFor(seatAudience(1)).view.chat).toEqual([]);
    expect((await room.facts()).players).toHaveLength(5);
    expect(deps.outbox.sent).toEqual([]);
    held.release(true);
    expect(await ack).toMatchObject({ ok: false, error: { code: 'room/unavailable' } });
    await settle();
    expect(room.context.chat).toEqual([]);
    expect(deps.outbox.sent.filter((s) => s.event === 'chat:message')).toEqual([]);
    // The next command commits as usual.
    held.release(false);
    expect((await renamed).ok).toBe(true);
    held.restore();
    expect(room.summary().name).toBe('Renamed');
    expect(room.context.chat).toEqual([]);
  });

  it('[S5] a refused commit is not a restart: nothing to undo, the supervisor is not involved', async () => {
    const deps = roomDeps();
    const crashes: unknown[] = [];
    const room = await lobby(deps, { crashed: (_r, err) => crashes.push(err), changed() {} });
    deps.store.commit = async () => { throw new Error('disk gone'); };
    expect(await room.submit({ type: 'game', event: { type: 'chat.send', seat: 0, channel: 'lobby', text: 'x' } })).toMatchObject({ ok: false });
    expect(crashes).toEqual([]);
    expect(room.lifecycle).toEqual({ kind: 'open' });
  });
});

describe('the room lifecycle', () => {
  it('[S1] open, restarting (a crash, with the supervisor), open again; then closed for good', async () => {
    const deps = roomDeps();
    const supervisor = new Supervisor(deps.clock, deps.log, { maxRestarts: 3, withinMs: 60_000 }, () => {});
    const seen: Lifecycle[] = [];
    const room = Room.create(deps, { crashed: (r, err) => { seen.push(r.lifecycle); supervisor.crashed(r, err); }, changed() {} }, { roomId: 'r', code: 'C', settings: fastSettings() });
    expect(room.lifecycle).toEqual({ kind: 'open' });
    deps.faults.arm('after-commit');
    expect((await room.submit({ type: 'join', name: 'Ada' })).ok).toBe(true);
    expect(seen).toEqual([{ kind: 'restarting', resume: 'open' }]);
    await settle();
    expect(room.lifecycle).toEqual({ kind: 'open' });
    room.close('bye');
    expect(room.lifecycle).toEqual({ kind: 'closed', reason: 'bye' });
    expect(await room.submit({ type: 'join', name: 'Bob' })).toMatchObject({ ok: false, error: { code: 'room/closed' } });
  });

  it('a drain refuses new commands as busy, runs the queued ones, and needs no timer to know when it is done', async () => {
    const deps = roomDeps();
    const room = await lobby(deps);
    const held = heldCommit(deps);
    const queued = [0, 1].map((seat) => room.submit({ type: 'game', event: { type: 'chat.send', seat, channel: 'lobby', text: `m${seat}` } }));
    await settle();
    let drained = false;
    const drain = room.drain().then(() => { drained = true; });
    expect(room.lifecycle).toEqual({ kind: 'draining' });
    expect(await room.submit({ type: 'join', name: 'Late' })).toMatchObject({ ok: false, error: { code: 'server/busy' } });
    const pending = deps.clock.pending();
    held.restore();
    held.release(false);
    await drain;
    expect(drained).toBe(true);
    expect((await Promise.all(queued)).map((a) => a.ok)).toEqual([true, true]);
    expect(deps.clock.pending()).toBe(pending);
  });

  for (const end of ['close', 'halt'] as const) {
    it(`[S7] after a ${end} no timer of the room fires: phase, seat grace, all gone from the clock`, async () => {
      const deps = roomDeps({ seatGraceMs: 30_000 });
      const room = await lobby(deps);
      // A seat grace running in the lobby, then the game's phase timer.
      room.attach(seatAudience(4));
      room.detach(seatAudience(4));
      await settle();
      expect(deps.clock.pending()).toBe(1);
      expect((await room.submit({ type: 'game', event: { type: 'game.start', seat: 0 } })).ok).toBe(true);
      expect(deps.clock.pending()).toBe(2);
      const seq = (await deps.store.loadRoom(room.id))!.seq;
      room[end]('done');
      expect(deps.clock.pending()).toBe(0);
      deps.outbox.sent = [];
      deps.clock.advance(24 * 3600_000);
      await settle();
      expect(deps.outbox.sent).toEqual([]);
      expect((await deps.store.loadRoom(room.id))!.seq).toBe(seq);
      expect(room.context.phase).toBe('night');
    });
  }

  it('a seat grace that finds its player back does nothing; one that runs out frees the seat (R13)', async () => {
    const deps = roomDeps({ seatGraceMs: 30_000 });
    const room = await lobby(deps);
    room.attach(seatAudience(3));
    room.detach(seatAudience(3));
    await settle();
    deps.clock.advance(20_000);
    room.attach(seatAudience(3));
    await settle();
    expect(deps.clock.pending()).toBe(0);
    // Away again: the grace starts over, it does not run on from the first time.
    room.detach(seatAudience(3));
    await settle();
    deps.clock.advance(29_000);
    await settle();
    expect(room.context.players.map((p) => p.seat)).toContain(3);
    deps.clock.advance(1_000);
    await settle();
    expect(room.context.players.map((p) => p.seat)).not.toContain(3);
  });

  it('[S7] [P6] a room nobody joined is closed by its own sweep timer exactly when its grace runs out, with no sweep run', async () => {
    const deps = roomDeps();
    const registry = registryFor(deps);
    const room = registry.create('never', fastSettings())!;
    await settle();
    deps.clock.advance(45_000 - 1);
    await settle();
    expect(registry.get(room.id)).toBe(room);
    deps.clock.advance(1);
    await settle();
    expect(registry.get(room.id)).toBeUndefined();
    expect(room.lifecycle).toMatchObject({ kind: 'closed' });
  });

  it('[S7] after a shutdown (drain, then halt) nothing of the rooms is left on the clock: phases, sweeps, the stall watch', async () => {
    const deps = roomDeps({ stallMs: 5_000 });
    const registry = registryFor(deps);
    registry.create('waiting', fastSettings());
    const game = registry.create('game', fastSettings({ roles: { werewolf: 1, seer: 1 } }))!;
    for (const name of ['P0', 'P1', 'P2', 'P3', 'P4']) await game.submit({ type: 'join', name });
    expect((await game.submit({ type: 'game', event: { type: 'game.start', seat: 0 } })).ok).toBe(true);
    await settle();
    expect(deps.clock.pending()).toBeGreaterThanOrEqual(3);
    await registry.drainAll(1_000);
    expect(deps.clock.pending()).toBe(0);
    expect(registry.all().map((r) => r.lifecycle.kind)).toEqual(['halted', 'halted']);
  });
});
