import type { Species } from '../../shared/talk.ts';

/**
 * The words of AIWolf's talk language (the reference's Content and Topic): what each talk kind of
 * ours is called there, the role and species names, how an agent is written. The parser and the
 * printer (talk.ts) both read them from here, so a word is spelled once.
 */

export const SKIP = 'Skip';
export const OVER = 'Over';

/** AIWolf's names for a channel: talk is the day's chat, whisper the wolves'. */
export type TalkKind = 'TALK' | 'WHISPER';
export const CHANNEL_OF = { TALK: 'day', WHISPER: 'wolves' } as const;

/** The AIWolf word of each talk kind that takes one seat, and back. */
export const SEAT_WORDS = { vote: 'VOTE', voted: 'VOTED', attack: 'ATTACK', attacked: 'ATTACKED', divination: 'DIVINATION', guard: 'GUARD', guarded: 'GUARDED' } as const;
export const ROLE_WORDS = { claim: 'COMINGOUT', estimate: 'ESTIMATE' } as const;
export const SPECIES_WORDS = { divined: 'DIVINED', identified: 'IDENTIFIED' } as const;
export const REF_WORDS = { agree: 'AGREE', disagree: 'DISAGREE' } as const;
export const ASK_WORDS = { request: 'REQUEST', inquire: 'INQUIRE' } as const;
const invert = <K extends string, V extends string>(o: Record<K, V>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k])) as Record<V, K>;
export const BY_WORD = { ...invert(SEAT_WORDS), ...invert(ROLE_WORDS), ...invert(SPECIES_WORDS), ...invert(REF_WORDS), ...invert(ASK_WORDS) };

/** The nine role names the grammar knows (Role.java), whatever a village deals. */
export const AI_ROLE_NAMES = ['VILLAGER', 'SEER', 'MEDIUM', 'BODYGUARD', 'POSSESSED', 'WEREWOLF', 'FREEMASON', 'FOX', 'ANY'] as const;
export const SPECIES: Record<string, Species> = { HUMAN: 'human', WEREWOLF: 'werewolf' };
export const AGENT = /^Agent\[(\d{2,})\]$/;

export const agentRef = (idx: number): string => `Agent[${String(idx).padStart(2, '0')}]`;
