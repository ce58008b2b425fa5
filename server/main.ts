import v8 from 'node:v8';
import pino from 'pino';
import { readConfig } from './config.ts';

/**
 * WORKERS=1: one process, the whole server. WORKERS=N: this process becomes the primary, which
 * forks N workers (this same file, with WORKER_INDEX set) and routes each connection to one.
 * Each role loads only its own modules: the primary never loads the game.
 */
async function main(): Promise<void> {
  const config = readConfig();
  // Read by V8 each time it sets the next GC limit, so setting it now, before the rooms exist, is early enough.
  if (config.heapGrowthPercent > 0) v8.setFlagsFromString(`--heap-growing-percent=${Math.round(config.heapGrowthPercent)}`);
  const index = process.env.WORKER_INDEX;
  const log = pino({ level: config.logLevel, base: { node: config.nodeId } });
  if (config.workers > 1 && index === undefined) return (await import('./proc/primary.ts')).runPrimary(config, log);
  const { serve } = await import('./proc/serve.ts');
  if (index !== undefined && process.send) return serve(config, log, { index: Number(index), of: config.workers });
  return serve(config, log);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
