/**
 * The AIWolf classic protocol's packets (0.6.x, /work/shared/AIWOLF.md §1), laid out as the
 * reference server's JSON library writes them: every key present, keys of the five-key envelope
 * and of gameInfo in alphabetical order, roleNumMap in the reference's own order, `null` / `-1` /
 * `[]` / `{}` where nothing is known. Objects are built key by key in that order, so
 * `JSON.stringify` gives the reference's bytes.
 */

export const REQUESTS = ['NAME', 'ROLE', 'INITIALIZE', 'DAILY_INITIALIZE', 'TALK', 'WHISPER', 'VOTE', 'DIVINE', 'GUARD', 'ATTACK', 'DAILY_FINISH', 'FINISH'] as const;
export type Request = (typeof REQUESTS)[number];

/** Requests the agent answers with one line; the others get no reply. */
export const NEEDS_REPLY: ReadonlySet<Request> = new Set(['NAME', 'ROLE', 'TALK', 'WHISPER', 'VOTE', 'DIVINE', 'GUARD', 'ATTACK']);

export type AiRole = 'VILLAGER' | 'SEER' | 'MEDIUM' | 'BODYGUARD' | 'POSSESSED' | 'WEREWOLF' | 'FREEMASON' | 'FOX';
/** roleNumMap's keys, in the order the reference writes them. */
export const ROLE_NUM_KEYS = ['SEER', 'FOX', 'FREEMASON', 'MEDIUM', 'BODYGUARD', 'POSSESSED', 'VILLAGER', 'WEREWOLF', 'ANY'] as const;

/** One talk or whisper: `idx` counts from 0 per day and channel. */
export interface Talk { agent: number; day: number; idx: number; text: string; turn: number }
export interface Vote { agent: number; day: number; target: number }
export interface Judge { agent: number; day: number; result: 'HUMAN' | 'WEREWOLF'; target: number }

/** The 21 keys of gameInfo; a map's keys are index strings "1".."N". */
export interface GameInfo {
  agent: number;
  attackVoteList: Vote[];
  attackedAgent: number;
  cursedFox: number;
  day: number;
  divineResult: Judge | null;
  executedAgent: number;
  existingRoleList: AiRole[];
  guardedAgent: number;
  lastDeadAgentList: number[];
  latestAttackVoteList: Vote[];
  latestExecutedAgent: number;
  latestVoteList: Vote[];
  mediumResult: Judge | null;
  remainTalkMap: Record<string, number>;
  remainWhisperMap: Record<string, number>;
  roleMap: Record<string, AiRole>;
  statusMap: Record<string, 'ALIVE' | 'DEAD'>;
  talkList: Talk[];
  voteList: Vote[];
  whisperList: Talk[];
}

/** The 19 keys of gameSetting. */
export interface GameSetting {
  enableNoAttack: boolean;
  enableNoExecution: boolean;
  enableRoleRequest: boolean;
  maxAttackRevote: number;
  maxRevote: number;
  maxSkip: number;
  maxTalk: number;
  maxTalkTurn: number;
  maxWhisper: number;
  maxWhisperTurn: number;
  playerNum: number;
  randomSeed: number;
  roleNumMap: Record<(typeof ROLE_NUM_KEYS)[number], number>;
  talkOnFirstDay: boolean;
  timeLimit: number;
  validateUtterance: boolean;
  votableInFirstDay: boolean;
  voteVisible: boolean;
  whisperBeforeRevote: boolean;
}

export interface Packet {
  gameInfo: GameInfo | null;
  gameSetting: GameSetting | null;
  request: Request;
  talkHistory: Talk[] | null;
  whisperHistory: Talk[] | null;
}

const GAME_INFO_KEYS: (keyof GameInfo)[] = [
  'agent', 'attackVoteList', 'attackedAgent', 'cursedFox', 'day', 'divineResult', 'executedAgent', 'existingRoleList', 'guardedAgent',
  'lastDeadAgentList', 'latestAttackVoteList', 'latestExecutedAgent', 'latestVoteList', 'mediumResult', 'remainTalkMap', 'remainWhisperMap',
  'roleMap', 'statusMap', 'talkList', 'voteList', 'whisperList',
];
const GAME_SETTING_KEYS: (keyof GameSetting)[] = [
  'enableNoAttack', 'enableNoExecution', 'enableRoleRequest', 'maxAttackRevote', 'maxRevote', 'maxSkip', 'maxTalk', 'maxTalkTurn', 'maxWhisper',
  'maxWhisperTurn', 'playerNum', 'randomSeed', 'roleNumMap', 'talkOnFirstDay', 'timeLimit', 'validateUtterance', 'votableInFirstDay', 'voteVisible',
  'whisperBeforeRevote',
];

function ordered<T extends object>(obj: T, keys: readonly (keyof T)[]): T {
  const out = {} as T;
  for (const k of keys) out[k] = obj[k];
  return out;
}

const talk = (t: Talk): Talk => ({ agent: t.agent, day: t.day, idx: t.idx, text: t.text, turn: t.turn });
const vote = (v: Vote): Vote => ({ agent: v.agent, day: v.day, target: v.target });
const judge = (j: Judge | null): Judge | null => (j ? { agent: j.agent, day: j.day, result: j.result, target: j.target } : null);

/** A map keyed by agent index, keys in ascending order (JavaScript orders integer-like keys so). */
function byIndex<V>(m: Record<string, V>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const k of Object.keys(m).map(Number).sort((a, b) => a - b)) out[String(k)] = m[String(k)];
  return out;
}

/** One packet as the line the reference sends (without the newline). */
export function encode(p: Packet): string {
  const info = p.gameInfo && {
    ...ordered(p.gameInfo, GAME_INFO_KEYS),
    attackVoteList: p.gameInfo.attackVoteList.map(vote),
    divineResult: judge(p.gameInfo.divineResult),
    latestAttackVoteList: p.gameInfo.latestAttackVoteList.map(vote),
    latestVoteList: p.gameInfo.latestVoteList.map(vote),
    mediumResult: judge(p.gameInfo.mediumResult),
    remainTalkMap: byIndex(p.gameInfo.remainTalkMap),
    remainWhisperMap: byIndex(p.gameInfo.remainWhisperMap),
    roleMap: byIndex(p.gameInfo.roleMap),
    statusMap: byIndex(p.gameInfo.statusMap),
    talkList: p.gameInfo.talkList.map(talk),
    voteList: p.gameInfo.voteList.map(vote),
    whisperList: p.gameInfo.whisperList.map(talk),
  };
  const setting = p.gameSetting && { ...ordered(p.gameSetting, GAME_SETTING_KEYS), roleNumMap: ordered(p.gameSetting.roleNumMap, ROLE_NUM_KEYS) };
  return JSON.stringify({
    gameInfo: info ? ordered(info, GAME_INFO_KEYS) : null,
    gameSetting: setting ? ordered(setting, GAME_SETTING_KEYS) : null,
    request: p.request,
    talkHistory: p.talkHistory ? p.talkHistory.map(talk) : null,
    // The Java client reads whisperHistory whenever talkHistory is there: never null beside it.
    whisperHistory: p.talkHistory ? (p.whisperHistory ?? []).map(talk) : p.whisperHistory ? p.whisperHistory.map(talk) : null,
  });
}

/** A packet with only the request (NAME, ROLE). */
export const bare = (request: Request): Packet => ({ gameInfo: null, gameSetting: null, request, talkHistory: null, whisperHistory: null });

/** The agent index a target reply names, or null for none (an empty line, `-1`, `0`, garbage). */
export function parseTarget(line: string | null): number | null {
  const m = line ? /\{\s*"agentIdx"\s*:\s*(-?\d+)\s*\}/.exec(line) : null;
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** `Agent[03]`: how the talk language names agent 3. */
export const agentRef = (idx: number): string => `Agent[${String(idx).padStart(2, '0')}]`;
