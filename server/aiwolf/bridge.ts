import net from 'node:net';
import { WerewolfClient } from '../../client/sdk/index.ts';
import type { SettingsPatch } from '../../shared/settings.ts';
import { nameProblem, normalizeName } from '../../shared/names.ts';
import { type Ack, fail, ok } from '../../shared/errors.ts';
import { AgentConnection, type AgentOptions } from './agent.ts';
import { bare } from './packet.ts';
import { AgentSeat } from './seat.ts';
import { Table } from './table.ts';
import { aiwolfSettings } from './village.ts';

export interface BridgeOptions {
  /** Our server's Socket.IO address, e.g. http://127.0.0.1:3000 (asked for once it listens). */
  url: () => string;
  port: number;
  host?: string;
  /** Open a room of its own whenever this many agents wait (5 or 15 for AIWolf's villages); 0: only fill seats hosts open. */
  players?: number;
  /** Per answer, in ms; at least 1000 (the agents assume the reference's second). */
  replyMs?: number;
  /** For NAME, which a cold JVM answers slowly. */
  nameMs?: number;
  maxMisses?: number;
  /** Extra Socket.IO handshake auth (the server's internal secret exempts its own clients from per-address quotas). */
  auth?: Record<string, string>;
  trace?: (conn: number, dir: 's2a' | 'a2s', line: string) => void;
  log?: (msg: string, data?: Record<string, unknown>) => void;
  random?: () => number;
  /** Settings of the rooms the bridge opens, over AIWolf's (tests shorten the phases). */
  settings?: SettingsPatch;
}

interface Waiting { agent: AgentConnection; name: string }

/**
 * The AIWolf bridge: a TCP listener that AIWolf agents dial as if it were the reference server.
 * Each agent that answers NAME waits in a pool until a seat is found for it, either in a room a
 * host opened to agents (`take`) or in a room the bridge opens itself once `players` agents
 * wait. A seated agent is a client of our own Socket.IO protocol like any bot (`bot: true`): its
 * packets come from its seat's view, its answers become that seat's commands.
 */
export class AiwolfBridge {
  readonly server: net.Server;
  private pool: Waiting[] = [];
  private tables = new Map<string, Table>();
  private conns = 0;
  private agentOpts: AgentOptions;
  private opening = false;

  constructor(private opts: BridgeOptions) {
    this.agentOpts = { replyMs: Math.max(1000, opts.replyMs ?? 1000), maxMisses: opts.maxMisses ?? 3 };
    this.server = net.createServer((socket) => void this.accept(socket));
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.opts.port, this.opts.host ?? '127.0.0.1', () => {
        const a = this.server.address();
        resolve(typeof a === 'object' && a ? a.port : this.opts.port);
      });
    });
  }

  /** Agents connected and named, not seated yet. */
  get waiting(): number { return this.pool.filter((w) => w.agent.connected).length; }

  async close(): Promise<void> {
    for (const w of this.pool) w.agent.close('bridge closing');
    for (const t of this.tables.values()) for (const s of t.seats) { s.agent.close('bridge closing'); s.client.close(); }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Seat up to `count` waiting agents in the room with this invite code; resolves with the seats taken. */
  async take(code: string, count = 1): Promise<Ack<{ seats: number[] }>> {
    const seats: number[] = [];
    for (let i = 0; i < count; i++) {
      const w = this.next();
      if (!w) break;
      const res = await this.seat(w, (c, name) => c.send('room:join', { code, name, bot: true }));
      if (!res.ok) { this.pool.unshift(w); return seats.length ? ok({ seats }) : res; }
      seats.push(res.data.seat);
    }
    return seats.length ? ok({ seats }) : fail('room/full', 'No AIWolf agent is waiting for a seat.');
  }

  /** Whether the bridge plays this seat. */
  owns(roomId: string, seat: number): boolean {
    return !!this.tables.get(roomId)?.seats.some((s) => s.seat === seat);
  }

  /** Before the game: the agent stands up and waits for another seat (it has had no INITIALIZE yet). */
  async release(roomId: string, seat: number): Promise<Ack<Record<string, never>>> {
    const table = this.tables.get(roomId);
    const s = table?.seats.find((x) => x.seat === seat);
    if (!table || !s) return fail('host/invalid-target');
    const res = await s.client.send('room:leave', {});
    if (!res.ok) return res;
    table.remove(s);
    s.client.close();
    if (s.agent.connected) this.pool.push({ agent: s.agent, name: s.agent.name });
    return ok({});
  }

  private next(): Waiting | null {
    this.pool = this.pool.filter((w) => w.agent.connected);
    return this.pool.shift() ?? null;
  }

  private async accept(socket: net.Socket): Promise<void> {
    const conn = ++this.conns;
    const trace = this.opts.trace;
    const agent = new AgentConnection(socket, { ...this.agentOpts, trace: trace ? (d, l) => trace(conn, d, l) : undefined });
    const raw = await agent.ask(bare('NAME'), Math.max(this.agentOpts.replyMs, this.opts.nameMs ?? 5000));
    if (raw === null || !agent.connected) { agent.close('no name'); return; }
    const name = normalizeName(raw).slice(0, 20);
    this.pool.push({ agent, name: name && !nameProblem(name) ? name : `agent${conn}` });
    this.opts.log?.('agent waiting', { conn, name });
    void this.maybeOpen();
  }

  /** With `players` set, a full pool becomes a room of its own, dealt and started at once. */
  private async maybeOpen(): Promise<void> {
    const n = this.opts.players ?? 0;
    if (!n || this.opening || this.waiting < n) return;
    this.opening = true;
    try {
      const group: Waiting[] = [];
      while (group.length < n) group.push(this.next()!);
      const first = await this.seat(group[0], (c, name) => c.send('room:create', { name, bot: true, settings: { ...aiwolfSettings(n), ...this.opts.settings } }));
      if (!first.ok) { this.opts.log?.('could not open a room', { code: first.error.code }); for (const w of group) w.agent.close('no room'); return; }
      const { code, client } = first.data;
      for (const w of group.slice(1)) {
        const res = await this.seat(w, (c, name) => c.send('room:join', { code, name, bot: true }));
        if (!res.ok) this.opts.log?.('an agent could not join', { code: res.error.code });
      }
      const start = await client.send('game:start', {});
      if (!start.ok) this.opts.log?.('could not start', { code: start.error.code });
    } finally {
      this.opening = false;
    }
    void this.maybeOpen();
  }

  /**
   * Connect a seat for the agent over our protocol, ask ROLE (the wish is not honoured: our deal
   * is a seeded shuffle), and hand the seat to its room's table.
   */
  private async seat(w: Waiting, sit: (c: WerewolfClient, name: string) => Promise<Ack<{ roomId: string; code: string; seat: number }>>): Promise<Ack<{ seat: number; code: string; client: WerewolfClient }>> {
    const client = new WerewolfClient(this.opts.url(), { socket: { transports: ['websocket'], forceNew: true, ...(this.opts.auth ? { auth: this.opts.auth } : {}) } });
    try { await client.connected(); } catch { client.close(); return fail('server/busy', 'The bridge could not reach the server.'); }
    let res: Ack<{ roomId: string; code: string; seat: number }> | null = null;
    for (let i = 0; i < 10; i++) {
      res = await sit(client, i === 0 ? w.name : `${w.name} ${i + 1}`);
      if (res.ok || res.error.code !== 'name/taken') break;
    }
    if (!res!.ok) { client.close(); return res as Ack<never>; }
    const { roomId, code, seat } = res!.data;
    await w.agent.ask(bare('ROLE'));
    let table = this.tables.get(roomId);
    if (!table) this.tables.set(roomId, (table = new Table({ random: this.opts.random, log: this.opts.log, done: () => this.tables.delete(roomId) })));
    const s = new AgentSeat(w.agent, client, { timeLimitMs: this.agentOpts.replyMs, seed: seedOf(roomId) });
    // A dropped agent is an idle player: its seat stays, disconnected, and our rules deal with it (R15, R40).
    w.agent.name = w.name;
    const offAgent = w.agent.on('closed', (reason) => { this.opts.log?.('agent gone', { roomId, seat, reason }); client.close(); });
    client.on('closed', () => { w.agent.close('room closed'); });
    s.release = offAgent;
    table.add(s);
    return ok({ seat, code, client });
  }
}

/** A small seed for gameSetting.randomSeed (the reference's is a Java long; ours stays exact in JSON). */
function seedOf(id: string): number {
  let h = 0;
  for (const ch of id) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return Math.abs(h);
}
