import type { DeathCause, SecretEntry } from '../../views.ts';
import { pick } from '../rng.ts';
import type { GameContext } from '../types.ts';
import { sideSeen } from './util.ts';
import type { Effect, Tonight } from './effect-types.ts';

export type { Effect, Tonight };


export interface Resolution {
  protectedSeats: Set<number>;
  deaths: Map<number, { cause: DeathCause; attack: boolean }>;
  blocked: Set<number>;
  redirects: Map<number, number>;
  secrets: SecretEntry[];
  lovers: [number, number] | null;
  roles: Record<number, unknown>;
  /** Seats that take another role at dawn (R83). */
  become: Map<number, string>;
  rng: number;
}

export function newResolution(ctx: GameContext): Resolution {
  return { protectedSeats: new Set(), deaths: new Map(), blocked: new Set(), redirects: new Map(), secrets: [], lovers: null, roles: {}, become: new Map(), rng: ctx.rng };
}

export function tonight(res: Resolution): Tonight {
  return {
    attacked(cause) {
      for (const [seat, d] of res.deaths) if (d.attack && (cause === undefined || d.cause === cause)) return seat;
      return null;
    },
    learned: () => res.secrets,
    death(seat) {
      return res.deaths.get(seat) ?? null;
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
        const known = ctx.players.some((p) => p.seat === e.seat && p.role);
        res.secrets.push({ kind: 'seer', night: ctx.day, seer: e.by, seat: e.seat, team: known ? sideSeen(ctx, e.seat) : 'village' });
        break;
      }
      case 'block': res.blocked.add(e.seat); break;
      case 'redirect': res.redirects.set(e.seat, e.to); break;
      case 'link': res.lovers = [...e.seats].sort((x, y) => x - y) as [number, number]; break;
      case 'learn': res.secrets.push(e.entry); break;
      case 'state': res.roles[e.by] = e.value; break;
      case 'become': res.become.set(e.seat, e.role); break;
      default: { const never: never = e; throw new Error(`unknown effect ${JSON.stringify(never)}`); }
    }
  }
}

function redirected(res: Resolution, e: Effect): Effect {
  const to = res.redirects.get(e.by);
  if (to === undefined || !('seat' in e)) return e;
  return { ...e, seat: to };
}
