import { describe, expect, it } from 'vitest';
import { assign } from 'xstate';
import { gameMachine } from '../../shared/game/index.ts';
import { apply } from '../../shared/game/rules.ts';
import type { Room } from '../../server/rooms/room.ts';
import { Room as RoomClass } from '../../server/rooms/room.ts';
import { SPECTATORS, seatAudience } from '../../server/rooms/audience.ts';
import { fastSettings, registryFor, roomDeps, settle } from '../helpers/rooms.ts';

type Deps = ReturnType<typeof roomDeps>;

/** A started 5-player game (1 werewolf, 1 seer, 3 villagers) in a fresh registry. */
async function startedGame(deps: Deps = roomDeps()) {
  const registry = registryFor(deps);
  const room = registry.create('room-1', fastSettings({ roles: { werewolf: 1, seer: 1 } }))!;
  for (let i = 0; i < 5; i++) expect((await room.submit({ type: 'join', name: `P${i}` })).ok).toBe(true);
  expect((await room.submit({ type: 'game', event: { type: 'game.start', seat: 0 } })).ok).toBe(true);
  const seatOf = (role: string) => room.context.players.find((p) => p.role === role)!.seat;
  return { deps, registry, room, wolf: seatOf('werewolf'), seer: seatOf('seer') };
}

/** Let the first night, dawn and day run out on the clock (nobody acts, nobody dies): the vote opens. */
async function toVote(room: Room, deps: Deps) {
  deps.clock.advance(30_000); // night ends by timer: nobody acted, nobody dies
  await settle();
  expect(room.context.phase).toBe('dawn');
  deps.clock.advance(5_000);
  await settle();
  expect(room.context.phase).toBe('day');
  deps.clock.advance(60_000);
  await settle();
  expect(room.context.phase).toBe('vote');
}

const vote = (room: Room, seat: number, target: number | null) => room.submit({ type: 'game', event: { type: 'vote.cast', seat, target } });

describe('room actor', () => {
  it('[P1] acks accepted commands, and refuses bad ones with a stable code and no state change', async () => {
    const { room, deps } = await startedGame();
    await toVote(room, deps);
    const before = room.context;
    const bad = await room.submit({ type: 'game', event: { type: 'night.act', seat: 0, action: { kind: 'seer', target: 1 } } });
    expect(bad).toEqual({ ok: false, error: { code: 'phase/wrong', message: expect.any(String) } });
    expect(room.context).toBe(before);
    expect(await vote(room, 0, 1)).toEqual({ ok: true, data: {} });
    expect(room.context.vote!.ballots[0]).toBe(1);
  });

  it('[P2] ends each phase at its stored deadline with its own timer, on the injected clock', async () => {
    const { room, deps } = await startedGame();
    const deadline = room.context.deadline!;
    deps.clock.advance(deadline - deps.clock.now() - 1);
    await settle();
    expect(room.context.phase).toBe('night');
    deps.clock.advance(1);
    await settle();
    expect(room.context.phase).toBe('dawn');
  });

  it('[P3] sends each audience only the updates of its own view: a villager hears nothing while the wolf picks', async () => {
    const { room, deps, wolf } = await startedGame();
    const villager = room.context.players.find((p) => p.role === 'villager')!.seat;
    const target = villager;
    deps.outbox.sent = [];
    expect((await room.submit({ type: 'game', event: { type: 'night.act', seat: wolf, action: { kind: 'wolf', target } } })).ok).toBe(true);
    expect(deps.outbox.to(seatAudience(wolf)).length).toBe(1);
    expect(deps.outbox.to(seatAudience(villager))).toEqual([]);
    expect(deps.outbox.to(SPECTATORS)).toEqual([]);
  });

  it('[S1] [S2] a crash before the send refuses that command, restarts from the last good state, and applies the next', async () => {
    const { room, deps } = await startedGame();
    await toVote(room, deps);
    expect((await vote(room, 0, 1)).ok).toBe(true);
    deps.faults.arm('before-send');
    const failed = await vote(room, 1, 2);
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.code).toBe('room/unavailable');
    await settle();
    expect((await vote(room, 2, 1)).ok).toBe(true);
    expect(room.context.vote!.ballots).toEqual({ 0: 1, 2: 1 });
    expect(deps.outbox.sent.some((s) => s.event === 'room:notice')).toBe(true);
  });

  it('[S2] a crash after the commit keeps the command accepted: acked, counted, and still there after the restart', async () => {
    const { room, deps } = await startedGame();
    await toVote(room, deps);
    deps.faults.arm('after-commit');
    expect(await vote(room, 3, 4)).toEqual({ ok: true, data: {} });
    await settle();
    expect(room.context.vote!.ballots[3]).toBe(4);
    expect((await vote(room, 4, 3)).ok).toBe(true);
    expect(room.context.vote!.ballots).toEqual({ 3: 4, 4: 3 });
  });

  it('[S1] a crash inside the machine (an action that throws) restarts the room from its last good snapshot', async () => {
    let boom = false;
    const machine = gameMachine.provide({
      actions: {
        apply: assign(({ context, event }) => {
          if (boom && event.type === 'vote.cast') { boom = false; throw new Error('bug in an action'); }
          return apply(context, event);
        }),
      },
    });
    const deps = roomDeps({ machine });
    const { room } = await startedGame(deps);
    await toVote(room, deps);
    expect((await vote(room, 0, 1)).ok).toBe(true);
    boom = true;
    expect((await vote(room, 1, 2)).ok).toBe(false);
    await settle();
    expect(room.context.vote!.ballots).toEqual({ 0: 1 });
    expect((await vote(room, 1, 2)).ok).toBe(true);
    expect(room.context.vote!.ballots).toEqual({ 0: 1, 1: 2 });
  });

  it('[S3] commands that arrive during a restart wait in the queue and are applied in arrival order', async () => {
    const { room, deps } = await startedGame();
    await toVote(room, deps);
    deps.faults.arm('after-send');
    const acks = await Promise.all([vote(room, 0, 1), vote(room, 1, 2), vote(room, 2, 3), vote(room, 1, 4)]);
    expect(acks.map((a) => a.ok)).toEqual([false, true, true, true]);
    expect(room.context.vote!.ballots).toEqual({ 1: 4, 2: 3 });
  });

  it('[S4] past the restart intensity the room is closed with a notice, and another room plays on', async () => {
    const deps = roomDeps();
    const { room, registry, wolf } = await startedGame(deps);
    const other = registry.create('room-2', fastSettings())!;
    expect((await other.submit({ type: 'join', name: 'Zed' })).ok).toBe(true);
    deps.faults.arm('before-send', { roomId: room.id, times: 10 });
    const target = room.context.players.find((p) => p.role === 'villager')!.seat;
    for (let i = 0; i < 4; i++) {
      await room.submit({ type: 'game', event: { type: 'night.act', seat: wolf, action: { kind: 'wolf', target } } });
      await settle();
    }
    expect(room.closed).toBe(true);
    expect(registry.get(room.id)).toBeUndefined();
    expect(deps.outbox.sent.some((s) => s.roomId === room.id && s.event === 'room:closed')).toBe(true);
    expect((await room.submit({ type: 'join', name: 'late' })).ok).toBe(false);
    expect((await other.submit({ type: 'join', name: 'Amy' })).ok).toBe(true);
    expect(other.context.players.map((p) => p.name)).toEqual(['Zed', 'Amy']);
  });

  it('[P4] a room restored from its stored snapshot and event log equals the live room, timer included', async () => {
    const deps = roomDeps({ snapshotEvery: 3 });
    const { room } = await startedGame(deps);
    await toVote(room, deps);
    await vote(room, 0, 1);
    await vote(room, 1, 2);
    const stored = (await deps.store.loadRoom(room.id))!;
    expect(stored.snapshotSeq).toBeLessThan(stored.seq);
    const tail = (await deps.store.events(room.id, stored.snapshotSeq)).map((e) => e.event);
    room.halt();
    const restored = RoomClass.restore(deps, { crashed() {}, changed() {} }, stored, tail);
    expect(restored.context).toEqual(room.context);
    const phaseId = restored.context.phaseId;
    deps.clock.advance(30_000);
    await settle();
    // The 1–1 tie opens a re-vote: a new phase, reached by the restored room's own timer.
    expect(restored.context.vote!.round).toBe(2);
    expect(restored.context.phaseId).toBe(phaseId + 1);
  });
});

describe('room actor and its store', () => {
  it('[S5] a commit the store refuses is undone in memory and refused with room/unavailable; the next one goes through', async () => {
    const deps = roomDeps();
    const { room } = await startedGame(deps);
    await toVote(room, deps);
    const real = deps.store.commit.bind(deps.store);
    let failNext = true;
    deps.store.commit = async (r, e) => {
      if (failNext) { failNext = false; throw new Error('disk on fire'); }
      return real(r, e);
    };
    const before = room.context;
    const res = await vote(room, 0, 1);
    expect(res).toMatchObject({ ok: false, error: { code: 'room/unavailable' } });
    expect(room.context).toEqual(before);
    expect(await vote(room, 0, 2)).toEqual({ ok: true, data: {} });
    expect(room.context.vote!.ballots).toEqual({ 0: 2 });
  });

  it('[S5] [D10] a fenced commit (the lease went to another node) halts this copy; callers are told to retry', async () => {
    const deps = roomDeps();
    const { room, registry } = await startedGame(deps);
    const { FencedError } = await import('../../server/store/types.ts');
    deps.store.commit = async (r) => { throw new FencedError(r.roomId); };
    const res = await room.submit({ type: 'game', event: { type: 'chat.send', seat: 0, channel: 'lobby', text: 'x' } });
    expect(res).toMatchObject({ ok: false, error: { code: 'chat/not-allowed' } });
    const wolf = room.context.players.find((p) => p.role === 'werewolf')!.seat;
    const target = room.context.players.find((p) => p.role === 'villager')!.seat;
    const fenced = await room.submit({ type: 'game', event: { type: 'night.act', seat: wolf, action: { kind: 'wolf', target } } });
    expect(fenced).toMatchObject({ ok: false, error: { code: 'room/unavailable' } });
    expect(room.closed).toBe(true);
    expect(registry.get(room.id)).toBeUndefined();
    expect(deps.outbox.sent.some((s) => s.event === 'room:closed')).toBe(false);
  });
});
