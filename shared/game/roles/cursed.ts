import type { Effect } from './effects.ts';
import { roleOption, type RoleModule } from './role.ts';

/**
 * The cursed (docs/rules.md R158): a villager whom the pack's attack does not kill but turns into a
 * werewolf at that dawn (R83); he picks with the pack from the next night on.
 */
export const cursed: RoleModule = {
  id: 'cursed',
  team: 'village',
  order: 6,
  rules: 'R158, R83',
  // The seer reads his side as it stands: the village until he turns, the wolves after (R158),
  // unless the room plays the variant where the curse shows.
  seenAs: 'village',
  looks: (ctx) => (roleOption(ctx, 'cursed', 'seenAsWolf') ? 'wolves' : 'village'),
  options: {
    seenAsWolf: { label: 'the seer sees him as a werewolf', hint: 'The seer and the medium read the cursed as a werewolf even before he turns.' },
  },
  words: {
    name: 'Cursed',
    icon: '⛧',
    summary: 'You play for the village, but if the werewolves attack you, you become one of them.',
    description: 'Plays for the village until the werewolves attack him: then he does not die but wakes up a werewolf, and hunts with the pack from the next night. Until then the seer sees him as a villager (a room option shows him as a werewolf).',
  },
  // After the pack (40) and the witch (50): an attack the doctor or the heal stopped does not turn him.
  dawn: {
    priority: 61,
    resolve(ctx, tonight) {
      const out: Effect[] = [];
      for (const p of ctx.players) {
        if (p.role !== 'cursed' || !p.alive || tonight.death(p.seat)?.cause !== 'wolves') continue;
        out.push({ kind: 'save', by: p.seat, seat: p.seat }, { kind: 'become', by: p.seat, seat: p.seat, role: 'werewolf' });
      }
      return out;
    },
  },
  deal: { max: 1 },
};
