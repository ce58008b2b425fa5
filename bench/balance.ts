/**
 * Balance report: thousands of whole games in process (the pure rules machine, each seat's view
 * from viewFor, and a bot brain per seat; no sockets) for every player count with the default
 * ('auto') role set, printing the village's win rate with a 95% confidence interval.
 *
 *   npm run balance [-- --games 1000 --from 5 --to 20 --strategy smart --seed 1]
 *
 * The last line printed is one JSON object with the figures.
 */
import { autoRoles } from '../shared/game/index.ts';
import { playSim } from '../client/bot/sim.ts';
import { STRATEGIES, type StrategyName } from '../client/bot/strategies/index.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const GAMES = Number(arg('games', '1000'));
const FROM = Number(arg('from', '5'));
const TO = Number(arg('to', '20'));
const SEED = Number(arg('seed', '1'));
const NAME = arg('strategy', 'smart') as StrategyName;
const strategy = STRATEGIES[NAME];
if (!strategy) throw new Error(`unknown strategy ${NAME}; one of ${Object.keys(STRATEGIES).join(', ')}`);

/** Wilson score interval: sound near 0 and 1 and for a few hundred games. */
function wilson(wins: number, n: number, z = 1.96): [number, number] {
  const p = wins / n;
  const d = 1 + (z * z) / n;
  const mid = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [mid - half, mid + half];
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const ROLE_SHORT: Record<string, string> = { werewolf: 'W', seer: 'S', doctor: 'D', witch: 'Wi', hunter: 'H', cupid: 'C', tanner: 'T' };
interface Row { players: number; roles: string; games: number; village: number; rate: number; ci: [number, number]; wins: Record<string, number>; days: number; inBand: boolean }

const rows: Row[] = [];
const started = performance.now();
console.log(`strategy ${NAME}, ${GAMES} games per player count, seeds ${SEED}..${SEED + GAMES - 1}`);
console.log('players  roles                village  95% CI          wolves  other  days');
for (let n = FROM; n <= TO; n++) {
  const wins: Record<string, number> = {};
  let days = 0;
  for (let g = 0; g < GAMES; g++) {
    const r = playSim({ players: n, seed: SEED + g, strategy });
    const w = r.outcome?.winner ?? 'unfinished';
    wins[w] = (wins[w] ?? 0) + 1;
    days += r.days;
  }
  const village = wins.village ?? 0;
  const rate = village / GAMES;
  const ci = wilson(village, GAMES);
  const roles = Object.entries(autoRoles(n)).map(([r, k]) => `${k}${ROLE_SHORT[r] ?? r}`).join(' ');
  const row: Row = { players: n, roles, games: GAMES, village, rate, ci, wins, days: days / GAMES, inBand: rate >= 0.4 && rate <= 0.6 };
  rows.push(row);
  const other = GAMES - village - (wins.wolves ?? 0);
  console.log(`${String(n).padStart(7)}  ${roles.padEnd(19)}  ${pct(rate).padStart(7)}  ${pct(ci[0]).padStart(5)}–${pct(ci[1]).padEnd(6)}  ${pct((wins.wolves ?? 0) / GAMES).padStart(6)}  ${pct(other / GAMES).padStart(5)}  ${row.days.toFixed(1).padStart(4)}${row.inBand ? '' : '  (outside 40–60%)'}`);
}
const seconds = (performance.now() - started) / 1000;
console.log(`${rows.length * GAMES} games in ${seconds.toFixed(1)} s; ${rows.filter((r) => r.inBand).length}/${rows.length} player counts within 40–60% village wins`);
console.log(JSON.stringify({ strategy: NAME, games: GAMES, seed: SEED, seconds: Math.round(seconds), rows }));
