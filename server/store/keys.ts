/** Every Redis key of the clustered mode, in one place: the store's rows and the cluster's leases, nodes and calls (the store fences its writes by the lease key). */
export const K = {
  rooms: 'ww:rooms',
  summaries: 'ww:summaries',
  nodes: 'ww:nodes',
  room: (id: string) => `ww:room:${id}`,
  snapshot: (id: string) => `ww:snap:${id}`,
  events: (id: string) => `ww:events:${id}`,
  lease: (id: string) => `ww:lease:${id}`,
  code: (code: string) => `ww:code:${code}`,
  game: (id: string) => `ww:game:${id}`,
  playerGames: (name: string) => `ww:player:${name.toLowerCase()}`,
  rpc: (instance: string) => `ww:rpc:${instance}`,
};
