import { roleOfKind } from '../../../shared/game/roles/index.ts';
import { randomAnswer, type BotBeliefs } from '../../../shared/game/roles/role.ts';
import type { RolePrompt } from '../../../shared/views.ts';
import type { GameView, YouView } from '../../sdk/index.ts';
import { act, type Decision } from '../decision.ts';
import { evidence, type Evidence } from '../evidence.ts';
import type { Rng } from '../rng.ts';
import { packTalk, packWants } from '../talk/night.ts';

/**
 * The smart night: each role plays as its module's `bot.smart` says (wolves hunt the claimed seer,
 * the doctor guards her, the seer probes suspects), reading this seat's evidence through the
 * BotBeliefs interface; a role without smart play answers at random.
 */
export function night(view: GameView, you: YouView, p: RolePrompt, ev: Evidence, rng: Rng, urgent: boolean): Decision[] {
  const role = roleOfKind(p.kind)?.night;
  if (!role) return [];
  const action = role.bot?.smart ? role.bot.smart(p, you, beliefs(view, ev, urgent), rng) : randomAnswer(role, p, rng);
  if (!action) return [];
  // The pack's pick is also said in the wolves' chat, so a person in the pack knows what its bots want.
  return role.pack ? [act(action), ...packTalk(view, (action as { target?: number }).target)] : [act(action)];
}

/** This seat's evidence as the roles read it; the public reading is worked out only if asked for. */
export function beliefs(view: GameView, ev: Evidence, urgent: boolean): BotBeliefs {
  let pub: Evidence | null = null;
  const publicEv = () => (pub ??= evidence(view, true));
  return {
    suspicion: (s) => ev.suspicion.get(s) ?? 0,
    trusted: ev.trusted,
    publicSuspicion: (s) => publicEv().suspicion.get(s) ?? 0,
    get publicTrusted() { return publicEv().trusted; },
    get publicSeers() { return publicEv().seers; },
    day: view.day,
    packWants: packWants(view),
    urgent,
  };
}
