import { h, swap } from '../dom.ts';
import { paths } from '../router.ts';
import { TEAM_LABEL, capitalize } from '../words.ts';

interface GameSummary { gameId: string; roomId: string; name: string; winner: keyof typeof TEAM_LABEL; players: number; finishedAt: number }

/** A player's recently finished games, from GET /api/games?player=NAME. */
export async function recentGames(player: string): Promise<GameSummary[]> {
  const res = await fetch(`/api/games?player=${encodeURIComponent(player)}`);
  if (!res.ok) throw new Error(`The server answered ${res.status}.`);
  return ((await res.json()) as { games: GameSummary[] }).games;
}

/** The lobby's "your recent games" section, with a link to each replay. */
export function historySection(): { el: HTMLElement; load(player: string): void } {
  const list = h('ul', { class: 'history' });
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });
  let seq = 0;
  return {
    el: h('section', { 'aria-labelledby': 'history-h' }, h('h2', { id: 'history-h' }, 'Your recent games'), status, list),
    load(player) {
      const mine = ++seq;
      if (!player) { status.textContent = 'Choose a name to see your games.'; swap(list); return; }
      status.textContent = 'Loading…';
      recentGames(player).then((games) => {
        if (mine !== seq) return;
        status.textContent = games.length ? '' : `No finished games for ${player} yet.`;
        swap(list, games.map((g) => h('li', null,
          h('a', { href: paths.game(g.gameId), 'data-link': true }, g.name),
          h('span', { class: 'muted' }, ` · ${capitalize(TEAM_LABEL[g.winner])} won · ${g.players} players · ${new Date(g.finishedAt).toLocaleString()}`))));
      }, (err: Error) => { if (mine === seq) status.textContent = `Could not load your games: ${err.message}`; });
    },
  };
}
