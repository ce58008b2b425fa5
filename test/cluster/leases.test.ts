import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Leases } from '../../server/cluster/leases.ts';
import { RedisServer } from '../helpers/redis.ts';

let redis: RedisServer;
beforeAll(async () => { redis = await RedisServer.start(); }, 60_000);
afterAll(async () => { redis.close(); await redis.down(); });
afterEach(async () => { await redis.client().flushall(); });

describe('[H11 stale reads] a lease is trusted by the local clock only', () => {
  it('is trusted until renewedAt + ttl - margin, is renewed by confirm() when still held in Redis, and is given up when gone', async () => {
    let now = 1_000;
    const lost: string[] = [];
    const leases = new Leases(redis.client(), 'n1-abc', 4_000, pino({ level: 'silent' }), (id) => lost.push(id), () => now);
    expect(await leases.acquire('r')).toBe(true);
    expect(leases.trusted('r')).toBe(true);
    // Past ttl - margin (4 s - 1 s) by this node's clock, as after a pause: not trusted, though still held.
    now += 3_000;
    expect(leases.owns('r')).toBe(true);
    expect(leases.trusted('r')).toBe(false);
    // Still ours in Redis: confirm() renews it, and the trust runs from that renewal.
    expect(await leases.confirm('r')).toBe(true);
    now += 2_900;
    expect(leases.trusted('r')).toBe(true);
    // Taken by another node meanwhile: confirm() finds out, gives it up and reports it lost.
    await redis.client().set('ww:lease:r', 'n2-def|x', 'PX', 4_000);
    now += 1_000;
    expect(await leases.confirm('r')).toBe(false);
    expect(leases.owns('r')).toBe(false);
    expect(lost).toEqual(['r']);
  });
});
