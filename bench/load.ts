/**
 * Load benchmark: a fleet of players in forked processes plays whole 10-player games at a human
 * pace against the real server (its own process, `tsx server/main.ts`), over websockets on
 * 127.0.0.1, ramping the number of rooms in steps; then the same fleet shape drives a bare
 * Socket.IO relay (bench/load-baseline.ts) on the same machine, for comparison.
 *
 *   npm run bench:load [-- --steps 50,100,200,400,600,800,1000,1200,1400 --duration 12 --warmup 10 --spread 10 --fleet-nice 10 --fleet 3
 *                          --workers 1,2 --stores memory,sqlite,cluster --think 1000-4000 --no-baseline --profile]
 *
 * `--workers` is the server's WORKERS (worker processes under one primary); each store runs once per value.
 *
 * Latency is measured from a command's send to the update showing its effect at every recipient
 * (see docs/performance.md). The last line printed is one JSON object with every step and the knees.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, range } from '../client/bot/args.ts';
import { type ClusterProc, haveRedis, startClusterProc } from './load-cluster.ts';
import { startServerProc, sleep, Worker } from './load-procs.ts';
import { keepProfile, summarizeProfile } from './load-profile.ts';
import { cpuSeconds, Histogram, processTree, rssBytes, type WindowReport } from './load-stats.ts';

const args = parseArgs(process.argv.slice(2));
const STEPS = (args.get('steps') ?? '50,100,200,400,600,800,1000,1200,1400').split(',').map(Number);
const DURATION = Number(args.get('duration') ?? 12);
const WARMUP = Number(args.get('warmup') ?? 10);
/** New rooms start their first game at a random moment within this many seconds (see docs/performance.md). */
const SPREAD = Number(args.get('spread') ?? 10);
/** The fleet's scheduling priority: it runs niced, so the server under test gets a core first (0: same priority). */
const FLEET_NICE = Number(args.get('fleet-nice') ?? 10);
/** Fleet processes driving the players. */
const FLEET = Number(args.get('fleet') ?? 3);
/** The server's WORKERS, an axis of the run: each store is measured once per value (the cluster with 1). */
const SERVER_WORKERS = (args.get('workers') ?? '1,2').split(',').map(Number).filter((n) => n >= 1);
// 'cluster' is two nodes and Redis on this machine: it measures clustering's overhead, not its scale.
const STORES = (args.get('stores') ?? `memory,sqlite${haveRedis() ? ',cluster' : ''}`).split(',').filter(Boolean);
const THINK = range(args.get('think') ?? '1000-4000');
const BASELINE = !args.has('no-baseline');
const PAST_KNEE = Number(args.get('past-knee') ?? 1);
const PORT = Number(args.get('port') ?? 4700);
/** Write a CPU profile of each game server and print where its time went. */
const PROFILE = args.has('profile');
const KNEE_MS = 100;
/** Human-paced phases: the game moves on as soon as everyone has answered, so these are upper bounds. */
const DURATIONS = { night: 15, dawn: 2, day: 20, vote: 15, execution: 2, hunter: 5 };

export interface Step {
  rooms: number; players: number; commandsPerSecond: number; messagesPerSecond: number; refused: number;
  p50: number | null; p95: number | null; p99: number | null; samples: number;
  serverCpu: number; serverRssMB: number; memoryPerPlayerKB: number; serverHeapMB: number; heapPerPlayerKB: number; fleetCpu: number; fleetLoopP99: number;
  avgMessageBytes: number; games: number;
  /** The machine's 1-minute load average at the end of the step: other work on the box shows here. */
  loadAverage: number;
}
interface Run { name: string; store: string; workers: number; steps: Step[]; error: string | null; kbPerPlayer: number | null; heapKbPerPlayer: number | null; profile: string | null }

/** Memory per player as the slope of server RSS over connected players across steps (least squares). */
function slopeKB(steps: Step[], mb: (s: Step) => number = (s) => s.serverRssMB): number | null {
  if (steps.length < 2) return null;
  const xs = steps.map((s) => s.players);
  const ys = steps.map((s) => mb(s) * 1024);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) { num += (xs[i] - mx) * (ys[i] - my); den += (xs[i] - mx) ** 2; }
  return den === 0 ? null : num / den;
}

const f = (x: number | null, d = 1) => (x === null ? '-' : x.toFixed(d));

function summarize(reports: WindowReport[], seconds: number, serverCpuSeconds: number, rss: number, idleRss: number, heap: number, idleHeap: number): Omit<Step, 'rooms'> {
  const h = new Histogram();
  for (const r of reports) h.merge(r.latency);
  const sum = (k: keyof WindowReport) => reports.reduce((a, r) => a + (r[k] as number), 0);
  const players = sum('players');
  return {
    players,
    commandsPerSecond: sum('commands') / seconds,
    messagesPerSecond: sum('messages') / seconds,
    refused: sum('refused'),
    p50: h.quantile(0.5), p95: h.quantile(0.95), p99: h.quantile(0.99), samples: h.n,
    serverCpu: (100 * serverCpuSeconds) / seconds,
    serverRssMB: rss / 2 ** 20,
    memoryPerPlayerKB: players ? (rss - idleRss) / players / 1024 : 0,
    serverHeapMB: heap / 2 ** 20,
    heapPerPlayerKB: players ? (heap - idleHeap) / players / 1024 : 0,
    fleetCpu: (100 * sum('cpuSeconds')) / seconds,
    fleetLoopP99: Math.max(...reports.map((r) => r.loopDelayP99)),
    avgMessageBytes: sum('sampledMessages') ? sum('bytes') / sum('sampledMessages') : 0,
    games: sum('games'),
    loadAverage: os.loadavg()[0],
  };
}

/** Server CPU per command, in µs; and its inverse, commands per CPU-second of the server (all its processes). */
const cpuPerCommandUs = (s: Step) => (s.commandsPerSecond ? (s.serverCpu / 100 / s.commandsPerSecond) * 1e6 : null);
const commandsPerCpuSecond = (s: Step) => (s.serverCpu ? s.commandsPerSecond / (s.serverCpu / 100) : null);

async function run(name: string, kind: 'game' | 'baseline', env: Record<string, string>, port: number, relay: { rate: number; size: number }): Promise<Run> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'werewolf-load-'));
  const profile = PROFILE;
  // The cluster's nodes are one process each (WORKERS=1 from the axis): without it each would start a worker per core.
  const server = name === 'cluster' ? await startClusterProc(port, { DATA_DIR: dir, WORKERS: env.WORKERS ?? '1' }) : await startServerProc(kind, port, { DATA_DIR: dir, ...env }, profile ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []);
  // Every process of the server: with WORKERS > 1 the primary and its workers.
  const pids = () => ((server as Partial<ClusterProc>).pids ?? [server.pid]).flatMap(processTree);
  const urls = (server as Partial<ClusterProc>).urls ?? [server.url];
  const cpuOf = () => pids().reduce((a, p) => a + cpuSeconds(p), 0);
  const rssOf = () => pids().reduce((a, p) => a + rssBytes(p), 0);
  const out: Run = { name, store: server.store, workers: Number(env.WORKERS ?? 1), steps: [], error: null, kbPerPlayer: null, heapKbPerPlayer: null, profile: null };
  const workers: Worker[] = [];
  try {
    await sleep(1000);
    const idleRss = rssOf();
    const idleHeap = await server.heapBytes();
    for (let w = 0; w < FLEET; w++) {
      workers.push(new Worker({ type: 'init', url: urls[w % urls.length], mode: kind === 'game' ? 'game' : 'relay', worker: w, thinkMs: THINK, durations: DURATIONS, spreadMs: SPREAD * 1000, rate: relay.rate, size: relay.size }, FLEET_NICE));
    }
    let past = -1;
    let seated = 0;
    for (const rooms of STEPS) {
      const share = (w: number) => Math.floor(rooms / FLEET) + (w < rooms % FLEET ? 1 : 0);
      // The rooms already seated keep playing while the new ones are seated, so near the knee every
      // join waits behind them: the time allowed grows with the rooms each fleet process adds.
      const seatMs = (w: number) => 180_000 + 1_000 * Math.max(0, share(w) - Math.floor(seated / FLEET));
      await Promise.all(workers.map((wk, w) => wk.rooms(share(w), seatMs(w)))).catch((err: Error) => {
        throw new Error(`could not seat ${rooms} rooms in time (${err.message}): the server answered the joins too slowly or not at all`);
      });
      await sleep(WARMUP * 1000);
      const cpu0 = cpuOf();
      const t0 = performance.now();
      for (const wk of workers) wk.start();
      await sleep(DURATION * 1000);
      const reports = await Promise.all(workers.map((wk) => wk.stop()));
      const seconds = (performance.now() - t0) / 1000;
      const cpu = cpuOf() - cpu0;
      const step: Step = { rooms, ...summarize(reports, seconds, cpu, rssOf(), idleRss, await server.heapBytes(), idleHeap) };
      out.steps.push(step);
      seated = rooms;
      console.log(`${name.padEnd(10)} ${String(rooms).padStart(5)} ${String(step.players).padStart(7)} ${f(step.commandsPerSecond, 0).padStart(7)} ${f(step.messagesPerSecond, 0).padStart(8)} ${f(step.p50).padStart(7)} ${f(step.p95).padStart(7)} ${f(step.p99).padStart(7)} ${f(step.serverCpu, 0).padStart(6)}% ${f(cpuPerCommandUs(step), 0).padStart(7)} ${f(commandsPerCpuSecond(step), 0).padStart(7)} ${f(step.memoryPerPlayerKB).padStart(8)} ${f(step.heapPerPlayerKB).padStart(7)} ${f(step.fleetCpu, 0).padStart(6)}% ${f(step.fleetLoopP99).padStart(7)} ${String(step.refused).padStart(5)} ${step.loadAverage.toFixed(1).padStart(5)}`);
      // A lone slow step (another job on the box) is not a knee: stop after consecutive ones.
      past = (step.p99 ?? 0) > KNEE_MS ? past + 1 : -1;
      if (past >= PAST_KNEE) break;
    }
  } catch (err) {
    out.error = (err as Error).message;
    console.log(`${name}: stopped: ${out.error}${server.tail() ? `\n${server.tail()}` : ''}`);
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await server.stop();
    if (profile) {
      out.profile = summarizeProfile(dir);
      console.log(`profile of the ${name} server over the whole run:\n${out.profile}`);
      const kept = keepProfile(dir, name);
      if (kept) console.log(`profile kept in ${kept} (open it in Chrome DevTools' Performance panel)`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  out.kbPerPlayer = slopeKB(out.steps);
  out.heapKbPerPlayer = slopeKB(out.steps, (s) => s.serverHeapMB);
  return out;
}

/**
 * The knee: the first step from which p99 stays above 100 ms to the end of the run; capacity: the
 * last step before it. A slow step followed by fast ones was noise, not the knee.
 */
function knee(r: Run): { knee: Step | null; capacity: Step | null } {
  let i = r.steps.length;
  while (i > 0 && (r.steps[i - 1].p99 ?? Infinity) > KNEE_MS) i--;
  const k = i < r.steps.length ? r.steps[i] : null;
  return { knee: k, capacity: i > 0 ? r.steps[i - 1] : null };
}

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`load: steps ${STEPS.join(',')} rooms of 10, ${WARMUP}+${DURATION} s each, first games spread over ${SPREAD} s, fleet niced ${FLEET_NICE}, ${FLEET} fleet processes, server WORKERS ${SERVER_WORKERS.join(',')}, think ${THINK.join('-')} ms, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), node ${process.version}`);
  console.log('server      rooms players   cmd/s    msg/s  p50 ms  p95 ms  p99 ms    cpu  us/cmd cmd/cpu-s KB/plyr heap KB  fleet  loop99 refused load');
  const runs: Run[] = [];
  let port = PORT;
  for (const store of STORES) {
    // The cluster is two nodes of one process each: its axis is nodes, not workers.
    for (const w of store === 'cluster' ? [1] : SERVER_WORKERS) {
      runs.push(await run(store === 'cluster' ? store : `${store} w${w}`, 'game', { STORE: store, WORKERS: String(w) }, port, { rate: 0, size: 0 }));
      port += 2;
    }
  }
  if (BASELINE) {
    // The baseline's players send at the pace the game's players did at the lightest step, and
    // each relayed message is the size of an average message the game's players received.
    const first = runs.find((r) => r.steps.length)?.steps[0];
    const rate = first && first.players ? first.commandsPerSecond / first.players : 0.25;
    const size = Math.round(first?.avgMessageBytes || 600);
    runs.push(await run('baseline', 'baseline', {}, port++, { rate, size }));
  }
  const base = runs.find((r) => r.name === 'baseline');
  console.log('\nvs the baseline at the same number of rooms (ratio game / bare Socket.IO):');
  console.log('server     rooms  cmd/s x   p99 x   cpu x  KB/player x  heap/player x');
  for (const r of runs) {
    if (r === base || !base) continue;
    for (const s of r.steps) {
      const b = base.steps.find((x) => x.rooms === s.rooms);
      if (!b) continue;
      const ratio = (a: number | null, c: number | null) => (a === null || c === null || c === 0 ? '-' : (a / c).toFixed(2));
      console.log(`${r.name.padEnd(9)} ${String(s.rooms).padStart(6)} ${ratio(s.commandsPerSecond, b.commandsPerSecond).padStart(8)} ${ratio(s.p99, b.p99).padStart(7)} ${ratio(s.serverCpu, b.serverCpu).padStart(7)} ${ratio(s.memoryPerPlayerKB, b.memoryPerPlayerKB).padStart(12)} ${ratio(s.heapPerPlayerKB, b.heapPerPlayerKB).padStart(14)}`);
    }
  }
  // Clustering's price: server CPU (both nodes and Redis) per command, next to one node's.
  const cluster = runs.find((r) => r.name === 'cluster');
  for (const single of runs.filter((r) => r !== base && r.name !== 'cluster' && r.workers === 1)) {
    for (const s of cluster?.steps ?? []) {
      const o = single.steps.find((x) => x.rooms === s.rooms);
      if (!o || !s.commandsPerSecond || !o.commandsPerSecond) continue;
      const us = (x: Step) => (x.serverCpu / 100 / x.commandsPerSecond) * 1e6;
      console.log(`cpu per command at ${s.rooms} rooms: cluster ${f(us(s), 0)} us vs ${single.name} ${f(us(o), 0)} us (+${f(us(s) - us(o), 0)} us for forwarding, the adapter and Redis); p99 ${f(s.p99)} vs ${f(o.p99)} ms`);
    }
  }
  // The CPU-only measure: commands per CPU-second of the server, whatever the fleet beside it does.
  console.log('\ncommands per server CPU-second (all server processes), by WORKERS, at the same number of rooms:');
  for (const store of STORES.filter((s) => s !== 'cluster')) {
    const one = runs.find((r) => r.name === `${store} w1`);
    for (const r of runs.filter((x) => x.name.startsWith(`${store} w`) && x !== one)) {
      for (const s of r.steps) {
        const o = one?.steps.find((x) => x.rooms === s.rooms);
        const a = commandsPerCpuSecond(s);
        const b = o ? commandsPerCpuSecond(o) : null;
        console.log(`${store} at ${s.rooms} rooms: w1 ${f(b, 0)}, ${r.name.split(' ')[1]} ${f(a, 0)} cmd per CPU-s (${a && b ? (a / b).toFixed(2) : '-'}x); cmd/s ${f(o?.commandsPerSecond ?? null, 0)} vs ${f(s.commandsPerSecond, 0)}, p99 ${f(o?.p99 ?? null)} vs ${f(s.p99)} ms`);
      }
      // The same per-worker load: N workers at N x the rooms of one process's step, so each worker
      // carries what the single process carried and fixed costs weigh the same (weak scaling).
      const n = Number(r.name.split(' w')[1]);
      for (const o of one?.steps ?? []) {
        const s = r.steps.find((x) => x.rooms === o.rooms * n);
        const a = s ? commandsPerCpuSecond(s) : null;
        const b = commandsPerCpuSecond(o);
        if (a && b) console.log(`${store} per-worker load ${o.rooms} rooms: w1 at ${o.rooms} ${f(b, 0)}, w${n} at ${s!.rooms} ${f(a, 0)} cmd per CPU-s: capacity scaling ${n} x ${(a / b).toFixed(2)} = ${((n * a) / b).toFixed(2)}x`);
      }
    }
  }
  if (base) {
    for (const r of runs) {
      if (r === base) continue;
      for (const s of r.steps) {
        const b = base.steps.find((x) => x.rooms === s.rooms);
        const a = cpuPerCommandUs(s);
        const c = b ? cpuPerCommandUs(b) : null;
        if (a && c) console.log(`cpu per command at ${s.rooms} rooms, ${r.name} / baseline: ${f(a, 0)} / ${f(c, 0)} us = ${(a / c).toFixed(2)}`);
      }
    }
  }
  const knees: Record<string, unknown> = {};
  for (const r of runs) {
    const k = knee(r);
    knees[r.name] = { kneeRooms: k.knee?.rooms ?? null, kneePlayers: k.knee?.players ?? null, capacityRooms: k.capacity?.rooms ?? null, capacityCommandsPerSecond: k.capacity?.commandsPerSecond ?? null };
    const where = k.knee ? `p99 passes ${KNEE_MS} ms at ${k.knee.rooms} rooms (${k.knee.players} players, ${f(k.knee.commandsPerSecond, 0)} cmd/s)` : `p99 stays under ${KNEE_MS} ms up to ${r.steps.at(-1)?.rooms ?? 0} rooms`;
    console.log(`knee ${r.name} (store ${r.store}): ${where}; last step within: ${k.capacity ? `${k.capacity.rooms} rooms, ${f(k.capacity.commandsPerSecond, 0)} cmd/s` : 'none'}; server memory per player (slope over the steps) ${f(r.kbPerPlayer)} KB RSS, ${f(r.heapKbPerPlayer)} KB heap`);
  }
  if (base) {
    const b = knee(base).capacity;
    for (const r of runs) {
      const c = r === base ? null : knee(r).capacity;
      if (r !== base && b && c) console.log(`throughput within ${KNEE_MS} ms p99, ${r.name} / baseline: ${f(c.commandsPerSecond, 0)} / ${f(b.commandsPerSecond, 0)} cmd/s = ${(c.commandsPerSecond / b.commandsPerSecond).toFixed(2)}${knee(base).knee ? '' : ' (the baseline never passed the knee: a lower bound of its capacity)'}`);
    }
  }
  for (const r of runs) {
    if (r === base || !base?.kbPerPlayer || !r.kbPerPlayer) continue;
    console.log(`memory per player, ${r.name} / baseline: ${(r.kbPerPlayer / base.kbPerPlayer).toFixed(2)} (RSS), ${base.heapKbPerPlayer && r.heapKbPerPlayer ? (r.heapKbPerPlayer / base.heapKbPerPlayer).toFixed(2) : '-'} (heap)`);
  }
  console.log(`total ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(JSON.stringify({ steps: STEPS, durationS: DURATION, warmupS: WARMUP, spreadS: SPREAD, fleetNice: FLEET_NICE, fleet: FLEET, serverWorkers: SERVER_WORKERS, thinkMs: THINK, cores: os.cpus().length, node: process.version, runs, knees }));
}

main().catch((err) => { console.error(err); process.exit(1); });
