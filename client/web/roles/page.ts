import { NIGHT_ORDER, ROLE_LIST } from '../../../shared/game/roles/index.ts';
import type { RoleModule } from '../../../shared/game/roles/role.ts';
import { PRESET_LIST } from '../../../shared/game/presets.ts';
import type { App, Page } from '../app.ts';
import { h } from '../dom.ts';
import { paths } from '../router.ts';
import { TEAM_LABEL } from '../words.ts';

const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** Where a role acts in the night: its place in the dawn's resolution (docs/rules.md R20), or none. */
export function nightOrder(role: RoleModule): string {
  const i = NIGHT_ORDER.indexOf(role);
  return i < 0 ? 'no night action' : `acts at night, resolved ${ordinal(i + 1)} of ${NIGHT_ORDER.length} at dawn`;
}

/** The team in words; a team the words do not know yet (a new solo role) by its id. */
const team = (r: RoleModule) => (TEAM_LABEL as Record<string, string>)[r.team] ?? r.team;

/**
 * The role glossary (/roles): every role of the catalogue with its icon, name, description, team,
 * night order and rules, read from the role modules; then the presets. Linked from the lobby and
 * from a room's setup panel.
 */
export function rolesPage(_app: App): Page {
  const el = h('div', { class: 'roles-page' },
    h('h1', { tabindex: '-1' }, 'The roles'),
    h('p', null, `${ROLE_LIST.length} roles. The rule numbers point to the rules of the game (docs/rules.md). `, h('a', { href: paths.lobby(), 'data-link': true }, 'Back to the lobby'), '.'),
    h('ul', { class: 'role-glossary' }, ROLE_LIST.map((r) => h('li', { class: 'panel role-entry', id: `glossary-${r.id}`, 'data-role': r.id },
      h('h2', null, h('span', { class: 'role-icon', 'aria-hidden': 'true' }, r.words.icon), ' ', r.words.name),
      h('p', null, r.words.summary, ' ', r.words.description),
      h('dl', { class: 'role-facts' },
        h('dt', null, 'Team'), h('dd', null, `plays for ${team(r)}`),
        h('dt', null, 'Night'), h('dd', { class: 'night-order' }, nightOrder(r)),
        h('dt', null, 'Rules'), h('dd', { class: 'rules' }, r.rules))))),
    h('h2', null, 'Game modes'),
    h('dl', { class: 'glossary' }, PRESET_LIST.map((p) => [h('dt', null, p.words.name), h('dd', null, p.words.description)])),
  );
  return { el, title: 'The roles', dispose() {} };
}
