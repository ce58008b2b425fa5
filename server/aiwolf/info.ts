import { rolesFor } from '../../shared/game/presets.ts';
import type { GameView, TimelineEntry } from '../../shared/views.ts';
import type { GameInfo, GameSetting, Talk, Vote } from './packet.ts';
import { aiRole, existingRoles, type Indices, roleNumMap } from './roles.ts';

/**
 * gameInfo and gameSetting for one agent, computed from that seat's own view (what a person in
 * the seat sees) and from what the seat itself heard and did (its talk and whisper logs, the
 * pack's picks it saw at night). Pure: the same inputs give the same packet.
 */

/** AIWolf's game numbers (AIWOLF.md §1 defaults); the bridge plays by them. */
export const LIMITS = { maxTalk: 10, maxTalkTurn: 20, maxWhisper: 10, maxWhisperTurn: 20, maxSkip: 2 } as const;

/** What a seat remembers beyond its current view. */
export interface SeatMemory {
  /** Today's talks and whispers, in the order this seat received them; idx from 0 per day. */
  talks: Talk[];
  whispers: Talk[];
  /** The pack's final picks of each night, by the AIWolf day the night follows (wolves only). */
  attacks: Map<number, { votes: Vote[]; target: number }>;
}

/**
 * Our night n comes after AIWolf's day n-1 (it is that day's night); dawn, day, vote and
 * execution of day n are AIWolf's day n. The lobby and night 1 are AIWolf's day 0.
 */
export function aiDay(view: GameView): number {
  if (view.phase === 'lobby') return 0;
  return view.phase === 'night' ? Math.max(0, view.day - 1) : view.day;
}

type VoteEntry = Extract<TimelineEntry, { kind: 'vote' }>;
const votesOn = (view: GameView, day: number): VoteEntry[] => view.timeline.filter((e): e is VoteEntry => e.kind === 'vote' && e.day === day);

function ballots(entry: VoteEntry | undefined, ix: Indices): Vote[] {
  if (!entry?.ballots) return [];
  const out: Vote[] = [];
  for (const [voter, target] of Object.entries(entry.ballots)) {
    if (target === null) continue;
    out.push({ agent: ix.of(Number(voter)), day: entry.day, target: ix.of(target) });
  }
  return out.sort((a, b) => a.agent - b.agent);
}

const executed = (entries: VoteEntry[], ix: Indices): number => {
  const e = entries.find((x) => x.outcome === 'executed' && x.seat !== undefined);
  return e ? ix.of(e.seat!) : -1;
};

export function gameInfo(view: GameView, ix: Indices, mem: SeatMemory, extra: { latestAttackVoteList?: Vote[] } = {}): GameInfo {
  const you = view.you!;
  const me = ix.of(you.seat);
  const day = aiDay(view);
  const over = view.phase === 'over';
  const pack = you.role === 'werewolf' ? (you.pack ?? []) : [];
  const statusMap: Record<string, 'ALIVE' | 'DEAD'> = {};
  const roleMap: GameInfo['roleMap'] = {};
  const remainTalkMap: Record<string, number> = {};
  const remainWhisperMap: Record<string, number> = {};
  const said = (log: Talk[], agent: number) => log.filter((t) => t.agent === agent).length;
  for (const p of view.players) {
    const i = ix.of(p.seat);
    statusMap[i] = p.alive ? 'ALIVE' : 'DEAD';
    if (p.alive) remainTalkMap[i] = Math.max(0, LIMITS.maxTalk - said(mem.talks, i));
    if (p.alive && pack.includes(p.seat)) remainWhisperMap[i] = Math.max(0, LIMITS.maxWhisper - said(mem.whispers, i));
    // The reference tells an agent its own role and, to a wolf, the pack; everything at the end.
    if (over && p.role) roleMap[i] = aiRole(p.role);
  }
  if (!over) {
    for (const s of pack) roleMap[ix.of(s)] = 'WEREWOLF';
    if (you.role) roleMap[me] = aiRole(you.role);
  }
  const today = votesOn(view, day);
  const seer = you.role === 'seer' ? you.seerResults?.find((r) => r.night === day) : undefined;
  // The medium's own view field (R100): what she learned at this day's dawn of yesterday's executed.
  const medium = you.role === 'medium' ? you.mediumResults?.find((r) => r.day === day - 1) : undefined;
  const night = view.timeline.find((e): e is Extract<TimelineEntry, { kind: 'night' }> => e.kind === 'night' && e.day === day);
  const attack = pack.length ? mem.attacks.get(day - 1) : undefined;
  return {
    agent: me,
    attackVoteList: attack?.votes ?? [],
    attackedAgent: attack?.target ?? -1,
    cursedFox: -1,
    day,
    divineResult: seer ? { agent: me, day, result: seer.team === 'wolves' ? 'WEREWOLF' : 'HUMAN', target: ix.of(seer.seat) } : null,
    executedAgent: executed(votesOn(view, day - 1), ix),
    existingRoleList: existingRoles(roleNumMap(rolesFor(view.settings, ix.size), ix.size)),
    guardedAgent: guarded(you, ix),
    lastDeadAgentList: night ? night.deaths.map((s) => ix.of(s)) : [],
    latestAttackVoteList: extra.latestAttackVoteList ?? [],
    latestExecutedAgent: executed(today, ix),
    latestVoteList: ballots(today.at(-1), ix),
    mediumResult: medium ? { agent: me, day, result: medium.team === 'wolves' ? 'WEREWOLF' : 'HUMAN', target: ix.of(medium.seat) } : null,
    remainTalkMap,
    remainWhisperMap,
    roleMap,
    statusMap,
    talkList: mem.talks,
    voteList: ballots(votesOn(view, day - 1).at(-1), ix),
    whisperList: pack.length ? mem.whispers : [],
  };
}

/** Last night's guard, from the guard's own view: the bodyguard's `guarded`, the doctor's `lastProtected`. */
function guarded(you: NonNullable<GameView['you']>, ix: Indices): number {
  const seat = you.role === 'bodyguard' ? you.guarded : you.role === 'doctor' ? you.lastProtected : null;
  return seat != null ? ix.of(seat) : -1;
}

export interface SettingOptions { timeLimitMs: number; seed: number }

export function gameSetting(view: GameView, ix: Indices, o: SettingOptions): GameSetting {
  return {
    enableNoAttack: false,
    enableNoExecution: false,
    enableRoleRequest: true,
    maxAttackRevote: 1,
    maxRevote: view.settings.tieRule === 'revote' || view.settings.tieRule === 'revote-random' ? 1 : 0,
    maxSkip: LIMITS.maxSkip,
    maxTalk: LIMITS.maxTalk,
    maxTalkTurn: LIMITS.maxTalkTurn,
    maxWhisper: LIMITS.maxWhisper,
    maxWhisperTurn: LIMITS.maxWhisperTurn,
    playerNum: ix.size,
    // A Java long in the reference; a small integer here, since JavaScript numbers stop being exact at 2^53.
    randomSeed: o.seed,
    roleNumMap: roleNumMap(rolesFor(view.settings, ix.size), ix.size),
    talkOnFirstDay: false,
    // -1 means the reference's 1000 ms; a longer allowance is said as it is.
    timeLimit: o.timeLimitMs <= 1000 ? -1 : o.timeLimitMs,
    validateUtterance: true,
    votableInFirstDay: false,
    voteVisible: !view.settings.secretVotes,
    whisperBeforeRevote: false,
  };
}
