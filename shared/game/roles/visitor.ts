import { z } from 'zod';
import { hostile, isLiving, livingExcept } from '../derived.ts';
import type { Effect } from './effects.ts';
import { answers, best, promptOf, recordAction, type RoleModule } from './role.ts';

/** The visitor (Werewolf for Telegram's harlot; docs/rules.md R205–R207): she spends each night at someone's home. */

declare module '../../views.ts' {
  interface NightActions { visit: { kind: 'visit'; target: number | null } }
  interface Prompts { visit: { kind: 'visit'; targets: number[] } }
  interface SecretEntries { visit: { kind: 'visit'; night: number; visitor: number; seat: number | null } }
  interface DeathCauses { visit: true }
}

export const visitor: RoleModule = {
  id: 'visitor',
  team: 'village',
  order: 74,
  rules: 'R205–R207',
  seenAs: 'village',
  words: {
    name: 'Visitor',
    icon: '☽',
    summary: 'Each night, visit a player or stay home. Away, the wolves miss you; at a wolf\'s, or a victim\'s, you die.',
    description: 'Plays for the village. Each night she spends the night at another player\'s home, or stays at her own. An attack on her home while she is out misses her; but visiting a werewolf or the serial killer, or the home the night\'s attack strikes, she dies there. She learns nothing of her host.',
    night: {
      heading: (day) => `Night ${day}: whom will you visit?`,
      verb: 'Visit',
      due: 'visit or stay home',
      confirm: (picked, name) => (picked.length ? `Visit ${name(picked[0])}` : 'Stay home'),
      told: (a, who) => (a.kind === 'visit' ? (a.target === null ? 'stays home' : `visits ${who(a.target)}`) : ''),
    },
    causes: { visit: { label: 'died on a night visit', sentence: 'You died on your night visit', atNight: true } },
    secret: (e, name) => (e.kind === 'visit' ? `Night ${e.night}: the visitor ${name(e.visitor)} ${e.seat === null ? 'stayed home' : `visited ${name(e.seat)}`}.` : null),
  },
  night: {
    kind: 'visit',
    schema: z.strictObject({ kind: z.literal('visit'), target: z.number().int().min(0).max(99).nullable() }),
    // Last of the night's steps but the little girl's: after every attack, save and turn (the elder 60, the cursed 61), she meets her host's fate (R206).
    priority: 65,
    due: (ctx, seat) => ctx.night.actions[seat] === undefined,
    validate(ctx, seat, action) {
      if (action.kind !== 'visit') return 'action/not-allowed';
      if (ctx.night.actions[seat]) return 'action/already-done';
      if (action.target !== null && (action.target === seat || !isLiving(ctx, action.target))) return 'action/invalid-target';
      return null;
    },
    record: recordAction,
    resolve(ctx, tonight) {
      const out: Effect[] = [];
      for (const [by, a] of answers(ctx, 'visit', 'visitor')) {
        out.push({ kind: 'learn', by, entry: { kind: 'visit', night: ctx.day, visitor: by, seat: a.target } });
        if (a.target === null) continue;
        // Out for the night: an attack on her home finds nobody (poison still finds her).
        if (tonight.death(by)?.attack) out.push({ kind: 'save', by, seat: by });
        const host = ctx.players.find((p) => p.seat === a.target);
        // At a killer's home, or at the home an attack struck, she dies too.
        if (host && (hostile(host.role) || tonight.death(host.seat)?.attack)) out.push({ kind: 'kill', by, seat: by, cause: 'visit', attack: false });
      }
      return out;
    },
    prompt: (ctx, seat) => ({ kind: 'visit', targets: livingExcept(ctx, seat) }),
    form: { picks: 1, optional: true, build: (_p, picked) => ({ kind: 'visit', target: picked[0] ?? null }) },
    bot: {
      // The safest home is the one the village trusts most: the seer she believes, else the least suspected.
      smart(p, _you, b, rng) {
        const { targets } = promptOf(p, 'visit');
        const target = b.trusted !== null && targets.includes(b.trusted) ? b.trusted : best(targets, (s) => -b.suspicion(s), rng);
        return { kind: 'visit', target: target ?? null };
      },
    },
  },
  deal: { max: 1 },
};
