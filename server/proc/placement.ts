/**
 * Which worker runs a room: a pure function of the room id and the number of workers, so the
 * primary routes a connection by the id in its handshake without asking anyone, a restarted
 * worker knows which stored rooms are its own, and a restart with another WORKERS spreads the
 * stored rooms over the new workers by itself.
 */
export function workerOf(roomId: string, workers: number): number {
  // FNV-1a, 32 bits: cheap, and a uuid's characters spread it evenly enough for a handful of workers.
  let h = 0x811c9dc5;
  for (let i = 0; i < roomId.length; i++) {
    h ^= roomId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % workers;
}

/**
 * A fresh room id that falls to `worker`: ids are drawn until one does (about `workers` draws),
 * so a room is created where it was asked for, on the worker of the connection that asked.
 */
export function roomIdFor(worker: number, workers: number, newId: () => string): string {
  for (let i = 0; i < 64 * workers; i++) {
    const id = newId();
    if (workerOf(id, workers) === worker) return id;
  }
  throw new Error(`no room id for worker ${worker} of ${workers} after ${64 * workers} draws`);
}

/** The node name of worker `index` of machine `nodeId` (clustered mode): what `?node=` names and a proxy routes by. */
export function workerNode(nodeId: string, index: number): string {
  return `${nodeId}-w${index}`;
}

/** The worker of this machine that a `?node=` names, or null when it names another machine (or nothing valid). */
export function workerOfNode(node: string, nodeId: string, workers: number): number | null {
  const prefix = `${nodeId}-w`;
  if (!node.startsWith(prefix)) return null;
  const rest = node.slice(prefix.length);
  if (!/^(0|[1-9]\d{0,3})$/.test(rest)) return null;
  const index = Number(rest);
  return index < workers ? index : null;
}
