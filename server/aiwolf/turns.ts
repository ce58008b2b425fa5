import { LIMITS } from './info.ts';
import type { AgentSeat, Form } from './seat.ts';
import type { Talk } from '../../shared/talk.ts';
import { reply } from './talk.ts';
import { OVER, SKIP } from './talk-words.ts';

/** What a run of talk or whisper turns needs from its table. */
export interface TurnHost {
  /** Every agent seat of the room: each is told the turn now running. */
  seats: AgentSeat[];
  /** False once the room left the phase the turns belong to. */
  current(): boolean;
  shuffle<T>(xs: T[]): T[];
  /** The seats that must have heard a sentence before the next speaker is asked. */
  hearers(): AgentSeat[];
  /** Post a talk structure to the chat (the room writes its words); resolves with the message id, or null when refused. */
  post(s: AgentSeat, channel: 'day' | 'wolves', talk: Talk): Promise<number | null>;
}

/**
 * Talk (or whisper) turns as the reference runs them: each turn the speakers are shuffled and
 * asked once; a reply that is not a sentence is Skip, the (maxSkip+1)-th Skip in a row is Over,
 * and a speaker out of talks is Over unasked. The talk ends when a whole turn is Over, after at
 * most maxTalkTurn turns, or when the phase ends. A sentence is posted as its talk structure
 * (server/aiwolf/talk.ts; one this game cannot say is Skip) and waited for
 * until every agent that may read it has heard it, so all talk logs keep one order.
 */
export async function turns(host: TurnHost, speakers: AgentSeat[], request: 'TALK' | 'WHISPER', form: Form): Promise<void> {
  const channel = request === 'TALK' ? 'day' : 'wolves';
  const max = request === 'TALK' ? LIMITS.maxTalk : LIMITS.maxWhisper;
  const maxTurns = request === 'TALK' ? LIMITS.maxTalkTurn : LIMITS.maxWhisperTurn;
  const said = new Map<AgentSeat, number>();
  const skips = new Map<AgentSeat, number>();
  for (let turn = 0; turn < maxTurns; turn++) {
    let over = 0;
    const order = host.shuffle(speakers.filter((s) => s.playing && s.alive));
    for (const s of host.seats) s.turn = turn;
    for (const s of order) {
      if (!host.current()) return;
      if ((said.get(s) ?? 0) >= max) { over++; continue; }
      const { text, talk } = reply(await s.agent.ask(s.packet(request, form)), s.speech());
      if (!host.current()) return;
      if (text === OVER || (text === SKIP && (skips.get(s) ?? 0) >= LIMITS.maxSkip)) { over++; continue; }
      if (text === SKIP) { skips.set(s, (skips.get(s) ?? 0) + 1); continue; }
      skips.set(s, 0);
      said.set(s, (said.get(s) ?? 0) + 1);
      const id = await host.post(s, channel, talk!);
      if (id !== null) await Promise.all(host.hearers().map((h) => h.heard(channel, id)));
    }
    if (over === order.length) return;
  }
}
