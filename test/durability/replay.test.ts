import { afterAll, describe, expect, it } from 'vitest';
import { replay } from '../../server/rooms/records.ts';
import { SqliteStore } from '../../server/store/sqlite.ts';
import { registryFor, roomDeps } from '../helpers/rooms.ts';
import { Dice } from '../helpers/sim.ts';
import { idle, play, startedRoom } from '../helpers/durability/drive.ts';
import { tempDir } from '../helpers/durability/fixtures.ts';

const tmp = tempDir();
// Records and replay are under test here, not fsync: NORMAL keeps the 40 games quick.
const store = new SqliteStore({ dir: tmp.dir, synchronous: 'NORMAL' });
afterAll(async () => { await store.close(); tmp.done(); });

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

describe('game records and replay', () => {
  it(`[D5] replaying the record of each of ${SEEDS.length} seeded games reproduces its final state exactly`, async () => {
    for (const seed of SEEDS) {
      let gameSeed = seed * 7919;
      const deps = roomDeps({ store, newSeed: () => gameSeed++ });
      const registry = registryFor(deps);
      const players = 5 + (seed % 8);
      const room = await startedRoom(registry, `room-${seed}`, players, `S${seed}-P`, seed % 3 === 0 ? { reveal: 'none', tieRule: 'random' } : {});
      await play(room, deps.clock, new Dice(seed));
      await idle(room);
      const [summary] = await store.recentGames(`S${seed}-P0`, 5);
      expect(summary, `seed ${seed}: a record`).toBeDefined();
      const record = (await store.getGame(summary.gameId))!;
      const final = room.context;
      expect(record.events[0].type).toBe('game.start');
      expect(record.seed).toBe(final.seed);
      expect(record.outcome).toEqual(final.outcome);
      expect(record.players.map((p) => [p.name, p.role])).toEqual(final.players.map((p) => [p.name, p.role]));
      expect(replay(record), `seed ${seed}`).toEqual(final);
      registry.haltAll();
    }
  });
});
