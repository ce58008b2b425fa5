import { isLiving, livingExcept, recordAction, type RoleModule } from './role.ts';
import { currentVictim } from './werewolf.ts';

const NONE = Object.freeze({ heal: false, poison: false });

export const witch: RoleModule = {
  id: 'witch',
  team: 'village',
  night: {
    kind: 'witch',
    priority: 50,
    // The witch always answers, even with no potion left, so the night's length says nothing of her potions (R8).
    due: (ctx, seat) => ctx.night.actions[seat] === undefined,
    validate(ctx, seat, action) {
      if (action.kind !== 'witch') return 'action/not-allowed';
      if (ctx.night.actions[seat]) return 'action/already-done';
      const potions = ctx.potions[seat] ?? NONE;
      if (action.heal && !potions.heal) return 'action/no-potion';
      if (action.heal && currentVictim(ctx) === null) return 'action/no-victim';
      if (action.poison !== null) {
        if (!potions.poison) return 'action/no-potion';
        if (action.poison === seat || !isLiving(ctx, action.poison)) return 'action/invalid-target';
      }
      return null;
    },
    record: recordAction,
    resolve(ctx, res) {
      for (const p of ctx.players) {
        const action = ctx.night.actions[p.seat];
        if (p.role !== 'witch' || action?.kind !== 'witch') continue;
        const left = { ...(res.potions[p.seat] ?? ctx.potions[p.seat] ?? NONE) };
        let healed: number | null = null;
        if (action.heal) {
          left.heal = false;
          // The heal saves whoever the wolves finally attack (R26).
          if (res.wolfTarget !== null) { healed = res.wolfTarget; res.deaths.delete(res.wolfTarget); }
        }
        if (action.poison !== null) { left.poison = false; res.deaths.set(action.poison, 'poison'); }
        res.potions[p.seat] = left;
        res.secrets.push({ kind: 'witch', night: ctx.day, witch: p.seat, heal: healed, poison: action.poison });
      }
    },
    prompt(ctx, seat) {
      const potions = ctx.potions[seat] ?? NONE;
      const victim = currentVictim(ctx);
      return { kind: 'witch', victim, canHeal: potions.heal && victim !== null, canPoison: potions.poison, targets: livingExcept(ctx, seat) };
    },
  },
  // Shared with the context, which is never mutated.
  view: { potions: (ctx, seat) => ctx.potions[seat] ?? NONE },
};
