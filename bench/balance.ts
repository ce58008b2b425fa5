/**
 * Balance report: whole games in process (the pure rules machine, each seat's view from viewFor,
 * and a bot brain per seat; no sockets) for every preset and player count, printing the village's
 * win rate with a 95% confidence interval and each side's share of the wins (solo sides too).
 *
 *   npm run balance [-- --preset classic,balanced --from 5 --to 20 --games 200 --strategy smart --seed 1 --markdown --tune wolfFakeClaim=0.4]
 *
 * `--preset all` (the default) is every preset but Custom, whose default is the Classic set. The
 * AIWolf presets play at their own count only. `--markdown` prints the tables as docs/balance.md
 * holds them. The last line printed is one JSON object with the figures.
 */
import { PRESET_LIST, PRESETS, presetRoles } from '../shared/game/index.ts';
import { DEFAULT_SETTINGS } from '../shared/defaults.ts';
import type { PresetId } from '../shared/settings.ts';
import { playSim } from '../client/bot/sim.ts';
import { STRATEGIES, type StrategyName } from '../client/bot/strategies/index.ts';
import { TUNING } from '../client/bot/strategies/smart.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const GAMES = Number(arg('games', '200'));
const FROM = Number(arg('from', '5'));
const TO = Number(arg('to', '20'));
const SEED = Number(arg('seed', '1'));
const NAME = arg('strategy', 'smart') as StrategyName;
const MARKDOWN = process.argv.includes('--markdown');
// `--tune key=value,key=value` tries other numbers of the smart bots' TUNING for this run only.
for (const kv of arg('tune', '').split(',').filter(Boolean)) {
  const [key, value] = kv.split('=');
  if (!(key in TUNING)) throw new Error(`no tuning '${key}'; one of ${Object.keys(TUNING).join(', ')}`);
  (TUNING as Record<string, unknown>)[key] = value === 'true' ? true : value === 'false' ? false : Number(value);
}
const strategy = STRATEGIES[NAME];
if (!strategy) throw new Error(`unknown strategy ${NAME}; one of ${Object.keys(STRATEGIES).join(', ')}`);
const wanted = arg('preset', 'all');
const presets = wanted === 'all' ? PRESET_LIST.filter((p) => p.id !== 'custom') : wanted.split(',').map((id) => {
  const p = PRESETS[id as PresetId];
  if (!p) throw new Error(`unknown preset ${id}; one of ${Object.keys(PRESETS).join(', ')}`);
  return p;
});

/** Wilson score interval: sound near 0 and 1 and for a few hundred games. */
function wilson(wins: number, n: number, z = 1.96): [number, number] {
  const p = wins / n;
  const d = 1 + (z * z) / n;
  const mid = (p + (z * z) / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [mid - half, mid + half];
}

/** The targets of issue 13: Balanced 45–55% village wins, the others 40–60%; a solo side at most 10%. */
const band = (preset: PresetId): [number, number] => (preset === 'balanced' ? [0.45, 0.55] : [0.4, 0.6]);
const SOLO_MAX = 0.1;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const SHORT: Record<string, string> = { werewolf: 'W', seer: 'S', doctor: 'D', witch: 'Wi', hunter: 'H', cupid: 'C', tanner: 'T', bodyguard: 'B', villager: 'V' };
const rolesText = (counts: Record<string, number | undefined>) => Object.entries(counts).map(([r, k]) => `${k}${SHORT[r] ?? ` ${r} `}`.trim()).join(' ');

interface Row { preset: PresetId; players: number; roles: string; games: number; village: number; rate: number; ci: [number, number]; wins: Record<string, number>; days: number; inBand: boolean; soloOk: boolean }

const rows: Row[] = [];
const started = performance.now();
const head = `strategy ${NAME}, ${GAMES} games per cell, seeds ${SEED}..${SEED + GAMES - 1}`;
console.log(MARKDOWN ? `<!-- ${head} -->` : head);
for (const preset of presets) {
  const counts = Array.from({ length: TO - FROM + 1 }, (_, i) => FROM + i).filter((n) => !preset.players || preset.players.includes(n));
  if (counts.length === 0) continue;
  const [lo, hi] = band(preset.id);
  console.log(MARKDOWN
    ? `\n### ${preset.words.name}\n\n| players | roles | village | 95% CI | wolves | solo sides | days |\n|---|---|---|---|---|---|---|`
    : `\n${preset.words.name} (target ${pct(lo)}–${pct(hi)} village wins)\nplayers  roles                      village  95% CI          wolves  solo sides            days`);
  for (const n of counts) {
    const wins: Record<string, number> = {};
    let days = 0;
    for (let g = 0; g < GAMES; g++) {
      const r = playSim({ players: n, seed: SEED + g, strategy, settings: { preset: preset.id } });
      const w = r.outcome?.winner ?? 'unfinished';
      wins[w] = (wins[w] ?? 0) + 1;
      days += r.days;
    }
    const village = wins.village ?? 0;
    const rate = village / GAMES;
    const ci = wilson(village, GAMES);
    const roles = preset.drawn ? 'drawn at the deal' : rolesText(presetRoles({ ...DEFAULT_SETTINGS, preset: preset.id }, n, 0)[0]);
    const solo = Object.entries(wins).filter(([w]) => w !== 'village' && w !== 'wolves');
    // 'nobody' (everyone dead at once) and 'unfinished' are shown but are no side.
    const soloOk = solo.every(([w, k]) => w === 'nobody' || w === 'unfinished' || k / GAMES <= SOLO_MAX);
    const row: Row = { preset: preset.id, players: n, roles, games: GAMES, village, rate, ci, wins, days: days / GAMES, inBand: rate >= lo && rate <= hi, soloOk };
    rows.push(row);
    const soloText = solo.map(([w, k]) => `${w} ${pct(k / GAMES)}`).join(', ') || '–';
    const flags = `${row.inBand ? '' : ` (outside ${pct(lo)}–${pct(hi)})`}${soloOk ? '' : ' (solo over 10%)'}`;
    console.log(MARKDOWN
      ? `| ${n} | ${roles} | ${pct(rate)}${row.inBand ? '' : ' ✗'} | ${pct(ci[0])}–${pct(ci[1])} | ${pct((wins.wolves ?? 0) / GAMES)} | ${soloText}${soloOk ? '' : ' ✗'} | ${row.days.toFixed(1)} |`
      : `${String(n).padStart(7)}  ${roles.padEnd(25)}  ${pct(rate).padStart(7)}  ${pct(ci[0]).padStart(5)}–${pct(ci[1]).padEnd(6)}  ${pct((wins.wolves ?? 0) / GAMES).padStart(6)}  ${soloText.padEnd(20)}  ${row.days.toFixed(1).padStart(4)}${flags}`);
  }
}
const seconds = (performance.now() - started) / 1000;
const summary = `${rows.length * GAMES} games in ${seconds.toFixed(1)} s; ${rows.filter((r) => r.inBand).length}/${rows.length} cells within their village band, ${rows.filter((r) => r.soloOk).length}/${rows.length} with every solo side at most 10%`;
console.log(MARKDOWN ? `\n<!-- ${summary} -->` : `\n${summary}`);
console.log(JSON.stringify({ strategy: NAME, games: GAMES, seed: SEED, seconds: Math.round(seconds), rows }));
