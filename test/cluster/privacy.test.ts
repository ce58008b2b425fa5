import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../helpers/players.ts';
import { freePort, killAll, type ServerProcess, spawnServer } from '../helpers/process.ts';
import { RedisServer } from '../helpers/redis.ts';
import { okOf } from '../helpers/script.ts';

let redis: RedisServer;
beforeAll(async () => { redis = await RedisServer.start(); }, 60_000);
afterAll(async () => { await killAll(); redis.close(); await redis.down(); });

async function node(name: string): Promise<ServerProcess> {
  return spawnServer({ port: await freePort(), dataDir: mkdtempSync(path.join(tmpdir(), 'ww-node-')), env: { REDIS_URL: redis.url, STORE: 'redis', NODE_ID: name } });
}

describe('[H11.1] clustered: a private room is reached by its code only, through any node', () => {
  it('another node neither announces a private room nor lets it be joined, watched or described by id', async () => {
    const [a, b] = await Promise.all([node('a'), node('b')]);
    const outsider = connect(b.url);
    await outsider.connected();
    const seen: string[] = [];
    outsider.socket.onAny((event: string, ...args: unknown[]) => seen.push(`${event} ${JSON.stringify(args)}`));
    await okOf(outsider.send('lobby:watch', { on: true }));

    const host = connect(a.url);
    await host.connected();
    const grant = await okOf(host.send('room:create', { name: 'P0', settings: { name: 'Cellar', visibility: 'private', allowSpectators: true } }));
    await okOf(host.send('room:settings', { patch: { name: 'Cellar 2' } }));

    for (const url of [a.url, b.url]) {
      const stranger = connect(url);
      await stranger.connected();
      expect(await stranger.send('room:join', { roomId: grant.roomId, name: 'Eve' })).toMatchObject({ ok: false, error: { code: 'room/not-found' } });
      expect(await stranger.send('room:spectate', { roomId: grant.roomId })).toMatchObject({ ok: false, error: { code: 'room/not-found' } });
      stranger.close();
      const res = await fetch(`${url}/api/rooms/${grant.roomId}`);
      expect(res.status).toBe(404);
      expect((await (await fetch(`${url}/api/invites/${grant.code}`)).json()).room).toMatchObject({ roomId: grant.roomId, name: 'Cellar 2' });
    }
    // Through the other node, the code still opens the room.
    const guest = connect(b.url);
    await guest.connected();
    expect(await okOf(guest.send('room:join', { code: grant.code, name: 'Guest' }))).toMatchObject({ roomId: grant.roomId });

    // A public room created after: once the outsider sees it, the broadcasts before it have arrived.
    const other = connect(a.url);
    await other.connected();
    const marker = await okOf(other.send('room:create', { name: 'Q0', settings: { name: 'Marker' } }));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('marker never announced')), 10_000);
      const check = () => { if (seen.some((e) => e.includes(marker.roomId))) { clearTimeout(timer); resolve(); } else setTimeout(check, 50); };
      check();
    });
    expect(seen.filter((e) => e.includes(grant.roomId) || e.includes(grant.code))).toEqual([]);
    for (const c of [outsider, host, guest, other]) c.close();
  }, 60_000);
});
