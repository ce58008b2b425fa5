import { livingExcept } from '../derived.ts';
import type { GameContext } from '../types.ts';
import { oneTarget } from './one-target.ts';
import { answers, anyOf, promptOf, roleOption, type RoleModule } from './role.ts';
import { roleOf } from './util.ts';

declare module '../../views.ts' {
  interface NightActions { sorceress: { kind: 'sorceress'; target: number } }
  interface Prompts { sorceress: { kind: 'sorceress'; targets: number[] } }
  interface SecretEntries { sorceress: { kind: 'sorceress'; night: number; sorceress: number; seat: number; seer: boolean } }
  interface YouView { sorceressResults?: SorceressResult[] }
}

export interface SorceressResult { night: number; seat: number; seer: boolean }

/** Whether the sorceress's look at `target` finds the seer (R122): the seer herself, or with `seerLike` also the apprentice and the fool. */
function findsSeer(ctx: GameContext, target: number): boolean {
  const role = roleOf(ctx, target);
  return role === 'seer' || (roleOption(ctx, 'sorceress', 'seerLike') && (role === 'apprentice-seer' || role === 'fool'));
}

/** Past results from the record, plus tonight's, which she learns the moment she acts (as the seer does, R23). */
function results(ctx: GameContext, seat: number): SorceressResult[] {
  const out: SorceressResult[] = [];
  for (const e of ctx.secrets) if (e.kind === 'sorceress' && e.sorceress === seat) out.push({ night: e.night, seat: e.seat, seer: e.seer });
  const tonight = ctx.phase === 'night' ? ctx.night.actions[seat] : undefined;
  if (tonight?.kind === 'sorceress') return [...out, { night: ctx.day, seat: tonight.target, seer: findsSeer(ctx, tonight.target) }];
  return out;
}

/**
 * The sorceress (docs/rules.md R122): plays for the wolves without being of the pack, reads as
 * village to the seer, and each night learns whether one player is the seer.
 */
export const sorceress: RoleModule = {
  id: 'sorceress',
  team: 'wolves',
  order: 16,
  rules: 'R122, R85',
  seenAs: 'village',
  words: {
    name: 'Sorceress',
    icon: '✶',
    summary: 'You win with the werewolves. Each night, learn whether a player is the seer.',
    description: 'A human on the werewolves\' side who does not know them, nor they her: the seer reads her as village, and she counts as human for the wolves\' parity. Each night she looks at one other living player and learns at once whether that player is the seer (an apprentice seer or a fool is not, unless the room says otherwise).',
    night: {
      heading: (day) => `Night ${day}: who might be the seer?`,
      verb: 'Look',
      due: 'look for the seer',
      confirm: () => 'Look',
      told: (a, who) => (a.kind === 'sorceress' ? `looks for the seer in ${who(a.target)}` : ''),
    },
    secret: (e, name) => (e.kind === 'sorceress' ? `Night ${e.night}: the sorceress ${name(e.sorceress)} learned that ${name(e.seat)} is ${e.seer ? '' : 'not '}the seer.` : null),
    facts: (you, name) => (you.sorceressResults ?? []).map((r) => `Night ${r.night}: ${name(r.seat)} is ${r.seer ? '' : 'not '}the seer.`),
  },
  night: {
    ...oneTarget('sorceress'),
    priority: 25,
    resolve: (ctx) => answers(ctx, 'sorceress', 'sorceress').map(([by, a]) => ({
      kind: 'learn' as const, by, entry: { kind: 'sorceress' as const, night: ctx.day, sorceress: by, seat: a.target, seer: findsSeer(ctx, a.target) },
    })),
    prompt: (ctx, seat) => ({ kind: 'sorceress', targets: livingExcept(ctx, seat) }),
    form: { picks: 1, build: (_p, [target]) => ({ kind: 'sorceress', target }) },
    bot: {
      // Look first at those who claim the seer (the most trusted first), then at whom the village suspects least.
      smart(p, you, b, rng) {
        const { targets } = promptOf(p, 'sorceress');
        const seen = you.sorceressResults ?? [];
        const open = targets.filter((s) => !seen.some((r) => r.seat === s));
        const pool = open.length ? open : targets;
        const claimed = b.publicSeers.filter((s) => pool.includes(s));
        const target = b.publicTrusted !== null && claimed.includes(b.publicTrusted) ? b.publicTrusted
          : claimed[0] ?? [...pool].sort((x, y) => b.publicSuspicion(x) - b.publicSuspicion(y)).find(() => rng() < 0.6) ?? anyOf(rng, pool);
        return target === undefined ? null : { kind: 'sorceress', target };
      },
    },
  },
  view: { sorceressResults: results },
  // By day she says nothing of it, but pushes the village to execute the seer she found.
  bot: { marks: (you) => (you.sorceressResults ?? []).filter((r) => r.seer).map((r) => r.seat) },
  options: { seerLike: { label: 'The apprentice seer and the fool count as the seer', hint: 'Her look finds the apprentice seer and the fool too, not only the seer.' } },
  deal: { max: 1 },
};
