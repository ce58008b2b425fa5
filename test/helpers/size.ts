/**
 * How hard a property test or soak works. `npm test` (and CI) runs the full counts; the fast suite
 * (`npm run test:fast`, TEST_SIZE=fast) runs a slice of the same seeds, so a developer gets the same
 * checks in seconds on every change and the full sweep still runs before anything lands.
 */
export const FAST = process.env.TEST_SIZE === 'fast';

/** `full` iterations normally, `fast` under the fast suite. */
export function sized(full: number, fast: number): number {
  return FAST ? fast : full;
}
