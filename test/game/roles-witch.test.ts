import { describe, expect, it } from 'vitest';
import { ROLE_MODULES } from '../../shared/game/roles/index.ts';
import type { BotBeliefs } from '../../shared/game/roles/role.ts';
import type { RoleCounts } from '../../shared/settings.ts';
import type { Prompt } from '../../shared/views.ts';
import { leaks } from '../helpers/oracle.ts';
import { newGame, type TestGame } from '../helpers/game.ts';

/** The witch on the night after a wolf cub dies (R121): she is shown both victims and heals one (R25, R26). */

const witchOf = (g: TestGame) => g.view(g.seat('witch')).you!.prompt as Extract<Prompt, { kind: 'witch' }>;
const night = ROLE_MODULES.get('witch')!.night!;

/** A game on its second night, the pack enraged: the cub was executed on day 1. */
function rageNight(roles: RoleCounts = {}): TestGame {
  const g = newGame({ players: 10, roles: { werewolf: 2, 'wolf-cub': 1, witch: 1, ...roles } });
  const cub = g.seat('wolf-cub');
  g.until('vote').everyoneVotes(cub).until('night');
  expect(g.alive(cub)).toBe(false);
  return g;
}

/** Living seats outside the pack and the witch (and the doctor). */
const prey = (g: TestGame) => g.others([], ['werewolf', 'wolf-cub', 'witch', 'doctor']);

function clean(g: TestGame) {
  for (const p of g.ctx.players) expect(leaks(g.ctx, { kind: 'seat', seat: p.seat }, g.view(p.seat)), `seat ${p.seat}`).toEqual([]);
}

describe('the witch and the pack\'s two victims', () => {
  it('[R25] [R121] she is shown both victims as they stand, the first also as `victim`, and may heal either', () => {
    const g = rageNight();
    const witch = g.seat('witch');
    const [w1, w2] = g.seats('werewolf');
    const [b, c, d] = prey(g);
    expect(witchOf(g)).toMatchObject({ victim: null, victims: [], canHeal: false });
    g.ok({ type: 'night.act', seat: w1, action: { kind: 'wolf', target: b, second: c } });
    expect(witchOf(g)).toMatchObject({ victim: b, victims: [b, c], canHeal: true });
    expect(ROLE_MODULES.get('witch')!.words.night!.lines!(witchOf(g), g.view(witch).you!, (s) => `P${s}`)[0]).toBe(`The werewolves attack P${b} and P${c}.`);
    clean(g);
    // One check per victim, in one group (one potion): the last ticked is the one healed.
    const checks = night.form.checks!(witchOf(g), String);
    expect(checks).toEqual([{ key: 'heal', label: expect.stringContaining(String(b)), group: 'heal' }, { key: `heal:${c}`, label: expect.stringContaining(String(c)), group: 'heal' }]);
    expect(night.form.build(witchOf(g), [], ['heal'])).toEqual({ kind: 'witch', heal: true, poison: null });
    expect(night.form.build(witchOf(g), [], ['heal', `heal:${c}`])).toEqual({ kind: 'witch', heal: c, poison: null });
    // A seat named for the heal must be one of her victims.
    g.refuse({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: d, poison: null } }, 'action/invalid-target');
    g.ok({ type: 'night.act', seat: witch, action: night.form.build(witchOf(g), [], [`heal:${c}`]) });
    g.ok({ type: 'night.act', seat: w2, action: { kind: 'wolf', target: b, second: c } });
    g.until('day');
    expect(g.alive(b)).toBe(false);
    expect(g.alive(c)).toBe(true);
    expect(g.ctx.secrets.filter((e) => e.kind === 'witch').at(-1)).toMatchObject({ night: 2, heal: c, poison: null });
    expect(g.view(witch).you!.potions).toEqual({ heal: false, poison: true });
  });

  it('[R26] [R121] `heal: true` saves the first victim only: protected by the doctor, the potion is spent and the second dies', () => {
    const g = rageNight({ doctor: 1 });
    const witch = g.seat('witch');
    const [b, c] = prey(g);
    for (const w of g.seats('werewolf')) g.ok({ type: 'night.act', seat: w, action: { kind: 'wolf', target: b, second: c } });
    g.ok({ type: 'night.act', seat: g.seat('doctor'), action: { kind: 'doctor', target: b } });
    g.ok({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: true, poison: null } });
    g.until('day');
    expect(g.alive(b)).toBe(true);
    expect(g.alive(c)).toBe(false);
    expect(g.view(witch).you!.potions).toEqual({ heal: false, poison: true });
    expect(g.ctx.secrets.filter((e) => e.kind === 'witch').at(-1)).toMatchObject({ heal: null });
  });

  it('[R26] `heal: true` still follows the first pick; a heal naming a seat saves that seat only if the wolves attack it', () => {
    const g = rageNight();
    const witch = g.seat('witch');
    const [w1, w2] = g.seats('werewolf');
    const [b, c, d, e] = prey(g);
    g.ok({ type: 'night.act', seat: w1, action: { kind: 'wolf', target: b, second: c } });
    g.ok({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: c, poison: null } });
    // The pack moves both picks after she answered: her heal named c, whom nobody attacks now.
    for (const w of [w1, w2]) g.ok({ type: 'night.act', seat: w, action: { kind: 'wolf', target: d, second: e } });
    g.until('day');
    expect([g.alive(c), g.alive(d), g.alive(e)]).toEqual([true, false, false]);
    expect(g.view(witch).you!.potions!.heal).toBe(false);

    const h = rageNight();
    const [x1, x2] = h.seats('werewolf');
    const [p, q, r, s] = prey(h);
    h.ok({ type: 'night.act', seat: x1, action: { kind: 'wolf', target: p, second: q } });
    h.ok({ type: 'night.act', seat: h.seat('witch'), action: { kind: 'witch', heal: true, poison: null } });
    for (const w of [x1, x2]) h.ok({ type: 'night.act', seat: w, action: { kind: 'wolf', target: r, second: s } });
    h.until('day');
    expect([h.alive(p), h.alive(q), h.alive(r), h.alive(s)]).toEqual([true, true, true, false]);
  });

  it('[R25] [R121] a second victim the dawn cannot change is shown while the first picks are tied; tied seconds are not', () => {
    const g = rageNight();
    const witch = g.seat('witch');
    const [w1, w2] = g.seats('werewolf');
    const [b, c, d] = prey(g);
    g.ok({ type: 'night.act', seat: w1, action: { kind: 'wolf', target: b, second: d } });
    g.ok({ type: 'night.act', seat: w2, action: { kind: 'wolf', target: c, second: d } });
    expect(witchOf(g)).toMatchObject({ victim: null, victims: [d], canHeal: true });
    expect(night.form.checks!(witchOf(g), String).map((k) => k.key)).toEqual([`heal:${d}`]);
    // Seconds tied with the first picks' tied seats: nothing is settled.
    g.ok({ type: 'night.act', seat: w1, action: { kind: 'wolf', target: b, second: c } });
    g.ok({ type: 'night.act', seat: w2, action: { kind: 'wolf', target: c, second: b } });
    expect(witchOf(g)).toMatchObject({ victim: null, victims: [], canHeal: false });
    g.refuse({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: b, poison: null } }, 'action/no-victim');
    for (const w of [w1, w2]) g.ok({ type: 'night.act', seat: w, action: { kind: 'wolf', target: b, second: d } });
    expect(witchOf(g)).toMatchObject({ victim: b, victims: [b, d] });
    g.ok({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: d, poison: null } });
    g.until('day');
    expect(g.alive(b)).toBe(false);
    expect(g.alive(d)).toBe(true);
  });

  it('[R25] [R26] `heal: true` while only the second victim is settled heals him (old clients send `heal: canHeal`)', () => {
    const g = rageNight();
    const [w1, w2] = g.seats('werewolf');
    const [b, c, d] = prey(g);
    g.ok({ type: 'night.act', seat: w1, action: { kind: 'wolf', target: b, second: d } });
    g.ok({ type: 'night.act', seat: w2, action: { kind: 'wolf', target: c, second: d } });
    g.ok({ type: 'night.act', seat: g.seat('witch'), action: { kind: 'witch', heal: witchOf(g).canHeal, poison: null } });
    g.until('day');
    // The tie of the first picks is broken at dawn: one of b and c dies; d, healed, lives.
    expect([g.alive(b), g.alive(c)].filter((x) => !x)).toHaveLength(1);
    expect(g.alive(d)).toBe(true);
    expect(g.ctx.secrets.filter((e) => e.kind === 'witch').at(-1)).toMatchObject({ heal: d });
  });

  it('[R25] [R121] on a night of one victim nothing changes: one victim, `heal: true`, and a second seat is refused', () => {
    const g = newGame({ players: 10, roles: { werewolf: 2, 'wolf-cub': 1, witch: 1 } });
    const witch = g.seat('witch');
    const [b, c] = prey(g);
    g.wolvesPick(b);
    expect(witchOf(g)).toMatchObject({ victim: b, victims: [b], canHeal: true });
    expect(night.form.checks!(witchOf(g), String).map((k) => k.key)).toEqual(['heal']);
    g.refuse({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: c, poison: null } }, 'action/invalid-target');
    g.ok({ type: 'night.act', seat: witch, action: { kind: 'witch', heal: b, poison: null } });
    g.until('day');
    expect(g.alive(b)).toBe(true);
  });

  it('[R121] the bots heal one of two: the smart witch herself when she is the second victim, the random one a victim', () => {
    const g = rageNight();
    const witch = g.seat('witch');
    const [b] = prey(g);
    for (const w of g.seats('werewolf')) g.ok({ type: 'night.act', seat: w, action: { kind: 'wolf', target: b, second: witch } });
    const you = g.view(witch).you!;
    const beliefs = { day: 2, urgent: false, trusted: null, suspicion: () => 0 } as unknown as BotBeliefs;
    expect(night.bot!.smart!(witchOf(g), you, beliefs, () => 0.5)).toEqual({ kind: 'witch', heal: witch, poison: null });
    // Each draw sequence: whether to heal, then which victim (then the poison's draws).
    const draws = [[0.1, 0.1], [0.1, 0.9], [0.9]].map((xs) => { let i = 0; return () => xs[i++] ?? 0.99; });
    const heals = new Set(draws.map((rng) => night.bot!.random!(witchOf(g), rng)!).map((a) => a.kind === 'witch' && a.heal));
    expect([...heals].sort()).toEqual([false, true, witch].sort());
  });

  it('[R25] the bots and the form still read a prompt from before R121, with `victim` alone (an older server)', () => {
    const old = { kind: 'witch', victim: 3, canHeal: true, canPoison: true, targets: [0, 1, 3, 4] } as unknown as Prompt;
    const beliefs = { day: 1, urgent: false, trusted: null, suspicion: () => 0 } as unknown as BotBeliefs;
    const you = { seat: 2, potions: { heal: true, poison: true } } as never;
    expect(night.bot!.smart!(old, you, beliefs, () => 0.5)).toEqual({ kind: 'witch', heal: true, poison: null });
    expect(night.bot!.random!(old, () => 0.1)).toMatchObject({ kind: 'witch', heal: true });
    expect(night.form!.checks!(old, (s) => `P${s}`).map((c) => c.key)).toEqual(['heal']);
  });
});
