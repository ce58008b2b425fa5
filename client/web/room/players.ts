import type { GameView, PlayerView } from '../../../shared/views.ts';
import { avatar } from '../avatar.ts';
import { h, swap } from '../dom.ts';
import { roleLink } from '../help.ts';
import { deathLine, namer, plural, roleIcon, roleName, TEAM_LABEL } from '../words.ts';
import { type CardAction, tallyOf } from './prompt.ts';

/**
 * The table: every player with alive or dead, revealed role or team, and the public state of the
 * phase (ready, voted, and whom when votes are public). Private marks (pack, lover, seer results)
 * come only from the viewer's own `you`, so a spectator's table carries no secret.
 */
/** Avatar, name and alive or dead, in words as well as in looks. */
export function playerHead(p: { name: string; alive: boolean; bot: boolean }): HTMLElement {
  return h('span', { class: 'phead' },
    h('span', { class: `avatar${p.alive ? '' : ' gone'}` }, avatar(p.name, p.bot)),
    h('span', { class: 'pwho' }, h('span', { class: 'pname' }, p.name), h('span', { class: 'state' }, p.alive ? 'alive' : '✝ dead')));
}

export function playersGrid() {
  const list = h('ul', { class: 'players' });
  const title = h('h2', { id: 'players-h' });
  const el = h('section', { class: 'panel players-panel', 'aria-labelledby': 'players-h' }, title, list);

  const card = (v: GameView, p: PlayerView, act: CardAction | null, tally: Map<number, number> | null) => {
    const you = v.you;
    const name = namer(v.players);
    const me = you?.seat === p.seat;
    const tags: [string, string][] = [];
    if (me) tags.push(['you', 'you']);
    if (v.host === p.seat) tags.push(['host', 'host']);
    if (p.bot) tags.push(['bot', 'bot']);
    if (!p.connected && p.alive) tags.push(['offline', 'offline']);
    if (you?.pack?.includes(p.seat) && !me) tags.push(['pack', 'your pack']);
    if (you?.lover === p.seat) tags.push(['lover', 'your lover']);
    if (you?.lovers?.includes(p.seat) && !me) tags.push(['lover', 'lover']);
    const seen = you?.seerResults?.filter((r) => r.seat === p.seat).at(-1);
    if (seen) tags.push([`seen-${seen.team}`, seen.team === 'wolves' ? 'seen: werewolf' : 'seen: village']);
    if (v.phase === 'day' && p.alive && v.ready.includes(p.seat)) tags.push(['ready', 'ready']);
    // With public ballots the ballot line says it all; with secret ones, only who has voted.
    const shownBallot = v.vote?.ballots !== undefined && p.seat in v.vote.ballots;
    if (v.vote && p.alive && !shownBallot) tags.push(v.vote.voted.includes(p.seat) ? ['voted', 'voted'] : ['waiting', 'not voted']);
    if (v.outcome?.seats.includes(p.seat)) tags.push(['winner', 'winner']);

    const ballot = v.vote?.ballots?.[p.seat];
    const received = tally?.get(p.seat) ?? 0;
    const living = v.players.filter((x) => x.alive).length;
    // The pack's picks tonight, on the wolves' own screens only (they come from `you`).
    const pickedBy = Object.entries(you?.packPicks ?? {}).filter(([, t]) => t === p.seat).length;
    const role = p.role ? h('span', { class: 'prole' }, h('span', { 'aria-hidden': 'true' }, `${roleIcon(p.role)} `), roleLink(p.role, roleName(p.role)))
      : p.team ? h('span', { class: 'prole' }, `team: ${TEAM_LABEL[p.team]}`) : null;
    const head = playerHead(p);
    // A card is the player's button when the prompt can name them: tap to vote or target.
    const face = act
      ? h('button', { type: 'button', class: 'card-act', 'data-key': `card-${p.seat}`, 'aria-pressed': String(act.pressed), 'aria-disabled': act.busy ? 'true' : null, onClick: () => { if (!act.busy) act.pick(); } },
          head, h('span', { class: 'verb' }, act.pressed ? `✓ ${act.verb}` : act.verb))
      : head;
    return h('li', {
      class: `player${p.alive ? '' : ' dead'}${me ? ' me' : ''}${act ? ' actionable' : ''}${act?.pressed ? ' chosen' : ''}`,
      'data-seat': p.seat, 'data-alive': String(p.alive), ...(p.role ? { 'data-role': p.role } : {}),
    },
      face,
      role,
      p.death ? h('span', { class: 'death' }, deathLine(p.death)) : null,
      tags.length ? h('span', { class: 'tags' }, tags.map(([k, t]) => h('span', { class: `tag tag-${k}` }, t))) : null,
      ballot !== undefined ? h('span', { class: 'ballot' }, ballot === null ? 'abstains' : `votes ${name(ballot)}`) : null,
      tally && p.alive && v.vote?.candidates.includes(p.seat)
        ? h('span', { class: 'received' }, h('span', { class: 'tally-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.round((received / Math.max(1, living)) * 100)}%` })), `${plural(received, 'vote')} against`)
        : null,
      pickedBy ? h('span', { class: 'received' }, `picked by ${plural(pickedBy, 'wolf', 'wolves')}`) : null,
    );
  };

  return {
    el,
    update(v: GameView, action: (seat: number) => CardAction | null = () => null) {
      const alive = v.players.filter((p) => p.alive).length;
      // Who has voted is always public, even with secret ballots: the count is for everyone.
      const progress = v.vote ? ` · ${v.vote.voted.length} of ${alive} have voted` : v.phase === 'day' ? ` · ${v.ready.length} of ${alive} ready to vote` : '';
      title.textContent = `Players: ${alive} alive of ${v.players.length}${progress}`;
      const tally = tallyOf(v);
      swap(list, v.players.map((p) => card(v, p, action(p.seat), tally)));
    },
  };
}
