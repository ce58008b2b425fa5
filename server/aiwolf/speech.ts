import type { TalkRef } from '../../shared/talk.ts';
import { aiRoleOf, type Indices, roleOfAi } from './roles.ts';
import { CHANNEL_OF, type TalkKind } from './talk-words.ts';

/** What the words of a sentence stand for, from one seat's point of view. */
export interface Speech {
  /** Agent index → seat, null when no seat has it. */
  seat(idx: number): number | null;
  /** Seat → agent index, -1 when the seat is not in the game. */
  idx(seat: number): number;
  /** An AIWolf role name → our role id, null when it has no role here (FOX, FREEMASON, ANY). */
  role(ai: string): string | null;
  /** Our role id → its AIWolf name, null when AIWolf has none (the sentence is then left out). */
  aiRole(role: string): string | null;
  /** `TALK day1 ID:3` → the message it names, null when this seat never listed it. */
  ref(kind: TalkKind, day: number, idx: number): TalkRef | null;
  /** The other way: a message → its day and idx in this seat's lists, null when not listed. */
  listed(ref: TalkRef): { kind: TalkKind; day: number; idx: number } | null;
}

/** The talks and whispers one seat listed, both ways: `TALK day1 ID:3` ↔ the message it was. */
export class Listing {
  private refs = new Map<string, TalkRef>();
  private at = new Map<string, { kind: TalkKind; day: number; idx: number }>();
  clear(): void { this.refs.clear(); this.at.clear(); }
  add(kind: TalkKind, day: number, idx: number, id: number): void {
    const ref = { channel: CHANNEL_OF[kind], id };
    this.refs.set(`${kind}/${day}/${idx}`, ref);
    this.at.set(`${ref.channel}/${id}`, { kind, day, idx });
  }
  ref(kind: TalkKind, day: number, idx: number): TalkRef | null { return this.refs.get(`${kind}/${day}/${idx}`) ?? null; }
  listed(r: TalkRef): { kind: TalkKind; day: number; idx: number } | null { return this.at.get(`${r.channel}/${r.id}`) ?? null; }
}

/**
 * A seat's Speech: agent indices are its game's Indices, roles are the room's (BODYGUARD is the
 * doctor where a doctor is dealt and no bodyguard), and `TALK dayN ID:M` is what it listed there.
 */
export function speechOf(ix: Indices, dealt: Iterable<string>, listing: Listing): Speech {
  const roles = ['villager', ...dealt];
  return {
    seat: (i) => ix.seat(i),
    idx: (seat) => ix.of(seat),
    role: (ai) => roleOfAi(ai, roles),
    aiRole: (r) => aiRoleOf(r),
    ref: (kind, day, idx) => listing.ref(kind, day, idx),
    listed: (r) => listing.listed(r),
  };
}
