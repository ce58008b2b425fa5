/**
 * The machine alone, steadier than `engine.ts --split` on a busy box: games are recorded once (the
 * bench's random actors, as engine.ts plays them), then replayed through this tree's machine and a
 * baseline's, alternating for `--rounds` rounds (best of each). CPU µs per event and the ratio.
 *
 *   npx tsx bench/machine-replay.ts --baseline DIR [--games 1000] [--rounds 10] [--preset chaos] [--types]
 *
 * `--types` adds the wall time per event type and state change (noisy: a clock read per event).
 * `--room` replays as a room steps (server/rooms/room.ts): the rules' `reject` asked first, then the
 * Decider's pure step from the last snapshot, instead of an actor's `send`.
 */
import { createActor, type AnyStateMachine } from 'xstate';
import { Decider, gameMachine, reject, viewFor, type GameContext, type GameEvent, type ViewBody, type Audience } from '../shared/game/index.ts';
import { DEFAULT_SETTINGS } from '../shared/defaults.ts';
import { settled } from '../client/bot/brain.ts';
import { mulberry32 } from '../client/bot/rng.ts';
import { toEvent } from '../client/bot/sim.ts';
import { random } from '../client/bot/strategies/index.ts';
const argv = process.argv;
const GAMES = argv.includes('--games') ? Number(argv[argv.indexOf('--games') + 1]) : 300;
const PRESET = argv.includes('--preset') ? argv[argv.indexOf('--preset') + 1] : undefined;
const BASE = argv.includes('--baseline') ? argv[argv.indexOf('--baseline') + 1] : '';
const ROUNDS = Number(argv.includes('--rounds') ? argv[argv.indexOf('--rounds') + 1] : 5);
const settings: any = { ...DEFAULT_SETTINGS, maxSeats: 10, ...(PRESET ? { preset: PRESET } : {}) };
const audiences: Audience[] = [...Array.from({ length: 10 }, (_, seat) => ({ kind: 'seat', seat }) as const), { kind: 'spectator' }];
function play(seed: number): GameEvent[] {
  const log: GameEvent[] = [];
  const rng = mulberry32(seed ^ 0x9e3779b9); const int = (n: number) => Math.floor(rng() * n);
  const actor = createActor(gameMachine, { input: { settings } }).start();
  let now = 1_000_000; const current: ViewBody[] = [];
  const send = (e: GameEvent) => { log.push(e); actor.send(e); const ctx = actor.getSnapshot().context as GameContext; for (let i = 0; i < 11; i++) current[i] = viewFor(ctx, audiences[i]); };
  for (let i = 0; i < 10; i++) send({ type: 'room.join', now, name: `P${i}` });
  send({ type: 'game.start', now, seat: 0, seed });
  const asked: number[] = [];
  while (current[10].phase !== 'over' && log.length < 2000) {
    now += 100 + int(900); asked.length = 0;
    for (let i = 0; i < 10; i++) { const p = current[i].you?.prompt; if (p && !(p.kind === 'ready' && p.done)) asked.push(i); }
    const pub = current[10];
    if (asked.length === 0 || rng() < 0.05) send({ type: 'timer.expired', now: Math.max(now, pub.deadline ?? now), phaseId: pub.phaseId });
    else if (rng() < 0.1) { let seat = int(10); while (!pub.players[seat].alive) seat = (seat + 1) % 10; send({ type: 'chat.send', now, seat, channel: pub.phase === 'night' ? 'wolves' : 'day', text: 'hello' }); }
    else { const seat = asked[int(asked.length)]; const view = { ...current[seat], version: 0 } as any; const d = random(view, { rng, urgent: false }).find((x: any) => !settled(view, x));
      if (d) send({ ...toEvent(seat, d), now } as GameEvent); else send({ type: 'timer.expired', now: Math.max(now, pub.deadline ?? now), phaseId: pub.phaseId }); }
  }
  actor.stop(); return log;
}
const logs: GameEvent[][] = []; for (let g = 0; g < GAMES; g++) logs.push(play(1 + g));
const events = logs.reduce((n, l) => n + l.length, 0);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const ROOM = argv.includes('--room');
/** A tree's machine with its Decider and `reject`, for `--room`. */
const rooms = new Map<AnyStateMachine, { d: InstanceType<typeof Decider>; reject: typeof reject }>();
function replayRoom(m: AnyStateMachine) {
  const { d, reject: rej } = rooms.get(m)!;
  const t0 = cpu(); let h = 0;
  for (const l of logs) { let s = d.initial({ settings }); for (const e of l) { if (rej(s.context as GameContext, e) === null) s = d.decide(s, e).snapshot; } h += (s.context as GameContext).version; }
  return [((cpu() - t0) * 1000) / events, h];
}
function replay(m: AnyStateMachine) { if (ROOM) return replayRoom(m); const t0 = cpu(); let h = 0; for (const l of logs) { const a = createActor(m, { input: { settings } }).start(); for (const e of l) a.send(e); h += (a.getSnapshot().context as any).version; a.stop(); } return [((cpu() - t0) * 1000) / events, h]; }
const baseTree = BASE ? await import(`${BASE}/shared/game/index.ts`) : null;
const base = baseTree ? baseTree.gameMachine : null;
rooms.set(gameMachine, { d: new Decider(gameMachine), reject });
if (baseTree) rooms.set(base, { d: new baseTree.Decider(base), reject: baseTree.reject });
replay(gameMachine); if (base) replay(base);
let a = Infinity, b = Infinity;
for (let r = 0; r < ROUNDS; r++) { const [x, hx] = replay(gameMachine); a = Math.min(a, x); if (base) { const [y, hy] = replay(base); b = Math.min(b, y); if (hx !== hy) console.log('CHECKSUM DIFFERS', hx, hy); } }
console.log(`${events} events (${(events / GAMES).toFixed(1)}/game): this ${a.toFixed(2)} µs/event` + (base ? `, base ${b.toFixed(2)}, ratio ${(a / b).toFixed(3)}` : ''));
if (argv.includes('--types')) {
  for (const [name, m] of [['this', gameMachine], ...(base ? [['base', base]] : [])] as const) {
    const sum = new Map<string, [number, number]>();
    for (let r = 0; r < 3; r++) for (const l of logs) { const a = createActor(m as AnyStateMachine, { input: { settings } }).start(); for (const e of l) { const before = String(a.getSnapshot().value); const t = performance.now(); a.send(e); const d = performance.now() - t; const k = `${e.type}@${before}->${a.getSnapshot().value}`; const s = sum.get(k) ?? [0, 0]; s[0] += d; s[1]++; sum.set(k, s); } a.stop(); }
    let tot = 0; for (const [, [d]] of sum) tot += d;
    console.log(name, 'total µs/event', (tot * 1000 / (events * 3)).toFixed(2));
    for (const [k, [d, n]] of [...sum].sort((a, b) => b[1][0] - a[1][0]).slice(0, 25)) console.log(`${k.padEnd(45)} n/game ${(n / 3 / GAMES).toFixed(1).padStart(5)} µs ${(d * 1000 / n).toFixed(1).padStart(6)} share ${(100 * d / tot).toFixed(1)}%`);
  }
}
