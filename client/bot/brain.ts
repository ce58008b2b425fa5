import type { GameView } from '../sdk/index.ts';
import type { Decision, Strategy } from './decision.ts';
import { mix, mulberry32 } from './rng.ts';
import { roleOfKind } from '../../shared/game/roles/index.ts';

const keyOf = (d: Decision) => `${d.command}|${JSON.stringify(d.payload)}`;

/** Whether the view already shows this decision done, or gives no turn for it: then it is not sent. */
export function settled(view: GameView, d: Decision): boolean {
  const p = view.you?.prompt;
  switch (d.command) {
    case 'vote:cast': return p?.kind !== 'vote' || p.current === d.payload.target;
    case 'day:ready': return p?.kind !== 'ready' || p.done;
    case 'hunter:shoot': return p?.kind !== 'hunter';
    case 'night:act': {
      const a = d.payload.action;
      if (p?.kind !== a.kind) return true;
      // An instant form (the pack's pick) stays asked until dawn: done once the prompt shows this answer.
      const form = roleOfKind(a.kind)?.night?.form;
      return form?.instant ? (form.shows ? form.shows(p, a) : form.current?.(p) === (a as { target?: number }).target) : false;
    }
    // Offered until taken (R82): once the view no longer lists it, it is done or not this seat's to take.
    case 'day:act': return !view.you?.dayActions?.some((a) => a.kind === d.payload.action.kind);
    case 'chat:send': return false;
  }
}

/**
 * A strategy plus what its seat has already sent this phase. `decide` hands the strategy the view
 * and a random source seeded by the phase, then drops what is done, already sent, or not the
 * seat's turn (so a bot never acts outside its turn). Used alike by the socket runner and in process.
 */
export class Brain {
  private phase = '';
  private sent = new Set<string>();

  constructor(readonly strategy: Strategy, readonly seed: number) {}

  decide(view: GameView, urgent = false): Decision[] {
    const phase = `${view.gameNo}:${view.phaseId}`;
    if (phase !== this.phase) { this.phase = phase; this.sent.clear(); }
    const you = view.you;
    if (!you || view.phase === 'lobby' || view.phase === 'over') return [];
    const rng = mulberry32(mix(this.seed, view.gameNo, view.phaseId, you.seat));
    const out: Decision[] = [];
    for (const d of this.strategy(view, { rng, urgent })) {
      const key = keyOf(d);
      if (settled(view, d) || this.sent.has(key)) continue;
      this.sent.add(key);
      out.push(d);
    }
    return out;
  }

  /** A decision whose command got no answer (a dropped connection) may be sent again. */
  retry(d: Decision): void { this.sent.delete(keyOf(d)); }
}
