import { DEFAULT_SETTINGS } from '../../../shared/defaults.ts';
import type { ChatMessage, GameView, PlayerView, YouView } from '../../../shared/views.ts';
import type { Talk } from '../../../shared/talk.ts';

/** A hand-made view of a game in progress for strategy tests: `n` living players, nobody's role shown. */
export function handView(n: number, over: Partial<Omit<GameView, 'you'>> & { you: Partial<YouView> & { seat: number } }): GameView {
  const players: PlayerView[] = Array.from({ length: n }, (_, seat) => ({ seat, name: `P${seat}`, bot: true, connected: true, alive: true }));
  const { you, ...rest } = over;
  return {
    version: 1, gameNo: 1, phase: 'day', phaseId: 5, day: 2, deadline: null, settings: DEFAULT_SETTINGS, host: 0,
    setup: { preset: 'classic', players: n, dealt: true, roles: null, categories: null, missing: [], problem: null },
    players, vote: null, ready: [], timeline: [], outcome: null, chat: [],
    ...rest,
    you: { role: 'villager', team: 'village', alive: true, isHost: false, missedVotes: 0, prompt: null, ...you },
  };
}

/** A day message: free text, or a talk structure (its text then is only a stand-in). */
export const said = (id: number, seat: number, text: string | Talk): ChatMessage =>
  typeof text === 'string' ? { id, channel: 'day', seat, name: `P${seat}`, text, at: id } : { id, channel: 'day', seat, name: `P${seat}`, text: 'talk', talk: text, at: id };

/** "I am the seer, and I saw these seats' sides", as a seer claimant says it. */
export const seerSays = (seat: number, results: Array<[number, 'human' | 'werewolf']>): Talk =>
  ({ kind: 'and', parts: [{ kind: 'claim', seat, role: 'seer' }, ...results.map(([s, species]): Talk => ({ kind: 'divined', seat: s, species }))] });
