import { ROLE_MODULES } from '../../../shared/game/roles/index.ts';
import { ROLES } from '../../../shared/game/catalogue.ts';
import type { GameView } from '../../../shared/views.ts';
import { h, swap } from '../dom.ts';
import { roleLink } from '../help.ts';
import { storage } from '../storage.ts';
import { namer, roleIcon, roleName, TEAM_LABEL } from '../words.ts';

/**
 * My role, what it does, and what only I know (my lover, and what my role declares: my pack, my
 * seer results, my potions).
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
      if (you.lover !== undefined) facts.push(`You are in love with ${name(you.lover)}: if one of you dies, so does the other.`);
      // What only this seat knows, in its role's words (shared/game/roles: `words.facts`).
      facts.push(...(ROLE_MODULES.get(you.role)?.words.facts?.(you, name, v.phase === 'over') ?? []));
      // What the pack learned of other roles (`packView`), in those roles' words: only a pack member's view holds it.
      for (const m of ROLE_MODULES.values()) facts.push(...(m.words.packFacts?.(you, name, v.phase === 'over') ?? []));
      if (you.missedVotes > 0 && you.alive && v.phase !== 'over') facts.push(`You missed the last vote: miss another and you are out.`);
      summaryText.dataset.team = info?.team ?? '';
      summaryText.replaceChildren(h('span', { class: 'role-icon', 'aria-hidden': 'true' }, roleIcon(you.role)), ' ', roleName(you.role));
      swap(body,
        h('p', { class: 'team' }, `You play for ${TEAM_LABEL[you.team ?? info.team]}.`),
        h('p', { class: 'summary' }, info?.summary ?? '', ' ', roleLink(you.role, `More about the ${roleName(you.role)}`)),
        facts.filter(Boolean).map((f) => h('p', { class: 'fact' }, f)),
        you.alive || v.phase === 'over' ? null : h('p', { class: 'fact dead-note' }, '✝ You are dead. You follow the game as a ghost.'));
    },
  };
}
