import { describe, expect, it } from 'vitest';
import type { ViewBody } from '../../shared/game/index.ts';
import { newGame } from '../helpers/game.ts';
import { leaks } from '../helpers/oracle.ts';

/**
 * The leak oracle of the property test must itself catch leaks: feed it tampered views. It is an
 * allow-list (every key needs a declaration in shared/game/views-fields.ts that admits the
 * recipient), so a field nobody declared fails wherever it is planted.
 */
describe('the leak oracle', () => {
  const g = newGame({ players: 8, roles: { werewolf: 2, seer: 1, witch: 1, cupid: 1 }, settings: { secretVotes: true, reveal: 'none' } });
  const wolf = g.seat('werewolf');
  const seer = g.seat('seer');
  const v = g.seat('villager');
  g.ok({ type: 'chat.send', seat: wolf, channel: 'wolves', text: 'x' });
  g.ok({ type: 'night.act', seat: wolf, action: { kind: 'wolf', target: v } });
  const ctx = g.ctx;
  const seat = { kind: 'seat', seat: v } as const;
  const clean = g.view(v);
  const tamper = (f: (view: ViewBody) => void) => { const copy = structuredClone(clean); f(copy); return leaks(ctx, seat, copy); };

  it('[R70] finds nothing in a clean view', () => {
    expect(leaks(ctx, seat, clean)).toEqual([]);
    expect(leaks(ctx, { kind: 'spectator' }, g.view('spectator'))).toEqual([]);
    expect(leaks(ctx, { kind: 'seat', seat: wolf }, g.view(wolf))).toEqual([]);
  });

  it('[R72] catches another seat\'s role or team', () => {
    expect(tamper((x) => { x.players[seer].role = 'seer'; })).not.toEqual([]);
    expect(tamper((x) => { x.players[seer].team = 'village'; })).not.toEqual([]);
  });

  it('[R73] [R75] [R74] catches the pack, picks, seer results, potions, the witch\'s victim and lovers', () => {
    expect(tamper((x) => { x.you!.pack = [wolf]; })).not.toEqual([]);
    expect(tamper((x) => { x.you!.packPicks = { [wolf]: v }; })).not.toEqual([]);
    expect(tamper((x) => { x.you!.seerResults = []; })).not.toEqual([]);
    expect(tamper((x) => { x.you!.potions = { heal: true, poison: true }; })).not.toEqual([]);
    expect(tamper((x) => { x.you!.prompt = { kind: 'witch', victim: v, victims: [v], canHeal: true, canPoison: true, targets: [] }; })).not.toEqual([]);
    expect(tamper((x) => { x.you!.lover = seer; })).not.toEqual([]);
    expect(tamper((x) => { x.you!.lovers = [seer, wolf]; })).not.toEqual([]);
  });

  it('[R65] [R78] catches chat of other channels, secrets and internal state', () => {
    expect(tamper((x) => { x.chat.push({ id: 9, channel: 'wolves', seat: wolf, name: 'w', text: 'x', at: 0 }); })).not.toEqual([]);
    expect(tamper((x) => { x.chat.push({ id: 9, channel: 'dead', seat: wolf, name: 'w', text: 'x', at: 0 }); })).not.toEqual([]);
    expect(tamper((x) => { x.secrets = []; })).not.toEqual([]);
    expect(tamper((x) => { (x as unknown as Record<string, unknown>).night = ctx.night; })).not.toEqual([]);
    expect(tamper((x) => { (x as unknown as Record<string, unknown>).rng = ctx.rng; })).not.toEqual([]);
  });

  it('[R47] catches secret ballots', () => {
    expect(tamper((x) => { x.vote = { round: 1, candidates: [], voted: [wolf], ballots: { [wolf]: v } }; })).not.toEqual([]);
    expect(tamper((x) => { x.timeline.push({ kind: 'vote', day: 1, round: 1, tally: {}, abstain: 0, outcome: 'none', ballots: {} }); })).not.toEqual([]);
  });

  const planted = (f: (view: Record<string, any>) => void) => tamper((x) => f(x as unknown as Record<string, any>));

  it('[R70] fails on an undeclared field planted at the top of a view', () => {
    expect(planted((x) => { x.wolves = [wolf]; })).toEqual([expect.stringContaining('undeclared field view.wolves')]);
    // Even one that carries nothing secret: what is not declared does not leave the server.
    expect(planted((x) => { x.debug = true; })).toEqual([expect.stringContaining('undeclared field view.debug')]);
  });

  it('[R70] fails on an undeclared field planted in a nested object: the seat view, a player entry, a prompt, a death', () => {
    expect(planted((x) => { x.you.stolenRole = wolf; })).toEqual([expect.stringContaining('undeclared field view.you.stolenRole')]);
    expect(planted((x) => { x.players[wolf].lover = seer; })).toEqual([expect.stringContaining(`undeclared field view.players[${wolf}].lover`)]);
    expect(planted((x) => { x.you.prompt = { kind: 'sleep', victim: null, secretly: 1 }; })).toEqual([expect.stringContaining('undeclared field view.you.prompt.secretly')]);
    expect(planted((x) => { x.timeline.push({ kind: 'night', day: 1, deaths: [], wolves: [wolf] }); })).toEqual([expect.stringContaining('undeclared field view.timeline[')]);
    expect(planted((x) => { x.chat.push({ id: 9, channel: 'day', seat: wolf, name: 'w', text: 'x', at: 0, role: 'werewolf' }); })).toEqual([expect.stringContaining('.role')]);
  });

  it('[R73] [R75] fails on a role\'s own field in another role\'s seat view, though some role declares it', () => {
    expect(planted((x) => { x.you.potions = { heal: true, poison: true }; })).toEqual([expect.stringContaining('view.you.potions, a field of the witch')]);
    expect(planted((x) => { x.you.lastProtected = null; })).toEqual([expect.stringContaining('a field of the doctor')]);
  });

  it('[R72] fails on a declared field outside its audience: the own seat\'s fields in a stranger\'s player entry', () => {
    expect(planted((x) => { x.players[wolf].team = 'wolves'; })).toEqual([expect.stringContaining(`view.players[${wolf}].team, not for this audience`)]);
  });
});
