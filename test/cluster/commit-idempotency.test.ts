import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Room } from '../../server/rooms/room.ts';
import { restoreRoom } from '../../server/rooms/restore.ts';
import { RedisStore, SeqConflictError } from '../../server/store/redis.ts';
import { joinEvent, storedRoom } from '../helpers/durability/fixtures.ts';
import { RedisServer } from '../helpers/redis.ts';
import { fastSettings, roomDeps, settle } from '../helpers/rooms.ts';

let redis: RedisServer;
beforeAll(async () => { redis = await RedisServer.start(); }, 60_000);
afterAll(async () => { redis.close(); await redis.down(); });
afterEach(async () => { await redis.client().flushall(); });

const TOKEN = 'test-node|t0k3n';

/** A client whose next `drops` EVALs run in Redis but whose replies are lost (the caller sees an error). */
function lossy(r: Redis): { client: Redis; drop(n?: number): void } {
  let drops = 0;
  const client = new Proxy(r, {
    get(target, prop, receiver) {
      if (prop !== 'eval') return Reflect.get(target, prop, receiver);
      return async (...args: unknown[]) => {
        const res = await (target.eval as (...a: unknown[]) => Promise<unknown>)(...args);
        if (drops > 0) { drops--; throw new Error('Connection is closed.'); }
        return res;
      };
    },
  });
  return { client, drop: (n = 1) => { drops += n; } };
}

async function seqs(roomId: string): Promise<number[]> {
  return (await redis.client().lrange(`ww:events:${roomId}`, 0, -1)).map((x) => (JSON.parse(x) as { seq: number }).seq);
}

describe('[H11.5] a commit keyed by seq: a lost reply never makes a duplicate or a conflicting seq', () => {
  it('[D10] the store accepts a re-sent commit of the same seq and event, and refuses another event at that seq', async () => {
    const r = redis.client();
    await r.set('ww:lease:a', TOKEN, 'PX', 60_000);
    const store = new RedisStore(r, () => TOKEN);
    const one = storedRoom('a', { seq: 1 });
    await store.commit(one, joinEvent(1));
    await store.commit(one, joinEvent(1)); // the same commit again, as after a lost reply
    expect(await seqs('a')).toEqual([1]);
    await expect(store.commit({ ...one, updatedAt: 2000 }, joinEvent(99))).rejects.toBeInstanceOf(SeqConflictError);
    // A gap (seq 3 while the log ends at 1) is refused as well.
    await expect(store.commit(storedRoom('a', { seq: 3 }), joinEvent(3))).rejects.toBeInstanceOf(SeqConflictError);
    expect(await seqs('a')).toEqual([1]);
    expect((await store.events('a', 0))[0].event).toEqual(joinEvent(1));
    expect((await store.loadRoom('a'))!.updatedAt).toBe(one.updatedAt);
  });

  it('[D10] a room whose commit ran but whose reply was lost does not reuse the seq: the next command halts the copy and the log keeps the committed event once', async () => {
    const r = redis.client();
    const { client, drop } = lossy(r);
    const conflicts: string[] = [];
    const store = new RedisStore(client, () => TOKEN, (id) => conflicts.push(id));
    const deps = roomDeps({ store });
    const room = Room.create(deps, { crashed() {}, changed() {} }, { roomId: 'r1', code: 'CODE1', settings: fastSettings() });
    await r.set('ww:lease:r1', TOKEN, 'PX', 60_000);
    expect((await room.submit({ type: 'join', name: 'Ada' })).ok).toBe(true);
    drop();
    // Redis appended seq 2 (Bob) but the reply was lost: the room cannot tell, refuses and undoes it in memory.
    const lost = await room.submit({ type: 'join', name: 'Bob' });
    expect(lost).toMatchObject({ ok: false, error: { code: 'room/unavailable' } });
    expect(await seqs('r1')).toEqual([1, 2]);
    // The next command would reuse seq 2 with another event: refused, and this copy halts instead of diverging.
    const next = await room.submit({ type: 'join', name: 'Cid' });
    expect(next).toMatchObject({ ok: false, error: { code: 'room/unavailable' } });
    expect(conflicts).toEqual(['r1']);
    expect(room.closed).toBe(true);
    expect(await seqs('r1')).toEqual([1, 2]);
    // Loaded again from the store (what the owner node does on a conflict), the room has Bob and carries on at seq 3.
    const again = await restoreRoom(roomDeps({ store: new RedisStore(r, () => TOKEN) }), { crashed() {}, changed() {} }, (await store.loadRoom('r1'))!);
    if (!('room' in again)) throw new Error(`not restored: ${again.reason}`);
    expect(again.room.context.players.map((p) => p.name)).toEqual(['Ada', 'Bob']);
    expect((await again.room.submit({ type: 'join', name: 'Cid' })).ok).toBe(true);
    await settle();
    // Restoring also logs the players' disconnections; every seq is there once, in order, and each join once.
    const log = await seqs('r1');
    expect(log).toEqual(log.map((_, i) => i + 1));
    const joins = (await r.lrange('ww:events:r1', 0, -1)).map((x) => (JSON.parse(x) as { event: { type: string; name?: string } }).event).filter((e) => e.type === 'room.join').map((e) => e.name);
    expect(joins).toEqual(['Ada', 'Bob', 'Cid']);
  });
});
