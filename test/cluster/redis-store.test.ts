import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FencedError } from '../../server/store/types.ts';
import { RedisStore } from '../../server/store/redis.ts';
import type { Store } from '../../server/store/types.ts';
import { storeContract } from '../helpers/durability/contract.ts';
import { storedRoom } from '../helpers/durability/fixtures.ts';
import { RedisServer } from '../helpers/redis.ts';

let redis: RedisServer;
beforeAll(async () => { redis = await RedisServer.start(); }, 60_000);
afterAll(async () => { redis.close(); await redis.down(); });
afterEach(async () => { await redis.client().flushall(); });

const TOKEN = 'test-node|t0k3n';

/** A Redis store whose writer holds every room's lease, as a room's owner node does. */
function owned(): Store {
  const r = redis.client();
  const store = new RedisStore(r, () => TOKEN);
  const commit = store.commit.bind(store);
  store.commit = async (room, event) => {
    await r.set(`ww:lease:${room.roomId}`, TOKEN, 'PX', 60_000);
    return commit(room, event);
  };
  return store;
}

describe('Store contract: redis', () => storeContract(owned));

describe('Redis store fencing', () => {
  it('[D10] refuses a write from a node that does not hold the lease, and writes nothing', async () => {
    const r = redis.client();
    await r.set('ww:lease:a', 'other-node|zzz', 'PX', 60_000);
    const store = new RedisStore(r, () => TOKEN);
    await expect(store.commit(storedRoom('a', { seq: 1 }), null)).rejects.toBeInstanceOf(FencedError);
    expect(await store.loadRoom('a')).toBeNull();
    const none = new RedisStore(r, () => undefined);
    await expect(none.commit(storedRoom('b', { seq: 1 }), null)).rejects.toBeInstanceOf(FencedError);
  });
});
