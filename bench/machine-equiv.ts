/**
 * Is this tree's machine the same as another's? Random games (the bots' random strategy, with stray
 * leaves, presence changes, shots, ballots and grace expiries mixed in, then a reset, a late join and
 * an abandon) are stepped through both machines with the room's Decider, and at every step the state
 * value, the context, the persisted snapshot and the emitted effects must be equal.
 *
 *   npx tsx bench/machine-equiv.ts --baseline DIR [--games 200] [--all]
 *
 * DIR as for bench/engine.ts (`git archive main | tar -x -C DIR` and a node_modules link). Classic and
 * Chaos games; `--all` adds Balanced and AIWolf-5. Prints the number of differences (the first few shown).
 */
import { createActor } from 'xstate';
import { Decider, gameMachine, viewFor, type GameContext, type GameEvent, type ViewBody, type Audience } from '../shared/game/index.ts';
import { DEFAULT_SETTINGS } from '../shared/defaults.ts';
import { settled } from '../client/bot/brain.ts';
import { mulberry32 } from '../client/bot/rng.ts';
import { toEvent } from '../client/bot/sim.ts';
import { random } from '../client/bot/strategies/index.ts';
import { isDeepStrictEqual } from 'node:util';
const argv = process.argv;
// Without `--games`, indexOf is -1 and argv[0] (the node binary) would read as NaN games: none played.
const GAMES = argv.includes('--games') ? Number(argv[argv.indexOf('--games') + 1]) : 300;
const BASE = argv[argv.indexOf('--baseline') + 1];
const base = await import(`${BASE}/shared/game/index.ts`);
let steps = 0, bad = 0;
for (const preset of [undefined, 'chaos', ...(argv.includes('--all') ? ['balanced', 'aiwolf-5'] : [])]) {
  const settings: any = { ...DEFAULT_SETTINGS, maxSeats: 10, ...(preset ? { preset } : {}) };
  const audiences: Audience[] = [...Array.from({ length: 10 }, (_, seat) => ({ kind: 'seat', seat }) as const), { kind: 'spectator' }];
  const dA = new Decider(gameMachine), dB = new base.Decider(base.gameMachine);
  for (let g = 0; g < GAMES && bad < 5; g++) {
    const seed = 7 + g;
    let sA = dA.initial({ settings }), sB = dB.initial({ settings });
    const rng = mulberry32(seed ^ 0x9e3779b9); const int = (n: number) => Math.floor(rng() * n);
    let now = 1_000_000; const current: ViewBody[] = [];
    const send = (e: GameEvent) => {
      const a = dA.decide(sA, e), b = dB.decide(sB, e); steps++;
      if (!isDeepStrictEqual(a.snapshot.value, b.snapshot.value) || !isDeepStrictEqual(a.snapshot.context, b.snapshot.context) || !isDeepStrictEqual(a.effects, b.effects) || !isDeepStrictEqual(dA.persist(a.snapshot), dB.persist(b.snapshot))) {
        bad++; console.log('DIFF', preset, g, e.type, a.snapshot.value, b.snapshot.value, JSON.stringify(a.effects), JSON.stringify(b.effects));
      }
      sA = a.snapshot; sB = b.snapshot;
      const ctx = sA.context as GameContext; for (let i = 0; i < 11; i++) current[i] = viewFor(ctx, audiences[i]);
    };
    for (let i = 0; i < 10; i++) send({ type: 'room.join', now, name: `P${i}` });
    send({ type: 'game.start', now, seat: 0, seed });
    const asked: number[] = []; let n = 0;
    while (current[10].phase !== 'over' && n++ < 2000) {
      now += 100 + int(900); asked.length = 0;
      for (let i = 0; i < 10; i++) { const p = current[i].you?.prompt; if (p && !(p.kind === 'ready' && p.done)) asked.push(i); }
      const pub = current[10]; const r = rng();
      if (asked.length === 0 || r < 0.05) send({ type: 'timer.expired', now: Math.max(now, pub.deadline ?? now), phaseId: pub.phaseId });
      else if (r < 0.07) send({ type: 'room.leave', now, seat: int(10) });
      else if (r < 0.09) send({ type: 'player.connection', now, seat: int(10), connected: rng() < 0.5 });
      else if (r < 0.1) send({ type: 'hunter.shoot', now, seat: int(10), target: int(10) });
      else if (r < 0.11) send({ type: 'vote.cast', now, seat: int(10), target: int(10) });
      else if (r < 0.12) send({ type: 'grace.expired', now, seat: int(10) });
      else if (rng() < 0.1) { const seat = int(10); send({ type: 'chat.send', now, seat, channel: pub.phase === 'night' ? 'wolves' : 'day', text: 'hello' }); }
      else { const seat = asked[int(asked.length)]; const view = { ...current[seat], version: 0 } as any; const d = random(view, { rng, urgent: false }).find((x: any) => !settled(view, x));
        if (d) send({ ...toEvent(seat, d), now } as GameEvent); else send({ type: 'timer.expired', now: Math.max(now, pub.deadline ?? now), phaseId: pub.phaseId }); }
    }
    if (current[10].phase === 'over') { send({ type: 'game.reset', now, seat: sA.context.host ?? 0 }); send({ type: 'room.join', now, name: 'Late' }); send({ type: 'game.abandon', now }); }
  }
}
console.log(`${steps} steps compared, ${bad} differences`);
