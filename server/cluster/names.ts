import { randomBytes } from 'node:crypto';

/**
 * Two names for one cluster member. The **node** is what an operator sets (`NODE_ID`; a worker of
 * a machine of several is `<NODE_ID>-w<i>`): stable across restarts, so a reverse proxy can route
 * by it (docs/scaling.md). The **instance** is one run of that node (`<node>-<6 hex>`): leases
 * and RPC channels name the instance, so a restarted node never answers for its previous run.
 */
export function newInstance(node: string): string {
  return `${node}-${randomBytes(3).toString('hex')}`;
}

/** The node an instance is a run of. */
export function nodeOf(instance: string): string {
  return instance.replace(/-[0-9a-f]{6}$/, '');
}
