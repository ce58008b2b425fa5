import type { Outcome } from '../../views.ts';
import type { GameContext } from '../types.ts';
import { crossLovers, livingExcept } from '../derived.ts';
import type { Effect } from './effects.ts';
import { oneTarget } from './one-target.ts';
import { answers, best, promptOf, type RoleModule } from './role.ts';

/** The serial killer (docs/rules.md R195–R198): a team of one, a knife each night, immune to the pack. */

declare module '../../roles.ts' {
  interface Teams { 'serial-killer': true }
}

declare module '../../views.ts' {
  interface NightActions { killer: { kind: 'killer'; target: number } }
  interface Prompts { killer: { kind: 'killer'; targets: number[] } }
  interface SecretEntries { killer: { kind: 'killer'; night: number; killer: number; seat: number } }
  interface DeathCauses { killer: true }
}

/**
 * His own win (R197): alive with at most one other player alive. A serial killer linked as a
 * cross-team lover plays for the lovers instead (R198), whose win is checked next.
 */
function alone(ctx: GameContext): Outcome | null {
  const living = ctx.players.filter((p) => p.alive);
  if (living.length > 2) return null;
  const cross = crossLovers(ctx);
  const killer = living.find((p) => p.role === 'serial-killer' && !cross?.includes(p.seat));
  return killer ? { winner: 'serial-killer', seats: [killer.seat], reason: 'The serial killer has at most one player left to face.' } : null;
}

export const serialKiller: RoleModule = {
  id: 'serial-killer',
  team: 'serial-killer',
  order: 70,
  rules: 'R195–R198',
  // The seer and the medium see a killer (R195): chosen over 'village', which let him win 47 % of
  // 11-player smart games against 40 % this way (neither is balanced: the presets deal him with care).
  seenAs: 'wolves',
  words: {
    name: 'Serial killer',
    icon: '🗡',
    summary: 'Each night, kill one player. The wolves cannot kill you. Win alone when at most one other is left.',
    description: 'Plays for himself. Each night he kills one other living player; the doctor or the bodyguard can stop his knife, the witch\'s heal cannot. The pack\'s attack on him fails. While he lives neither the village nor the wolves can win; he wins alone when he is alive with at most one other player.',
    night: {
      heading: (day) => `Night ${day}: whom will you kill?`,
      verb: 'Kill',
      due: 'choose a victim',
      confirm: (picked, name) => (picked.length ? `Kill ${name(picked[0])}` : 'Kill'),
      told: (a, who) => (a.kind === 'killer' ? `stabs ${who(a.target)}` : ''),
    },
    causes: { killer: { label: 'killed by the serial killer', sentence: 'The serial killer killed you', atNight: true } },
    secret: (e, name) => (e.kind === 'killer' ? `Night ${e.night}: the serial killer ${name(e.killer)} went for ${name(e.seat)}.` : null),
  },
  night: {
    ...oneTarget('killer'),
    // After the protections (R24, R34) that stop his knife, the pack whose attack on him fails,
    // and the witch, whose heal is for the wolves' victim (R26).
    priority: 55,
    resolve(ctx, tonight) {
      const out: Effect[] = [];
      for (const p of ctx.players) {
        if (p.role !== 'serial-killer' || !p.alive) continue;
        // The pack cannot kill him (R196): its attack on him fails, whatever else the night holds.
        if (tonight.death(p.seat)?.cause === 'wolves') out.push({ kind: 'save', by: p.seat, seat: p.seat });
      }
      for (const [by, a] of answers(ctx, 'killer', 'serial-killer')) {
        out.push({ kind: 'learn', by, entry: { kind: 'killer', night: ctx.day, killer: by, seat: a.target } });
        out.push({ kind: 'kill', by, seat: a.target, cause: 'killer', attack: true });
      }
      return out;
    },
    prompt: (ctx, seat) => ({ kind: 'killer', targets: livingExcept(ctx, seat) }),
    form: { picks: 1, build: (_p, [target]) => ({ kind: 'killer', target }) },
    bot: {
      // He hides and strikes at the village's eyes: the seer the village believes, else a claimed
      // seer, else the player the village trusts most.
      smart(p, _you, b, rng) {
        const { targets } = promptOf(p, 'killer');
        const seers = b.publicSeers.filter((s) => targets.includes(s));
        const target = b.publicTrusted !== null && targets.includes(b.publicTrusted) ? b.publicTrusted
          : seers.length ? seers[0] : best(targets, (s) => -b.publicSuspicion(s), rng);
        return target === undefined ? null : { kind: 'killer', target };
      },
    },
  },
  win: { check: alone, hostile: true },
  deal: { max: 1 },
};
