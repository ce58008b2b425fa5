import { type ChildProcess, fork } from 'node:child_process';
import { timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Socket } from 'node:net';
import type { Logger } from 'pino';
import { AggregatorRegistry } from 'prom-client';
import type { Config } from '../config.ts';
import { prepareStore } from './store.ts';
import { Lobby } from './lobby.ts';
import { readHead, routeKey } from './head.ts';
import { Link } from './link.ts';
import { workerNode, workerOf, workerOfNode } from './placement.ts';
import { SharedQuotas } from './quotas.ts';

interface Worker {
  index: number;
  child: ChildProcess | null;
  link: Link | null;
  ready: boolean;
  /** Connections for this worker that arrived while it was (re)starting: handed over once it is ready. */
  waiting: { socket: Socket; bytes: Buffer; at: number }[];
  /**
   * Sockets given to child.send but not yet written to the channel: Node queues a handle while the
   * previous one awaits its ack, and drops the queue without closing it when the child dies.
   */
  inFlight: Set<Socket>;
}

/** How long a connection waits for its worker to come back before it is closed (the client reconnects). */
const WAIT_MS = 10_000;

/**
 * The primary of WORKERS=N: it supervises the workers, routes each connection to the worker of
 * the room it names, and keeps the one lobby (every worker's room summaries and invite codes).
 * It runs no room and no game code: a crash in game code can take down one worker, never it.
 */
export async function runPrimary(config: Config, log: Logger): Promise<void> {
  const n = config.workers;
  if (config.store === 'sqlite' && !config.redisUrl) prepareStore(config.dataDir);
  const lobby = new Lobby();
  const quotas = new SharedQuotas(config);
  const workers: Worker[] = Array.from({ length: n }, (_, index) => ({ index, child: null, link: null, ready: false, waiting: [], inFlight: new Set<Socket>() }));
  const restarts: number[] = [];
  let closing = false;
  let next = 0;

  const shutdown = async (code: number) => {
    if (closing) return;
    closing = true;
    router.close();
    metricsHttp?.close();
    const force = setTimeout(() => { for (const w of workers) w.child?.kill('SIGKILL'); process.exit(code || 1); }, 12_000);
    force.unref();
    await Promise.all(workers.map((w) => new Promise<void>((resolve) => {
      if (!w.child || w.child.exitCode !== null || w.child.signalCode !== null) return resolve();
      w.child.once('exit', () => resolve());
      w.child.kill('SIGTERM');
    })));
    log.info('every worker drained; exiting');
    process.exit(code);
  };

  const start = (w: Worker) => {
    const child = fork(process.argv[1], process.argv.slice(2), { env: { ...process.env, WORKER_INDEX: String(w.index), WORKERS: String(n), NODE_ID: workerNode(config.nodeId, w.index) } });
    const link = new Link(child, `worker ${w.index}`);
    // A send to a worker that just died is an 'error' event, not a throw: without a listener it would end the primary.
    child.on('error', (err) => log.warn({ worker: w.index, err: err.message }, 'worker channel error'));
    Object.assign(w, { child, link, ready: false });
    lobby.serve(link, w.index, (event, payload) => {
      for (const other of workers) if (other !== w && other.ready && lobby.watching(other.index)) other.link?.cast('lobby', { event, payload });
    });
    quotas.serve(link, w.index);
    link.handle('metrics', () => metricsText());
    link.handle('health', () => ({ workers: workers.filter((x) => x.ready).length, of: n, rooms: lobby.count() }));
    link.onCast('ready', () => {
      w.ready = true;
      log.info({ worker: w.index, pid: child.pid }, 'worker ready');
      for (const c of w.waiting.splice(0)) hand(w, c.socket, c.bytes);
      readyOnce();
    });
    child.once('exit', (code, signal) => {
      link.failAll(`worker ${w.index} exited`);
      quotas.gone(w.index);
      // Their clients would wait for ever on a connection nobody holds: close them, they reconnect.
      for (const s of w.inFlight) s.destroy();
      w.inFlight.clear();
      w.ready = false;
      w.child = null;
      if (closing) return;
      // The intensity limit of the room supervisor, one level up: past it, the whole server stops
      // (and whatever runs it, systemd or a container, decides), rather than restart for ever.
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && restarts[0] < now - config.restartWindowMs) restarts.shift();
      if (restarts.length > config.restartMax) {
        log.fatal({ worker: w.index, code, signal, restarts: restarts.length }, 'workers keep dying; stopping the server');
        void shutdown(1);
        return;
      }
      log.error({ worker: w.index, code, signal }, 'worker died; starting it again (its rooms come back from the store)');
      start(w);
    });
  };

  const hand = (w: Worker, socket: Socket, bytes: Buffer) => {
    if (!w.ready || !w.child) {
      w.waiting.push({ socket, bytes, at: Date.now() });
      return;
    }
    w.inFlight.add(socket);
    try {
      w.child.send({ t: 'conn', bytes: bytes.toString('base64') }, socket, { keepOpen: false }, (err) => {
        w.inFlight.delete(socket);
        if (err) socket.destroy();
      });
    } catch {
      w.inFlight.delete(socket);
      socket.destroy();
    }
  };

  const pick = (target: string, socket: Socket): Worker => {
    const key = routeKey(target);
    // Clustered, the node a room's lease is on (what room/elsewhere names) outranks the placement function.
    const named = key.node === null ? null : workerOfNode(key.node, config.nodeId, n);
    if (named !== null) return workers[named];
    if (key.room) return workers[workerOf(key.room, n)];
    if (key.code) {
      const roomId = lobby.roomOfCode(key.code);
      if (roomId) return workers[workerOf(roomId, n)];
    }
    if (key.polling) return workers[workerOf(socket.remoteAddress ?? '', n)];
    // Anything else (a lobby connection, the HTTP API, the page): whichever ready worker is next.
    for (let i = 0; i < n; i++) {
      const w = workers[(next + i) % n];
      if (w.ready) { next = (w.index + 1) % n; return w; }
    }
    return workers[next++ % n];
  };

  const router = createServer({ pauseOnConnect: false }, (socket) => {
    socket.on('error', () => socket.destroy());
    void readHead(socket).then((head) => {
      if (!head || closing) return void socket.destroy();
      hand(pick(head.target, socket), socket, head.bytes);
    });
  });
  const sweeper = setInterval(() => {
    const old = Date.now() - WAIT_MS;
    for (const w of workers) w.waiting = w.waiting.filter((c) => (c.at < old ? (c.socket.destroy(), false) : true));
  }, 1_000);
  sweeper.unref();

  const metricsText = async (): Promise<string> => {
    const parts = await Promise.all(workers.filter((w) => w.ready && w.link).map((w) => w.link!.request<object[]>('metricsJson').catch(() => null)));
    return AggregatorRegistry.aggregate(parts.filter((p): p is object[] => p !== null) as never).metrics();
  };
  const metricsHttp = config.metricsPort === undefined ? null : createHttpServer((req, res) => {
    const auth = config.metricsToken ? `Bearer ${config.metricsToken}` : null;
    if (req.url?.split('?')[0] !== '/metrics') { res.writeHead(404, { 'Content-Type': 'application/json' }); return void res.end('{"error":{"code":"http/not-found","message":"Not found."}}'); }
    if (auth && !sameSecret(req.headers.authorization, auth)) { res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer' }); return void res.end('{"error":{"code":"http/unauthorized","message":"This endpoint needs `Authorization: Bearer <token>`."}}'); }
    void metricsText().then((text) => { res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' }); res.end(text); }, () => { res.writeHead(500); res.end(); });
  });

  // Listen once every worker has restored its rooms, as a single process listens after its restore.
  let waitingFor = n;
  let listening = false;
  const readyOnce = () => {
    if (listening || --waitingFor > 0) return;
    listening = true;
    router.listen(config.port, config.host, () => {
      const addr = router.address();
      const port = typeof addr === 'object' && addr ? addr.port : config.port;
      log.info({ port, workers: n, store: config.redisUrl ? 'redis' : config.store }, `Werewolf lobby on http://localhost:${port}`);
      // Connections reach the workers from now: their restored rooms' grace starts now (D3).
      for (const w of workers) w.link?.cast('serving', null);
    });
    metricsHttp?.listen(config.metricsPort, config.metricsHost);
  };

  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGINT', () => void shutdown(0));
  for (const w of workers) start(w);
}

function sameSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
