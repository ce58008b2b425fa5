import { MAX_PLAYERS, MIN_PLAYERS } from '../limits.ts';
import type { RoleId } from '../roles.ts';
import type { PresetId, RoleCounts, Settings, SettingsPatch } from '../settings.ts';
import { autoRoles, rolesProblem } from './deal.ts';
import { randomInt } from './rng.ts';
import { ROLE_LIST, ROLE_MODULES, teamOf } from './roles/index.ts';
import type { RoleModule } from './roles/role.ts';

/**
 * The game modes (docs/rules.md R230–R238), declared once: the settings form, the public setup,
 * the deal, the balance script and the glossary read them from here. A preset may name a role the
 * catalogue lacks (a role still to come): the deal leaves it out and villagers take its seats, and
 * `missingRoles` says so (R231); nothing else depends on it.
 */
/** The settings a preset may fix (R233): AIWolf's rules fix what the village learns of the dead and how ties end. */
export type FixedSetting = 'reveal' | 'tieRule';

export interface Preset {
  id: PresetId;
  words: { name: string; description: string };
  /** The player counts it is for (R232); absent: every count from 5 to 20. */
  players?: readonly number[];
  /** Settings it fixes while chosen (R233): the form shows them locked, a patch changing them is refused. */
  fixes?: Partial<Pick<Settings, FixedSetting>>;
  /** What the public setup shows (R240): each role with its count, or only the categories (village / wolves / solo). */
  shows: 'roles' | 'categories';
  /** Whether the roles are drawn at the deal, so nobody knows them before it (Chaos). */
  drawn?: boolean;
  /**
   * The special roles at this count (villagers fill the rest), drawn from the game's PRNG state
   * `rng` when `drawn`; returns the state after. Ids the catalogue lacks may appear (see above).
   */
  roles(players: number, settings: Settings, rng: number): [RoleCounts, number];
}

/** A role list in words, `'werewolf 2, seer, doctor'`: the tables below stay easy to read and retune. */
export function parseRoles(text: string): RoleCounts {
  const out: RoleCounts = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [id, k] = part.split(/\s+/);
    out[id] = (out[id] ?? 0) + (k === undefined ? 1 : Number(k));
  }
  return out;
}

/**
 * Balanced (R235): roles chosen by strength so that the village wins 45–55% of the games of the
 * smart bots at every count (`npm run balance -- --preset balanced`, docs/balance.md). No solo
 * role: the village and the wolves play it out. Retune by editing a row and running the script.
 */
export const BALANCED: Readonly<Record<number, string>> = {
  5: 'werewolf, seer, doctor',
  6: 'werewolf 2, seer, doctor, witch, hunter',
  7: 'werewolf 2, seer, doctor, hunter',
  8: 'werewolf 2, seer',
  9: 'werewolf 3, seer, doctor, witch, hunter, bodyguard',
  10: 'werewolf 3, seer, doctor, witch, hunter',
  11: 'werewolf 3, seer, doctor',
  12: 'werewolf 4, seer, doctor, witch, hunter',
  13: 'werewolf 4, seer, doctor, witch',
  14: 'werewolf 5, seer, doctor, witch, hunter, bodyguard',
  15: 'werewolf 5, seer, doctor, witch, hunter, bodyguard',
  16: 'werewolf 5, seer, doctor, witch, hunter',
  17: 'werewolf 6, seer, doctor, witch, hunter, bodyguard',
  18: 'werewolf 6, seer, doctor, witch, hunter, bodyguard',
  19: 'werewolf 6, seer, doctor, witch, hunter',
  20: 'werewolf 6, seer, doctor, witch, hunter',
};

const clampCount = (n: number) => Math.max(MIN_PLAYERS, Math.min(MAX_PLAYERS, n));

/** The role categories of the public setup (R241): any team but the village and the wolves is solo. */
export type Category = 'village' | 'wolves' | 'solo';
export const categoryOf = (role: RoleId): Category => {
  const team = teamOf(role);
  return team === 'village' || team === 'wolves' ? team : 'solo';
};

/**
 * Chaos (R236): wolves are a fifth to a quarter of the table, the first of them of the pack (it
 * kills at night); from 8 players one game in two has a solo role, a killing one only from 12;
 * half the village holds a special role, one of them the seer at 5. Each special role at most
 * once; all drawn with the game's PRNG.
 */
/** Chaos deals its killing solos from this count, and always a seer below this one (R236). */
const KILLERS_FROM = 12;
const SEER_BELOW = 6;
/** A solo role that kills: hostile to the village's win (the serial killer) or of the pack with a team of its own (the white werewolf). */
const killer = (r: RoleModule) => r.win?.hostile === true || r.night?.pack === true;

function chaosRoles(players: number, rng: number): [RoleCounts, number] {
  let s = rng;
  const draw = (pool: RoleId[]): RoleId | undefined => {
    if (pool.length === 0) return undefined;
    let i: number;
    [i, s] = randomInt(s, pool.length);
    return pool.splice(i, 1)[0];
  };
  const n = clampCount(players);
  const counts: RoleCounts = {};
  const add = (r: RoleId | undefined) => { if (r) counts[r] = (counts[r] ?? 0) + 1; };
  const specials = ROLE_LIST.filter((r) => r.id !== 'villager' && r.id !== 'werewolf');
  // Wolves: between n/5 and n/4 (at least one), always fewer than the others. (A quarter to a third,
  // one more from 14, gave the village 20–36% once the catalogue's wolf roles were in: docs/balance.md.)
  const low = Math.max(1, Math.floor(n / 5));
  const high = Math.max(low, Math.min(Math.floor((n - 1) / 2), Math.floor(n / 4)));
  let extra: number;
  [extra, s] = randomInt(s, high - low + 1);
  const wolves = low + extra;
  const packPool = ROLE_LIST.filter((r) => r.team === 'wolves' && r.night?.pack).map((r) => r.id);
  add(draw(packPool.filter((r) => r !== 'werewolf').concat('werewolf', 'werewolf')) ?? 'werewolf');
  const wolfPool = specials.filter((r) => r.team === 'wolves').map((r) => r.id).filter((r) => !counts[r]);
  for (let i = 1; i < wolves; i++) {
    let coin: number;
    [coin, s] = randomInt(s, 3);
    // Mostly plain werewolves: a pack of specials alone would hardly kill.
    add(coin === 0 ? draw(wolfPool) ?? 'werewolf' : 'werewolf');
  }
  let seats = n - wolves;
  if (n >= 8) {
    let coin: number;
    [coin, s] = randomInt(s, 2);
    if (coin === 1) {
      // The killers (the serial killer, the white werewolf) only from 12 players: at a smaller
      // table they won 10–17% of all games (docs/balance.md); the tanner from 8.
      const solo = draw(specials.filter((r) => categoryOf(r.id) === 'solo' && (n >= KILLERS_FROM || !killer(r))).map((r) => r.id));
      if (solo) { add(solo); seats--; }
    }
  }
  const villagePool = specials.filter((r) => r.team === 'village').map((r) => r.id);
  // At the smallest tables one of them is the seer: with one wolf and no seer the village won a third.
  const seer = n < SEER_BELOW ? 1 : 0;
  if (seer) { add('seer'); villagePool.splice(villagePool.indexOf('seer'), 1); }
  for (let i = seer; i < Math.ceil(seats / 2); i++) add(draw(villagePool));
  return [counts, s];
}

const fixedCounts = (table: (n: number) => string) => (players: number, _settings: Settings, rng: number): [RoleCounts, number] => [parseRoles(table(clampCount(players))), rng];

export const PRESETS: Readonly<Record<PresetId, Preset>> = {
  classic: {
    id: 'classic',
    words: { name: 'Classic', description: 'The usual village: werewolves, a seer, a doctor and a witch, then a tanner, cupid and a hunter as the table grows, and a possessed at the largest tables (R3).' },
    shows: 'roles',
    roles: (players, _settings, rng) => [autoRoles(players), rng],
  },
  balanced: {
    id: 'balanced',
    words: { name: 'Balanced', description: 'Roles chosen by strength so that neither side is favoured: the village wins about half the games. No solo role.' },
    shows: 'roles',
    roles: fixedCounts((n) => BALANCED[n]),
  },
  chaos: {
    id: 'chaos',
    words: { name: 'Chaos', description: 'Random roles from the whole catalogue, drawn at the deal: always a werewolf, never too many wolves. Only the number of village, wolf and solo roles is shown.' },
    shows: 'categories',
    drawn: true,
    roles: (players, _settings, rng) => chaosRoles(players, rng),
  },
  'aiwolf-5': {
    id: 'aiwolf-5',
    words: { name: 'AIWolf 5', description: 'The AIWolf research village for 5: seer, possessed, werewolf and 2 villagers. Dead players\u2019 roles stay hidden; a tie is voted again, then drawn by lot.' },
    players: [5],
    fixes: { reveal: 'none', tieRule: 'revote-random' },
    shows: 'roles',
    roles: fixedCounts(() => 'seer, possessed, werewolf'),
  },
  'aiwolf-15': {
    id: 'aiwolf-15',
    words: { name: 'AIWolf 15', description: 'The AIWolf research village for 15: seer, medium, bodyguard, possessed, 3 werewolves and 8 villagers. Dead players\u2019 roles stay hidden; a tie is voted again, then drawn by lot.' },
    players: [15],
    fixes: { reveal: 'none', tieRule: 'revote-random' },
    shows: 'roles',
    roles: fixedCounts(() => 'seer, medium, bodyguard, possessed, werewolf 3'),
  },
  custom: {
    id: 'custom',
    words: { name: 'Custom', description: 'The host picks how many of each role; villagers fill the other seats (R4).' },
    shows: 'roles',
    roles: (players, settings, rng) => [settings.roles === 'auto' ? autoRoles(players) : { ...settings.roles }, rng],
  },
};

export const PRESET_LIST: readonly Preset[] = Object.values(PRESETS);

/** The room's preset; rooms from before the presets mean Classic or Custom by their `roles` (R230). */
export function presetOf(settings: Settings): Preset {
  return PRESETS[settings.preset ?? (settings.roles === 'auto' ? 'classic' : 'custom')];
}

/** The ids a preset names that the catalogue lacks, at any of its counts (R231). */
export function missingRoles(preset: Preset, settings: Settings): RoleId[] {
  if (preset.drawn) return [];
  const out = new Set<RoleId>();
  for (let n = MIN_PLAYERS; n <= MAX_PLAYERS; n++) {
    if (preset.players && !preset.players.includes(n)) continue;
    for (const id of Object.keys(preset.roles(n, settings, 0)[0])) if (!ROLE_MODULES.has(id)) out.add(id);
  }
  return [...out].sort();
}

/** Only the roles the catalogue has, with a count above 0. */
function known(counts: RoleCounts): RoleCounts {
  return Object.fromEntries(Object.entries(counts).filter(([id, k]) => ROLE_MODULES.has(id) && (k ?? 0) > 0));
}

/** The special roles to deal at this count, from the PRNG state `rng` (R234); returns the state after. */
export function presetRoles(settings: Settings, players: number, rng: number): [RoleCounts, number] {
  const [counts, s] = presetOf(settings).roles(players, settings, rng);
  return [known(counts), s];
}

/** The special roles these settings deal at this count, as far as known before the deal (a drawn preset's are a sample). */
export function rolesFor(settings: Settings, players: number): RoleCounts {
  return presetRoles(settings, players, 0)[0];
}

/** Why a game of these settings cannot start with `players` seated, or null (R232, R4). */
export function startProblem(settings: Settings, players: number): string | null {
  const preset = presetOf(settings);
  if (preset.players && !preset.players.includes(players)) return `${preset.words.name} is for ${preset.players.join(' or ')} players, not ${players}`;
  if (preset.drawn) return null;
  return rolesProblem(presetRoles(settings, players, 0)[0], players);
}

/** The settings with what their preset fixes (R233). */
export function withPreset(settings: Settings): Settings {
  const fixes = presetOf(settings).fixes;
  return fixes ? { ...settings, ...fixes } : settings;
}

/** Why a settings patch fights its preset (it changes a setting the preset fixes), or null (R233). */
export function patchProblem(settings: Settings, patch: SettingsPatch): string | null {
  const preset = presetOf(settings);
  for (const [key, value] of Object.entries(preset.fixes ?? {})) {
    const asked = (patch as Record<string, unknown>)[key];
    if (asked !== undefined && asked !== value) return `${key}: ${preset.words.name} plays with ${key} '${String(value)}'`;
  }
  return null;
}
