import type { GameView, Prompt, YouView } from '../../sdk/index.ts';
import { act, type Decision } from '../decision.ts';
import { best, evidence, type Evidence } from '../evidence.ts';
import { pick, type Rng } from '../rng.ts';

type NightPrompt = Extract<Prompt, { kind: 'wolf' | 'seer' | 'doctor' | 'witch' | 'cupid' }>;

/** The smart night: wolves hunt the claimed seer, the doctor guards her, the seer probes suspects. */
export function night(view: GameView, you: YouView, p: NightPrompt, ev: Evidence, rng: Rng, urgent: boolean): Decision[] {
  switch (p.kind) {
    case 'wolf': {
      const target = wolfTarget(view, you, p.targets, rng);
      return target === undefined ? [] : [act({ kind: 'wolf', target })];
    }
    case 'seer': {
      const known = new Set((you.seerResults ?? []).map((r) => r.seat));
      const open = p.targets.filter((s) => !known.has(s));
      const target = best(open.length ? open : p.targets, (s) => ev.suspicion.get(s) ?? 0, rng);
      return target === undefined ? [] : [act({ kind: 'seer', target })];
    }
    case 'doctor': {
      const seer = ev.trusted;
      const target = seer !== null && p.targets.includes(seer) ? seer
        : p.targets.includes(you.seat) && rng() < 0.5 ? you.seat
        : pick(rng, p.targets);
      return target === undefined ? [] : [act({ kind: 'doctor', target })];
    }
    case 'witch': {
      // Wait for the pack's victim while there is time, so the heal can be used.
      if (p.victim === null && you.potions?.heal && !urgent) return [];
      const heal = p.canHeal && p.victim !== null && (view.day === 1 || p.victim === ev.trusted || p.victim === you.seat);
      const suspect = best(p.targets, (s) => ev.suspicion.get(s) ?? 0, rng);
      const poison = p.canPoison && suspect !== undefined && (ev.suspicion.get(suspect) ?? 0) >= 50 && suspect !== p.victim ? suspect : null;
      return [act({ kind: 'witch', heal, poison })];
    }
    case 'cupid': {
      const a = pick(rng, p.targets);
      const b = pick(rng, p.targets.filter((t) => t !== a));
      return a === undefined || b === undefined ? [] : [act({ kind: 'cupid', targets: [a, b] })];
    }
  }
}

/**
 * The pack agrees without talking: a claimed seer first (as the village sees it), else the pick of
 * the lowest-seated wolf who picked, else the most trusted villager.
 */
function wolfTarget(view: GameView, you: YouView, targets: number[], rng: Rng): number | undefined {
  const pub = evidence(view, true);
  const seers = pub.seers.filter((s) => targets.includes(s));
  if (seers.length) return pub.trusted !== null && seers.includes(pub.trusted) ? pub.trusted : seers[0];
  // Picks made at the same moment may differ: all follow the lowest-seated wolf who picked.
  const picks = Object.entries(you.packPicks ?? {}).filter(([, t]) => targets.includes(t));
  if (picks.length) return picks.sort((a, b) => Number(a[0]) - Number(b[0]))[0][1];
  return best(targets, (s) => -(pub.suspicion.get(s) ?? 0), rng);
}
