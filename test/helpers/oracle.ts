import type { Audience, GameContext, Player, ViewBody } from '../../shared/game/index.ts';
import { CHANNEL_READERS, GAME_FIELDS, type Grant, PACK_FIELDS, PLAYER_FIELDS, ROLE_FIELDS, type Table, YOU_FIELDS } from '../../shared/game/views-fields.ts';
import { ROLE_LIST, ROLE_MODULES } from '../../shared/game/roles/index.ts';
import { inPack } from '../../shared/game/derived.ts';
import type { PublicCause } from '../../shared/views.ts';

/**
 * The leak oracle of the property tests: an allow-list. Every key present anywhere in a view must
 * have a declaration in shared/game/views-fields.ts whose audience holds the recipient; a key with
 * no declaration fails, so a field nobody declared can never slip out. Only the declarations (the
 * data) come from the code under test: who is in an audience is decided here, from docs/rules.md
 * R70–R79 and the raw context, not by the code's own audience check. On top of that, rules on
 * values: true death causes, seer results the seat asked for, prompts that fit the seat, ...
 */

const PUBLIC_CAUSES: readonly string[] = ['night', 'executed', 'shot', 'grief', 'afk', 'left'] satisfies PublicCause[];
/** Keys of the rules' internal state that no view may carry, even inside a field read whole. */
const INTERNAL_KEYS = new Set(['rng', 'seed', 'picks', 'actions', 'pendingShots', 'missed', 'executed', 'next', 'chatSeq', 'publicCause']);

interface Reader { ctx: GameContext; audience: Audience; me: Player | undefined; bad: (what: string) => void }

/** Whether `g` lets this recipient read a field about `subject`, from the rules' own words. */
function holds(g: Grant, r: Reader, subject: Player | undefined): boolean {
  if (g === 'everyone') return true;
  if (g === 'over') return r.ctx.phase === 'over'; // R78
  if (g === 'own') return r.me !== undefined && subject !== undefined && subject.seat === r.me.seat; // R72
  if (g === 'wolves') return inPack(r.me?.role ?? null); // R65: the roles that declare the pack's way
  if (g === 'dead') return r.me !== undefined && !r.me.alive; // R79
  if (g === 'revealed') return subject?.revealed === true; // R80
  const setting = r.ctx.settings[g.setting] as unknown;
  return g.in.includes(setting) && (g.of !== 'dead' || (subject !== undefined && !subject.alive)) && (g.to !== 'spectators' || r.audience.kind === 'spectator');
}

/** The role a seat is told it holds while the game runs (R72): its own, or the one its module says it believes. */
function believed(ctx: GameContext, p: Player): string | null {
  if (!p.role || ctx.phase === 'over') return p.role;
  return ROLE_MODULES.get(p.role)?.believes ?? p.role;
}

function seatIn(ctx: GameContext, seat: unknown): Player | undefined {
  return ctx.players.find((p) => p.seat === seat);
}

/** Check every key of `obj` against `table`, and the nested objects and lists the table declares. */
function walk(table: Table<never>, obj: Record<string, unknown>, path: string, r: Reader, subject: Player | undefined): void {
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    const at = `${path}.${key}`;
    const field = table[key];
    if (!field) {
      if (table === (YOU_FIELDS as Table<never>) && key in PACK_FIELDS) {
        // A field of the pack's (R65, R120), or what the pack learns of another role (R161): the recipient's own seat, a member of the pack, alive or dead.
        if (!(holds('own', r, subject) && inPack(r.me?.role ?? null))) r.bad(`${at}, the pack's knowledge of the ${PACK_FIELDS[key]}`);
        continue;
      }
      if (table === (YOU_FIELDS as Table<never>) && key in ROLE_FIELDS) {
        // A role's own field: the recipient's own seat, holding that very role (R73–R75).
        if (!(holds('own', r, subject) && r.me && believed(r.ctx, r.me) === ROLE_FIELDS[key])) r.bad(`${at}, a field of the ${ROLE_FIELDS[key]}`);
        continue;
      }
      r.bad(`undeclared field ${at}`);
      continue;
    }
    if (!field.who.some((g) => holds(g, r, subject))) r.bad(`${at}, not for this audience`);
    if (value === null || typeof value !== 'object') continue;
    if (field.of) walk(field.of, value as Record<string, unknown>, at, r, key === 'you' ? seatIn(r.ctx, (value as { seat?: unknown }).seat) : subject);
    if (field.each) {
      if (!Array.isArray(value)) { r.bad(`${at} is not a list`); continue; }
      value.forEach((entry: Record<string, unknown>, i) => {
        if (field.entries) {
          const who = field.entries.who[String(entry[field.entries.by])];
          if (!who?.some((g) => holds(g, r, undefined))) r.bad(`${at}[${i}] (${field.entries.by} ${String(entry[field.entries.by])}), not for this audience`);
        }
        walk(field.each!, entry, `${at}[${i}]`, r, field.each === (PLAYER_FIELDS as Table<never>) ? seatIn(r.ctx, entry.seat) : subject);
      });
    }
  }
}

function keysOf(x: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(x)) for (const v of x) keysOf(v, out);
  else if (x !== null && typeof x === 'object') for (const [k, v] of Object.entries(x)) { out.add(k); keysOf(v, out); }
  return out;
}

/** The roles whose night action each prompt kind asks for, from the role modules (the pack's roles share one). */
const roleFor = new Map<string, Set<string>>();
for (const r of ROLE_LIST) if (r.night) roleFor.set(r.night.kind, (roleFor.get(r.night.kind) ?? new Set()).add(r.id));

/** What in `view` its audience may not know, as a list of problems (empty when the view is clean). */
export function leaks(ctx: GameContext, audience: Audience, view: ViewBody): string[] {
  const problems: string[] = [];
  const bad = (what: string) => problems.push(`${audience.kind === 'seat' ? `seat ${audience.seat}` : 'spectator'} in ${ctx.phase}: ${what}`);
  const me = audience.kind === 'seat' ? seatIn(ctx, audience.seat) : undefined;
  const myRole = me?.role ?? null;

  // The allow-list.
  const { version: _version, ...body } = view as ViewBody & { version?: number };
  walk(GAME_FIELDS as Table<never>, body, 'view', { ctx, audience, me, bad }, undefined);

  // Rules on values.
  const keys = keysOf(view, new Set());
  for (const k of INTERNAL_KEYS) if (keys.has(k)) bad(`internal key "${k}"`);
  if (ctx.phase === 'over') {
    if (!view.secrets) bad('no secrets at game over');
    return problems;
  }
  for (const pv of view.players) {
    const p = seatIn(ctx, pv.seat);
    if (!p) { bad(`unknown seat ${pv.seat}`); continue; }
    if (pv.role !== undefined && pv.role !== p.role && !(me?.seat === p.seat && pv.role === believed(ctx, p))) bad(`wrong role for seat ${p.seat}`);
    if (pv.death && (!PUBLIC_CAUSES.includes(pv.death.cause) || pv.death.cause !== p.death?.publicCause)) bad(`true cause of seat ${p.seat}'s death`);
  }
  for (const e of view.timeline) if (e.kind === 'death' && !PUBLIC_CAUSES.includes(e.cause)) bad(`true cause in the timeline: ${e.cause}`);
  for (const m of view.chat) {
    if (m.channel === 'wolves' && !inPack(myRole)) bad('wolves chat');
    if (m.channel === 'dead' && !(me ? !me.alive : audience.kind === 'spectator' && ctx.settings.spectatorsSeeDeadChat)) bad('dead chat');
  }

  if (!me) {
    if (view.you !== null) bad('a seat view for a non-member');
    return problems;
  }
  const you = view.you;
  if (!you) { bad('no seat view'); return problems; }
  if (you.seat !== me.seat || you.role !== believed(ctx, me)) bad('wrong seat or role');
  if (you.packPicks && ctx.phase !== 'night' && Object.keys(you.packPicks).length > 0) bad('picks outside the night');
  for (const r of you.seerResults ?? []) {
    // The fool's looks are kept as his own entries (R190); his view shows them as the seer's.
    const made = ctx.secrets.some((s) => ((s.kind === 'seer' && s.seer === me.seat) || (s.kind === 'fool' && s.fool === me.seat)) && s.night === r.night && s.seat === r.seat)
      || (ctx.phase === 'night' && r.night === ctx.day && ctx.night.actions[me.seat]?.kind === 'seer');
    if (!made) bad(`a seer result seat ${me.seat} did not ask for`);
  }
  if (you.lover !== undefined && you.lover !== me.lover) bad('a lover');
  // R157: exactly the masons' seats.
  if (you.masons) {
    const masons = ctx.players.filter((p) => p.role === 'mason').map((p) => p.seat);
    if (JSON.stringify([...you.masons].sort((a, b) => a - b)) !== JSON.stringify(masons)) bad('masons who are not the masons');
  }
  // R160: the wolves' words of a night she peeked, and nothing of who wrote them.
  for (const m of you.peeked ?? []) {
    const keys = Object.keys(m).sort().join();
    if (keys !== 'night,text') bad(`a peeked message with ${keys}`);
    const peekedThen = ctx.secrets.some((e) => e.kind === 'peek' && e.seat === me.seat && e.night === m.night)
      || (ctx.phase === 'night' && m.night === ctx.day && ctx.night.actions[me.seat]?.kind === 'peek');
    if (!peekedThen) bad(`a peeked message of night ${m.night}, when seat ${me.seat} did not peek`);
    if (!ctx.chat.some((c) => c.channel === 'wolves' && c.text === m.text)) bad('a peeked message the wolves did not write');
  }
  // R161: only little girls the record says the pack caught.
  for (const c of you.caughtPeeking ?? []) {
    if (!ctx.secrets.some((e) => e.kind === 'peek' && e.discovered && e.seat === c.seat && e.night === c.night)) bad(`a little girl (seat ${c.seat}) the pack did not catch`);
  }
  const prompt = you.prompt;
  if (prompt) {
    const askers = roleFor.get(prompt.kind);
    if (askers && (!askers.has(myRole ?? '') || !me.alive || ctx.phase !== 'night')) bad(`a ${prompt.kind} prompt`);
    if (prompt.kind === 'hunter' && ctx.pendingShots[0] !== me.seat) bad('a hunter prompt');
    if ((prompt.kind === 'vote' || prompt.kind === 'ready') && !me.alive) bad('a prompt for the dead');
  }
  return problems;
}
