import net from 'node:net';

/**
 * An AIWolf agent for the tests, written from AIWOLF.md alone (not from the reference's code). It
 * dials the bridge as a reference agent dials the reference server and plays simply: the seer
 * and the medium report, the possessed comes out as seer, wolves whisper an attack, everyone says
 * whom it votes for and agrees or disagrees with someone. It also reads
 * every packet as strictly as the Java and Python client libraries do (AIWOLF.md §2): a missing
 * key, a null whisperHistory beside a talkHistory, a talk not after the last one held, a talkList
 * that shrinks within a day, an index outside 1..N: each is recorded in `problems`, since each
 * would crash or silence a real agent.
 */

export const INFO_KEYS = ['agent', 'attackVoteList', 'attackedAgent', 'cursedFox', 'day', 'divineResult', 'executedAgent', 'existingRoleList', 'guardedAgent', 'lastDeadAgentList', 'latestAttackVoteList', 'latestExecutedAgent', 'latestVoteList', 'mediumResult', 'remainTalkMap', 'remainWhisperMap', 'roleMap', 'statusMap', 'talkList', 'voteList', 'whisperList'];
export const SETTING_KEYS = ['enableNoAttack', 'enableNoExecution', 'enableRoleRequest', 'maxAttackRevote', 'maxRevote', 'maxSkip', 'maxTalk', 'maxTalkTurn', 'maxWhisper', 'maxWhisperTurn', 'playerNum', 'randomSeed', 'roleNumMap', 'talkOnFirstDay', 'timeLimit', 'validateUtterance', 'votableInFirstDay', 'voteVisible', 'whisperBeforeRevote'];
const ROLE_NUM_KEYS = ['SEER', 'FOX', 'FREEMASON', 'MEDIUM', 'BODYGUARD', 'POSSESSED', 'VILLAGER', 'WEREWOLF', 'ANY'];
const ENVELOPE = ['gameInfo', 'gameSetting', 'request', 'talkHistory', 'whisperHistory'];

type Json = Record<string, any>;
export interface TalkEntry { agent: number; day: number; idx: number; text: string; turn: number }

export interface AgentBehaviour {
  name: string;
  /** Answer NAME and ROLE, then nothing more (a hung agent). */
  silent?: boolean;
  /** Answer garbage to every request. */
  garbage?: boolean;
  /** Choose the vote (an agent index) from the living indices, self included. */
  vote?: (me: number, alive: number[]) => number;
}

export class TestAgent {
  readonly lines: string[] = [];
  readonly replies: { request: string; reply: string }[] = [];
  readonly problems: string[] = [];
  info: Json | null = null;
  setting: Json | null = null;
  finished: Json | null = null;
  private socket: net.Socket;
  private buffer = '';
  private talks = new Map<number, TalkEntry[]>();
  private whispers = new Map<number, TalkEntry[]>();
  private divined = new Set<number>();
  private found: number | null = null;
  private toldDay = -1;
  private spoke = 0;
  private resolveDone!: () => void;
  readonly done: Promise<void> = new Promise((r) => { this.resolveDone = r; });

  constructor(port: number, readonly b: AgentBehaviour, private rand: () => number) {
    this.socket = net.connect(port, '127.0.0.1');
    this.socket.setEncoding('utf8');
    this.socket.on('data', (c: string) => this.read(c));
    this.socket.on('close', () => this.resolveDone());
    this.socket.on('error', () => this.resolveDone());
  }

  close(): void { this.socket.destroy(); }

  get me(): number { return this.info?.agent ?? -1; }
  get role(): string | undefined { return this.info?.roleMap?.[String(this.me)]; }

  private read(chunk: string): void {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      this.lines.push(line);
      const reply = this.handle(line);
      const hung = this.b.silent && this.replies.length > 2;
      if (reply !== null && !hung) {
        this.socket.write(reply + '\n');
      }
    }
  }

  private problem(msg: string): void { this.problems.push(msg); }

  private handle(line: string): string | null {
    let p: Json;
    try { p = JSON.parse(line); } catch { this.problem(`not JSON: ${line.slice(0, 80)}`); return null; }
    this.check(p);
    const request = p.request as string;
    if (p.gameInfo) this.info = p.gameInfo;
    if (p.gameSetting) this.setting = p.gameSetting;
    if (request === 'DAILY_INITIALIZE' || request === 'INITIALIZE') { this.talks.clear(); this.whispers.clear(); }
    if (p.gameInfo) { this.absorb(p.gameInfo.talkList, this.talks, 'talkList'); this.absorb(p.gameInfo.whisperList, this.whispers, 'whisperList'); }
    if (p.talkHistory) this.absorb(p.talkHistory, this.talks, 'talkHistory');
    if (p.whisperHistory) this.absorb(p.whisperHistory, this.whispers, 'whisperHistory');
    if (request === 'FINISH') { this.finished = p.gameInfo; setTimeout(() => this.socket.end(), 10); }
    const reply = this.answer(request);
    if (reply !== null) this.replies.push({ request, reply });
    return this.b.garbage && reply !== null ? 'what?' : reply;
  }

  /** The shape checks of the client libraries (AIWOLF.md §2). */
  private check(p: Json): void {
    const keys = Object.keys(p);
    if (keys.join() !== ENVELOPE.join()) this.problem(`envelope keys ${keys.join()}`);
    if (p.gameInfo) {
      const k = Object.keys(p.gameInfo).join();
      if (k !== INFO_KEYS.join()) this.problem(`${p.request}: gameInfo keys ${k}`);
      const n = Object.keys(p.gameInfo.statusMap ?? {}).length;
      const valid = (i: unknown) => typeof i === 'number' && i >= 1 && i <= n;
      const g = p.gameInfo;
      for (const v of [...g.voteList, ...g.latestVoteList, ...g.attackVoteList, ...g.latestAttackVoteList]) if (!valid(v.agent) || !valid(v.target)) this.problem(`${p.request}: vote index ${JSON.stringify(v)}`);
      for (const t of [...g.talkList, ...g.whisperList]) if (!valid(t.agent)) this.problem(`${p.request}: talk index ${JSON.stringify(t)}`);
      for (const i of g.lastDeadAgentList) if (!valid(i)) this.problem(`${p.request}: dead index ${i}`);
      for (const key of ['remainTalkMap', 'remainWhisperMap', 'roleMap', 'statusMap']) for (const i of Object.keys(g[key])) if (!valid(Number(i))) this.problem(`${key} key ${i}`);
      if (!valid(g.agent)) this.problem(`agent index ${g.agent}`);
    }
    if (p.gameSetting) {
      const k = Object.keys(p.gameSetting).join();
      if (k !== SETTING_KEYS.join()) this.problem(`gameSetting keys ${k}`);
      if (Object.keys(p.gameSetting.roleNumMap).join() !== ROLE_NUM_KEYS.join()) this.problem('roleNumMap keys');
      if (!Number.isSafeInteger(p.gameSetting.randomSeed)) this.problem('randomSeed not exact');
    }
    // The Java client reads whisperHistory whenever talkHistory is there.
    if (p.talkHistory !== null && !Array.isArray(p.whisperHistory)) this.problem(`${p.request}: whisperHistory ${p.whisperHistory} beside a talkHistory`);
  }

  /** Talks join a day's list only after the last one held (both clients drop anything else). */
  private absorb(list: TalkEntry[] | null, into: Map<number, TalkEntry[]>, what: string): void {
    if (!list) return;
    for (const t of list) {
      const day = into.get(t.day) ?? [];
      const last = day.at(-1);
      if (last && t.idx <= last.idx) {
        if (day[t.idx]?.text !== t.text) this.problem(`${what}: talk ${t.day}/${t.idx} out of order or changed`);
        continue;
      }
      if (t.idx !== day.length) this.problem(`${what}: talk ${t.day}/${t.idx} after a gap (held ${day.length})`);
      day.push(t);
      into.set(t.day, day);
    }
  }

  private alive(except: number[] = []): number[] {
    const s = this.info?.statusMap ?? {};
    return Object.keys(s).map(Number).filter((i) => s[i] === 'ALIVE' && i !== this.me && !except.includes(i));
  }

  private pick(xs: number[]): number | null { return xs.length ? xs[Math.floor(this.rand() * xs.length)] : null; }
  private ref = (i: number) => `Agent[${String(i).padStart(2, '0')}]`;
  private wolves(): number[] { return Object.entries(this.info?.roleMap ?? {}).filter(([, r]) => r === 'WEREWOLF').map(([i]) => Number(i)); }
  private target(t: number | null): string { return t === null ? '' : JSON.stringify({ agentIdx: t }); }

  private answer(request: string): string | null {
    const g = this.info;
    switch (request) {
      case 'NAME': return this.b.name;
      case 'ROLE': return 'none';
      case 'TALK': {
        const day = g?.day ?? 0;
        if (this.toldDay !== day) { this.toldDay = day; this.spoke = 0; }
        this.spoke++;
        if (this.spoke === 1) {
          const r = g?.divineResult;
          if (this.role === 'SEER' && r) {
            if (r.result === 'WEREWOLF') this.found = r.target;
            return `DIVINED ${this.ref(r.target)} ${r.result}`;
          }
          const m = g?.mediumResult;
          if (this.role === 'MEDIUM' && m) return `IDENTIFIED ${this.ref(m.target)} ${m.result}`;
          // The possessed passes for the seer on the first day.
          if (this.role === 'POSSESSED' && day === 1) return `COMINGOUT ${this.ref(this.me)} SEER`;
          const t = this.found ?? this.pick(this.alive(this.role === 'WEREWOLF' ? this.wolves() : []));
          return t === null ? 'Over' : `VOTE ${this.ref(t)}`;
        }
        // Then agree with the latest sentence of someone else, by its day and idx.
        const other = (this.talks.get(day) ?? []).filter((t) => t.agent !== this.me).at(-1);
        if (this.spoke === 2 && other) return `${this.rand() < 0.5 ? 'AGREE' : 'DISAGREE'} TALK day${day} ID:${other.idx}`;
        return this.rand() < 0.3 ? 'Skip' : 'Over';
      }
      case 'WHISPER': {
        const mine = [...(this.whispers.get(g?.day ?? 0) ?? [])].filter((t) => t.agent === this.me);
        const t = this.pick(this.alive(this.wolves()));
        return mine.length === 0 && t !== null ? `ATTACK ${this.ref(t)}` : 'Over';
      }
      case 'VOTE': if (this.b.vote) return this.target(this.b.vote(this.me, [...this.alive(), this.me].sort((x, y) => x - y)));
        return this.target(this.found !== null && this.alive().includes(this.found) ? this.found : this.pick(this.alive(this.role === 'WEREWOLF' ? this.wolves() : [])));
      case 'DIVINE': {
        const t = this.pick(this.alive([...this.divined]));
        if (t !== null) this.divined.add(t);
        return this.target(t);
      }
      case 'GUARD': return this.target(this.pick(this.alive()));
      case 'ATTACK': return this.target(this.pick(this.alive(this.wolves())));
      default: return null;
    }
  }
}

/** A seeded generator, so a failing game can be replayed. */
export function dice(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
