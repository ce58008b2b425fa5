import { ROLE_LIST, roleOfDayKind } from '../../shared/game/roles/index.ts';
import { ROLES } from '../../shared/game/catalogue.ts';
import type { RoleId, Team } from '../../shared/roles.ts';
import type { DeathCause, Phase, PlayerView, PublicCause, SecretEntry, TimelineEntry } from '../../shared/views.ts';

/** Everything the app says about the game, in one place, so the same thing is always said the same way. */
export const PHASE_LABEL: Record<Phase, string> = {
  lobby: 'Waiting room', night: 'Night', dawn: 'Dawn', day: 'Day', vote: 'Vote', execution: 'Execution', hunter: "Hunter's shot", over: 'Game over',
};

/** An icon next to the label: colour and icon are never the only signal of the phase. */
export const PHASE_ICON: Record<Phase, string> = {
  lobby: '⌂', night: '☾', dawn: '◒', day: '☀', vote: '⚖', execution: '⚔', hunter: '➶', over: '★',
};

export function phaseTitle(phase: Phase, day: number): string {
  if (phase === 'lobby' || phase === 'over') return PHASE_LABEL[phase];
  if (phase === 'night') return `Night ${day}`;
  if (phase === 'dawn') return `Dawn of day ${day}`;
  if (phase === 'day') return `Day ${day}`;
  return `Day ${day}: ${PHASE_LABEL[phase].toLowerCase()}`;
}

/** A team other than the village's and the wolves' (the tanner, the serial killer, the white werewolf) is named after its role. */
const SOLO_TEAMS = new Set(ROLE_LIST.map((r) => r.team as string).filter((t) => t !== 'village' && t !== 'wolves'));
export const TEAM_LABEL: Record<Team | 'nobody', string> = {
  ...(Object.fromEntries(ROLE_LIST.filter((r) => SOLO_TEAMS.has(r.team)).map((r) => [r.team, `the ${r.words.name.toLowerCase()}`])) as Record<Team, string>),
  village: 'the village', wolves: 'the werewolves', lovers: 'the lovers', nobody: 'nobody',
};

/** "The village wins!": the village and a team of one are one, the wolves and the lovers are many. */
export function winsLine(winner: Team | 'nobody'): string {
  if (winner === 'nobody') return 'Nobody wins.';
  return `${capitalize(TEAM_LABEL[winner])} ${winner === 'wolves' || winner === 'lovers' ? 'win' : 'wins'}!`;
}

/** The causes of the phases; the roles that kill add theirs (`words.causes` in shared/game/roles). */
const CAUSES: Record<string, { label: string; sentence: string; atNight: boolean }> = {
  night: { label: 'killed in the night', sentence: 'You were killed in the night', atNight: true },
  executed: { label: 'executed by the village', sentence: 'The village executed you', atNight: false },
  grief: { label: 'died of grief', sentence: 'You died of grief', atNight: false },
  afk: { label: 'removed for missing two votes', sentence: 'You were removed for missing two votes', atNight: false },
  left: { label: 'left the game', sentence: 'You left the game', atNight: false },
  ...Object.assign({}, ...ROLE_LIST.map((r) => r.words.causes ?? {})),
};

export const CAUSE_LABEL: Record<PublicCause | DeathCause, string> = Object.fromEntries(Object.entries(CAUSES).map(([k, c]) => [k, c.label])) as Record<PublicCause | DeathCause, string>;
const DEATH_SENTENCE = (cause: PublicCause | DeathCause) => CAUSES[cause]?.sentence ?? `You died (${cause})`;

/** When a death happened: night n or day n, as the cause says. */
export const deathWhen = (cause: PublicCause | DeathCause, day: number) => `${CAUSES[cause]?.atNight ? 'night' : 'day'} ${day}`;

/** A dead player's line on the table: "✝ Executed by the village, day 2". */
export const deathLine = (d: { cause: PublicCause | DeathCause; day: number }) => `✝ ${capitalize(CAUSE_LABEL[d.cause])}, ${deathWhen(d.cause, d.day)}`;

/** The death screen's first line. */
export function deathSentence(cause: PublicCause | DeathCause, day: number): string {
  return `${DEATH_SENTENCE(cause)} (${deathWhen(cause, day)}).`;
}

export const roleName = (role: RoleId) => ROLES[role]?.name ?? capitalize(role);

/** A symbol per role, next to its name (never alone), as the role declares it. */
export const roleIcon = (role: RoleId) => ROLES[role]?.icon ?? '◆';

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A seat's display name. */
export type Namer = (seat: number) => string;
export function namer(players: Pick<PlayerView, 'seat' | 'name'>[]): Namer {
  return (seat) => players.find((p) => p.seat === seat)?.name ?? `seat ${seat + 1}`;
}

export function listNames(seats: number[], name: Namer): string {
  const names = seats.map(name);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function tallyWords(tally: Record<number, number>, abstain: number, name: Namer): string {
  const parts = Object.entries(tally).sort((a, b) => b[1] - a[1]).map(([seat, n]) => `${name(Number(seat))} ${n}`);
  if (abstain) parts.push(`${abstain} abstained`);
  return parts.length ? ` (${parts.join(', ')})` : ' (no votes)';
}

/** One public timeline entry in words. */
export function describeTimeline(e: TimelineEntry, name: Namer): string {
  switch (e.kind) {
    case 'night': return e.deaths.length ? `Night ${e.day}: ${listNames(e.deaths, name)} ${e.deaths.length === 1 ? 'was' : 'were'} found dead.` : `Night ${e.day}: nobody died.`;
    case 'vote': {
      const round = e.round === 2 ? ' re-vote' : ' vote';
      const t = tallyWords(e.tally, e.abstain, name);
      if (e.outcome === 'executed' && e.seat !== undefined) return `Day ${e.day}${round}: ${name(e.seat)} was executed${t}.`;
      if (e.outcome === 'revote') return `Day ${e.day}${round}: a tie${t}; the tied players face a re-vote.`;
      return `Day ${e.day}${round}: nobody was executed${t}.`;
    }
    case 'death': return `Day ${e.day}: ${name(e.seat)} ${CAUSE_LABEL[e.cause]}.`;
    case 'shot': return e.seat === null ? `Day ${e.day}: the hunter ${name(e.hunter)} shot nobody.` : `Day ${e.day}: the hunter ${name(e.hunter)} shot ${name(e.seat)}.`;
    case 'afk': return `Day ${e.day}: ${name(e.seat)} was removed for missing two votes.`;
    case 'reveal': return `Day ${e.day}: ${name(e.seat)} is revealed as the ${roleName(e.role).toLowerCase()}.`;
    case 'spared': return `Day ${e.day}: ${name(e.seat)} survives the execution.`;
    case 'act': return `Day ${e.day}: ${roleOfDayKind(e.act)?.day?.told(e.seat, name) ?? `${name(e.seat)} acts.`}`;
  }
}

/** One secret entry in words, shown once the game is over: the role that wrote it says it. */
export function describeSecret(e: SecretEntry, name: Namer): string | null {
  if (e.kind === 'deal' || e.kind === 'death') return null;
  for (const r of ROLE_LIST) {
    const text = r.words.secret?.(e, name);
    if (text) return text;
  }
  return null;
}

export function clock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}
