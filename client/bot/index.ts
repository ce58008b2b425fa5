/** The bot SDK (docs/bots.md): a strategy is a pure function of a seat's view; a Bot plays it over sockets. */
export { Bot, type BotOptions } from './bot.ts';
export { Brain, settled } from './brain.ts';
export { act, type Decision, ready, say, shoot, type Strategy, type Turn, vote } from './decision.ts';
export { assertions, type Claim, claimsIn, parseText, type Said } from './claims.ts';
export { dayTalk, tell, type TalkOptions, type TalkTurn } from './talk/day.ts';
export { ballotsFor, best, evidence, type Evidence } from './evidence.ts';
export { FAST_DURATIONS, type MatchOptions, type MatchResult, playMatch } from './match.ts';
export { mix, mulberry32, pick, type Rng } from './rng.ts';
export { random, smart, STRATEGIES, type StrategyName } from './strategies/index.ts';
