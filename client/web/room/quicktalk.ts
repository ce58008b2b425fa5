import { ROLES } from '../../../shared/game/catalogue.ts';
import type { Talk } from '../../../shared/talk.ts';
import { roleWords } from '../../../shared/game/talk-words.ts';
import type { ChatChannel, ChatMessage, GameView } from '../../../shared/views.ts';
import { h, swap } from '../dom.ts';

/**
 * The quick-talk menu: the things people say most in Werewolf as two or three taps (a verb, a
 * player, sometimes a second choice), faster than typing on a phone. It builds the same talk
 * structures the bots speak (shared/talk.ts); the server writes the words.
 */
export interface Pick { key: string; label: string; talk?: Talk; picks?: Pick[] }

/** What the menu offers this view in the village chat (empty when it may not talk there). */
export function quickMenu(v: GameView): Pick[] {
  const me = v.you?.seat;
  if (me === undefined) return [];
  const others = v.players.filter((p) => p.alive && p.seat !== me);
  const players = (make: (seat: number) => Talk | Pick[]) => others.map((p): Pick => {
    const t = make(p.seat);
    return Array.isArray(t) ? { key: `p${p.seat}`, label: p.name, picks: t } : { key: `p${p.seat}`, label: p.name, talk: t };
  });
  const inPlay = typeof v.settings.roles === 'object' ? Object.keys(v.settings.roles).filter((r) => (v.settings.roles as Record<string, number>)[r] > 0) : Object.keys(ROLES);
  const roles = [...new Set(['villager', ...inPlay])].filter((r) => Object.hasOwn(ROLES, r) && r !== 'werewolf');
  return [
    { key: 'claim', label: 'I am…', picks: roles.map((r) => ({ key: r, label: roleWords(r), talk: { kind: 'claim', seat: me, role: r } })) },
    { key: 'saw', label: 'I saw…', picks: players((s) => [
      { key: 'human', label: 'human', talk: { kind: 'divined', seat: s, species: 'human' } },
      { key: 'werewolf', label: 'a werewolf', talk: { kind: 'divined', seat: s, species: 'werewolf' } },
    ]) },
    { key: 'accuse', label: 'Wolf!', picks: players((s) => ({ kind: 'accuse', seat: s })) },
    { key: 'defend', label: 'Trust', picks: players((s) => ({ kind: 'defend', seat: s })) },
    { key: 'vote', label: 'I vote…', picks: players((s) => ({ kind: 'vote', seat: s })) },
    { key: 'self', label: "I'm no wolf", talk: { kind: 'defend', seat: me } },
  ];
}

/** What the menu offers the pack in the wolves' chat: tonight's victim, which the pack's bots follow. */
export function packMenu(v: GameView): Pick[] {
  const pack = v.you?.pack;
  if (!pack?.length || v.phase !== 'night') return [];
  const prey = v.players.filter((p) => p.alive && !pack.includes(p.seat));
  return [{ key: 'attack', label: 'Tonight…', picks: prey.map((p): Pick => ({ key: `p${p.seat}`, label: p.name, talk: { kind: 'attack', seat: p.seat } })) }];
}

/** Agree or disagree with someone else's message. */
export const reply = (m: ChatMessage, agree: boolean): Talk => ({ kind: agree ? 'agree' : 'disagree', ref: { channel: m.channel, id: m.id } });

/** The menu's DOM: a row of verbs, then the choices of the one opened; a final choice sends. */
export function quickTalk(send: (talk: Talk) => void) {
  const row = h('div', { class: 'quick-talk', role: 'toolbar', 'aria-label': 'Quick talk' });
  let path: string[] = [];
  let menu: Pick[] = [];
  const render = () => {
    let level = menu;
    for (const k of path) level = level.find((p) => p.key === k)?.picks ?? [];
    if (path.length && level.length === 0) path = [];
    const chips = (path.length ? level : menu).map((p) => h('button', {
      type: 'button', class: 'chip', 'data-key': `qt-${[...path, p.key].join('-')}`,
      onClick: () => {
        if (p.talk) { path = []; send(p.talk); } else path = [...path, p.key];
        render();
      },
    }, p.label));
    swap(row, chips, path.length ? h('button', { type: 'button', class: 'chip back', 'aria-label': 'Back', 'data-key': 'qt-back', onClick: () => { path = path.slice(0, -1); render(); } }, '‹') : null);
  };
  return {
    el: row,
    update(v: GameView, channel: ChatChannel, open: boolean) {
      menu = !open ? [] : channel === 'day' ? quickMenu(v) : channel === 'wolves' ? packMenu(v) : [];
      row.hidden = menu.length === 0;
      render();
    },
  };
}
