/**
 * One process of the load benchmark's fleet (forked by bench/load.ts): rooms of 10 players over
 * websockets, playing the real game at a human pace ('game') or, against the bare Socket.IO
 * baseline, sending commands at the same pace that are relayed to the room ('relay'). All ten
 * players of a room live in this process, so a command's send time and each recipient's arrival
 * time are read on one clock. No per-message logging: counters and a histogram only.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { Brain } from '../client/bot/brain.ts';
import { type Decision, say, type Strategy } from '../client/bot/decision.ts';
import { random } from '../client/bot/strategies/index.ts';
import { WerewolfClient } from '../client/sdk/index.ts';
import { Histogram, type WindowReport } from './load-stats.ts';

export interface FleetInit {
  type: 'init';
  url: string;
  mode: 'game' | 'relay';
  worker: number;
  thinkMs: [number, number];
  durations: Record<string, number>;
  /** Relay mode: commands per second per player, and the size of each relayed message. */
  rate: number;
  size: number;
}
type Msg = FleetInit | { type: 'rooms'; count: number } | { type: 'window-start' } | { type: 'window-stop' } | { type: 'stop' };

const SEATS = 10;
const FILLER = ' the village gathers at the well and argues about last night'.repeat(2);
let init: FleetInit;
const hist = new Histogram();
const loop = monitorEventLoopDelay({ resolution: 10 });
const counters = { commands: 0, refused: 0, messages: 0, bytes: 0, sampled: 0, games: 0 };
let windowStart = 0;
let cpuStart = process.cpuUsage();
let chatSeq = 0;
const rooms: (GameRoom | RelayRoom)[] = [];
const now = () => performance.now();

function countInbound(socket: Socket): void {
  socket.onAny((_event: string, payload: unknown) => {
    counters.messages++;
    // Sizes are sampled: serialising every message would cost the fleet more than the server.
    if (counters.messages % 25 === 0) { counters.bytes += JSON.stringify(payload ?? null).length; counters.sampled++; }
  });
}

const socketOpts = { transports: ['websocket'], forceNew: true, reconnectionDelay: 500, reconnectionDelayMax: 5000 };
const think = () => init.thinkMs[0] + Math.random() * (init.thinkMs[1] - init.thinkMs[0]);

/** Day chat first (tagged, so every reader's arrival is timed), then whatever `random` says. */
const fleetStrategy: Strategy = (view, turn) => {
  const you = view.you!;
  if (view.phase === 'day' && you.alive && !view.chat.some((m) => m.seat === you.seat && m.text.startsWith(`L${view.phaseId}.`))) {
    return [say(`L${view.phaseId}.${init.worker}.${++chatSeq}${FILLER}`)];
  }
  return random(view, turn);
};

interface Pending { t0: number; owner: number; everyone: boolean }

class GameRoom {
  players: GamePlayer[] = [];
  /** Commands in flight by the phase they were sent in: key → send time. */
  pending = new Map<number, Map<string, Pending>>();
  chats = new Map<string, number>();

  async open(): Promise<void> {
    const host = new GamePlayer(this, 0);
    this.players.push(host);
    await host.client.connected();
    const grant = await host.client.request('room:create', { name: 'P0', settings: { maxSeats: SEATS, visibility: 'private', durations: init.durations } });
    for (let i = 1; i < SEATS; i++) {
      const p = new GamePlayer(this, i);
      this.players.push(p);
      await p.client.connected();
      await p.client.request('room:join', { roomId: grant.roomId, name: `P${i}` });
    }
    await host.client.request('game:start', {});
  }

  sent(key: string, phaseId: number, owner: number, everyone: boolean): void {
    let m = this.pending.get(phaseId);
    if (!m) this.pending.set(phaseId, (m = new Map()));
    m.set(key, { t0: now(), owner, everyone });
    for (const old of this.pending.keys()) if (old < phaseId - 3) this.pending.delete(old);
  }

  chat(tag: string): void {
    this.chats.set(tag, now());
    if (this.chats.size > 50) this.chats.delete(this.chats.keys().next().value!);
  }

  over(): void {
    counters.games++;
    setTimeout(() => {
      const host = this.players[0].client;
      void host.send('game:reset', {}).then(() => host.send('game:start', {}));
    }, 3000);
  }

  close(): void { for (const p of this.players) p.client.close(); }
}

class GamePlayer {
  client: WerewolfClient;
  brain: Brain;
  timer: ReturnType<typeof setTimeout> | null = null;
  seen = new Set<string>();
  phase = -1;
  game = -1;
  private overGame = -1;

  constructor(private room: GameRoom, private index: number) {
    this.client = new WerewolfClient(init.url, { socket: socketOpts, ackTimeoutMs: 30_000 });
    this.brain = new Brain(fleetStrategy, init.worker * 1_000_003 + rooms.length * SEATS + index);
    countInbound(this.client.socket as unknown as Socket);
    this.client.on('state', () => this.onState());
    this.client.on('chat', (m) => {
      const tag = m.text.slice(0, m.text.indexOf(' '));
      const t0 = this.room.chats.get(tag);
      if (t0 !== undefined) hist.add(now() - t0);
    });
  }

  private hit(key: string, p: Pending | undefined): void {
    if (!p || this.seen.has(key)) return;
    this.seen.add(key);
    hist.add(now() - p.t0);
  }

  /** Time every command whose effect this recipient's view now shows, or whose phase it closed. */
  private measure(): void {
    const v = this.client.view!;
    const seat = v.you?.seat ?? -1;
    if (v.phaseId !== this.phase) {
      const closed = this.room.pending.get(this.phase);
      if (closed && v.gameNo === this.game) for (const [key, p] of closed) if (p.everyone || p.owner === seat) this.hit(key, p);
      this.seen.clear();
      this.phase = v.phaseId;
      this.game = v.gameNo;
    }
    const open = this.room.pending.get(v.phaseId);
    if (!open) return;
    for (const s of v.vote?.voted ?? []) this.hit(`v${s}`, open.get(`v${s}`));
    for (const s of v.ready) this.hit(`r${s}`, open.get(`r${s}`));
    const prompt = v.you?.prompt;
    if (v.you?.acted || (prompt?.kind === 'wolf' && prompt.current !== null)) this.hit(`n${seat}`, open.get(`n${seat}`));
  }

  private onState(): void {
    this.measure();
    const v = this.client.view!;
    if (this.index === 0 && v.phase === 'over' && v.gameNo !== this.overGame) { this.overGame = v.gameNo; this.room.over(); }
    if (!this.timer) this.timer = setTimeout(() => this.act(), think());
  }

  private act(): void {
    this.timer = null;
    const v = this.client.view;
    if (!v) return;
    const remaining = this.client.remainingMs();
    const [d] = this.brain.decide(v, remaining !== null && remaining < 1500);
    if (!d) return;
    this.send(d, v.phaseId, v.you!.seat);
    // One command per think: the rest waits for the next look at the view.
    this.timer = setTimeout(() => this.act(), think());
  }

  private send(d: Decision, phaseId: number, seat: number): void {
    // Votes and readiness show in everyone's view; a night action only in the actor's own.
    const key = d.command === 'vote:cast' ? `v${seat}` : d.command === 'day:ready' ? `r${seat}` : d.command === 'night:act' ? `n${seat}` : null;
    if (key) this.room.sent(key, phaseId, seat, key[0] !== 'n');
    else if (d.command === 'chat:send') this.room.chat(d.payload.text.slice(0, d.payload.text.indexOf(' ')));
    counters.commands++;
    void this.client.send(d.command, d.payload as never).then((res) => {
      if (res.ok) return;
      counters.refused++;
      this.brain.retry(d);
      if (key) this.room.pending.get(phaseId)?.delete(key);
    });
  }
}

class RelayRoom {
  sockets: Socket[] = [];
  pending = new Map<string, number>();
  timers: ReturnType<typeof setTimeout>[] = [];
  constructor(private name: string) {}

  async open(): Promise<void> {
    for (let i = 0; i < SEATS; i++) {
      const s = io(init.url, socketOpts);
      countInbound(s);
      s.on('msg', (p: { tag: string }) => { const t0 = this.pending.get(p.tag); if (t0 !== undefined) hist.add(now() - t0); });
      await new Promise<void>((resolve, reject) => { s.once('connect', () => resolve()); s.once('connect_error', reject); });
      await s.timeout(30_000).emitWithAck('join', { room: this.name });
      this.sockets.push(s);
      this.schedule(s);
    }
  }

  /** Commands at the same average pace as the game players, with exponential gaps. */
  private schedule(s: Socket): void {
    const gap = -Math.log(1 - Math.random()) / init.rate * 1000;
    this.timers.push(setTimeout(() => {
      const tag = `${init.worker}.${++chatSeq}`;
      this.pending.set(tag, now());
      if (this.pending.size > 200) this.pending.delete(this.pending.keys().next().value!);
      counters.commands++;
      s.timeout(30_000).emitWithAck('cmd', { tag, size: init.size }).then((r: { ok: boolean }) => { if (!r.ok) counters.refused++; }, () => { counters.refused++; });
      this.schedule(s);
    }, gap));
  }

  close(): void { for (const t of this.timers) clearTimeout(t); for (const s of this.sockets) s.close(); }
}

async function grow(count: number): Promise<void> {
  // A few rooms at a time: a burst of thousands of handshakes would measure the ramp, not the load.
  while (rooms.length < count) {
    const batch: Promise<void>[] = [];
    for (let i = 0; i < 5 && rooms.length < count; i++) {
      const room = init.mode === 'game' ? new GameRoom() : new RelayRoom(`r${init.worker}.${rooms.length}`);
      rooms.push(room);
      batch.push(room.open());
    }
    await Promise.all(batch);
  }
}

function connectedPlayers(): number {
  let n = 0;
  for (const r of rooms) {
    if (r instanceof GameRoom) { for (const p of r.players) if (p.client.socket.connected) n++; }
    else for (const s of r.sockets) if (s.connected) n++;
  }
  return n;
}

process.on('message', (msg: Msg) => {
  switch (msg.type) {
    case 'init': init = msg; loop.enable(); break;
    case 'rooms':
      grow(msg.count).then(
        () => process.send!({ type: 'ready', rooms: rooms.length, players: connectedPlayers() }),
        (err) => process.send!({ type: 'failed', message: String(err?.message ?? err) }),
      );
      break;
    case 'window-start':
      hist.clear();
      Object.assign(counters, { commands: 0, refused: 0, messages: 0, bytes: 0, sampled: 0, games: 0 });
      loop.reset();
      cpuStart = process.cpuUsage();
      windowStart = now();
      break;
    case 'window-stop': {
      const cpu = process.cpuUsage(cpuStart);
      const report: WindowReport = {
        players: connectedPlayers(), rooms: rooms.length, commands: counters.commands, refused: counters.refused,
        messages: counters.messages, bytes: counters.bytes, sampledMessages: counters.sampled, latency: hist.entries(),
        cpuSeconds: (cpu.user + cpu.system) / 1e6, loopDelayP99: loop.percentile(99) / 1e6, seconds: (now() - windowStart) / 1000, games: counters.games,
      };
      process.send!({ type: 'report', report });
      break;
    }
    case 'stop':
      for (const r of rooms) r.close();
      setTimeout(() => process.exit(0), 200);
      break;
  }
});
process.on('disconnect', () => process.exit(0));
