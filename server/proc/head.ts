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

/** How a request names its room: `?room=<id>` or `?code=<invite code>` (docs/protocol.md, "Which process serves you"). */
export type RouteKey = { room: string } | { code: string } | { polling: true } | null;

export function routeKey(target: string): RouteKey {
  const q = target.indexOf('?');
  if (q < 0) return null;
  const params = new URLSearchParams(target.slice(q + 1));
  const room = params.get('room');
  if (room) return { room };
  const code = params.get('code');
  if (code) return { code: code.trim().toUpperCase() };
  // A polling session's requests must all reach the worker that holds it: keyed by the client's address.
  return params.get('transport') === 'polling' ? { polling: true } : null;
}
