import { type ClientOptions, CommandError, type CommandResults, type GameView, type Outcome, type SeatGrant, type SettingsPatch, WerewolfClient } from '../sdk/index.ts';
import { Emitter } from '../sdk/emitter.ts';
import { Brain } from './brain.ts';
import type { Decision, Strategy } from './decision.ts';

export interface BotOptions {
  strategy: Strategy;
  seed?: number;
  /** Think time before answering, in ms, drawn between the two bounds; never past the deadline. */
  thinkMs?: [number, number];
  client?: ClientOptions;
}

type BotEvents = {
  /** A command refused for no reason the bot's view shows: a protocol error (a bug here or on the server). */
  error: (err: CommandError) => void;
  /** The game ended. */
  over: (outcome: Outcome, view: GameView) => void;
  /** The room was closed, or the host removed the bot. */
  gone: (reason: string) => void;
};

/** Refusals that are always a bug in the client, whatever the view says. */
const NEVER_OK = new Set(['input/invalid', 'input/unknown-command', 'input/too-large', 'rate/limited', 'protocol/version']);

/**
 * A bot: a WerewolfClient that answers its prompts with a strategy. It asks the strategy whenever
 * its view changes, sends what is not done yet after a think time, and asks once more, urgently,
 * shortly before the deadline. When the connection drops, the SDK takes the seat back with its
 * token and the bot goes on from the fresh view.
 *
 * @example
 *   const bot = await Bot.connect('http://localhost:3000', { strategy: smart });
 *   await bot.join({ code: 'K7WQ3MZ2PA' }, 'Ada', { bot: true });
 *   const outcome = await bot.gameOver();
 */
export class Bot extends Emitter<BotEvents> {
  readonly client: WerewolfClient;
  readonly brain: Brain;
  readonly errors: CommandError[] = [];
  private think: [number, number];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private urgentTimer: ReturnType<typeof setTimeout> | null = null;
  private urgentPhase = -1;
  private running = false;
  private dirty = false;
  private closed = false;
  private away = false;
  private lastOver = -1;
  private rand: () => number;

  constructor(client: WerewolfClient, opts: BotOptions) {
    super();
    this.client = client;
    const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
    this.brain = new Brain(opts.strategy, seed);
    this.think = opts.thinkMs ?? [0, 0];
    let s = seed ^ 0x2545f491;
    this.rand = () => { s = (Math.imul(s, 1103515245) + 12345) | 0; return ((s >>> 8) & 0xffff) / 0x10000; };
    // After a drop the seat is ours again only once the resume brought a fresh state.
    client.on('connection', (status) => { if (status !== 'connected') this.away = true; });
    client.on('state', (st) => {
      this.away = false;
      if (st.view.phase === 'over' && st.view.outcome && st.view.gameNo !== this.lastOver) {
        this.lastOver = st.view.gameNo;
        this.fire('over', st.view.outcome, st.view);
      }
      this.wake();
    });
    client.on('closed', (reason) => this.gone(reason));
    client.on('notice', (n) => { if (n.code === 'room/kicked') this.gone(n.message); });
  }

  static async connect(url: string, opts: BotOptions): Promise<Bot> {
    const client = new WerewolfClient(url, { ...opts.client, socket: { transports: ['websocket'], ...opts.client?.socket } });
    await client.connected();
    return new Bot(client, opts);
  }

  get view(): GameView | null { return this.client.view; }
  get seat(): number | null { return this.client.view?.you?.seat ?? null; }

  create(name: string, settings?: SettingsPatch): Promise<SeatGrant> {
    return this.client.request('room:create', { name, ...(settings ? { settings } : {}) });
  }

  /** Take a seat by room id or invite code; `bot: true` shows the seat as a bot to the others. */
  join(room: { roomId: string } | { code: string }, name: string, opts: { bot?: boolean } = {}): Promise<SeatGrant> {
    return this.client.request('room:join', { ...room, name, ...(opts.bot ? { bot: true } : {}) });
  }

  async rooms(): Promise<CommandResults['room:list']['rooms']> {
    return (await this.client.request('room:list', {})).rooms;
  }

  async leave(): Promise<void> {
    await this.client.request('room:leave', {});
  }

  /** Resolves with the outcome of the game in progress (or of the next one) once it is over. */
  gameOver(timeoutMs = 10 * 60_000): Promise<Outcome> {
    const v = this.client.view;
    if (v?.phase === 'over' && v.outcome) return Promise.resolve(v.outcome);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => { off(); offGone(); reject(new Error(`the game did not end within ${timeoutMs} ms`)); }, timeoutMs);
      const off = this.on('over', (o) => { clearTimeout(t); off(); offGone(); resolve(o); });
      const offGone = this.on('gone', (r) => { clearTimeout(t); off(); offGone(); reject(new Error(r)); });
    });
  }

  close(): void {
    this.closed = true;
    this.clearTimers();
    this.client.close();
  }

  private gone(reason: string): void {
    this.clearTimers();
    this.fire('gone', reason);
  }

  private clearTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.urgentTimer) clearTimeout(this.urgentTimer);
    this.timer = this.urgentTimer = null;
  }

  /** The view changed: think, then act on the view as it is by then. */
  private wake(): void {
    if (this.closed) return;
    if (this.running || this.timer) { this.dirty = true; return; }
    const remaining = this.client.remainingMs();
    const [lo, hi] = this.think;
    let ms = lo + (hi - lo) * this.rand();
    if (remaining !== null) ms = Math.min(ms, Math.max(0, remaining - this.margin()));
    this.timer = setTimeout(() => { this.timer = null; void this.pass(false); }, ms);
    this.armUrgent();
  }

  /** How long before the deadline the urgent pass runs: a quarter of the phase, 200 ms to 3 s. */
  private margin(): number {
    const v = this.client.view;
    const seconds = v ? (v.settings.durations as Record<string, number>)[v.phase] ?? 1 : 1;
    return Math.min(3000, Math.max(200, seconds * 250));
  }

  private armUrgent(): void {
    const v = this.client.view;
    if (!v || v.phaseId === this.urgentPhase) return;
    if (this.urgentTimer) clearTimeout(this.urgentTimer);
    this.urgentTimer = null;
    this.urgentPhase = v.phaseId;
    const remaining = this.client.remainingMs();
    if (remaining === null || !v.you?.alive && v.phase !== 'hunter') return;
    this.urgentTimer = setTimeout(() => { this.urgentTimer = null; void this.pass(true); }, Math.max(0, remaining - this.margin()));
  }

  private async pass(urgent: boolean): Promise<void> {
    if (this.closed || this.running) { this.dirty = true; return; }
    this.running = true;
    this.dirty = false;
    try {
      const view = this.client.view;
      // Offline: the next view re-arms the urgent pass, which may be due at once by then.
      if (!view || !this.client.socket.connected || this.away) this.urgentPhase = -1;
      else for (const d of this.brain.decide(view, urgent)) await this.send(d, view);
    } finally {
      this.running = false;
    }
    if (this.dirty) this.wake();
  }

  private async send(d: Decision, seen: GameView): Promise<void> {
    const res = await this.client.send(d.command, d.payload);
    if (res.ok) return;
    const now = this.client.view;
    if (!this.client.socket.connected || res.error.code === 'server/busy') { this.brain.retry(d); return; }
    // The view moved on while the command was in flight: a race with the others, not an error.
    // Asked again on the new view, the strategy may well want the same thing, and now it may pass.
    if (!NEVER_OK.has(res.error.code) && (moved(seen, now) || moved(seen, await this.fresh()))) { this.brain.retry(d); return; }
    const err = new CommandError(d.command, res.error);
    this.errors.push(err);
    this.fire('error', err);
  }

  /** The server's view as it stands, in case ours lags (a resync in flight): the judge of a refusal. */
  private async fresh(): Promise<GameView | null> {
    const res = await this.client.send('room:sync', {});
    return res.ok ? res.data.view : null;
  }
}

const moved = (seen: GameView, now: GameView | null) => now !== null && (now.version !== seen.version || now.phaseId !== seen.phaseId || now.gameNo !== seen.gameNo);
