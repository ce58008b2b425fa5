import { describe, expect, it } from 'vitest';
import type { Strategy } from '../../client/bot/decision.ts';
import { playSim } from '../../client/bot/sim.ts';
import { smart } from '../../client/bot/strategies/index.ts';
import { whisper } from '../../client/bot/talk/night.ts';
import type { ChatMessage } from '../../shared/views.ts';

/** The person at seat 0: in the pack, it names tonight's victim in the wolves' chat and picks nobody; else it plays as the bots do. */
const leader = (victim: (pack: number[], living: number[]) => number): Strategy => (view, turn) => {
  const you = view.you!;
  if (view.phase !== 'night' || !you.pack?.length || !you.alive) return smart(view, turn);
  const living = view.players.filter((p) => p.alive).map((p) => p.seat);
  return [whisper({ kind: 'attack', seat: victim(you.pack, living) })];
};

/** Games of six (two werewolves, four villagers, nobody to save a victim) where the person at seat 0 is dealt a werewolf. */
function packGames(want: number, strategy: Strategy) {
  const out: { firstVictims: number[]; packChat: ChatMessage[]; pack: number[]; named: number }[] = [];
  for (let seed = 1; seed <= 60 && out.length < want; seed++) {
    let firstVictims: number[] | null = null;
    let pack: number[] = [];
    let named = -1;
    let packChat: ChatMessage[] = [];
    playSim({
      players: 6, seed, strategy: smart, settings: { roles: { werewolf: 2 } },
      seatStrategy: (seat) => (seat === 0 ? (view, turn) => {
        const out = strategy(view, turn);
        for (const d of out) if (d.command === 'chat:send' && d.payload.talk?.kind === 'attack' && typeof d.payload.talk.seat === 'number') named = d.payload.talk.seat;
        return out;
      } : smart),
      onEvent: (snap) => {
        const ctx = snap.context;
        if (pack.length === 0 && ctx.phase === 'night') pack = ctx.players.filter((p) => p.role === 'werewolf').map((p) => p.seat);
        if (firstVictims === null && ctx.phase === 'night') packChat = ctx.chat.filter((m) => m.channel === 'wolves');
        if (firstVictims === null && ctx.phase === 'day') firstVictims = ctx.players.filter((p) => !p.alive).map((p) => p.seat);
      },
    });
    if (pack.includes(0)) out.push({ firstVictims: firstVictims ?? [], packChat, pack, named });
  }
  return out;
}

describe('the pack talks in the wolves\' chat', () => {
  it('a person of the pack names tonight\'s victim in the wolves\' chat and picks nobody: the pack\'s bot takes that victim', () => {
    // The highest seat outside the pack: rarely the bots' own first choice.
    const games = packGames(4, leader((pack, living) => Math.max(...living.filter((s) => !pack.includes(s)))));
    expect(games.length).toBe(4);
    for (const g of games) {
      expect(g.named).toBeGreaterThan(0);
      expect(g.firstVictims).toEqual([g.named]);
    }
  });

  it('a pack bot says the victim it picks ("let\'s take …"), once, unless a packmate named it already', () => {
    const games = packGames(4, smart);
    expect(games.length).toBe(4);
    for (const g of games) {
      const said = g.packChat.filter((m) => m.talk?.kind === 'attack');
      expect(said.length).toBeGreaterThan(0);
      // Every proposal is by a wolf, of a seat outside the pack, and no seat is proposed twice a night.
      for (const m of said) expect(g.pack).toContain(m.seat);
      const targets = said.map((m) => (m.talk as { seat: number }).seat);
      for (const t of targets) expect(g.pack).not.toContain(t);
      expect(new Set(targets).size).toBe(targets.length);
      expect(said[0].text).toMatch(/tonight/);
    }
  });
});
