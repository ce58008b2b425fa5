import v8 from 'node:v8';
import pino from 'pino';
import { readConfig } from './config.ts';
import { runPrimary } from './proc/primary.ts';
import { serve } from './proc/serve.ts';

/**
 * WORKERS=1: one process, the whole server. WORKERS=N: this process becomes the primary, which
 * forks N workers (this same file, with WORKER_INDEX set) and routes each connection to one.
 */
async function main(): Promise<void> {
  const config = readConfig();
  // Read by V8 each time it sets the next GC limit, so setting it now, before the rooms exist, is early enough.
  if (config.heapGrowthPercent > 0) v8.setFlagsFromString(`--heap-growing-percent=${Math.round(config.heapGrowthPercent)}`);
  const index = process.env.WORKER_INDEX;
  const log = pino({ level: config.logLevel, base: { node: config.nodeId } });
  if (index !== undefined && process.send) return serve(config, log, { index: Number(index), of: config.workers });
  if (config.workers > 1) return runPrimary(config, log);
  return serve(config, log);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
