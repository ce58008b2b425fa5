/**
 * A complete bot in one file, the one docs/bots.md walks through. It believes the first seer
 * claim in day chat, votes for the wolves she names, and otherwise picks at random.
 *
 *   npx tsx client/bot/example.ts http://localhost:3000 INVITECODE
 */
import { Bot } from './bot.ts';
import { claimsIn } from './claims.ts';
import { act, ready, shoot, type Strategy, vote } from './decision.ts';
import { pick } from './rng.ts';

export const follower: Strategy = (view, { rng }) => {
  const you = view.you;
  const p = you?.prompt;
  if (!you || !p) return [];
  if (p.kind === 'ready') return [ready()];
  if (p.kind === 'sleep') return [act({ kind: 'sleep' })];
  // The little girl's prompt has no targets: she peeks or sleeps.
  if (p.kind === 'peek') return [act({ kind: 'peek', peek: false })];
  const others = p.targets.filter((t) => t !== you.seat);
  const any = pick(rng, others.length ? others : p.targets) ?? null;
  const seer = claimsIn(view.chat, view.players).find((c) => c.kind === 'claim' && c.role === 'seer')?.by;
  const named = claimsIn(view.chat, view.players).filter((c) => c.by === seer && c.kind === 'result' && c.team === 'wolves');
  const wolf = named.map((c) => (c.kind === 'result' ? c.seat : -1)).find((s) => p.targets.includes(s));
  switch (p.kind) {
    case 'vote': return [vote(wolf ?? any)];
    case 'hunter': return [shoot(wolf ?? any)];
    case 'witch': return [act({ kind: 'witch', heal: p.canHeal, poison: null })];
    case 'cupid': return any === null ? [] : [act({ kind: 'cupid', targets: [you.seat, any] })];
    default: return any === null ? [] : [act({ kind: p.kind, target: any })];
  }
};

if (process.argv[1]?.endsWith('example.ts')) {
  const [url = 'http://localhost:3000', code = ''] = process.argv.slice(2);
  const bot = await Bot.connect(url, { strategy: follower, thinkMs: [500, 2000] });
  const { seat } = await bot.join({ code }, 'Follower', { bot: true });
  console.log(`seated at ${seat}; playing until the room closes`);
  bot.on('over', (outcome) => console.log(`${outcome.winner} won: ${outcome.reason}`));
  bot.on('error', (err) => console.error(`refused: ${err.message}`));
  bot.on('gone', () => bot.close());
}
