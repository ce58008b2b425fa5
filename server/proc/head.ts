import type { Socket } from 'node:net';

/** What the primary reads of a connection before handing it on: the bytes so far and the first request's target. */
export interface Head { bytes: Buffer; target: string }

/** A first request whose head (and declared body) is larger than this is refused: no client of ours sends one. */
const MAX_HEAD = 64 * 1024;
const END = Buffer.from('\r\n\r\n');

/**
 * Read the first HTTP request of a fresh connection: its head, and its body when it declares one
 * (an Engine.IO polling POST), so that everything the client sent before waiting for an answer is
 * handed to the worker with the socket. A websocket upgrade sends nothing more until it is
 * answered, nor does an HTTP/1.1 client before its response, so nothing is read that belongs to
 * a later request. Resolves null for a connection that closes, stalls or sends no HTTP.
 */
export function readHead(socket: Socket, timeoutMs = 10_000): Promise<Head | null> {
  return new Promise((resolve) => {
    let buf: Buffer = Buffer.alloc(0);
    const done = (head: Head | null) => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('error', onEnd);
      socket.off('close', onEnd);
      // The worker reads this socket's next bytes (the websocket frames after its 101) from its own
      // copy of the descriptor, while the primary's handle stays open until the worker has it: the
      // primary must stop reading now. pause() alone does not stop libuv, and the stream would start
      // it again on its next read, so its _read is made a no-op as well.
      socket.pause();
      (socket as unknown as { _read: () => void })._read = () => {};
      const handle = (socket as unknown as { _handle?: { reading?: boolean; readStop?(): number } })._handle;
      if (handle?.readStop) { handle.readStop(); handle.reading = false; }
      resolve(head);
    };
    const onEnd = () => done(null);
    const onData = (chunk: Buffer) => {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      const end = buf.indexOf(END);
      if (end < 0) { if (buf.length > MAX_HEAD) done(null); return; }
      const head = buf.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (end + 4 + length > MAX_HEAD) return done(null);
      if (buf.length < end + 4 + length) return;
      const target = /^[A-Z]+ (\S+) HTTP\/1\.[01]\r\n/.exec(head)?.[1];
      done(target ? { bytes: buf, target } : null);
    };
    const timer = setTimeout(onEnd, timeoutMs);
    socket.on('data', onData);
    socket.once('error', onEnd);
    socket.once('close', onEnd);
  });
}

/**
 * How a request names where it belongs (docs/protocol.md §1, "Which process serves you"): a node
 * (`?node=`, clustered mode: the worker the room's lease is on), its room (`?room=<id>` or
 * `?code=<invite code>`), or, for an Engine.IO polling request, nothing but its transport.
 */
export interface RouteKey { node: string | null; room: string | null; code: string | null; polling: boolean }

export function routeKey(target: string): RouteKey {
  const q = target.indexOf('?');
  const params = new URLSearchParams(q < 0 ? '' : target.slice(q + 1));
  const code = params.get('code');
  return {
    node: params.get('node') || null,
    room: params.get('room') || null,
    code: code ? code.trim().toUpperCase() : null,
    // A polling session's requests must all reach the worker that holds it: keyed by the client's address.
    polling: params.get('transport') === 'polling',
  };
}
