import { expect } from 'vitest';
import { replay } from '../../../server/rooms/records.ts';
import { freePort, type ServerProcess, spawnServer } from '../process.ts';
import { tempDir } from './fixtures.ts';
import { type AckedMove, gamesOf, missingFrom, type Table } from './table.ts';

/** Phases short enough for whole games in seconds; a restored phase waits 1 s for reconnects. */
export const FAST = { durations: { night: 3, dawn: 1, day: 3, vote: 3, execution: 1, hunter: 2 } };
const ENV = { RESTORE_GRACE_S: '1' };

/** A server process in a fresh data dir on a fixed port, that a test can stop and start again in place. */
export async function restartableServer(cleanup: (f: () => unknown) => void, extraEnv: Record<string, string> = {}) {
  const tmp = tempDir();
  const port = await freePort();
  const env = { ...ENV, ...extraEnv };
  let current: ServerProcess = await spawnServer({ port, dataDir: tmp.dir, env });
  cleanup(async () => { await current.stop('SIGKILL'); tmp.done(); });
  return {
    get url() { return current.url; },
    get proc() { return current; },
    start: async () => { current = await spawnServer({ port, dataDir: tmp.dir, env }); },
    /** SIGKILL now (synchronously, so nothing else runs first on our side), then start again. */
    async crashAndRestart(downMs = 0): Promise<void> {
      current.child.kill('SIGKILL');
      expect(await current.exited).toBeNull();
      if (downMs) await new Promise((r) => setTimeout(r, downMs));
      await this.start();
    },
  };
}

/** The table's game has exactly one record, holding every acked move, and it replays to its outcome. */
export async function checkRecord(url: string, table: Table, mustHave: AckedMove[]) {
  const games = await gamesOf(url, table.names[0]);
  expect(games, 'one record for the game: none lost, none twice').toHaveLength(1);
  const [record] = games;
  expect(record.roomId).toBe(table.roomId);
  expect(missingFrom(record, mustHave)).toEqual([]);
  expect(replay(record).outcome).toEqual(record.outcome);
  return record;
}
