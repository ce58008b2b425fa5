import { connect, createServer, type Server, type Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { placingOf } from '../../server/net/gateway.ts';
import { readHead, routeKey } from '../../server/proc/head.ts';
import { roomIdFor, workerNode, workerOf, workerOfNode } from '../../server/proc/placement.ts';

describe('placement: which worker runs a room', () => {
  it('spreads uuids evenly over the workers (within 15% of a fair share at 4,000 rooms)', () => {
    for (const n of [2, 3, 8]) {
      const counts = new Array<number>(n).fill(0);
      for (let i = 0; i < 4_000; i++) counts[workerOf(randomUUID(), n)]++;
      for (const c of counts) expect(Math.abs(c - 4_000 / n) / (4_000 / n)).toBeLessThan(0.15);
    }
  });

  it('a new room id falls to the worker that asked, and is a fresh id each time', () => {
    const ids = new Set<string>();
    for (let w = 0; w < 4; w++) for (let i = 0; i < 50; i++) {
      const id = roomIdFor(w, 4, randomUUID);
      expect(workerOf(id, 4)).toBe(w);
      ids.add(id);
    }
    expect(ids.size).toBe(200);
  });

  it('one worker owns every room', () => {
    expect(workerOf(randomUUID(), 1)).toBe(0);
  });
});

describe('routing key of a handshake', () => {
  const none = { node: null, room: null, code: null, polling: false };
  it('names the node, the room by id or by invite code (normalised), polling by nothing else, and the rest not at all', () => {
    expect(routeKey('/socket.io/?room=abc&EIO=4&transport=websocket')).toEqual({ ...none, room: 'abc' });
    expect(routeKey('/socket.io/?EIO=4&code=%20ab12%20&transport=websocket')).toEqual({ ...none, code: 'AB12' });
    expect(routeKey('/socket.io/?room=abc&node=a-w1&EIO=4&transport=websocket')).toEqual({ ...none, room: 'abc', node: 'a-w1' });
    expect(routeKey('/socket.io/?EIO=4&transport=polling&t=x')).toEqual({ ...none, polling: true });
    expect(routeKey('/socket.io/?EIO=4&transport=websocket')).toEqual(none);
    expect(routeKey('/api/rooms')).toEqual(none);
  });
});

describe('a ?node= names a worker of this machine, or none', () => {
  it('maps <NODE_ID>-w<i> to worker i, and anything else (another machine, a bad index, a prefix trick) to null', () => {
    expect(workerNode('a', 1)).toBe('a-w1');
    expect(workerOfNode('a-w0', 'a', 2)).toBe(0);
    expect(workerOfNode('a-w1', 'a', 2)).toBe(1);
    for (const other of ['a-w2', 'b-w0', 'a', 'a-w', 'a-w01', 'a-w1x', 'ab-w0', 'a-w-1', 'a-w1e3']) expect(workerOfNode(other, 'a', 2)).toBeNull();
    // A machine whose NODE_ID is itself "a-w1" is not confused with worker 1 of "a" by its own workers' names.
    expect(workerOfNode(workerNode('a-w1', 0), 'a-w1', 2)).toBe(0);
  });
});

describe('what a connection\'s ?node= allows (clustered routing)', () => {
  it('no node: it may be moved and its room made anywhere; this node: made here, moved if its room moved; another node or our own bot: never moved', () => {
    expect(placingOf(undefined, false, 'a-w0')).toBe('anywhere');
    expect(placingOf('', false, 'a-w0')).toBe('anywhere');
    expect(placingOf(['a-w0', 'a-w1'], false, 'a-w0')).toBe('anywhere');
    expect(placingOf('a-w0', false, 'a-w0')).toBe('here');
    expect(placingOf('b-w1', false, 'a-w0')).toBe('placed');
    expect(placingOf(undefined, true, 'a-w0')).toBe('placed');
    expect(placingOf('a-w0', true, 'a-w0')).toBe('placed');
  });
});

describe('readHead: the first request of a connection, as the primary reads it', () => {
  let server: Server | null = null;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  /** A loopback connection: the client writes `chunks` one by one; resolves with what readHead saw. */
  async function read(chunks: string[]): Promise<{ target: string; bytes: string } | null> {
    const seen = new Promise<{ target: string; bytes: string } | null>((resolve) => {
      server = createServer((s: Socket) => void readHead(s, 2_000).then((h) => { resolve(h && { target: h.target, bytes: h.bytes.toString('latin1') }); s.destroy(); }));
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const port = (server!.address() as { port: number }).port;
    const c = connect(port, '127.0.0.1');
    c.on('error', () => {});
    for (const chunk of chunks) { c.write(chunk); await new Promise((r) => setTimeout(r, 20)); }
    const out = await seen;
    c.destroy();
    return out;
  }

  it('waits for a head split over several packets and keeps every byte to replay in the worker', async () => {
    const head = 'GET /socket.io/?room=r1&EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n';
    expect(await read([head.slice(0, 10), head.slice(10, 40), head.slice(40)])).toEqual({ target: '/socket.io/?room=r1&EIO=4&transport=websocket', bytes: head });
  });

  it('reads a declared body too (a polling POST), and gives up on what is not HTTP', async () => {
    const post = 'POST /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nContent-Length: 5\r\n\r\n';
    expect(await read([post, '40{}x'])).toEqual({ target: '/socket.io/?EIO=4&transport=polling', bytes: `${post}40{}x` });
    expect(await read(['hello\r\n\r\n'])).toBeNull();
  });
});
