import type { Decision } from '../decision.ts';
import type { GameView, Talk } from '../../sdk/index.ts';
import { phaseStart } from './know.ts';

/** A line in the wolves' chat. */
export const whisper = (talk: Talk): Decision => ({ command: 'chat:send', payload: { channel: 'wolves', talk } });

/** The `attack` talk of the pack tonight in the wolves' chat, oldest first: who proposed whom. */
function proposals(view: GameView): { by: number; seat: number }[] {
  const start = phaseStart(view);
  const out: { by: number; seat: number }[] = [];
  for (const m of view.chat) {
    if (m.channel !== 'wolves' || m.at < start || m.talk?.kind !== 'attack' || typeof m.talk.seat !== 'number') continue;
    out.push({ by: m.seat, seat: m.talk.seat });
  }
  return out;
}

/**
 * The victims this seat's packmates who are people proposed tonight, latest last (what
 * BotBeliefs.packWants carries). The bots' own proposals only tell what they picked: bots agree
 * through their picks, and two bots that followed each other's word would swap forever.
 */
export function packWants(view: GameView): number[] {
  if (view.phase !== 'night') return [];
  const me = view.you?.seat;
  const person = (seat: number) => view.players.some((p) => p.seat === seat && !p.bot);
  return proposals(view).filter((p) => p.by !== me && person(p.by)).map((p) => p.seat);
}

/**
 * What a pack bot says in the wolves' chat when it picks tonight's victim: "let's take X", once,
 * and only when nobody of the pack has named X tonight already (agreeing by picking is enough).
 */
export function packTalk(view: GameView, target: number | undefined): Decision[] {
  if (target === undefined || view.phase !== 'night' || !view.you?.alive || !view.you.pack?.length) return [];
  if (proposals(view).some((p) => p.seat === target)) return [];
  return [whisper({ kind: 'attack', seat: target })];
}
