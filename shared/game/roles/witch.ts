import { z } from 'zod';
import type { GameContext } from '../types.ts';
import type { Prompt } from '../../views.ts';
import type { Effect, Tonight } from './effects.ts';
import { answers, best, promptOf, recordAction, slice, type RoleModule } from './role.ts';
import { isLiving, livingExcept } from '../derived.ts';
import { currentVictim, currentVictims } from './werewolf.ts';

declare module '../../views.ts' {
  /** `heal`: false, true (the pack's first victim, R26), or the seat of one of the prompt's `victims`. */
  interface NightActions { witch: { kind: 'witch'; heal: boolean | number; poison: number | null } }
  /** `victims`: every victim of the pack as it stands (two on the night after a wolf cub dies, R121); `victim` is the first, or null. */
  interface Prompts { witch: { kind: 'witch'; victim: number | null; victims: number[]; canHeal: boolean; canPoison: boolean; targets: number[] } }
  interface SecretEntries { witch: { kind: 'witch'; night: number; witch: number; heal: number | null; poison: number | null } }
  interface DeathCauses { poison: true }
  interface YouView { potions?: { heal: boolean; poison: boolean } }
}

/** The witch's slice of state: the potions she has left (R25, R26). */
interface Potions { heal: boolean; poison: boolean }
const NONE: Potions = Object.freeze({ heal: false, poison: false });
const potions = (ctx: GameContext, seat: number) => slice<Potions>(ctx, seat) ?? NONE;

type WitchPrompt = Extract<Prompt, { kind: 'witch' }>;

/**
 * The witch's prompt with its `victims` always there: a server from before R121's two victims
 * sends only `victim`, and the bots and the form must still read its prompt.
 */
function witchPrompt(p: Prompt): WitchPrompt {
  const w = promptOf(p, 'witch');
  return Array.isArray(w.victims) ? w : { ...w, victims: w.victim === null || w.victim === undefined ? [] : [w.victim] };
}

/** The heal as sent for this victim: `true` for the first (it follows the pack's first pick, R26), else his seat. */
const healOf = (w: WitchPrompt, seat: number | undefined): boolean | number => (seat === undefined ? false : seat === w.victim ? true : seat);

/**
 * Whom the heal saves at dawn (R26), or null: `true`, the pack's first victim as the dawn settled it;
 * a seat, that seat. Only a death by the wolves' attack is undone.
 */
function healed(tonight: Tonight, heal: true | number): number | null {
  const seat = heal === true ? tonight.learned().find((e) => e.kind === 'wolves')?.target ?? null : heal;
  return seat !== null && tonight.death(seat)?.cause === 'wolves' ? seat : null;
}

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
    summary: "You learn the wolves' victims. One healing potion and one killing potion for the whole game.",
    description: "Learns the pack's victims as they stand (two the night after a wolf cub dies). One healing potion saves one of them; one poison kills anyone else. Each once a game, both the same night if she likes.",
    night: {
      heading: (day) => `Night ${day}: your potions`,
      verb: 'Poison',
      due: 'use your potions',
      told(a, who) {
        if (a.kind !== 'witch') return '';
        const heal = a.heal === true ? 'heals the victim' : a.heal !== false && `heals ${who(a.heal)}`;
        const acts = [heal, a.poison !== null && `poisons ${who(a.poison)}`].filter(Boolean);
        return acts.length ? acts.join(' and ') : 'uses no potion';
      },
      confirm: (picked, _name, checked) => (checked.length || picked.length ? 'Use the potions' : 'Do nothing tonight'),
      lines(p, _you, name) {
        const w = witchPrompt(p);
        return [
          w.victims.length === 0 ? 'The werewolves have not settled on a victim yet.' : `The werewolves attack ${w.victims.map(name).join(' and ')}.`,
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
    schema: z.strictObject({ kind: z.literal('witch'), heal: z.union([z.boolean(), z.number().int().min(0).max(99)]), poison: z.number().int().min(0).max(99).nullable() }),
    priority: 50,
    // The witch always answers, even with no potion left, so the night's length says nothing of her potions (R8).
    due: (ctx, seat) => ctx.night.actions[seat] === undefined,
    validate(ctx, seat, action) {
      if (action.kind !== 'witch') return 'action/not-allowed';
      if (ctx.night.actions[seat]) return 'action/already-done';
      const left = potions(ctx, seat);
      if (action.heal !== false && !left.heal) return 'action/no-potion';
      if (action.heal !== false) {
        const victims = currentVictims(ctx);
        if (victims.length === 0) return 'action/no-victim';
        // A seat named for the heal is one of the victims she is shown (R25, R121).
        if (typeof action.heal === 'number' && !victims.includes(action.heal)) return 'action/invalid-target';
      }
      if (action.poison !== null) {
        if (!left.poison) return 'action/no-potion';
        if (action.poison === seat || !isLiving(ctx, action.poison)) return 'action/invalid-target';
      }
      return null;
    },
    // `heal: true` while the first victim is unsettled means the only one shown (R25): kept as his seat, as she meant it.
    record(night, seat, action, ctx) {
      if (action.kind === 'witch' && action.heal === true && currentVictim(ctx) === null) return recordAction(night, seat, { ...action, heal: currentVictims(ctx)[0] });
      return recordAction(night, seat, action);
    },
    resolve(ctx, tonight) {
      const out: Effect[] = [];
      for (const [by, action] of answers(ctx, 'witch')) {
        if (ctx.players.find((p) => p.seat === by)?.role !== 'witch') continue;
        const left = { ...potions(ctx, by) };
        // The heal saves the victim she chose (R26), and is spent even if he was protected or spared.
        const saved = action.heal === false ? null : healed(tonight, action.heal);
        if (action.heal !== false) left.heal = false;
        if (saved !== null) out.push({ kind: 'save', by, seat: saved });
        if (action.poison !== null) { left.poison = false; out.push({ kind: 'kill', by, seat: action.poison, cause: 'poison', attack: false }); }
        out.push({ kind: 'state', by, value: left }, { kind: 'learn', by, entry: { kind: 'witch', night: ctx.day, witch: by, heal: saved, poison: action.poison } });
      }
      return out;
    },
    prompt(ctx, seat) {
      const left = potions(ctx, seat);
      const victims = currentVictims(ctx);
      return { kind: 'witch', victim: currentVictim(ctx), victims, canHeal: left.heal && victims.length > 0, canPoison: left.poison, targets: livingExcept(ctx, seat) };
    },
    form: {
      picks: 1,
      optional: true,
      pickable: (p) => promptOf(p, 'witch').canPoison,
      // One check per victim, one of which may be ticked (one potion): `heal` for the first, `heal:<seat>` for another.
      checks(p, name) {
        const w = witchPrompt(p);
        if (!w.canHeal) return [];
        return w.victims.map((s) => ({ key: s === w.victim ? 'heal' : `heal:${s}`, label: `Heal ${name(s)} (your one healing potion)`, group: 'heal' }));
      },
      build(p, picked, checked) {
        const w = witchPrompt(p);
        const key = w.canHeal ? [...checked].reverse().find((k) => k === 'heal' || k.startsWith('heal:')) : undefined;
        const seat = key === undefined ? undefined : key === 'heal' ? w.victim ?? undefined : Number(key.slice(5));
        return { kind: 'witch', heal: healOf(w, seat !== undefined && w.victims.includes(seat) ? seat : undefined), poison: w.canPoison ? picked[0] ?? null : null };
      },
    },
    bot: {
      random(p, rng) {
        const w = witchPrompt(p);
        // A second draw only when there are two victims, so a night of one plays as it always did.
        const seat = w.canHeal && rng() < 0.5 ? w.victims[w.victims.length > 1 ? Math.floor(rng() * w.victims.length) : 0] : undefined;
        const heal = healOf(w, seat);
        const poison = w.canPoison && w.targets.length && rng() < 0.2 ? w.targets[Math.floor(rng() * w.targets.length)] : null;
        return { kind: 'witch', heal, poison };
      },
      smart(p, you, b, rng) {
        const w = witchPrompt(p);
        // Wait for the pack's victim while there is time, so the heal can be used.
        if (w.victim === null && you.potions?.heal && !b.urgent) return null;
        // Save herself or the seer she trusts, else on the first night the first victim.
        const save = w.canHeal ? w.victims.find((s) => s === you.seat || s === b.trusted) ?? (b.day === 1 ? w.victims[0] : undefined) : undefined;
        const suspect = best(w.targets, (s) => b.suspicion(s), rng);
        const poison = w.canPoison && suspect !== undefined && b.suspicion(suspect) >= 50 && !w.victims.includes(suspect) ? suspect : null;
        return { kind: 'witch', heal: healOf(w, save), poison };
      },
    },
  },
  view: { potions },
  deal: { auto: (n) => (n >= 6 ? 1 : 0) },
};
