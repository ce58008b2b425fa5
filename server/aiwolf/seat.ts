import type { WerewolfClient } from '../../client/sdk/index.ts';
import type { ChatMessage, GameView } from '../../shared/views.ts';
import type { AgentConnection } from './agent.ts';
import { aiDay, gameInfo, gameSetting, type SeatMemory, type SettingOptions } from './info.ts';
import type { Packet, Request, Talk, Vote } from './packet.ts';
import { rolesFor } from '../../shared/game/presets.ts';
import { Indices } from './roles.ts';
import { Listing, type Speech, speechOf } from './speech.ts';
import { print } from './talk.ts';
import type { TalkKind } from './talk-words.ts';

/** How a request carries the game: the full gameInfo, or only the talks and whispers since the last delta. */
export type Form = 'full' | 'delta';

/**
 * One agent at our table: its TCP connection and its seat, held through the SDK like any
 * player's. Every packet is built from this seat's own view and from what this seat heard (its
 * chat stream, turned into talk and whisper logs) and saw (the pack's picks at night), so an
 * agent learns exactly what a person in the seat could.
 */
export class AgentSeat {
  readonly mem: SeatMemory = { talks: [], whispers: [], attacks: new Map() };
  ix: Indices | null = null;
  /** The talk turn now running, stamped on the talks this seat hears. */
  turn = 0;
  /** Undoes the bridge's hold on the agent when the seat is given up before the game. */
  release: () => void = () => {};
  private logDay = -1;
  private talkHead = 0;
  private whisperHead = 0;
  private picks: { day: number; picks: Record<number, number> } | null = null;
  private waiters = new Set<() => void>();
  /** The messages this seat listed, by AIWolf day and idx (what `AGREE TALK day1 ID:3` names). */
  private listing = new Listing();

  constructor(readonly agent: AgentConnection, readonly client: WerewolfClient, private setting: SettingOptions) {
    client.on('chat', (m) => this.hear(m));
    client.on('state', (s) => { this.watchPicks(s.view); for (const w of [...this.waiters]) w(); });
  }

  get view(): GameView | null { return this.client.view; }
  get seat(): number { return this.view?.you?.seat ?? -1; }
  get alive(): boolean { return !!this.view?.you?.alive; }
  get playing(): boolean { return this.agent.connected; }
  get index(): number { return this.ix?.of(this.seat) ?? -1; }

  /** Resolves true once the view satisfies `pred`, false after `ms` (views of seats arrive one by one). */
  until(pred: (v: GameView) => boolean, ms = 3000): Promise<boolean> {
    const v = this.view;
    if (v && pred(v)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (r: boolean) => { clearTimeout(t); this.waiters.delete(check); resolve(r); };
      const check = () => { const now = this.view; if (now && pred(now)) done(true); };
      const t = setTimeout(() => done(false), ms);
      this.waiters.add(check);
    });
  }

  /** The agent indices of this game, fixed when it starts. */
  begin(view: GameView): void {
    this.ix = new Indices(view);
    this.mem.attacks.clear();
    this.listing.clear();
    this.logDay = -1;
    this.sync(view);
  }

  /** Build the packet of `request` from the seat's view as it stands. */
  packet(request: Request, form: Form, extra: { latestAttackVoteList?: Vote[]; setting?: boolean } = {}): Packet {
    const view = this.view!;
    this.sync(view);
    if (form === 'full') {
      return {
        gameInfo: gameInfo(view, this.ix!, this.mem, extra),
        gameSetting: extra.setting ? gameSetting(view, this.ix!, this.setting) : null,
        request,
        talkHistory: null,
        whisperHistory: null,
      };
    }
    const talkHistory = this.mem.talks.slice(this.talkHead);
    const whisperHistory = this.mem.whispers.slice(this.whisperHead);
    this.talkHead = this.mem.talks.length;
    this.whisperHead = this.mem.whispers.length;
    return { gameInfo: null, gameSetting: null, request, talkHistory, whisperHistory };
  }

  /** What the words of the talk language mean for this seat (server/aiwolf/talk.ts). */
  speech(): Speech {
    return speechOf(this.ix!, this.view ? Object.keys(rolesFor(this.view.settings, this.ix!.size)) : [], this.listing);
  }

  /** Whether this seat has heard chat message `id` of `channel` (or gave up waiting). */
  heard(channel: 'day' | 'wolves', id: number, ms = 2000): Promise<boolean> {
    return this.until((v) => v.chat.some((m) => m.channel === channel && m.id >= id), ms);
  }

  /** A new AIWolf day starts with empty logs (the reference resets them at DAILY_INITIALIZE). */
  private sync(view: GameView): void {
    const day = aiDay(view);
    if (day === this.logDay) return;
    this.logDay = day;
    this.mem.talks = [];
    this.mem.whispers = [];
    this.talkHead = this.whisperHead = 0;
  }

  private hear(m: ChatMessage): void {
    const view = this.view;
    if (!view || !this.ix || view.phase === 'lobby' || view.phase === 'over') return;
    if (m.channel !== 'day' && m.channel !== 'wolves') return;
    this.sync(view);
    // Free text has no AIWolf form: only talk structures are listed.
    const text = m.talk ? print(m.talk, this.speech()) : null;
    const agent = this.ix.of(m.seat);
    if (text === null || agent < 0) return;
    const kind: TalkKind = m.channel === 'day' ? 'TALK' : 'WHISPER';
    const log = kind === 'TALK' ? this.mem.talks : this.mem.whispers;
    const t: Talk = { agent, day: this.logDay, idx: log.length, text, turn: this.turn };
    this.listing.add(kind, t.day, t.idx, m.id);
    // Appended, never inserted: a client drops a talk that is not after the last one it holds.
    log.push(t);
  }

  /**
   * A wolf sees the pack's picks only while the night lasts; AIWolf tells them the next day
   * (attackVoteList, attackedAgent), so the seat keeps the last picks it saw.
   */
  private watchPicks(view: GameView): void {
    const you = view.you;
    if (you?.role !== 'werewolf' || !this.ix) return;
    if (view.phase === 'night') { this.picks = { day: aiDay(view), picks: you.packPicks ?? {} }; return; }
    if (!this.picks) return;
    const { day, picks } = this.picks;
    this.picks = null;
    const ix = this.ix;
    const votes = Object.entries(picks).map(([w, t]) => ({ agent: ix.of(Number(w)), day, target: ix.of(t) })).sort((a, b) => a.agent - b.agent);
    const count = new Map<number, number>();
    for (const t of Object.values(picks)) count.set(t, (count.get(t) ?? 0) + 1);
    const top = Math.max(0, ...count.values());
    const leaders = [...count].filter(([, n]) => n === top).map(([s]) => s);
    const deaths = view.timeline.find((e) => e.kind === 'night' && e.day === day + 1);
    const died = deaths?.kind === 'night' ? leaders.find((s) => deaths.deaths.includes(s)) : undefined;
    const target = leaders.length === 1 ? leaders[0] : died;
    this.mem.attacks.set(day, { votes, target: target === undefined ? -1 : ix.of(target) });
  }
}
