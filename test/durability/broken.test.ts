import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WerewolfClient } from '../../client/sdk/index.ts';
import { freePort, killAll, spawnServer } from '../helpers/process.ts';
import { tempDir } from '../helpers/durability/fixtures.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0)) await f();
  await killAll();
});

const client = (url: string) => new WerewolfClient(url, { autoResume: false, socket: { transports: ['websocket'], forceNew: true, reconnection: false } });

describe('a broken stored room', () => {
  it('[D6] is skipped with a log line; the server starts with the other rooms, whose players resume', { timeout: 30_000 }, async () => {
    const tmp = tempDir();
    cleanups.push(tmp.done);
    const port = await freePort();
    let server = await spawnServer({ port, dataDir: tmp.dir });
    const grants = [];
    for (const name of ['Good', 'Bad']) {
      const c = client(server.url);
      await c.connected();
      grants.push(await c.request('room:create', { name }));
      c.close();
    }
    await server.stop('SIGKILL');
    const db = new Database(`${tmp.dir}/werewolf.sqlite`);
    db.prepare("UPDATE rooms SET snapshot = '{\"broken' WHERE room_id = ?").run(grants[1].roomId);
    db.close();

    server = await spawnServer({ port, dataDir: tmp.dir });
    const health = (await (await fetch(`${server.url}/healthz`)).json()) as { rooms: number };
    expect(health.rooms).toBe(1);
    expect(server.output()).toContain(grants[1].roomId);
    expect(server.output()).toContain('stored room not restored');
    const c = client(server.url);
    cleanups.unshift(() => c.close());
    await c.connected();
    expect((await c.send('room:resume', { token: grants[1].token })).ok).toBe(false);
    expect(await c.request('room:resume', { token: grants[0].token })).toMatchObject({ roomId: grants[0].roomId, seat: grants[0].seat });
  });
});
