import type { RoleId } from '../../shared/roles.ts';
import type { Settings } from '../../shared/settings.ts';
import { presetOf } from '../../shared/game/presets.ts';
import { h } from './dom.ts';
import { roleName } from './words.ts';

const REVEAL = { full: 'their role', team: 'only their side', none: 'nothing' } as const;
const TIE = { revote: 'they vote again between them', random: 'lots are drawn between them', 'revote-random': 'they vote again, then lots are drawn', none: 'nobody is executed' } as const;

/** The room's settings as a short read-only list, for players who are not the host. */
export function settingsSummary(s: Settings): HTMLElement {
  const d = s.durations;
  const preset = presetOf(s);
  const roles = preset.id !== 'custom' || s.roles === 'auto' ? `${preset.words.name}: ${preset.words.description}` : Object.entries(s.roles).filter(([, n]) => n).map(([r, n]) => `${n} × ${roleName(r as RoleId)}`).join(', ') + ', villagers for the rest';
  const rows: [string, string][] = [
    ['Room', `${s.visibility}, up to ${s.maxSeats} players`],
    ['Roles', roles],
    ['Phases', `night ${d.night} s, day ${d.day} s, vote ${d.vote} s, dawn ${d.dawn} s, execution ${d.execution} s, hunter ${d.hunter} s`],
    ['When a player dies, the village learns', REVEAL[s.reveal]],
    ['Who is executed after the vote', s.voteRule === 'majority' ? 'only someone with more than half of the living players\' votes' : 'whoever gets the most votes'],
    ['When the vote is tied', TIE[s.tieRule]],
    ['Votes', s.secretVotes ? 'secret: only who has voted is shown' : 'public'],
    ['Chat', [s.wolfChat ? 'werewolves chat at night' : 'no wolf chat', s.deadChat ? 'the dead chat together' : 'no dead chat'].join('; ')],
    ['Spectators', s.allowSpectators ? (s.spectatorsSeeDeadChat ? 'allowed, and they read the dead chat' : 'allowed') : 'not allowed'],
  ];
  return h('dl', { class: 'summary-list' }, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}
