import type { Strategy } from '../decision.ts';
import { random } from './random.ts';
import { smart } from './smart.ts';

export { random, smart };
export const STRATEGIES = { random, smart } satisfies Record<string, Strategy>;
export type StrategyName = keyof typeof STRATEGIES;
