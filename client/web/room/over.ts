import type { RoomState } from '../../../shared/protocol.ts';
import type { App } from '../app.ts';
import { errorSlot, h, swap } from '../dom.ts';
import { recentGames } from '../lobby/history.ts';
import { paths } from '../router.ts';
import { listNames, namer, winsLine } from '../words.ts';

/** Game over: the winners and why, my own result, play again (host), the replay, and the way out. */
export function overPanel(app: App, leave: () => void) {
  const { client } = app;
  const err = errorSlot();
  const body = h('div');
  const replay = h('p', { class: 'replay-link' });
  const again = h('button', { type: 'button', class: 'primary' }, 'Play again');
  const wait = h('p', { class: 'hint' });
  const el = h('section', { class: 'panel over', 'aria-labelledby': 'over-h' }, body,
    h('div', { class: 'actions' }, again, h('button', { type: 'button', class: 'secondary', onClick: leave }, 'Back to the lobby')), wait, replay, err.el);
  let lookedUp = -1;

  again.addEventListener('click', async () => {
    again.disabled = true;
    const res = await client.send('game:reset', {});
    again.disabled = false;
    err.show(res.ok ? null : res.error.message);
  });

  /** The record is saved just after the game ends: look it up, with a few bounded retries. */
  const findReplay = async (st: RoomState) => {
    const who = st.view.players.find((p) => p.seat === st.view.you?.seat)?.name ?? st.view.players[0]?.name;
    if (!who) return;
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        const game = (await recentGames(who)).find((g) => g.roomId === st.roomId);
        if (game) { swap(replay, h('a', { href: paths.game(game.gameId), 'data-link': true }, 'Watch the replay, night by night')); return; }
      } catch { /* the replay link is a bonus; the game-over screen stands without it */ }
      await new Promise((r) => setTimeout(r, 700 * (attempt + 1)));
    }
  };

  return {
    el,
    update(st: RoomState) {
      const v = st.view;
      el.hidden = v.phase !== 'over' || !v.outcome;
      if (el.hidden || !v.outcome) return;
      const o = v.outcome;
      const name = namer(v.players);
      const won = v.you ? o.seats.includes(v.you.seat) : null;
      swap(body,
        h('h2', { id: 'over-h', tabindex: '-1' }, winsLine(o.winner)),
        h('p', null, o.reason),
        o.seats.length ? h('p', null, 'Winners: ', h('strong', null, listNames(o.seats, name)), '.') : null,
        won === null ? null : h('p', { class: `you-result ${won ? 'won' : 'lost'}` }, won ? '★ You won!' : 'You lost this time.'),
        h('p', { class: 'hint' }, 'Every role is now revealed on the players\' cards, and the story tells the night\'s secrets.'));
      const host = v.you?.isHost ?? false;
      again.hidden = !host;
      wait.textContent = host || !v.you ? '' : `Waiting for ${v.host === null ? 'the host' : name(v.host)} to start a new game.`;
      if (lookedUp !== v.gameNo) { lookedUp = v.gameNo; swap(replay); void findReplay(st); }
    },
  };
}
