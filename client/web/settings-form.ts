import { ROLE_IDS } from '../../shared/game/catalogue.ts';
import type { RoleId } from '../../shared/roles.ts';
import { MAX_PLAYERS, MIN_PLAYERS } from '../../shared/limits.ts';
import type { Durations, RoleCounts, Settings, SettingsPatch } from '../../shared/settings.ts';
import { autoRoles } from '../../shared/game/deal.ts';
import { PRESET_LIST, PRESETS, presetOf, presetRoles, startProblem } from '../../shared/game/presets.ts';
import type { PresetId } from '../../shared/settings.ts';
import { ROLE_LIST, ROLE_MODULES } from '../../shared/game/roles/index.ts';
import { checkbox, errorSlot, field, h, select } from './dom.ts';
import { roleName } from './words.ts';

/** Roles a host counts by hand; villagers fill the remaining seats. */
const COUNTED = ROLE_IDS.filter((r) => r !== 'villager');
const DURATIONS: [keyof Durations, string, string][] = [
  ['night', 'Night', 'Time for the night roles to act. It ends early once everyone has answered.'],
  ['dawn', 'Dawn', 'A pause to read who died in the night.'],
  ['day', 'Day talk', 'Time to talk before the vote; it ends early when all are ready.'],
  ['vote', 'Vote', 'Time to vote for someone to execute.'],
  ['execution', 'Execution', 'A pause to read the verdict.'],
  ['hunter', "Hunter's shot", 'Time for a dying hunter to pick a target.'],
];

export interface SettingsForm {
  el: HTMLElement;
  /** Show settings from the server; the field being edited is left alone. */
  set(s: Settings, players?: number): void;
  read(): Settings;
  disable(on: boolean): void;
  error(message: string | null): void;
}

const num = (name: string, min: number, max: number, value: number) => h('input', { type: 'number', name, min, max, value: String(value), inputmode: 'numeric', required: true });

/** The room settings, for creating a room (`onChange` unset) or for the host editing one field at a time. */
export function settingsForm(initial: Settings, onChange?: (patch: SettingsPatch) => void): SettingsForm {
  const err = errorSlot();
  const name = h('input', { name: 'name', maxlength: 40, required: true, value: initial.name, autocomplete: 'off' });
  const visibility = select('visibility', [['public', 'Public: listed in the lobby'], ['private', 'Private: invite link only']], initial.visibility);
  const maxSeats = num('maxSeats', MIN_PLAYERS, MAX_PLAYERS, initial.maxSeats);
  const preset = select('preset', PRESET_LIST.map((p) => [p.id, p.words.name]), presetOf(initial).id);
  const presetNote = h('p', { class: 'hint preset-note' });
  const counts = Object.fromEntries(COUNTED.map((r) => [r, num(`role-${r}`, 0, ROLE_MODULES.get(r)?.deal?.max ?? MAX_PLAYERS, 0)])) as Record<RoleId, HTMLInputElement>;
  const rolesNote = h('p', { class: 'hint', 'aria-live': 'polite' });
  const countsBox = h('div', { class: 'counts' }, ...COUNTED.map((r) => field(roleName(r), counts[r])));
  const durations = Object.fromEntries(DURATIONS.map(([k]) => [k, num(`d-${k}`, 1, 7 * 24 * 3600, initial.durations[k])])) as Record<keyof Durations, HTMLInputElement>;
  const reveal = select('reveal', [['full', 'Their role'], ['team', 'Only their side'], ['none', 'Nothing']], initial.reveal);
  const voteRule = select('voteRule', [['plurality', 'Whoever gets the most votes'], ['majority', 'Only with more than half of the living']], initial.voteRule);
  const tieRule = select('tieRule', [['revote', 'Vote again between them'], ['revote-random', 'Vote again, then draw lots'], ['random', 'Draw lots between them'], ['none', 'Nobody is executed']], initial.tieRule);
  const checks = {
    secretVotes: checkbox('Secret votes', 'secretVotes', initial.secretVotes, 'Everyone sees who has voted, but not for whom, until the game ends.'),
    allowSpectators: checkbox('Spectators allowed', 'allowSpectators', initial.allowSpectators, 'People without a seat can watch what the village sees, never a secret.'),
    wolfChat: checkbox('Werewolves chat at night', 'wolfChat', initial.wolfChat, 'The werewolves get a private chat to agree on a victim.'),
    deadChat: checkbox('The dead chat together', 'deadChat', initial.deadChat, 'Dead players talk among themselves; the living never read it.'),
    spectatorsSeeDeadChat: checkbox('Spectators read the dead chat', 'spectatorsSeeDeadChat', initial.spectatorsSeeDeadChat, 'Off by default: the dead know secrets a spectator could pass on to the living.'),
  };
  const box = (k: keyof typeof checks) => checks[k].querySelector('input')!;
  // The role variants the role modules declare, one box each, named `opt-<role>-<key>`.
  const OPTIONS = ROLE_LIST.flatMap((r) => Object.entries(r.options ?? {}).map(([key, o]) => ({ role: r.id, key, o })));
  const optionBoxes = OPTIONS.map(({ role, key, o }) => checkbox(`${roleName(role)}: ${o.label}`, `opt-${role}-${key}`, initial.roleOptions?.[role]?.[key] === true, o.hint));
  const optionBox = (i: number) => optionBoxes[i].querySelector('input')!;
  const readOptions = (): Settings['roleOptions'] => {
    const out: NonNullable<Settings['roleOptions']> = {};
    OPTIONS.forEach(({ role, key }, i) => { if (optionBox(i).checked) (out[role] ??= {})[key] = true; });
    return out;
  };
  let players = 0;
  /** A fixed setting in words, for the preset's note. */
  const FIXED_WORDS: Record<string, string> = { 'reveal:none': 'the village learns nothing of the dead', 'tieRule:revote-random': 'a tie is voted again, then drawn by lot' };

  const readCounts = (): RoleCounts => Object.fromEntries(COUNTED.map((r) => [r, Math.max(0, Number(counts[r].value) || 0)]).filter(([, n]) => n)) as RoleCounts;
  /** The preset chosen, its description, what it fixes, and live: what it deals now or why it cannot start (R230–R233). */
  const showRoles = () => {
    const p = PRESETS[preset.value as PresetId];
    const custom = p.id === 'custom';
    countsBox.hidden = !custom;
    // In a room the roles are dealt for the players seated; before, for the seats offered.
    const n = players > 0 ? Math.max(players, MIN_PLAYERS) : Number(maxSeats.value) || MIN_PLAYERS;
    const probe: Settings = { ...initial, preset: p.id, roles: custom ? readCounts() : 'auto' };
    const problem = startProblem(probe, n);
    const words = Object.entries(presetRoles(probe, n, 0)[0]).map(([r, k]) => `${k} × ${roleName(r as RoleId)}`).join(', ');
    const fixed = Object.entries(p.fixes ?? {}).map(([k, v]) => FIXED_WORDS[`${k}:${String(v)}`] ?? `${k}: ${String(v)}`);
    presetNote.textContent = `${p.words.description}${fixed.length ? ` This mode fixes: ${fixed.join('; ')}.` : ''}`;
    rolesNote.textContent = problem ? `With ${n} players: ${problem}.` : p.drawn ? `With ${n} players: drawn at random when the game starts.` : `With ${n} players: ${words}, villagers for the rest.`;
    rolesNote.classList.toggle('warn', !!problem);
    // A setting the preset fixes is shown at its value and locked.
    for (const [key, control] of [['reveal', reveal], ['tieRule', tieRule]] as const) {
      const value = p.fixes?.[key];
      control.disabled = value !== undefined;
      if (value !== undefined) control.value = value;
    }
  };

  const read = (): Settings => ({
    name: name.value.trim() || initial.name,
    visibility: visibility.value as Settings['visibility'],
    maxSeats: Number(maxSeats.value),
    allowSpectators: box('allowSpectators').checked,
    preset: preset.value as PresetId,
    roles: preset.value === 'custom' ? readCounts() : 'auto',
    durations: Object.fromEntries(DURATIONS.map(([k]) => [k, Number(durations[k].value)])) as Durations,
    reveal: reveal.value as Settings['reveal'],
    voteRule: voteRule.value as Settings['voteRule'],
    tieRule: tieRule.value as Settings['tieRule'],
    secretVotes: box('secretVotes').checked,
    wolfChat: box('wolfChat').checked,
    deadChat: box('deadChat').checked,
    spectatorsSeeDeadChat: box('spectatorsSeeDeadChat').checked,
    // Left out when none is on, so a form without role options reads as before.
    ...(Object.keys(readOptions() ?? {}).length ? { roleOptions: readOptions() } : {}),
  });

  /** The one setting a control changed, as a patch. */
  const patchFor = (target: HTMLElement): SettingsPatch | null => {
    const n = (target as HTMLInputElement).name;
    const s = read();
    if (n.startsWith('d-')) return { durations: { [n.slice(2)]: s.durations[n.slice(2) as keyof Durations] } };
    if (n === 'preset') return s.preset === 'custom' ? { preset: s.preset, roles: s.roles } : { preset: s.preset };
    if (n.startsWith('role-')) return { preset: 'custom', roles: s.roles };
    if (n.startsWith('opt-')) return { roleOptions: readOptions() };
    if (n in s) return { [n]: s[n as keyof Settings] } as SettingsPatch;
    return null;
  };

  const form = h('form', { class: 'settings', novalidate: true },
    h('fieldset', null, h('legend', null, 'Room'),
      field('Room name', name, 'Shown in the lobby and at the top of the table.'),
      field('Who can find it', visibility, 'Public rooms are listed in the lobby; private ones only open with the invite link.'),
      field(`Seats (${MIN_PLAYERS}–${MAX_PLAYERS})`, maxSeats, 'The most players who can sit at this table.')),
    h('fieldset', null, h('legend', null, 'Roles'), field('Game mode', preset, 'Which roles are dealt: a preset list per number of players, random ones (Chaos), or chosen by hand (Custom).'), presetNote, rolesNote, countsBox, ...optionBoxes,
      h('p', { class: 'hint' }, 'What each role does: ', h('a', { href: '#how-to-play' }, 'how to play, and the roles'), '.')),
    h('fieldset', { class: 'durations' }, h('legend', null, 'How long each part lasts, in seconds'), ...DURATIONS.map(([k, label, hint]) => field(label, durations[k], hint))),
    h('fieldset', null, h('legend', null, 'Rules'),
      field('When a player dies, the village learns', reveal, 'How much of a dead player\'s card is turned over for everyone.'),
      field('Who is executed after the vote', voteRule, 'With "more than half", a split village may execute nobody.'),
      field('When the vote is tied', tieRule, 'What happens when two or more players have the most votes.'),
      checks.secretVotes),
    h('fieldset', null, h('legend', null, 'Chat and spectators'), checks.wolfChat, checks.deadChat, checks.allowSpectators, checks.spectatorsSeeDeadChat),
    err.el,
  );
  form.addEventListener('change', (ev) => {
    const target = ev.target as HTMLElement;
    // Going hand-picked starts from the automatic set rather than from nothing.
    if (target === preset && preset.value === 'custom' && Object.keys(readCounts()).length === 0) {
      const seeded = autoRoles(players > 0 ? players : Number(maxSeats.value) || MIN_PLAYERS);
      for (const r of COUNTED) counts[r].value = String(seeded[r] ?? 0);
    }
    showRoles();
    if (!onChange) return;
    if (target instanceof HTMLInputElement && target.type === 'number' && !target.checkValidity()) { err.show(`${target.labels?.[0]?.textContent ?? 'That field'}: ${target.validationMessage}`); return; }
    const patch = patchFor(target);
    if (patch) onChange(patch);
  });
  form.addEventListener('input', () => showRoles());
  form.addEventListener('submit', (ev) => { if (onChange) ev.preventDefault(); });

  const set = (s: Settings, n = players) => {
    players = n;
    const active = document.activeElement;
    const put = (el: HTMLInputElement | HTMLSelectElement, v: string) => { if (el !== active) el.value = v; };
    put(name, s.name);
    put(visibility, s.visibility);
    put(maxSeats, String(s.maxSeats));
    put(preset, presetOf(s).id);
    for (const r of COUNTED) put(counts[r], String(s.roles === 'auto' ? 0 : s.roles[r] ?? 0));
    for (const [k] of DURATIONS) put(durations[k], String(s.durations[k]));
    put(reveal, s.reveal);
    put(voteRule, s.voteRule);
    put(tieRule, s.tieRule);
    for (const k of Object.keys(checks) as (keyof typeof checks)[]) box(k).checked = s[k];
    OPTIONS.forEach(({ role, key }, i) => { optionBox(i).checked = s.roleOptions?.[role]?.[key] === true; });
    showRoles();
  };
  set(initial);

  return {
    el: form,
    set,
    read,
    disable(on) { for (const fs of form.querySelectorAll('fieldset')) fs.disabled = on; },
    error: (m) => err.show(m),
  };
}
