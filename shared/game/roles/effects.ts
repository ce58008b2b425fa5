import type { DeathCause, SecretEntry } from '../../views.ts';
import { pick } from '../rng.ts';
import type { GameContext } from '../types.ts';
import { moduleOf } from './registry.ts';

/**
 * The small vocabulary a night role speaks at dawn (R20). Roles say what their actions do; this
 * file alone says how that changes the game, the same way for every role. `by` is the acting seat:
 * a block or redirect of that seat earlier in the night applies to everything it does.
 */
export type Effect =
  /** The seat cannot be killed by an attack later tonight (a protection must resolve before the attack). */
  | { kind: 'protect'; by: number; seat: number }
  /** The seat dies at dawn; an attack is stopped by a protection, a kill (poison) is not. */
  | { kind: 'kill'; by: number; seat: number; cause: DeathCause; attack: boolean }
  /** Undo a death decided earlier tonight (the witch's heal). */
  | { kind: 'save'; by: number; seat: number }
  /** Learn the seat's side (R23): written to the record as a `seer` entry. */
  | { kind: 'inspect'; by: number; seat: number }
  /** The seat's own effects later tonight are dropped. */
  | { kind: 'block'; by: number; seat: number }
  /** The seat's effects later tonight that name someone name `to` instead. */
  | { kind: 'redirect'; by: number; seat: number; to: number }
  /** Two seats become lovers (R27): each dies of grief when the other dies. */
  | { kind: 'link'; by: number; seats: [number, number] }
  /** Keep an entry in the record (what was done, for game over and the replay). */
  | { kind: 'learn'; by: number; entry: SecretEntry }
  /** Replace the acting seat's own slice of role state (`ctx.roles[by]`). */
  | { kind: 'state'; by: number; value: unknown };

/** What a role may ask of the night so far while it resolves, and its only source of chance. */
export interface Tonight {
  /** The seat an attack killed so far tonight (not saved), or null. */
  attacked(): number | null;
  /** A uniform choice by the game's seeded PRNG. */
  pick<T>(items: readonly T[]): T;
}

export interface Resolution {
  protectedSeats: Set<number>;
  deaths: Map<number, { cause: DeathCause; attack: boolean }>;
  blocked: Set<number>;
  redirects: Map<number, number>;
  secrets: SecretEntry[];
  lovers: [number, number] | null;
  roles: Record<number, unknown>;
  rng: number;
}

export function newResolution(ctx: GameContext): Resolution {
  return { protectedSeats: new Set(), deaths: new Map(), blocked: new Set(), redirects: new Map(), secrets: [], lovers: null, roles: {}, rng: ctx.rng };
}

export function tonight(res: Resolution): Tonight {
  return {
    attacked() {
      for (const [seat, d] of res.deaths) if (d.attack) return seat;
      return null;
    },
    pick<T>(items: readonly T[]): T {
      const [x, rng] = pick(items, res.rng);
      res.rng = rng;
      return x;
    },
  };
}

/** Apply one role's effects, in the order it gave them. */
export function apply(ctx: GameContext, res: Resolution, effects: Effect[]): void {
  for (const raw of effects) {
    if (res.blocked.has(raw.by) && raw.kind !== 'state') continue;
    const e = redirected(res, raw);
    switch (e.kind) {
      case 'protect': res.protectedSeats.add(e.seat); break;
      case 'kill':
        if (!(e.attack && res.protectedSeats.has(e.seat))) res.deaths.set(e.seat, { cause: e.cause, attack: e.attack });
        break;
      case 'save': res.deaths.delete(e.seat); break;
      case 'inspect': {
        const role = ctx.players.find((p) => p.seat === e.seat)?.role;
        res.secrets.push({ kind: 'seer', night: ctx.day, seer: e.by, seat: e.seat, team: role ? moduleOf(role).seenAs : 'village' });
        break;
      }
      case 'block': res.blocked.add(e.seat); break;
      case 'redirect': res.redirects.set(e.seat, e.to); break;
      case 'link': res.lovers = [...e.seats].sort((x, y) => x - y) as [number, number]; break;
      case 'learn': res.secrets.push(e.entry); break;
      case 'state': res.roles[e.by] = e.value; break;
      default: { const never: never = e; throw new Error(`unknown effect ${JSON.stringify(never)}`); }
    }
  }
}

function redirected(res: Resolution, e: Effect): Effect {
  const to = res.redirects.get(e.by);
  if (to === undefined || !('seat' in e)) return e;
  return { ...e, seat: to };
}
