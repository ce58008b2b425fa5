import type { GameContext } from '../types.ts';
import type { RoleModule } from './role.ts';
import { packFacts, packStep, werewolf } from './werewolf.ts';

/**
 * Whether a wolf cub's death enrages the pack tonight (R121): a cub died, of any cause but leaving
 * the game, on the day or at the dawn before this night.
 */
export function rage(ctx: GameContext): boolean {
  return ctx.players.some((p) => p.role === 'wolf-cub' && !p.alive && p.death !== null && p.death.cause !== 'left' && p.death.day === ctx.day - 1);
}

/**
 * The wolf cub (docs/rules.md R121): a member of the pack like any werewolf; the night after it
 * dies, the pack kills two victims.
 */
export const wolfCub: RoleModule = {
  id: 'wolf-cub',
  team: 'wolves',
  order: 12,
  rules: 'R121',
  seenAs: 'wolves',
  words: {
    name: 'Wolf cub',
    icon: '☾',
    summary: 'A werewolf whose death enrages the pack: the next night it kills two.',
    description: 'Picks the victim with the pack like any werewolf. If the cub dies, of any cause, the pack kills two victims the next night: each member picks a first and a second victim.',
    night: werewolf.words.night,
    facts: packFacts,
  },
  // The pack's action, prompt and bot play (R87); the pack's dawn step is taken once, by whichever pack role leads.
  night: { ...werewolf.night!, priority: 42, resolve: packStep('wolf-cub') },
  packVictims: (ctx) => (rage(ctx) ? 1 : 0),
  deal: { max: 1 },
};
