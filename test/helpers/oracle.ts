import type { Audience, GameContext, ViewBody } from '../../shared/game/index.ts';
import type { PublicCause } from '../../shared/views.ts';

const PUBLIC_CAUSES: readonly string[] = ['night', 'executed', 'shot', 'grief', 'afk', 'left'] satisfies PublicCause[];
/** Keys of the rules' internal state that no view may ever carry. */
const INTERNAL_KEYS = new Set(['rng', 'seed', 'picks', 'actions', 'pendingShots', 'missed', 'executed', 'next', 'chatSeq', 'publicCause']);

function keysOf(x: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(x)) for (const v of x) keysOf(v, out);
  else if (x !== null && typeof x === 'object') for (const [k, v] of Object.entries(x)) { out.add(k); keysOf(v, out); }
  return out;
}

/**
 * What in `view` its audience may not know, as a list of problems (empty when the view is clean).
 * Written from docs/rules.md R70–R79 directly, without the code under test's helpers.
 */
export function leaks(ctx: GameContext, audience: Audience, view: ViewBody): string[] {
  const problems: string[] = [];
  const bad = (what: string) => problems.push(`${audience.kind === 'seat' ? `seat ${audience.seat}` : 'spectator'} in ${ctx.phase}: ${what}`);
  const over = ctx.phase === 'over';
  const me = audience.kind === 'seat' ? ctx.players.find((p) => p.seat === audience.seat) : undefined;
  const myRole = me?.role ?? null;

  const keys = keysOf(view, new Set());
  for (const k of INTERNAL_KEYS) if (keys.has(k)) bad(`internal key "${k}"`);
  if (over) {
    if (!view.secrets) bad('no secrets at game over');
    return problems;
  }
  if ('secrets' in view) bad('secrets before game over');

  for (const pv of view.players) {
    const p = ctx.players.find((x) => x.seat === pv.seat);
    if (!p) { bad(`unknown seat ${pv.seat}`); continue; }
    const own = me?.seat === p.seat;
    if (pv.role !== undefined && !own && !(!p.alive && ctx.settings.reveal === 'full')) bad(`role of seat ${p.seat}`);
    if (pv.team !== undefined && !own && !(!p.alive && ctx.settings.reveal !== 'none')) bad(`team of seat ${p.seat}`);
    if (pv.role !== undefined && pv.role !== p.role) bad(`wrong role for seat ${p.seat}`);
    if (pv.death && (!PUBLIC_CAUSES.includes(pv.death.cause) || pv.death.cause !== p.death?.publicCause)) bad(`true cause of seat ${p.seat}'s death`);
  }
  for (const e of view.timeline) {
    if (e.kind === 'vote' && e.ballots && ctx.settings.secretVotes) bad('secret ballots in the timeline');
    if (e.kind === 'death' && !PUBLIC_CAUSES.includes(e.cause)) bad(`true cause in the timeline: ${e.cause}`);
  }
  if (view.vote?.ballots && ctx.settings.secretVotes) bad('secret ballots in the vote');

  for (const m of view.chat) {
    if (m.channel === 'wolves' && myRole !== 'werewolf') bad('wolves chat');
    if (m.channel === 'dead' && !(me ? !me.alive : ctx.settings.spectatorsSeeDeadChat)) bad('dead chat');
  }

  if (audience.kind === 'spectator' || !me) {
    if (view.you !== null) bad('a seat view for a non-member');
    return problems;
  }
  const you = view.you;
  if (!you) { bad('no seat view'); return problems; }
  if (you.seat !== me.seat || you.role !== me.role) bad('wrong seat or role');
  if ((you.pack !== undefined || you.packPicks !== undefined) && myRole !== 'werewolf') bad('the pack');
  if (you.packPicks && ctx.phase !== 'night' && Object.keys(you.packPicks).length > 0) bad('picks outside the night');
  if (you.seerResults !== undefined && myRole !== 'seer') bad('seer results');
  if (you.seerResults) {
    for (const r of you.seerResults) {
      const made = ctx.secrets.some((s) => s.kind === 'seer' && s.seer === me.seat && s.night === r.night && s.seat === r.seat)
        || (ctx.phase === 'night' && r.night === ctx.day && ctx.night.actions[me.seat]?.kind === 'seer');
      if (!made) bad(`a seer result seat ${me.seat} did not ask for`);
    }
  }
  if (you.potions !== undefined && myRole !== 'witch') bad('potions');
  if (you.lastProtected !== undefined && myRole !== 'doctor') bad('last protected');
  if (you.lovers !== undefined && myRole !== 'cupid') bad('the couple');
  if (you.lover !== undefined && you.lover !== me.lover) bad('a lover');
  const prompt = you.prompt;
  if (prompt) {
    const roleFor: Record<string, string> = { wolf: 'werewolf', seer: 'seer', doctor: 'doctor', witch: 'witch', cupid: 'cupid' };
    if (prompt.kind in roleFor && (roleFor[prompt.kind] !== myRole || !me.alive || ctx.phase !== 'night')) bad(`a ${prompt.kind} prompt`);
    if (prompt.kind === 'hunter' && ctx.pendingShots[0] !== me.seat) bad('a hunter prompt');
    if ((prompt.kind === 'vote' || prompt.kind === 'ready') && !me.alive) bad('a prompt for the dead');
  }
  return problems;
}
