import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type GameContext, MACHINE_VERSION } from '../../shared/game/index.ts';
import { ManualClock } from '../../server/rooms/clock.ts';
import { replay } from '../../server/rooms/records.ts';
import { MIGRATIONS } from '../../server/store/migrations.ts';
import { SqliteStore } from '../../server/store/sqlite.ts';
import { registryFor, roomDeps } from '../helpers/rooms.ts';
import { Dice } from '../helpers/sim.ts';
import { idle, play, startedRoom } from '../helpers/durability/drive.ts';
import { tempDir } from '../helpers/durability/fixtures.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => { for (const f of cleanups.splice(0)) await f(); });

/** One data directory; each `server()` is a fresh process's worth of objects over it (the old one is simply abandoned, as by kill -9). */
function dataDir() {
  const tmp = tempDir();
  cleanups.push(tmp.done);
  const server = (clock = new ManualClock(), restoreGraceMs = 0) => {
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } }));
    const store = new SqliteStore({ dir: tmp.dir });
    cleanups.unshift(() => store.close());
    const deps = roomDeps({ store, clock, log, restoreGraceMs });
    const registry = registryFor(deps);
    cleanups.unshift(() => registry.haltAll());
    return { deps, registry, store, lines, clock };
  };
  const sql = (q: string) => { const db = new Database(`${tmp.dir}/werewolf.sqlite`); try { db.prepare(q).run(); } finally { db.close(); } };
  return { server, sql };
}

/** The context a restore must bring back: the same game, with nobody connected any more. */
const offline = (c: GameContext) => ({ ...c, version: 0, players: c.players.map((p) => ({ ...p, connected: false })) });

describe('restore after a crash', () => {
  it('[D3] brings back a game mid-vote exactly, nobody connected, and it plays on to a record that replays', async () => {
    const { server } = dataDir();
    const a = server();
    const room = await startedRoom(a.registry, 'r1', 7, 'A');
    const dice = new Dice(3);
    await play(room, a.clock, dice, { until: () => room.context.phase === 'vote' && Object.keys(room.context.vote!.ballots).length >= 2 });
    const before = room.context;

    const b = server(new ManualClock(a.clock.now() + 1_000));
    expect(await b.registry.restoreAll()).toBe(1);
    const restored = b.registry.get('r1')!;
    await idle(restored);
    expect(offline(restored.context)).toEqual(offline(before));
    expect(restored.context.players.every((p) => !p.connected)).toBe(true);
    expect(await restored.seatOfToken(Object.keys(room.record.seats)[0])).toBe(Object.values(room.record.seats)[0]);

    await play(restored, b.clock, dice);
    await idle(restored);
    const [summary] = await b.store.recentGames('A0', 5);
    expect(replay((await b.store.getGame(summary.gameId))!)).toEqual(restored.context);
  });

  it('[D3] time spent down counts: a deadline passed while down ends the phase after the restore grace, not at once', async () => {
    const { server } = dataDir();
    const a = server();
    const room = await startedRoom(a.registry, 'r1', 5, 'A');
    const deadline = room.context.deadline!;
    const b = server(new ManualClock(deadline + 60_000), 5_000);
    await b.registry.restoreAll();
    const restored = b.registry.get('r1')!;
    await idle(restored);
    b.clock.advance(4_999);
    await idle(restored);
    expect(restored.context.phase).toBe('night');
    b.clock.advance(1);
    await idle(restored);
    expect(restored.context.phase).toBe('dawn');
  });

  it('[D3] a deadline still ahead after the grace is kept as stored', async () => {
    const { server } = dataDir();
    const a = server();
    const room = await startedRoom(a.registry, 'r1', 5, 'A');
    const deadline = room.context.deadline!;
    const b = server(new ManualClock(deadline - 20_000), 5_000);
    await b.registry.restoreAll();
    const restored = b.registry.get('r1')!;
    await idle(restored);
    expect(restored.context.deadline).toBe(deadline);
    b.clock.advance(19_999);
    await idle(restored);
    expect(restored.context.phase).toBe('night');
    b.clock.advance(1);
    await idle(restored);
    expect(restored.context.phase).toBe('dawn');
  });

  it('[D5] a game that ended just before the crash gets its record on restore, once', async () => {
    const { server, sql } = dataDir();
    const a = server();
    const room = await startedRoom(a.registry, 'r1', 5, 'A');
    await play(room, a.clock, new Dice(9));
    await idle(room);
    expect(await a.store.recentGames('A1', 5)).toHaveLength(1);
    sql('DELETE FROM games');
    sql('DELETE FROM game_players');
    for (let i = 0; i < 2; i++) {
      const b = server();
      await b.registry.restoreAll();
      const restored = b.registry.get('r1');
      // The first restore finds the finished room and keeps its record. A finished room nobody
      // watches is then released (H11), so a second restore may find it already gone: either
      // way there must be exactly one record.
      if (i === 0) expect(restored, 'the first restore brings the finished room back').toBeDefined();
      if (restored) await idle(restored);
    }
    const games = await server().store.recentGames('A1', 5);
    expect(games).toHaveLength(1);
  });
});

describe('stored rooms that cannot be restored as they are', () => {
  async function twoRooms() {
    const dir = dataDir();
    const a = dir.server();
    await startedRoom(a.registry, 'good', 5, 'G');
    const bad = await startedRoom(a.registry, 'bad', 5, 'B');
    // Events after the start's snapshot, so a restore has a log tail to read.
    await bad.submit({ type: 'presence', seat: 1, connected: false });
    await bad.submit({ type: 'presence', seat: 2, connected: false });
    return dir;
  }

  const cases: [string, string, RegExp][] = [
    ['a newer machine version', "UPDATE rooms SET machine_version = 99 WHERE room_id = 'bad'", /newer than this server/],
    ['an older version with no migration', "UPDATE rooms SET machine_version = 0 WHERE room_id = 'bad'", /no migration from version 0 to 1/],
    ['a snapshot that is not JSON', "UPDATE rooms SET snapshot = '{\"status\":' WHERE room_id = 'bad'", /cannot be read/],
    ['a snapshot that is not a game', "UPDATE rooms SET snapshot = '{\"status\":\"active\"}' WHERE room_id = 'bad'", /not a game snapshot/],
    ['a logged event that is not JSON', "UPDATE events SET event = 'x' WHERE room_id = 'bad' AND seq = (SELECT max(seq) FROM events WHERE room_id = 'bad')", /could not be read or replayed/],
    ['a gap in the log', "DELETE FROM events WHERE room_id = 'bad' AND seq = (SELECT max(seq) FROM events WHERE room_id = 'bad')", /without gaps/],
  ];

  it.each(cases)('%s: that room is skipped and reported with a log line, the others restore', async (_name, corruption, reason) => {
    const { server, sql } = await twoRooms();
    sql(corruption);
    const b = server();
    expect(await b.registry.restoreAll()).toBe(1);
    expect(b.registry.get('good')).toBeDefined();
    expect(b.registry.get('bad')).toBeUndefined();
    expect(b.registry.skipped).toEqual([{ roomId: 'bad', reason: expect.stringMatching(reason) }]);
    expect(b.lines.join('')).toMatch(/"roomId":"bad".*stored room not restored/);
    // Left untouched for an operator: the row is still there.
    expect((await b.store.loadRooms()).map((r) => r.roomId)).toContain('good');
  });

  it('[D7] an older version with a migration is migrated, and written back in the current version', async () => {
    const { server, sql } = await twoRooms();
    sql("UPDATE rooms SET machine_version = 0 WHERE room_id = 'bad'");
    let migrated = 0;
    MIGRATIONS[0] = { note: 'test: identity', snapshot: (s) => { migrated++; return s; } };
    try {
      const b = server();
      expect(await b.registry.restoreAll()).toBe(2);
      expect(migrated).toBeGreaterThan(0);
      await idle(b.registry.get('bad')!);
      expect((await b.store.loadRoom('bad'))!.machineVersion).toBe(MACHINE_VERSION);
    } finally {
      delete MIGRATIONS[0];
    }
  });
});
