import { z } from 'zod';
import type { GameContext } from '../types.ts';
import type { Effect } from './effects.ts';
import { answers, best, promptOf, recordAction, slice, type RoleModule } from './role.ts';
import { isLiving, livingExcept } from '../derived.ts';
import { currentVictim } from './werewolf.ts';

declare module '../../views.ts' {
  interface NightActions { witch: { kind: 'witch'; heal: boolean; poison: number | null } }
  interface Prompts { witch: { kind: 'witch'; victim: number | null; canHeal: boolean; canPoison: boolean; targets: number[] } }
  interface SecretEntries { witch: { kind: 'witch'; night: number; witch: number; heal: number | null; poison: number | null } }
  interface DeathCauses { poison: true }
  interface YouView { potions?: { heal: boolean; poison: boolean } }
}

/** The witch's slice of state: the potions she has left (R25, R26). */
interface Potions { heal: boolean; poison: boolean }
const NONE: Potions = Object.freeze({ heal: false, poison: false });
const potions = (ctx: GameContext, seat: number) => slice<Potions>(ctx, seat) ?? NONE;

export const witch: RoleModule = {
  id: 'witch',
  team: 'village',
  order: 40,
  rules: 'R25–R27',
  seenAs: 'village',
  readsPicks: true,
  words: {
    name: 'Witch',
    icon: '⚗',
    summary: "You learn the wolves' victim. One healing potion and one killing potion for the whole game.",
    description: "Learns the pack's victim as it stands. One healing potion saves whoever the wolves finally attack; one poison kills anyone else. Each once a game, both the same night if she likes.",
    night: {
      heading: (day) => `Night ${day}: your potions`,
      verb: 'Poison',
      due: 'use your potions',
      told(a, who) {
        if (a.kind !== 'witch') return '';
        const acts = [a.heal && 'heals the victim', a.poison !== null && `poisons ${who(a.poison)}`].filter(Boolean);
        return acts.length ? acts.join(' and ') : 'uses no potion';
      },
      confirm: (picked, _name, checked) => (checked.length || picked.length ? 'Use the potions' : 'Do nothing tonight'),
      lines(p, _you, name) {
        const w = promptOf(p, 'witch');
        return [
          w.victim === null ? 'The werewolves have not settled on a victim yet.' : `The werewolves attack ${name(w.victim)}.`,
          w.canPoison ? 'Poison someone? (your one killing potion)' : 'Your poison is used up.',
        ];
      },
    },
    causes: { poison: { label: 'poisoned by the witch', sentence: 'The witch poisoned you', atNight: true } },
    secret(e, name) {
      if (e.kind !== 'witch') return null;
      const acts = [e.heal !== null ? `healed ${name(e.heal)}` : null, e.poison !== null ? `poisoned ${name(e.poison)}` : null].filter(Boolean);
      return `Night ${e.night}: the witch ${name(e.witch)} ${acts.length ? acts.join(' and ') : 'used no potion'}.`;
    },
    facts: (you) => (you.potions ? [`Potions left: ${[you.potions.heal && 'healing', you.potions.poison && 'poison'].filter(Boolean).join(' and ') || 'none'}.`] : []),
  },
  state: { initial: (): Potions => ({ heal: true, poison: true }) },
  night: {
    kind: 'witch',
    schema: z.strictObject({ kind: z.literal('witch'), heal: z.boolean(), poison: z.number().int().min(0).max(99).nullable() }),
    priority: 50,
    // The witch always answers, even with no potion left, so the night's length says nothing of her potions (R8).
    due: (ctx, seat) => ctx.night.actions[seat] === undefined,
    validate(ctx, seat, action) {
      if (action.kind !== 'witch') return 'action/not-allowed';
      if (ctx.night.actions[seat]) return 'action/already-done';
      const left = potions(ctx, seat);
      if (action.heal && !left.heal) return 'action/no-potion';
      if (action.heal && currentVictim(ctx) === null) return 'action/no-victim';
      if (action.poison !== null) {
        if (!left.poison) return 'action/no-potion';
        if (action.poison === seat || !isLiving(ctx, action.poison)) return 'action/invalid-target';
      }
      return null;
    },
    record: recordAction,
    resolve(ctx, tonight) {
      const out: Effect[] = [];
      for (const [by, action] of answers(ctx, 'witch')) {
        if (ctx.players.find((p) => p.seat === by)?.role !== 'witch') continue;
        const left = { ...potions(ctx, by) };
        // The heal saves whoever the wolves finally attack (R26), protected or not.
        const healed = action.heal ? tonight.attacked() : null;
        if (action.heal) left.heal = false;
        if (healed !== null) out.push({ kind: 'save', by, seat: healed });
        if (action.poison !== null) { left.poison = false; out.push({ kind: 'kill', by, seat: action.poison, cause: 'poison', attack: false }); }
        out.push({ kind: 'state', by, value: left }, { kind: 'learn', by, entry: { kind: 'witch', night: ctx.day, witch: by, heal: healed, poison: action.poison } });
      }
      return out;
    },
    prompt(ctx, seat) {
      const left = potions(ctx, seat);
      const victim = currentVictim(ctx);
      return { kind: 'witch', victim, canHeal: left.heal && victim !== null, canPoison: left.poison, targets: livingExcept(ctx, seat) };
    },
    form: {
      picks: 1,
      optional: true,
      pickable: (p) => promptOf(p, 'witch').canPoison,
      checks(p, name) {
        const w = promptOf(p, 'witch');
        return w.canHeal && w.victim !== null ? [{ key: 'heal', label: `Heal ${name(w.victim)} (your one healing potion)` }] : [];
      },
      build(p, picked, checked) {
        const w = promptOf(p, 'witch');
        return { kind: 'witch', heal: checked.includes('heal') && w.canHeal, poison: w.canPoison ? picked[0] ?? null : null };
      },
    },
    bot: {
      random(p, rng) {
        const w = promptOf(p, 'witch');
        const heal = w.canHeal && rng() < 0.5;
        const poison = w.canPoison && w.targets.length && rng() < 0.2 ? w.targets[Math.floor(rng() * w.targets.length)] : null;
        return { kind: 'witch', heal, poison };
      },
      smart(p, you, b, rng) {
        const w = promptOf(p, 'witch');
        // Wait for the pack's victim while there is time, so the heal can be used.
        if (w.victim === null && you.potions?.heal && !b.urgent) return null;
        const heal = w.canHeal && w.victim !== null && (b.day === 1 || w.victim === b.trusted || w.victim === you.seat);
        const suspect = best(w.targets, (s) => b.suspicion(s), rng);
        const poison = w.canPoison && suspect !== undefined && b.suspicion(suspect) >= 50 && suspect !== w.victim ? suspect : null;
        return { kind: 'witch', heal, poison };
      },
    },
  },
  view: { potions },
  deal: { auto: (n) => (n >= 6 ? 1 : 0) },
};
