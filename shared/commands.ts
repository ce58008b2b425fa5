import { CHAT_CHANNELS } from './channels.ts';
import { z } from 'zod';
import { CHAT_MAX, NAME_MAX } from './limits.ts';
import { nameProblem, normalizeName } from './names.ts';
import { settingsPatchSchema } from './settings.ts';
import { talkSchema } from './talk-schema.ts';
import type { RoomState, RoomSummary, SeatGrant } from './envelopes.ts';
import type { DayAction, NightAction } from './views.ts';

/**
 * The one table of client commands (docs/protocol.md §4). Each entry declares what every edge
 * needs: the payload schema the gateway validates, the ack data the SDK returns, who may send it,
 * the quota it takes, and the machine event it becomes. The gateway, the handlers, the SDK, the
 * bots, cluster forwarding and the generated reference all read this table; none lists commands.
 */

const seat = z.number().int().min(0).max(99);
/** A player's name (docs/rules.md R5): NFKC, trimmed, 1–24 characters, no control, bidi or zero-width characters. */
const name = z.string().max(NAME_MAX * 4).transform(normalizeName).check((ctx) => {
  const problem = nameProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});
const roomRef = z.union([z.strictObject({ roomId: z.string().min(1).max(64) }), z.strictObject({ code: z.string().min(1).max(32) })]);
const none = z.strictObject({});

/**
 * A night action at the edge: an object with the `kind` of a role's action (or `sleep`). Its shape
 * is declared by the role's module (shared/game/roles, docs/rules.md), which the protocol does not
 * import: the rules check it first and refuse a bad one with `input/invalid`.
 */
export const nightActionSchema = z.looseObject({ kind: z.string().min(1).max(32) }).meta({
  description: "A role's night action ({ kind: 'sleep' } for nobody's): its shape is declared by the role module (docs/rules.md).",
}) as unknown as z.ZodType<NightAction, NightAction>;

/** A day action by its envelope only, like a night action: the rules check its shape (`input/invalid`). */
export const dayActionSchema = z.looseObject({ kind: z.string().min(1).max(32) }).meta({
  description: "A role's day action: its shape is declared by the role module (docs/rules.md R82).",
}) as unknown as z.ZodType<DayAction, DayAction>;

/**
 * Who may send a command. `anyone`: no room needed (the lobby, entering a room). `member`: in a
 * room, as a seat or a spectator. `seat`: a seat, checked against its token. `host`: the host's
 * seat (checked at the edge only where the machine does not check it itself: the bot commands).
 */
export type Needs = 'anyone' | 'member' | 'seat' | 'host';

/** A quota a command takes besides the per-connection command bucket (docs/protocol.md §2). */
export type Quota = 'chat' | 'rooms' | 'bots';

/** A payload field whose own schema failure has its own error code (not `input/invalid`). */
export interface FieldRefusal { field: string; code: 'name/invalid' | 'settings/invalid'; type: 'string' | 'object' }

declare const ACK: unique symbol;
/** The ack data type of a command: carried by the table's type, no value at run time. */
export interface Returns<A> { readonly [ACK]?: A }
const returns = <A>(): Returns<A> => ({});
type Empty = Record<string, never>;

interface Spec<P extends z.ZodType, A, F> {
  payload: P;
  ack: Returns<A>;
  needs: Needs;
  /** Enters a room: the connection gets the room's full state before this ack. */
  enters?: true;
  quota?: Quota;
  /** The seat named in the payload loses its connections once this is acked (they are told `room/kicked`). */
  evicts?: true;
  /**
   * The machine event this command becomes: its type is the wire name with `.` for `:`
   * (`room:kick` → `room.kick`), its fields these plus the sender's `seat` (and the room's `now`).
   */
  event?: (p: z.output<P>) => F;
  refusals?: readonly FieldRefusal[];
}

const command = <P extends z.ZodType, A, F = never>(spec: Spec<P, A, F>): Spec<P, A, F> => spec;
/** The payload's fields go into the machine event unchanged. */
const same = <T>(p: T): T => p;

const NAME: FieldRefusal = { field: 'name', code: 'name/invalid', type: 'string' };

export const COMMANDS = {
  'lobby:watch': command({ payload: z.strictObject({ on: z.boolean() }), ack: returns<{ rooms: RoomSummary[] }>(), needs: 'anyone' }),
  'room:list': command({ payload: none, ack: returns<{ rooms: RoomSummary[] }>(), needs: 'anyone' }),
  'room:create': command({
    // `bot` as in room:join: the creator says it is a program (the AIWolf bridge's own rooms); it still hosts (R5).
    payload: z.strictObject({ name, settings: settingsPatchSchema.optional(), bot: z.boolean().optional() }), ack: returns<SeatGrant>(), needs: 'anyone', enters: true, quota: 'rooms',
    refusals: [NAME, { field: 'settings', code: 'settings/invalid', type: 'object' }],
  }),
  'room:join': command({ payload: z.intersection(roomRef, z.object({ name, bot: z.boolean().optional() })), ack: returns<SeatGrant>(), needs: 'anyone', enters: true, refusals: [NAME] }),
  'room:spectate': command({ payload: roomRef, ack: returns<{ roomId: string; code: string }>(), needs: 'anyone', enters: true }),
  'room:resume': command({ payload: z.strictObject({ token: z.string().min(1).max(128) }), ack: returns<SeatGrant>(), needs: 'anyone', enters: true }),
  // A spectator may leave too; a seat's leaving is the machine's `room.leave`.
  'room:leave': command({ payload: none, ack: returns<Empty>(), needs: 'member', event: same }),
  'room:sync': command({ payload: none, ack: returns<RoomState>(), needs: 'member' }),
  'room:settings': command({
    payload: z.strictObject({ patch: settingsPatchSchema }), ack: returns<Empty>(), needs: 'seat', event: same,
    refusals: [{ field: 'patch', code: 'settings/invalid', type: 'object' }],
  }),
  // On the wire `seat` names the target; in the machine event `seat` is always the sender.
  'room:kick': command({ payload: z.strictObject({ seat }), ack: returns<Empty>(), needs: 'seat', evicts: true, event: (p) => ({ target: p.seat }) }),
  'room:host': command({ payload: z.strictObject({ seat }), ack: returns<Empty>(), needs: 'seat', event: (p) => ({ target: p.seat }) }),
  'game:start': command({ payload: none, ack: returns<Empty>(), needs: 'seat', event: same }),
  'game:reset': command({ payload: none, ack: returns<Empty>(), needs: 'seat', event: same }),
  'night:act': command({ payload: z.strictObject({ action: nightActionSchema }), ack: returns<Empty>(), needs: 'seat', event: same }),
  /** A role's public day action (R82), e.g. `{ kind: 'reveal' }` for the mayor: its shape is its role module's. */
  'day:act': command({ payload: z.strictObject({ action: dayActionSchema }), ack: returns<Empty>(), needs: 'seat', event: same }),
  'day:ready': command({ payload: none, ack: returns<Empty>(), needs: 'seat', event: same }),
  'vote:cast': command({ payload: z.strictObject({ target: seat.nullable() }), ack: returns<Empty>(), needs: 'seat', event: same }),
  'hunter:shoot': command({ payload: z.strictObject({ target: seat.nullable() }), ack: returns<Empty>(), needs: 'seat', event: same }),
  /** `text`, or `talk` (shared/talk.ts) whose words the server then writes, or both. */
  'chat:send': command({
    payload: z.strictObject({ channel: z.enum(CHAT_CHANNELS), text: z.string().max(CHAT_MAX * 2).optional(), talk: talkSchema.optional() })
      .refine((p) => p.text !== undefined || p.talk !== undefined, { message: 'text or talk is required' }),
    ack: returns<{ id: number }>(), needs: 'seat', quota: 'chat',
    event: (p) => ({ channel: p.channel, text: p.text ?? '', ...(p.talk ? { talk: p.talk } : {}) }),
  }),
  'bot:add': command({ payload: z.strictObject({ strategy: z.enum(['random', 'smart', 'aiwolf']).optional() }), ack: returns<{ seat: number }>(), needs: 'host', quota: 'bots' }),
  'bot:remove': command({ payload: z.strictObject({ seat }), ack: returns<Empty>(), needs: 'host' }),
};

type Table = typeof COMMANDS;
export type CommandName = keyof Table;
/** A command's payload after validation (names normalized). */
export type CommandPayload<C extends CommandName> = z.output<Table[C]['payload']>;
/** Each command's ack data. */
export type CommandResults = { [C in CommandName]: Table[C]['ack'] extends Returns<infer A> ? A : never };

type FieldsOf<S> = S extends Spec<z.ZodType, unknown, infer F> ? F : never;
/** The commands that become a machine event. */
export type EventCommand = { [C in CommandName]: [FieldsOf<Table[C]>] extends [never] ? never : C }[CommandName];
/** A wire name's machine event name: `room:kick` → `room.kick`. */
export type EventName<C extends string> = C extends `${infer D}:${infer V}` ? `${D}.${V}` : never;
type Fields<C extends EventCommand> = FieldsOf<Table[C]>;
/** The machine event a command becomes, as the transport builds it (the room adds `now`, and a start's seed). */
export type CommandEvent<C extends EventCommand> = { [K in C]: Omit<Fields<K>, 'type' | 'seat'> & { type: EventName<K>; seat: number } }[C];

/** The table seen per command, so that an entry read by a generic name keeps its types. */
type Specs = { [C in CommandName]: Spec<z.ZodType<CommandPayload<C>>, CommandResults[C], C extends EventCommand ? Fields<C> : never> };
const SPECS: Specs = COMMANDS;

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

export function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

export const specOf = <C extends CommandName>(name: C): Specs[C] => SPECS[name];

export function eventName<C extends CommandName>(name: C): EventName<C> {
  // The one place a wire name becomes its machine event's name; TypeScript cannot type a string replace.
  return name.replace(':', '.') as EventName<C>;
}

/**
 * The machine event of a command sent from `seat`: built from the table, the same way for every
 * command. The result is typed per command; it is widened to the union of all of them (what a
 * room takes) here, once, because TypeScript cannot widen a type indexed by a generic name.
 */
export function commandEvent<C extends EventCommand>(name: C, seat: number, payload: CommandPayload<C>): CommandEvent<EventCommand> {
  const build = SPECS[name].event;
  if (!build) throw new Error(`${name} has no machine event`);
  const event: CommandEvent<C> = { ...build(payload), type: eventName(name), seat };
  return event as CommandEvent<EventCommand>;
}
