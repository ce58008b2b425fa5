import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { LocalDirectory } from '../../server/rooms/directory.ts';
import { Registry } from '../../server/rooms/registry.ts';
import type { Room } from '../../server/rooms/room.ts';
import { MemoryStore } from '../../server/store/memory.ts';
import type { GameRecord } from '../../server/store/types.ts';
import { SPECTATORS } from '../../server/rooms/audience.ts';
import { fastSettings, roomDeps, settle } from '../helpers/rooms.ts';

const GRACE = 600_000;
const UNCLAIMED = 45_000;

function world(store = new MemoryStore()) {
  const deps = roomDeps({ store });
  const removed: string[] = [];
  const registry = new Registry(deps, { intensity: { maxRestarts: 3, withinMs: 60_000 }, emptyGraceMs: GRACE, unclaimedGraceMs: UNCLAIMED, maxRooms: 100 }, { summary() {}, removed: (id) => removed.push(id) }, pino({ level: 'silent' }));
  const directory = new LocalDirectory(registry, { newRoomId: () => 'x', accepting: () => true, created() {} });
  /** Move the clock in sweep-sized steps, sweeping as the server does every 5 s. */
  const pass = async (ms: number) => {
    for (let t = 0; t < ms; t += 5_000) { deps.clock.advance(Math.min(5_000, ms - t)); await settle(); registry.sweep(); }
    await settle();
  };
  return { deps, store, registry, directory, removed, pass };
}

type World = ReturnType<typeof world>;

async function lobby(w: World, names: string[], opts: { bots?: number; id?: string } = {}): Promise<Room> {
  // Slow phases: no timer ends anything while the test moves the clock by minutes.
  const room = w.registry.create(opts.id ?? 'room-1', fastSettings({ visibility: 'public', durations: { night: 86_400, dawn: 86_400, day: 86_400, vote: 86_400, execution: 86_400, hunter: 86_400 } }))!;
  for (const name of names) expect((await room.submit({ type: 'join', name })).ok).toBe(true);
  for (let i = 0; i < (opts.bots ?? 0); i++) expect((await room.submit({ type: 'join', name: `Bot${i}`, bot: true })).ok).toBe(true);
  return room;
}

const away = (room: Room, ...seats: number[]) => Promise.all(seats.map((seat) => room.submit({ type: 'presence', seat, connected: false })));
const start = async (room: Room) => expect((await room.submit({ type: 'game', event: { type: 'game.start', seat: 0 } })).ok).toBe(true);
const FIVE = ['P0', 'P1', 'P2', 'P3', 'P4'];

describe('[H11.2] the empty-room sweep', () => {
  it('[P5] never closes a game in progress while one player is still connected, however long', async () => {
    const w = world();
    const room = await lobby(w, FIVE);
    await start(room);
    await away(room, 1, 2, 3, 4);
    await w.pass(3 * GRACE);
    expect(w.registry.get(room.id)).toBe(room);
    expect(room.closed).toBe(false);
    expect(await w.store.loadRoom(room.id)).not.toBeNull();
  });

  it('[P5] never closes a game in progress that only a spectator (or only a bot) is connected to', async () => {
    const w = world();
    const watched = await lobby(w, FIVE, { id: 'watched' });
    await start(watched);
    watched.attach(SPECTATORS);
    await away(watched, 0, 1, 2, 3, 4);
    const botsOnly = await lobby(w, ['Ada'], { bots: 4, id: 'bots' });
    await start(botsOnly);
    await away(botsOnly, 0);
    await w.pass(2 * GRACE);
    expect(w.registry.get('watched')).toBe(watched);
    expect(w.registry.get('bots')).toBe(botsOnly);
  });

  it('[P5] a game in progress nobody is connected to is kept for the grace, then closed with its record kept as abandoned first', async () => {
    const w = world();
    const room = await lobby(w, FIVE);
    await start(room);
    await away(room, 0, 1, 2, 3, 4);
    await w.pass(GRACE - 5_000);
    expect(w.registry.get(room.id)).toBe(room);
    await w.pass(10_000);
    expect(w.registry.get(room.id)).toBeUndefined();
    expect(w.removed).toEqual([room.id]);
    const games = await w.store.recentGames('P3', 5);
    expect(games).toHaveLength(1);
    const record = (await w.store.getGame(games[0].gameId)) as GameRecord;
    expect(record).toMatchObject({ roomId: room.id, abandoned: true, outcome: { winner: 'nobody' } });
    expect(record.events[0].type).toBe('game.start');
    expect(await w.store.loadRoom(room.id)).toBeNull();
  });

  it('[P5] if the abandoned game\'s record cannot be kept, the room\'s stored state is not deleted', async () => {
    class NoRecords extends MemoryStore { override async saveGame(): Promise<void> { throw new Error('disk full'); } }
    const w = world(new NoRecords());
    const room = await lobby(w, FIVE);
    await start(room);
    await away(room, 0, 1, 2, 3, 4);
    await w.pass(GRACE + 5_000);
    expect(w.registry.get(room.id)).toBeUndefined();
    expect(await w.store.loadRoom(room.id)).not.toBeNull();
  });

  it('[P6] a lobby everyone left is released at once: not kept, not listed, not joinable', async () => {
    const w = world();
    const room = await lobby(w, ['Ada', 'Bea']);
    expect(await w.directory.publicSummaries()).toHaveLength(1);
    for (const seat of [0, 1]) expect((await room.submit({ type: 'game', event: { type: 'room.leave', seat } })).ok).toBe(true);
    await settle();
    expect(w.registry.get(room.id)).toBeUndefined();
    expect(await w.directory.publicSummaries()).toEqual([]);
    expect(await w.directory.get(room.id)).toBeNull();
    expect((await room.submit({ type: 'join', name: 'Cy' })).ok).toBe(false);
    expect(w.removed).toEqual([room.id]);
    await settle();
    expect(await w.store.loadRoom(room.id)).toBeNull();
  });

  it('[P6] a lobby left with only bots, none connected, is released at once', async () => {
    const w = world();
    const room = await lobby(w, ['Ada'], { bots: 2 });
    await away(room, 1, 2);
    expect((await room.submit({ type: 'game', event: { type: 'room.leave', seat: 0 } })).ok).toBe(true);
    await settle();
    expect(w.registry.get(room.id)).toBeUndefined();
  });

  it('[P6] a game over that nobody is connected to any more is released at once, after its record is kept', async () => {
    const w = world();
    const room = w.registry.create('fast', fastSettings())!;
    for (const name of FIVE) await room.submit({ type: 'join', name });
    await start(room);
    // Nobody acts: idle voters are removed (R40) until the game ends.
    for (let i = 0; i < 100 && room.context.phase !== 'over'; i++) { w.deps.clock.advance(10_000); await settle(); }
    expect(room.context.phase).toBe('over');
    await away(room, 0, 1, 2, 3);
    await w.pass(GRACE);
    expect(w.registry.get(room.id), 'one human is still looking at the result').toBe(room);
    await away(room, 4);
    await settle();
    expect(w.registry.get(room.id)).toBeUndefined();
    expect(await w.store.recentGames('P0', 5)).toHaveLength(1);
    await settle();
    expect(await w.store.loadRoom(room.id)).toBeNull();
  });

  it('[P6] a waiting lobby whose humans are all disconnected is kept for the grace (the host may return)', async () => {
    const w = world();
    const room = await lobby(w, ['Ada'], { bots: 2 });
    await away(room, 0);
    await w.pass(GRACE - 5_000);
    expect(w.registry.get(room.id)).toBe(room);
    await w.pass(10_000);
    expect(w.registry.get(room.id)).toBeUndefined();
  });

  it('[P6] rooms no human joined close quickly: one created and never joined, one with only (connected) bots', async () => {
    const w = world();
    const never = w.registry.create('never', fastSettings())!;
    const bots = await lobby(w, [], { bots: 3, id: 'bots' });
    await w.pass(UNCLAIMED - 5_000);
    expect(w.registry.get('never')).toBe(never);
    expect(w.registry.get('bots')).toBe(bots);
    await w.pass(10_000);
    expect(w.registry.get('never')).toBeUndefined();
    expect(w.registry.get('bots')).toBeUndefined();
  });

  it('[P6] a restored room is not released before the restore grace, so its players can reconnect', async () => {
    const w = world();
    const room = await lobby(w, FIVE);
    await start(room);
    for (let i = 0; i < 100 && room.context.phase !== 'over'; i++) { w.deps.clock.advance(86_400_000); await settle(); }
    expect(room.context.phase).toBe('over');
    room.halt();
    const deps2 = { ...w.deps, restoreGraceMs: 15_000 };
    const again = new Registry(deps2, { intensity: { maxRestarts: 3, withinMs: 60_000 }, emptyGraceMs: GRACE, maxRooms: 100 }, { summary() {}, removed() {} }, pino({ level: 'silent' }));
    expect(await again.restoreAll()).toBe(1);
    await settle();
    again.sweep();
    expect(again.get(room.id)).toBeDefined();
    w.deps.clock.advance(15_000);
    again.sweep();
    expect(again.get(room.id)).toBeUndefined();
  });
});
