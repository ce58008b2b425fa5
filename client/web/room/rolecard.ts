import { ROLES } from '../../../shared/roles.ts';
import type { GameView } from '../../../shared/views.ts';
import { h, swap } from '../dom.ts';
import { roleLink } from '../help.ts';
import { storage } from '../storage.ts';
import { listNames, namer, roleIcon, roleName, TEAM_LABEL } from '../words.ts';

/**
 * My role, what it does, and what only I know: my pack, my lover, my seer results, my potions.
 * It folds away (a <details>), remembered on this device, since it takes room on a phone.
 */
export function roleCard() {
  const summaryText = h('span', { class: 'role-name' });
  const body = h('div', { class: 'role-body' });
  const details = h('details', { class: 'role-details', open: storage.roleOpen }, h('summary', null, h('span', { class: 'visually-hidden' }, 'Your role: '), summaryText), body);
  details.addEventListener('toggle', () => { storage.roleOpen = details.open; });
  const el = h('section', { class: 'panel role-card', 'aria-label': 'Your role' }, details);
  return {
    el,
    update(v: GameView) {
      const you = v.you;
      el.hidden = !you?.role;
      if (!you?.role) return;
      const info = ROLES[you.role];
      const name = namer(v.players);
      const facts: (string | null)[] = [];
      const others = (you.pack ?? []).filter((s) => s !== you.seat);
      if (you.pack) facts.push(others.length ? `Your pack: ${listNames(others, name)}.` : 'You are the only werewolf.');
      if (you.lover !== undefined) facts.push(`You are in love with ${name(you.lover)}: if one of you dies, so does the other.`);
      if (you.lovers) facts.push(`You linked ${name(you.lovers[0])} and ${name(you.lovers[1])} as lovers.`);
      if (you.potions) facts.push(`Potions left: ${[you.potions.heal && 'healing', you.potions.poison && 'poison'].filter(Boolean).join(' and ') || 'none'}.`);
      if (you.lastProtected != null && v.phase !== 'over') facts.push(`Last night you protected ${name(you.lastProtected)}: not again tonight.`);
      if (you.missedVotes > 0 && you.alive && v.phase !== 'over') facts.push(`You missed the last vote: miss another and you are out.`);
      const seen = you.seerResults ?? [];
      summaryText.dataset.team = info?.team ?? '';
      summaryText.replaceChildren(h('span', { class: 'role-icon', 'aria-hidden': 'true' }, roleIcon(you.role)), ' ', roleName(you.role));
      swap(body,
        h('p', { class: 'team' }, `You play for ${TEAM_LABEL[you.team ?? info.team]}.`),
        h('p', { class: 'summary' }, info?.summary ?? '', ' ', roleLink(you.role, `More about the ${roleName(you.role)}`)),
        facts.filter(Boolean).map((f) => h('p', { class: 'fact' }, f)),
        seen.length ? h('div', { class: 'seen' }, h('h3', null, 'What you have seen'),
          h('ul', null, seen.map((r) => h('li', { 'data-team': r.team }, `Night ${r.night}: ${name(r.seat)} is with `, h('strong', null, r.team === 'wolves' ? 'the werewolves' : 'the village'), '.')))) : null,
        you.alive || v.phase === 'over' ? null : h('p', { class: 'fact dead-note' }, '✝ You are dead. You follow the game as a ghost.'));
    },
  };
}
