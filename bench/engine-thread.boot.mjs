// A bench/engine.ts worker thread's entry: a worker does not always inherit tsx's loader, so it registers it.
import { register } from 'tsx/esm/api';

register();
await import('./engine-threads.ts');
