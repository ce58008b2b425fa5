import { DEFAULT_SETTINGS } from '../../../shared/defaults.ts';
import type { ChatMessage, GameView, PlayerView, YouView } from '../../../shared/views.ts';

/** A hand-made view of a game in progress for strategy tests: `n` living players, nobody's role shown. */
export function handView(n: number, over: Partial<Omit<GameView, 'you'>> & { you: Partial<YouView> & { seat: number } }): GameView {
  const players: PlayerView[] = Array.from({ length: n }, (_, seat) => ({ seat, name: `P${seat}`, bot: true, connected: true, alive: true }));
  const { you, ...rest } = over;
  return {
    version: 1, gameNo: 1, phase: 'day', phaseId: 5, day: 2, deadline: null, settings: DEFAULT_SETTINGS, host: 0,
    players, vote: null, ready: [], timeline: [], outcome: null, chat: [],
    ...rest,
    you: { role: 'villager', team: 'village', alive: true, isHost: false, missedVotes: 0, prompt: null, ...you },
  };
}

export const said = (id: number, seat: number, text: string): ChatMessage => ({ id, channel: 'day', seat, name: `P${seat}`, text, at: id });
