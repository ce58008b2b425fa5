import { WerewolfClient } from '../../client/sdk/index.ts';
import type { GameRecord } from '../../server/store/types.ts';
import { roleOfKind } from '../../shared/game/roles/index.ts';
import { randomAnswer } from '../../shared/game/roles/role.ts';
import type { Prompt } from '../../shared/views.ts';
import { Dice } from '../helpers/sim.ts';

/** A JSON key that does not depend on the order of object keys (the server re-parses payloads). */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${k}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/** What a move becomes in the room's log, minus the clock: how an acked command is found in a record. */
export function moveKey(e: { type: string; seat?: number; target?: unknown; action?: unknown }): string {
  return stable({ type: e.type, seat: e.seat, target: e.target, action: e.action });
}

type Choice = { name: 'vote:cast' | 'night:act' | 'day:ready' | 'hunter:shoot'; payload: Record<string, unknown>; event: { type: string; target?: unknown; action?: unknown } };

function choose(prompt: Prompt, dice: Dice): Choice | null {
  const act = (action: Record<string, unknown>): Choice => ({ name: 'night:act', payload: { action }, event: { type: 'night.act', action } });
  switch (prompt.kind) {
    case 'vote': { const target = dice.pick(prompt.targets); return { name: 'vote:cast', payload: { target }, event: { type: 'vote.cast', target } }; }
    case 'ready': return prompt.done ? null : { name: 'day:ready', payload: {}, event: { type: 'day.ready' } };
    case 'sleep': return act({ kind: 'sleep' });
    case 'hunter': { const target = prompt.targets.length ? dice.pick(prompt.targets) : null; return { name: 'hunter:shoot', payload: { target }, event: { type: 'hunter.shoot', target } }; }
    default: {
      // A night role's prompt: a changeable pick once, else the role's random answer (shared/game/roles).
      const night = roleOfKind(prompt.kind)?.night;
      if (!night || (night.form.instant && night.form.current?.(prompt) != null)) return null;
      const action = randomAnswer(night, prompt, () => dice.next());
      return action ? act(action) : null;
    }
  }
}

export interface AckedMove { seat: number; type: string; phase: string; key: string }

/**
 * Players over real sockets who answer their prompts at random and remember every command the
 * server acknowledged, so a test can look for each one in the game's record. A refused or
 * unanswered command is tried again when the view next changes.
 */
export class Table {
  acked: AckedMove[] = [];
  /** Refusals, as `code: message`, in order. */
  refused: string[] = [];
  paused = false;
  onAck: (move: AckedMove) => void = () => {};
  private done = new Map<WerewolfClient, string>();
  private failedAt = new Map<WerewolfClient, number>();
  private busy = new Set<WerewolfClient>();
  private dice: Dice;

  private constructor(readonly clients: WerewolfClient[], readonly names: string[], readonly roomId: string, seed: number) {
    this.dice = new Dice(seed);
    for (const c of clients) c.on('state', () => void this.act(c));
  }

  /** `n` players in a new room (the first one hosts), the game started; `paused`: nobody acts from the start. */
  static async open(url: string, n: number, prefix: string, settings: Record<string, unknown>, seed = 1, paused = false): Promise<Table> {
    const clients: WerewolfClient[] = [];
    const names = Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    let roomId = '';
    for (const name of names) {
      const c = new WerewolfClient(url, { ackTimeoutMs: 2_000, socket: { transports: ['websocket'], forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 300 } });
      clients.push(c);
      await c.connected();
      if (!roomId) roomId = (await c.request('room:create', { name, settings: { maxSeats: Math.max(n, 5), ...settings } })).roomId;
      else await c.request('room:join', { roomId, name });
    }
    const table = new Table(clients, names, roomId, seed);
    table.paused = paused;
    await clients[0].request('game:start', {});
    return table;
  }

  get phase(): string | undefined { return this.clients.find((c) => c.view)?.view?.phase; }

  resume(): void {
    this.paused = false;
    for (const c of this.clients) void this.act(c);
  }

  private async act(c: WerewolfClient): Promise<void> {
    const view = c.view;
    const prompt = view?.you?.prompt;
    if (this.paused || !view || !prompt || this.busy.has(c) || this.failedAt.get(c) === view.version) return;
    const key = `${view.phaseId}:${prompt.kind}:${view.vote?.round ?? 0}`;
    if (this.done.get(c) === key) return;
    const choice = choose(prompt, this.dice);
    if (!choice) return;
    this.busy.add(c);
    try {
      const res = await c.send(choice.name, choice.payload as never);
      if (res.ok) {
        this.done.set(c, key);
        const move = { seat: view.you!.seat, type: choice.event.type, phase: view.phase, key: moveKey({ ...choice.event, seat: view.you!.seat }) };
        this.acked.push(move);
        this.onAck(move);
      } else {
        this.refused.push(`${res.error.code}: ${res.error.message}`);
        this.failedAt.set(c, view.version);
      }
    } finally {
      this.busy.delete(c);
    }
    void this.act(c);
  }

  /** Poll until `pred` holds; fails after `ms` naming `what`. */
  async waitFor(pred: () => boolean, ms: number, what: string): Promise<void> {
    const end = Date.now() + ms;
    while (!pred()) {
      if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what} (phase ${this.phase})`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void { for (const c of this.clients) c.close(); }
}

/** The finished games of a player, through the HTTP API. */
export async function gamesOf(url: string, name: string): Promise<GameRecord[]> {
  const { games } = (await (await fetch(`${url}/api/games?player=${encodeURIComponent(name)}`)).json()) as { games: { gameId: string }[] };
  return Promise.all(games.map(async (g) => ((await (await fetch(`${url}/api/games/${g.gameId}`)).json()) as { game: GameRecord }).game));
}

/** Acked moves not found in the record's events (each event answers for one ack at most). */
export function missingFrom(record: GameRecord, acked: AckedMove[]): AckedMove[] {
  const left = new Map<string, number>();
  for (const e of record.events) { const k = moveKey(e as never); left.set(k, (left.get(k) ?? 0) + 1); }
  return acked.filter((m) => {
    const n = left.get(m.key) ?? 0;
    if (n === 0) return true;
    left.set(m.key, n - 1);
    return false;
  });
}
