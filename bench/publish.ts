/**
 * The send path of one room, measured in-process and steadier than the load bench: the real server
 * (createApp, memory store) in this process, one room of 10 SDK clients over websockets on 127.0.0.1
 * in a forked child, and a fixed run of votes (five seats changing their ballots in turn, so the vote
 * never closes), one command in flight at a time (or one per voter, `--concurrency`). Each vote changes every seat's view, so it is an
 * update to all ten audiences plus the ack to the voter. Printed per round, for the server's process
 * only: CPU µs per command, bytes allocated on the V8 heap per command (from a GCProfiler: growth of
 * the used heap plus what every collection freed), and socket writes per command (the net.Socket
 * write dispatches, each one write(2)/writev(2) when the kernel takes it all).
 *
 *   npx tsx bench/publish.ts [--tree DIR] [--commands 3000] [--warmup 500] [--rounds 3] [--concurrency 1] [--allocations]
 *
 * `--tree DIR` runs the server of another checkout (e.g. main's, for a before/after in one session);
 * the clients are always this tree's SDK. Run the two trees alternately: each run is its own process.
 * `--allocations` adds a round under V8's sampling heap profiler (garbage included) and prints the
 * functions that allocated most per command.
 */
import { fork } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { Session } from 'node:inspector/promises';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, dflt: string): string => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : dflt; };

type ToPlayers = { type: 'run'; n: number } | { type: 'stop' };
type FromPlayers = { type: 'ready' } | { type: 'done'; refused: number; received: number } | { type: 'failed'; message: string };

if (process.argv.includes('--players')) await players(arg('--players', ''));
else await server();

async function server(): Promise<void> {
  const tree = path.resolve(arg('--tree', root));
  const commands = Number(arg('--commands', '3000'));
  const warmup = Number(arg('--warmup', '500'));
  const rounds = Number(arg('--rounds', '3'));
  const load = (p: string) => import(pathToFileURL(path.join(tree, p)).href);
  const { createApp } = await load('server/app.ts');
  const { readConfig } = await load('server/config.ts');
  const { MemoryStore } = await load('server/store/memory.ts');
  const pino = (await import('pino')).default;

  let writes = 0;
  const proto = net.Socket.prototype as unknown as Record<'_write' | '_writev', (...a: unknown[]) => unknown>;
  for (const m of ['_write', '_writev'] as const) {
    const orig = proto[m];
    proto[m] = function (this: unknown, ...a: unknown[]) { writes++; return orig.apply(this, a); };
  }

  const config = { ...readConfig({ LOG_LEVEL: 'silent' }), port: 0, host: '127.0.0.1' };
  const unlimited = { commandsPerSecond: 1e6, commandBurst: 1e6, chatPerSecond: 1e6, chatBurst: 1e6, roomsPerMinute: 0, roomsPerMinutePerConnection: 0, botsPerMinute: 0, connectionsPerAddress: 0 };
  const app = createApp({ config, store: new MemoryStore(), log: pino({ level: 'silent' }), limits: unlimited });
  await app.restore();
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  const { port } = app.http.address() as net.AddressInfo;

  const child = fork(fileURLToPath(import.meta.url), ['--players', `http://127.0.0.1:${port}`, '--concurrency', arg('--concurrency', '1')], { execArgv: ['--import', 'tsx'], cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = () => new Promise<FromPlayers>((resolve) => child.once('message', (m: FromPlayers) => resolve(m)));
  const expect = async (type: FromPlayers['type']) => {
    const m = await next();
    if (m.type !== type) throw new Error(`players: ${JSON.stringify(m)}`);
    return m;
  };
  await expect('ready');
  child.send({ type: 'run', n: warmup } satisfies ToPlayers);
  await expect('done');

  const rows: { us: number; bytes: number; writes: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    global.gc?.();
    const gc = new v8.GCProfiler();
    const used0 = v8.getHeapStatistics().used_heap_size;
    gc.start();
    const cpu0 = process.cpuUsage();
    const writes0 = writes;
    child.send({ type: 'run', n: commands } satisfies ToPlayers);
    const done = (await expect('done')) as Extract<FromPlayers, { type: 'done' }>;
    const cpu = process.cpuUsage(cpu0);
    const w = writes - writes0;
    const stats = gc.stop();
    const used1 = v8.getHeapStatistics().used_heap_size;
    let freed = 0;
    for (const s of stats.statistics) freed += s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize;
    const row = { us: (cpu.user + cpu.system) / commands, bytes: (used1 - used0 + freed) / commands, writes: w / commands };
    rows.push(row);
    console.log(`round ${r + 1}: ${row.us.toFixed(1)} us/cmd  ${(row.bytes / 1024).toFixed(1)} KB/cmd  ${row.writes.toFixed(2)} writes/cmd  (${commands} votes, ${done.refused} refused, ${(done.received / commands).toFixed(2)} msgs/cmd received)`);
  }
  if (process.argv.includes('--allocations')) await allocations(() => { child.send({ type: 'run', n: commands } satisfies ToPlayers); return expect('done'); }, commands);
  const best = (k: 'us' | 'bytes' | 'writes') => Math.min(...rows.map((x) => x[k]));
  const median = (k: 'us' | 'bytes' | 'writes') => rows.map((x) => x[k]).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
  console.log(JSON.stringify({ tree, commands, rounds, bestUs: best('us'), medianUs: median('us'), medianBytes: median('bytes'), medianWrites: median('writes') }));
  child.send({ type: 'stop' } satisfies ToPlayers);
  await app.close();
  process.exit(0);
}

interface SampledNode { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: SampledNode[] }

/** One more round under the sampling heap profiler; the top allocating functions, per command. */
async function allocations(round: () => Promise<unknown>, commands: number): Promise<void> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  await round();
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: SampledNode } };
  session.disconnect();
  const by = new Map<string, number>();
  const walk = (n: SampledNode) => {
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(server|shared|bench|client)\//, '$1/')}:${f.lineNumber + 1}`;
    by.set(key, (by.get(key) ?? 0) + n.selfSize);
    for (const c of n.children) walk(c);
  };
  walk(profile.head);
  const total = [...by.values()].reduce((a, b) => a + b, 0);
  console.log(`sampled: ${(total / commands / 1024).toFixed(1)} KB/cmd; top functions (self):`);
  for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(v / commands).toFixed(0).padStart(7)} B  ${(100 * v / total).toFixed(1).padStart(5)}%  ${k}`);
}

/** The child: ten players in one room, in its vote phase; then votes on demand. */
async function players(url: string): Promise<void> {
  const { WerewolfClient } = await import('../client/sdk/index.ts');
  const send = (m: FromPlayers) => process.send!(m);
  try {
    const clients = Array.from({ length: 10 }, () => new WerewolfClient(url, { socket: { transports: ['websocket'] }, ackTimeoutMs: 30_000 }));
    await Promise.all(clients.map((c) => c.connected()));
    let received = 0;
    for (const c of clients) c.socket.onAny(() => { received++; });
    const durations = { night: 1, dawn: 1, day: 1, vote: 7 * 24 * 3600, execution: 1, hunter: 1 };
    const grant = await clients[0].request('room:create', { name: 'p0', settings: { visibility: 'private', durations } });
    const bySeat = new Map([[grant.seat, clients[0]]]);
    for (let i = 1; i < 10; i++) bySeat.set((await clients[i].request('room:join', { code: grant.code, name: `p${i}` })).seat, clients[i]);
    await clients[0].request('game:start', {});
    const deadline = Date.now() + 30_000;
    while (!clients.every((c) => c.state?.view.phase === 'vote')) {
      if (Date.now() > deadline) throw new Error(`no vote phase: ${clients.map((c) => c.state?.view.phase).join(',')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const alive = clients[0].state!.view.players.filter((p) => p.alive).map((p) => p.seat);
    const voters = alive.slice(0, 5);
    const targets = [alive.at(-1)!, alive.at(-2)!];
    let turn = 0;
    send({ type: 'ready' });
    process.on('message', async (m: ToPlayers) => {
      if (m.type === 'stop') process.exit(0);
      let refused = 0;
      received = 0;
      let left = m.n;
      // `--concurrency K`: K voters each keep one vote in flight (K = 1: one vote at a time in the room).
      const lane = async (k: number) => {
        for (let j = 0; left > 0; j++) {
          left--;
          const ack = await bySeat.get(voters[k])!.send('vote:cast', { target: targets[(j + k) % 2] });
          if (!ack.ok) refused++;
        }
      };
      const lanes = Math.min(voters.length, Number(arg('--concurrency', '1')));
      if (lanes === 1) {
        for (let i = 0; i < m.n; i++, turn++) {
          const ack = await bySeat.get(voters[turn % voters.length])!.send('vote:cast', { target: targets[Math.floor(turn / voters.length) % 2] });
          if (!ack.ok) refused++;
        }
      } else await Promise.all(Array.from({ length: lanes }, (_, k) => lane(k)));
      // Let the last updates land before the server stops counting.
      await new Promise((r) => setTimeout(r, 100));
      send({ type: 'done', refused, received });
    });
  } catch (err) {
    send({ type: 'failed', message: String((err as Error)?.stack ?? err) });
  }
}
