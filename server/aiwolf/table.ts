import type { CommandName, CommandPayload } from '../../shared/protocol.ts';
import type { GameView, Prompt } from '../../shared/views.ts';
import { aiDay } from './info.ts';
import { parseTarget, type Vote } from './packet.ts';
import type { AgentSeat, Form } from './seat.ts';
import { turns, type TurnHost } from './turns.ts';

type NightAction = CommandPayload<'night:act'>['action'];

export interface TableOptions {
  /** Random numbers for turn order and default choices (Math.random unless a test seeds it). */
  random?: () => number;
  log?: (msg: string, data?: Record<string, unknown>) => void;
  /** The game is over and every agent has its FINISH. */
  done?: () => void;
}

/**
 * Drives our game as AIWolf requests for the agent seats of one room (AIWOLF.md §1, day and
 * night order). It watches the phases through the seats' views and, once per phase, sends each
 * agent its requests in the reference's order; the answers go back as ordinary commands of that
 * seat. Stages run one after the other on one chain, so a day's talk is over before its vote's
 * packets go out, and a stage that the room has already left sends its notices but asks nothing.
 */
export class Table {
  readonly seats: AgentSeat[] = [];
  private chain: Promise<void> = Promise.resolve();
  private seen = new Set<string>();
  private latest = '';
  private finished = -1;
  private rand: () => number;

  constructor(private opts: TableOptions = {}) {
    this.rand = opts.random ?? Math.random;
  }

  add(seat: AgentSeat): void {
    this.seats.push(seat);
    seat.client.on('state', (s) => this.observe(s.view));
    if (seat.view) this.observe(seat.view);
  }

  /** A seat given up in the lobby: the table stops watching it. */
  remove(seat: AgentSeat): void {
    const i = this.seats.indexOf(seat);
    if (i >= 0) this.seats.splice(i, 1);
    seat.release();
  }

  private observe(view: GameView): void {
    const key = stageKey(view);
    // Seats' views arrive one by one: a seat still on the last phase must not make it current again.
    if (compare(key, this.latest) < 0) return;
    this.latest = key;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const snapshot = view;
    this.chain = this.chain.then(() => this.stage(snapshot, key)).catch((err) => this.opts.log?.('stage failed', { err: String(err) }));
  }

  private current(key: string): boolean { return this.latest === key; }
  private active(): AgentSeat[] { return this.seats.filter((s) => s.playing); }
  private living(): AgentSeat[] { return this.active().filter((s) => s.alive); }

  private async stage(view: GameView, key: string): Promise<void> {
    const at = (s: AgentSeat) => s.until((v) => v.gameNo === view.gameNo && v.phaseId >= view.phaseId);
    await Promise.all(this.active().map(at));
    switch (view.phase) {
      case 'night':
        if (view.day === 1) await this.begin();
        return this.night(view, key);
      case 'day': return this.day(key);
      case 'vote': return this.vote(key, view.vote?.round ?? 1);
      case 'hunter': return this.hunter();
      case 'over': return this.finish(view);
      default: return;
    }
  }

  /** INITIALIZE, then AIWolf's day 0: DAILY_INITIALIZE and DAILY_FINISH (no talk on day 0). */
  private async begin(): Promise<void> {
    await Promise.all(this.active().map(async (s) => {
      s.begin(s.view!);
      await s.agent.tell(s.packet('INITIALIZE', 'full', { setting: true }));
      await s.agent.tell(s.packet('DAILY_INITIALIZE', 'full'));
      await s.agent.tell(s.packet('DAILY_FINISH', 'delta'));
    }));
  }

  /** DIVINE, WHISPER, GUARD and ATTACK; other night prompts get their default answer. */
  private async night(view: GameView, key: string): Promise<void> {
    // Before today's execution (day 0) the reference sends the delta form; after it, gameInfo.
    const form: Form = aiDay(view) === 0 ? 'delta' : 'full';
    const jobs: Promise<unknown>[] = [];
    const wolves: AgentSeat[] = [];
    for (const s of this.living()) {
      const prompt = s.view!.you!.prompt;
      if (!prompt) continue;
      // One target, asked with the AIWolf request of the role: DIVINE for the seer, GUARD for the bodyguard (and the doctor, played as one).
      const request = TARGETED[prompt.kind];
      if (request && 'targets' in prompt) {
        const kind = prompt.kind;
        jobs.push(this.choose(s, request, form, prompt.targets).then((t) => this.act(s, 'night:act', { action: { kind, target: t } as NightAction })));
        continue;
      }
      switch (prompt.kind) {
        case 'sleep': jobs.push(this.act(s, 'night:act', { action: { kind: 'sleep' } })); break;
        case 'wolf': wolves.push(s); break;
        case 'witch': jobs.push(this.act(s, 'night:act', { action: { kind: 'witch', heal: false, poison: null } })); break;
        case 'cupid': {
          const [a, b] = this.shuffle(prompt.targets);
          jobs.push(this.act(s, 'night:act', { action: { kind: 'cupid', targets: [a, b ?? a] } }));
          break;
        }
        default: break;
      }
    }
    if (wolves.length) jobs.push(this.pack(wolves, form, key));
    await Promise.all(jobs);
  }

  /** Whisper turns while two wolves live, then the attack vote with one re-vote on a tie. */
  private async pack(wolves: AgentSeat[], form: Form, key: string): Promise<void> {
    const view = wolves[0].view!;
    const pack = (view.you!.pack ?? []).filter((w) => view.players.find((p) => p.seat === w)?.alive);
    if (pack.length >= 2 && view.settings.wolfChat) await turns(this.turnHost(key, wolves), wolves, 'WHISPER', form);
    const ask = (s: AgentSeat, f: Form, latest: Vote[]) =>
      s.agent.ask(s.packet('ATTACK', latest.length ? 'full' : f, { latestAttackVoteList: latest })).then((line) => this.target(s, line, s.view!.you!.prompt));
    const picks = new Map<number, number | null>();
    await Promise.all(wolves.map(async (s) => picks.set(s.seat, await ask(s, form, []))));
    const tally = (): Map<number, number> => {
      const all = new Map<number, number>(Object.entries(wolves[0].view!.you!.packPicks ?? {}).map(([w, t]) => [Number(w), t]));
      for (const [w, t] of picks) { if (t === null) all.delete(w); else all.set(w, t); }
      return all;
    };
    const round1 = tally();
    const counts = new Map<number, number>();
    for (const t of round1.values()) counts.set(t, (counts.get(t) ?? 0) + 1);
    const top = Math.max(0, ...counts.values());
    if ([...counts.values()].filter((n) => n === top).length > 1 && this.current(key)) {
      const ix = wolves[0].ix!;
      const latest = [...round1].map(([w, t]) => ({ agent: ix.of(w), day: aiDay(view), target: ix.of(t) })).sort((a, b) => a.agent - b.agent);
      await Promise.all(wolves.map(async (s) => picks.set(s.seat, await ask(s, 'full', latest))));
    }
    // Our rules need a pick from every living wolf for the night to end; a dropped vote becomes a random prey.
    await Promise.all(wolves.map((s) => {
      const prompt = s.view!.you!.prompt;
      const targets = prompt?.kind === 'wolf' ? prompt.targets : [];
      const t = picks.get(s.seat) ?? this.pickOne(targets);
      return t === null ? null : this.act(s, 'night:act', { action: { kind: 'wolf', target: t } });
    }));
  }

  /** AIWolf's day n: DAILY_INITIALIZE to every agent, dead ones too, then talk turns, then ready. */
  private async day(key: string): Promise<void> {
    await Promise.all(this.active().map((s) => s.agent.tell(s.packet('DAILY_INITIALIZE', 'full'))));
    await turns(this.turnHost(key, this.active()), this.living(), 'TALK', 'delta');
    if (this.current(key)) await Promise.all(this.living().map((s) => this.act(s, 'day:ready', {})));
  }

  /** What a run of turns needs of the table: whether the stage still holds, who hears, how to speak. */
  private turnHost(key: string, hearers: AgentSeat[]): TurnHost {
    return {
      seats: this.seats,
      current: () => this.current(key),
      shuffle: (xs) => this.shuffle(xs),
      hearers: () => hearers.filter((h) => h.playing),
      post: async (s, channel, talk) => {
        const res = await this.act(s, 'chat:send', { channel, talk });
        const id = res && (res as { id?: number }).id;
        return typeof id === 'number' ? id : null;
      },
    };
  }

  /** DAILY_FINISH to all on the first round, then VOTE to the living (gameInfo on a re-vote). */
  private async vote(key: string, round: number): Promise<void> {
    if (round === 1) await Promise.all(this.active().map((s) => s.agent.tell(s.packet('DAILY_FINISH', 'delta'))));
    await Promise.all(this.living().map(async (s) => {
      const prompt = s.view!.you!.prompt;
      if (prompt?.kind !== 'vote' || !this.current(key)) return;
      const line = await s.agent.ask(s.packet('VOTE', round === 1 ? 'delta' : 'full'));
      let t = this.target(s, line, prompt);
      // The reference turns a missing, dead or self vote into a random other living agent.
      if (t === null || t === s.seat) t = this.pickOne(prompt.targets.filter((x) => x !== s.seat)) ?? this.pickOne(prompt.targets);
      if (this.current(key)) await this.act(s, 'vote:cast', { target: t });
    }));
  }

  /** A hunter's shot has no AIWolf request: an agent dealt a hunter holds fire. */
  private async hunter(): Promise<void> {
    await Promise.all(this.active().map((s) => (s.view?.you?.prompt?.kind === 'hunter' ? this.act(s, 'hunter:shoot', { target: null }) : null)));
  }

  /** FINISH to everyone with every role, then the connection ends (one game per connection). */
  private async finish(view: GameView): Promise<void> {
    if (this.finished === view.gameNo) return;
    this.finished = view.gameNo;
    await Promise.all(this.active().map(async (s) => {
      await s.agent.tell(s.packet('FINISH', 'full'));
      await s.agent.idle();
      s.agent.close('game over');
    }));
    this.opts.log?.('game over', { winner: view.outcome?.winner, day: view.day, agents: this.seats.length });
    for (const s of this.seats) s.client.close();
    this.opts.done?.();
  }

  /** Ask for a target; a reply naming no legal one gets a random legal one (our rules need an answer). */
  private async choose(s: AgentSeat, request: 'DIVINE' | 'GUARD', form: Form, targets: number[]): Promise<number> {
    const t = this.target(s, await s.agent.ask(s.packet(request, form)), s.view!.you!.prompt);
    return t ?? this.pickOne(targets) ?? s.seat;
  }

  /** The seat an answer names, if the seat's prompt allows it. */
  private target(s: AgentSeat, line: string | null, prompt: Prompt | null | undefined): number | null {
    const idx = parseTarget(line);
    const seat = idx === null ? null : s.ix!.seat(idx);
    return seat !== null && prompt && 'targets' in prompt && prompt.targets.includes(seat) ? seat : null;
  }

  private async act<C extends CommandName>(s: AgentSeat, name: C, payload: CommandPayload<C>): Promise<unknown> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const res = await s.client.send(name, payload);
      if (res.ok) return res.data;
      if (res.error.code !== 'rate/limited') { this.opts.log?.('command refused', { seat: s.seat, name, code: res.error.code }); return null; }
      await new Promise((r) => setTimeout(r, 1000));
    }
    return null;
  }

  private pickOne<T>(xs: T[]): T | null { return xs.length ? xs[Math.floor(this.rand() * xs.length)] : null; }

  private shuffle<T>(xs: T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) { const j = Math.floor(this.rand() * (i + 1)); [out[i], out[j]] = [out[j], out[i]]; }
    return out;
  }
}

/** Night prompts that name one target, and the AIWolf request that asks for it. */
const TARGETED: Record<string, 'DIVINE' | 'GUARD'> = { seer: 'DIVINE', doctor: 'GUARD', bodyguard: 'GUARD' };

const stageKey = (v: GameView) => `${v.gameNo}:${v.phaseId}:${v.vote?.round ?? 0}:${v.phase}`;

/** Stages in the order they happen: game, phase id, vote round. */
function compare(a: string, b: string): number {
  if (!b) return 1;
  const [x, y] = [a.split(':').slice(0, 3).map(Number), b.split(':').slice(0, 3).map(Number)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}
