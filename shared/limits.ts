/**
 * The protocol's and the game's fixed numbers, apart from the schemas that check
 * them, so that the browser app and bots can use them without bundling the validation library.
 */
export const PROTOCOL_VERSION = 1;

export const MIN_PLAYERS = 5;
export const MAX_PLAYERS = 20;
export const NAME_MAX = 24;
export const CHAT_MAX = 500;
