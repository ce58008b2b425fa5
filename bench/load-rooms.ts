import { io, type Socket } from 'socket.io-client';
import { Brain } from '../client/bot/brain.ts';
import { type Decision, say, type Strategy } from '../client/bot/decision.ts';
import { random } from '../client/bot/strategies/index.ts';
import { WerewolfClient } from '../client/sdk/index.ts';
import type { FleetInit } from './load-stats.ts';
import { countInbound, meter, now } from './load-meter.ts';

const SEATS = 10;
const FILLER = ' the village gathers at the well and argues about last night'.repeat(2);
const socketOpts = { transports: ['websocket'], forceNew: true, reconnectionDelay: 500, reconnectionDelayMax: 5000 };
let chatSeq = 0;

/** The fleet's settings, set once by the parent's init message. */
export const fleet = { init: null as unknown as FleetInit, rooms: 0 };
const think = () => fleet.init.thinkMs[0] + Math.random() * (fleet.init.thinkMs[1] - fleet.init.thinkMs[0]);

/** Day chat first (tagged, so every reader's arrival is timed), then whatever `random` says. */
const fleetStrategy: Strategy = (view, turn) => {
  const you = view.you!;
  if (view.phase === 'day' && you.alive && !view.chat.some((m) => m.seat === you.seat && m.text.startsWith(`L${view.phaseId}.`))) {
    return [say(`L${view.phaseId}.${fleet.init.worker}.${++chatSeq}${FILLER}`)];
  }
  return random(view, turn);
};

interface Pending { t0: number; owner: number; everyone: boolean }

export class GameRoom {
  players: GamePlayer[] = [];
  /** Commands in flight by the phase they were sent in: key → send time. */
  pending = new Map<number, Map<string, Pending>>();
  chats = new Map<string, number>();

  async open(): Promise<void> {
    const host = new GamePlayer(this, 0);
    this.players.push(host);
    await host.client.connected();
    const grant = await host.client.request('room:create', { name: 'P0', settings: { maxSeats: SEATS, visibility: 'private', durations: fleet.init.durations } });
    for (let i = 1; i < SEATS; i++) {
      const p = new GamePlayer(this, i);
      this.players.push(p);
      await p.client.connected();
      await p.client.request('room:join', { code: grant.code, name: `P${i}` });
    }
    // Seated now; the game starts a little later (FleetInit.spreadMs), without holding up the ramp.
    setTimeout(() => { void host.client.send('game:start', {}).then((res) => { if (!res.ok) meter.refused++; }); }, Math.random() * fleet.init.spreadMs);
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
    meter.games++;
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
    this.client = new WerewolfClient(fleet.init.url, { socket: socketOpts, ackTimeoutMs: 30_000 });
    this.brain = new Brain(fleetStrategy, fleet.init.worker * 1_000_003 + fleet.rooms * SEATS + index);
    countInbound(this.client.socket as unknown as Socket);
    this.client.on('state', () => this.onState());
    this.client.on('chat', (m) => {
      const tag = m.text.slice(0, m.text.indexOf(' '));
      const t0 = this.room.chats.get(tag);
      if (t0 !== undefined) meter.hist.add(now() - t0);
    });
  }

  private hit(key: string, p: Pending | undefined): void {
    if (!p || this.seen.has(key)) return;
    this.seen.add(key);
    meter.hist.add(now() - p.t0);
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
    meter.commands++;
    void this.client.send(d.command, d.payload as never).then((res) => {
      if (res.ok) return;
      meter.refused++;
      this.brain.retry(d);
      if (key) this.room.pending.get(phaseId)?.delete(key);
    });
  }
}

export class RelayRoom {
  sockets: Socket[] = [];
  pending = new Map<string, number>();
  timers: ReturnType<typeof setTimeout>[] = [];
  constructor(private name: string) {}

  async open(): Promise<void> {
    for (let i = 0; i < SEATS; i++) {
      const s = io(fleet.init.url, socketOpts);
      countInbound(s);
      s.on('msg', (p: { tag: string }) => { const t0 = this.pending.get(p.tag); if (t0 !== undefined) meter.hist.add(now() - t0); });
      await new Promise<void>((resolve, reject) => { s.once('connect', () => resolve()); s.once('connect_error', reject); });
      await s.timeout(30_000).emitWithAck('join', { room: this.name });
      this.sockets.push(s);
      this.schedule(s);
    }
  }

  /** Commands at the same average pace as the game players, with exponential gaps. */
  private schedule(s: Socket): void {
    const gap = -Math.log(1 - Math.random()) / fleet.init.rate * 1000;
    this.timers.push(setTimeout(() => {
      const tag = `${fleet.init.worker}.${++chatSeq}`;
      this.pending.set(tag, now());
      if (this.pending.size > 200) this.pending.delete(this.pending.keys().next().value!);
      meter.commands++;
      s.timeout(30_000).emitWithAck('cmd', { tag, size: fleet.init.size }).then((r: { ok: boolean }) => { if (!r.ok) meter.refused++; }, () => { meter.refused++; });
      this.schedule(s);
    }, gap));
  }

  close(): void { for (const t of this.timers) clearTimeout(t); for (const s of this.sockets) s.close(); }
}

