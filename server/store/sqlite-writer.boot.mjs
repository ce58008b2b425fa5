// The writer thread's entry. The writer is TypeScript like the rest of the server, and a worker
// thread does not always inherit tsx's loader (a test runner's process has none), so it registers it.
import { register } from 'tsx/esm/api';

register();
await import('./sqlite-writer.ts');
