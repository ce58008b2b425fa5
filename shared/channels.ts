/** The chat channels (docs/rules.md R60–R65): who may write and read each is the rules' business. */
export const CHAT_CHANNELS = ['lobby', 'day', 'wolves', 'dead'] as const;
export type ChatChannel = (typeof CHAT_CHANNELS)[number];
