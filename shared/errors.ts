/**
 * Every refusal the server can send, as a stable namespaced code. Bots switch on the code; the
 * message is for people and may change.
 */
export const ERROR_CODES = {
  'input/invalid': 'The payload does not match the schema.',
  'input/unknown-command': 'No such command.',
  'input/too-large': 'The payload is too large.',
  'rate/limited': 'Too many commands; slow down.',
  'rate/too-many-rooms': 'Too many rooms created from here lately; wait a minute.',
  'rate/too-many-bots': 'Too many bots added from here lately; wait a minute.',
  'rate/too-many-connections': 'Too many connections from this address.',
  'protocol/version': 'Client protocol version is not supported.',
  'server/busy': 'The server is draining or overloaded; retry shortly.',
  'server/internal': 'Something went wrong on the server; the command was not applied.',
  'room/not-found': 'No such room.',
  'room/full': 'All seats are taken.',
  'room/started': 'The game has already started.',
  'room/no-spectators': 'This room does not allow spectators.',
  'room/not-member': 'You are not in this room.',
  'room/already-member': 'You are already in this room.',
  'room/closed': 'The room was closed.',
  'room/unavailable': 'The room is restarting; retry shortly.',
  'room/too-many': 'The server has reached its room limit.',
  'room/elsewhere': 'Another process or machine of the server runs this room: reconnect with the room in the handshake (?room= or ?code=, and ?node= when the refusal names a node) and send the command again.',
  'seat/token-invalid': 'That seat token is unknown or expired.',
  'seat/not-bot': 'That seat is not a bot.',
  'host/only': 'Only the host may do this.',
  'host/not-enough-players': 'Not enough players to start.',
  'host/invalid-roles': 'The chosen roles do not fit the players.',
  'host/invalid-target': 'No such player to act on.',
  'settings/invalid': 'Those settings are not valid.',
  'phase/wrong': 'That is not possible in this phase.',
  'player/dead': 'Dead players cannot do that.',
  'vote/invalid-target': 'You cannot vote for that player.',
  'action/not-allowed': 'Your role has no such action now.',
  'action/invalid-target': 'You cannot target that player.',
  'action/already-done': 'You have already acted this night.',
  'action/no-potion': 'That potion is used up.',
  'action/no-victim': 'There is no victim to heal yet.',
  'action/same-target': 'You cannot protect the same player two nights running.',
  'hunter/not-due': 'You have no shot to take.',
  'chat/not-allowed': 'You cannot write in that channel now.',
  'chat/empty': 'Empty message.',
  'chat/too-long': 'Message too long.',
  'chat/bad-talk': 'That talk names a player or a message that is not in this room for you.',
  'name/invalid': 'Names are 1 to 24 characters.',
  'name/taken': 'That name is taken in this room.',
  // The HTTP API's own answers (README, HTTP API).
  'game/not-found': 'No finished game with that id.',
  'http/not-found': 'Not found.',
  'http/bad-request': 'The request could not be read (e.g. a malformed percent-encoding in the path).',
  'http/unauthorized': 'This endpoint needs `Authorization: Bearer <token>`.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** `room/elsewhere` only, when known: the node that runs the room (or should make the new one), for the handshake's `?node=`. */
  node?: string;
}

/** Every command's reply. */
export type Ack<T = unknown> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

export function fail(code: ErrorCode, message: string = ERROR_CODES[code]): { ok: false; error: ErrorInfo } {
  return { ok: false, error: { code, message } };
}

/** The room is served by another process or machine: the client reconnects (with `?node=<node>` when given) and sends again. */
export function elsewhere(node?: string): { ok: false; error: ErrorInfo } {
  const refusal = fail('room/elsewhere');
  if (node) refusal.error.node = node;
  return refusal;
}

export function ok<T>(data: T): { ok: true; data: T } {
  return { ok: true, data };
}
