import type { GameContext, GameEvent } from '../../../shared/game/index.ts';
import { roleOfKind } from '../../../shared/game/roles/index.ts';
import { capitalize, describeSecret, describeTimeline, namer, phaseTitle, roleName, winsLine } from '../words.ts';

/** A step of a replay in words: what was done, then what it caused (deaths, votes, a new phase). */
export function describeStep(e: GameEvent, before: GameContext, after: GameContext): string[] {
  const name = namer(before.players);
  const role = (seat: number) => {
    const r = before.players.find((p) => p.seat === seat)?.role;
    return r ? roleName(r).toLowerCase() : 'player';
  };
  const who = (seat: number) => `${name(seat)} (${role(seat)})`;
  const out: string[] = [];
  switch (e.type) {
    case 'game.start': out.push(`The game begins with ${after.players.length} players; the roles are dealt.`); break;
    case 'night.act': {
      const a = e.action;
      // Each role tells its own action (shared/game/roles); sleep is nobody's.
      const told = a.kind === 'sleep' ? 'sleeps' : roleOfKind(a.kind)?.words.night?.told(a, who) ?? a.kind;
      out.push(`${who(e.seat)} ${told}.`);
      break;
    }
    case 'day.ready': out.push(`${who(e.seat)} is ready to vote.`); break;
    case 'vote.cast': out.push(e.target === null ? `${who(e.seat)} abstains.` : `${who(e.seat)} votes for ${who(e.target)}.`); break;
    case 'hunter.shoot': out.push(e.target === null ? `The hunter ${name(e.seat)} shoots nobody.` : `The hunter ${name(e.seat)} shoots ${who(e.target)}.`); break;
    case 'room.leave': out.push(`${who(e.seat)} leaves the game.`); break;
    case 'timer.expired': out.push('Time is up.'); break;
    case 'chat.send': break;
    default: out.push(e.type);
  }
  const fresh = namer(after.players);
  for (const s of after.secrets.slice(before.secrets.length)) { const t = describeSecret(s, fresh); if (t) out.push(t); }
  for (const t of after.timeline.slice(before.timeline.length)) out.push(describeTimeline(t, fresh));
  if (after.phase !== before.phase && after.phase !== 'over') out.push(`${phaseTitle(after.phase, after.day)} begins.`);
  if (after.outcome && !before.outcome) out.push(`Game over. ${winsLine(after.outcome.winner)} ${after.outcome.reason}`);
  return out.map(capitalize);
}
