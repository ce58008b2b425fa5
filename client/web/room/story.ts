import type { GameView, TimelineEntry } from '../../../shared/views.ts';
import { nameHash } from '../avatar.ts';
import { describeTimeline, listNames, namer, roleName, TEAM_LABEL } from '../words.ts';

/**
 * The game told as a story: each public timeline entry in one or two sentences, the wording
 * varied but fixed per entry (the same dawn reads the same on every screen and every reread).
 * Only public facts go in: names, the public cause, and a dead player's role or team when this
 * view carries it (the reveal setting, the viewer's own seat, or game over). Nothing else.
 */
type Vary = (options: string[]) => string;

const variant = (e: TimelineEntry): Vary => {
  const n = nameHash(JSON.stringify(e));
  return (options) => options[n % options.length];
};

function tallyWords(e: Extract<TimelineEntry, { kind: 'vote' }>): string {
  const counts = Object.values(e.tally).sort((a, b) => b - a);
  if (!counts.length) return '';
  if (counts.length === 1) return ` by ${counts[0]} ${counts[0] === 1 ? 'vote' : 'votes'}`;
  return ` by ${counts[0]} votes to ${counts[1]}`;
}

export function narrate(e: TimelineEntry, v: Pick<GameView, 'players'>): string {
  const name = namer(v.players);
  const pick = variant(e);
  // What the view knows of a dead player, and only that.
  const unmask = (seat: number) => {
    const p = v.players.find((x) => x.seat === seat);
    if (!p || p.alive) return '';
    if (p.role) return ` ${p.name} was ${/^[AEIOU]/.test(roleName(p.role)) ? 'an' : 'a'} ${roleName(p.role)}.`;
    if (p.team) return ` ${p.name} played for ${TEAM_LABEL[p.team]}.`;
    return '';
  };
  switch (e.kind) {
    case 'night': {
      const d = e.day;
      if (!e.deaths.length) return pick([
        `Night ${d} passes in silence: at dawn every door opens, and nobody is missing.`,
        `A quiet night. When the village gathers on day ${d}, everyone is there.`,
        `The wolves howl, but nobody dies in night ${d}.`,
      ]);
      const who = listNames(e.deaths, name);
      const masks = e.deaths.map(unmask).join('');
      if (e.deaths.length > 1) return pick([
        `A grim dawn on day ${d}: ${who} are found dead.`,
        `The night was cruel: ${who} will not see day ${d}.`,
      ]) + masks;
      return pick([
        `Dawn of day ${d}: ${who} is found dead at the edge of the village.`,
        `The village wakes to a scream on day ${d}: ${who} did not survive the night.`,
        `When the rooster crows on day ${d}, ${who}'s door stays shut. ${who} is dead.`,
      ]) + masks;
    }
    case 'vote': {
      const t = tallyWords(e);
      const again = e.round === 2 ? ' again' : '';
      if (e.outcome === 'executed' && e.seat !== undefined) {
        const x = name(e.seat);
        return pick([
          `The village has spoken${again}${t}: ${x} is led to the gallows.`,
          `The verdict${t} falls on ${x}. The village watches in silence.`,
          `Hands go up${t}, and ${x} is executed on day ${e.day}.`,
        ]) + unmask(e.seat);
      }
      if (e.outcome === 'revote') {
        const top = Math.max(...Object.values(e.tally));
        const tied = Object.entries(e.tally).filter(([, n]) => n === top).map(([s]) => Number(s));
        return pick([
          `A tie between ${listNames(tied, name)}: the village must choose again.`,
          `The votes split evenly between ${listNames(tied, name)}. Another vote is called.`,
        ]);
      }
      return pick([
        `The village cannot agree${again}: nobody is executed on day ${e.day}.`,
        `The votes scatter and the gallows stay empty on day ${e.day}.`,
      ]);
    }
    case 'death': {
      const x = name(e.seat);
      const line = e.cause === 'grief' ? pick([`Heartbroken, ${x} dies of grief.`, `${x} cannot bear the loss, and dies of a broken heart.`])
        : e.cause === 'left' ? `${x} leaves the village for good.`
        : e.cause === 'afk' ? `${x} missed two votes and is out of the game.`
        : e.cause === 'shot' ? `${x} is shot.`
        : `${x} dies.`;
      return line + unmask(e.seat);
    }
    case 'shot':
      if (e.seat === null) return `The dying hunter ${name(e.hunter)} lowers the gun and shoots nobody.`;
      return pick([
        `A shot rings out: with a last breath, the hunter ${name(e.hunter)} takes ${name(e.seat)} down.`,
        `The hunter ${name(e.hunter)} fires one last time, and ${name(e.seat)} falls.`,
      ]) + unmask(e.seat);
    case 'afk': return `${name(e.seat)} missed two votes and is out of the game.` + unmask(e.seat);
    // Reveals, spared executions and day actions read the same in the story as in the timeline.
    case 'reveal': case 'spared': case 'act': return describeTimeline(e, name).replace(/^Day \d+: /, '');
  }
}

/** When an entry happened, for the story's margin. */
export function storyWhen(e: TimelineEntry): string {
  if (e.kind === 'night') return `Night ${e.day}`;
  if (e.kind === 'vote') return e.round === 2 ? `Day ${e.day}, re-vote` : `Day ${e.day}`;
  return `Day ${e.day}`;
}
