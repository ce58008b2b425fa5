/**
 * Engine benchmark: complete 10-player games played in process by random legal actors, with every
 * audience's view (10 seats and a spectator) computed after every event, next to a bare XState
 * machine (one assign counter) driven with the same number of events in the same run.
 *
 *   npm run bench:engine [-- --games 2000 --rounds 3]
 *
 * The last line printed is one JSON object with the figures.
 */
import { assign, createActor, setup } from 'xstate';
import { gameMachine, viewFor, type Audience, type GameEvent, type ViewBody } from '../server/game/index.ts';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings.ts';
import { Dice, randomMove, type Move } from '../test/helpers/sim.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const GAMES = arg('games', 2000);
const ROUNDS = arg('rounds', 3);
const PLAYERS = 10;
const MAX_EVENTS = 2000;

const settings: Settings = { ...DEFAULT_SETTINGS, maxSeats: PLAYERS };
const audiences: Audience[] = [...Array.from({ length: PLAYERS }, (_, seat) => ({ kind: 'seat', seat }) as const), { kind: 'spectator' }];

interface GameStats { events: number; views: number; finished: boolean; checksum: number }

/**
 * One game: after every event, every audience's view is computed, and the actors answer the
 * prompts those very views carry (as a bot would), with the odd timer expiry and chat line.
 */
function playGame(seed: number): GameStats {
  const dice = new Dice(seed ^ 0x9e3779b9);
  const actor = createActor(gameMachine, { input: { settings } }).start();
  let now = 1_000_000;
  let events = 0;
  let views = 0;
  let checksum = 0;
  const current: ViewBody[] = new Array(audiences.length);
  const observe = () => {
    const ctx = actor.getSnapshot().context;
    for (let i = 0; i < audiences.length; i++) current[i] = viewFor(ctx, audiences[i]);
    views += audiences.length;
    checksum = (checksum + current[PLAYERS].players.length + (current[0].you?.prompt ? 1 : 0)) | 0;
  };
  const send = (e: GameEvent) => { actor.send(e); events++; observe(); };

  for (let i = 0; i < PLAYERS; i++) send({ type: 'player.join', now, name: `P${i}` });
  send({ type: 'game.start', now, seat: 0, seed });
  const moves: Move[] = [];
  while (current[PLAYERS].phase !== 'over' && events < MAX_EVENTS) {
    now += 100 + dice.int(900);
    moves.length = 0;
    for (let i = 0; i < PLAYERS; i++) {
      const prompt = current[i].you?.prompt;
      if (!prompt) continue;
      const move = randomMove(i, prompt, dice);
      if (move) moves.push(move);
    }
    const pub = current[PLAYERS];
    if (moves.length === 0 || dice.next() < 0.05) {
      send({ type: 'timer.expired', now: Math.max(now, pub.deadline ?? now), phaseId: pub.phaseId });
    } else if (dice.next() < 0.1) {
      const alive = pub.players.filter((p) => p.alive);
      const seat = dice.pick(alive).seat;
      send({ type: 'chat.send', now, seat, channel: pub.phase === 'night' ? 'wolves' : 'day', text: 'hello' });
    } else {
      send({ ...dice.pick(moves), now } as GameEvent);
    }
  }
  actor.stop();
  return { events, views, finished: current[PLAYERS].phase === 'over', checksum };
}

function runEngine(games: number, firstSeed: number) {
  let events = 0, views = 0, finished = 0, checksum = 0;
  const t0 = performance.now();
  for (let g = 0; g < games; g++) {
    const s = playGame(firstSeed + g);
    events += s.events; views += s.views; checksum ^= s.checksum;
    if (s.finished) finished++;
  }
  return { ms: performance.now() - t0, events, views, finished, checksum };
}

const bareMachine = setup({ types: { context: {} as { n: number }, events: {} as { type: 'tick'; now: number } } }).createMachine({
  id: 'bare',
  context: { n: 0 },
  on: { tick: { actions: assign({ n: ({ context }) => context.n + 1 }) } },
});

/** The same number of events through a trivial machine: XState's own floor on this machine. */
function runBare(events: number) {
  const actor = createActor(bareMachine).start();
  const t0 = performance.now();
  for (let i = 0; i < events; i++) actor.send({ type: 'tick', now: i });
  const ms = performance.now() - t0;
  if (actor.getSnapshot().context.n !== events) throw new Error('bare machine lost events');
  actor.stop();
  return { ms };
}

// Warm up both, then measure in alternation; report the best round of each.
runEngine(Math.min(200, GAMES), 1_000_000);
runBare(200_000);
let best = { gamesPerSec: 0, eventsPerSec: 0, viewsPerSec: 0, events: 0, finished: 0, games: 0 };
let bareBest = 0;
for (let r = 0; r < ROUNDS; r++) {
  const e = runEngine(GAMES, 1 + r * GAMES);
  const b = runBare(e.events);
  const gamesPerSec = (e.finished / e.ms) * 1000;
  const eventsPerSec = (e.events / e.ms) * 1000;
  const bareEventsPerSec = (e.events / b.ms) * 1000;
  console.log(
    `round ${r + 1}: ${GAMES} games (${e.finished} finished), ${e.events} events, ${e.views} views in ${e.ms.toFixed(0)} ms: ` +
      `${gamesPerSec.toFixed(0)} games/s, ${eventsPerSec.toFixed(0)} events/s, ${((e.views / e.ms) * 1000).toFixed(0)} views/s; ` +
      `bare machine ${bareEventsPerSec.toFixed(0)} events/s (checksum ${e.checksum})`,
  );
  if (eventsPerSec > best.eventsPerSec) best = { gamesPerSec, eventsPerSec, viewsPerSec: (e.views / e.ms) * 1000, events: e.events, finished: e.finished, games: GAMES };
  bareBest = Math.max(bareBest, bareEventsPerSec);
}
const round = (x: number) => Math.round(x);
console.log(JSON.stringify({
  gamesPerSec: round(best.gamesPerSec),
  eventsPerSec: round(best.eventsPerSec),
  bareEventsPerSec: round(bareBest),
  ratioToBare: Number((best.eventsPerSec / bareBest).toFixed(3)),
  viewsPerSec: round(best.viewsPerSec),
  eventsPerGame: Number((best.events / best.games).toFixed(1)),
  audiences: audiences.length,
  players: PLAYERS,
  games: best.games,
  finished: best.finished,
  node: process.version,
}));
