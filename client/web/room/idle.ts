import type { GameView } from '../../../shared/views.ts';
import { namer } from '../words.ts';

/** What the prompt panel says when there is nothing to do: where the game stands for this viewer. */
export function idleText(v: GameView): { title: string; text: string } {
  const you = v.you;
  if (!you) {
    const text = 'You are watching: you see what the village sees, and no secret.';
    switch (v.phase) {
      case 'night': return { title: `Night ${v.day}`, text: `The village sleeps while the night roles act. ${text}` };
      case 'vote': return { title: `Day ${v.day}: the vote`, text: `The village votes. ${text}` };
      default: return { title: 'Spectating', text };
    }
  }
  if (!you.alive) return { title: 'You are dead', text: 'You follow the rest of the game as a ghost. You may talk with the other dead, when the room allows it.' };
  const name = namer(v.players);
  switch (v.phase) {
    case 'night': {
      const seen = you.seerResults?.find((r) => r.night === v.day);
      if (seen) return { title: `Night ${v.day}`, text: `Your vision: ${name(seen.seat)} is with ${seen.team === 'wolves' ? 'the werewolves' : 'the village'}. Wait for dawn.` };
      if (you.acted) return { title: `Night ${v.day}`, text: 'Your night is done. Wait for dawn.' };
      return { title: `Night ${v.day}`, text: 'The village sleeps. Wait for dawn.' };
    }
    case 'dawn': return { title: `Dawn of day ${v.day}`, text: 'The village wakes to the news of the night.' };
    case 'execution': return { title: `Day ${v.day}: the verdict`, text: 'The vote is closed.' };
    case 'hunter': return { title: 'A last shot', text: 'If the dead was a hunter, he takes aim now. Wait.' };
    // A living seat without a vote prompt is one whose ballot counts none (R84: a spared idiot).
    case 'vote': return { title: `Day ${v.day}: the vote`, text: 'You may not vote any more. Wait for the vote to close.' };
    default: return { title: v.phase === 'lobby' ? 'Waiting room' : 'Wait', text: '' };
  }
}
