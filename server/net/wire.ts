import type { Socket } from 'socket.io';

/** The keys of a payload whose object is the audience's own but whose values are shared parts. */
const SPLIT = new Set(['changes', 'view']);

/**
 * The Socket.IO text of one event, as the stock encoder would write it ('2' and the JSON of
 * [event, payload]), built from the JSON of its parts. One publish sends the same view parts (the
 * vote, the players, the phase) to every audience of a room inside per-audience objects, so each
 * part is serialised once per tick and spliced into each audience's text; the cache is dropped at
 * the end of the tick (parts are immutable, shared/game/json.ts, so equal identity is equal JSON).
 */
export class EventEncoder {
  private parts = new Map<object, string>();
  private keys = new Map<string, string>();

  encode(event: string, payload: unknown): string {
    return `2[${JSON.stringify(event)},${this.object(payload, true)}]`;
  }

  /** Forget the parts (end of tick): nothing is kept past it. */
  clear(): void { this.parts.clear(); }

  private object(o: unknown, outer: boolean): string {
    // Only plain objects are spliced; anything else (and an object with its own toJSON) is JSON's to write.
    if (typeof o !== 'object' || o === null || Array.isArray(o) || Object.getPrototypeOf(o) !== Object.prototype || typeof (o as { toJSON?: unknown }).toJSON === 'function') return this.part(o) ?? 'null';
    let s = '{';
    const rec = o as Record<string, unknown>;
    for (const k in rec) {
      const v = rec[k];
      const json = outer && typeof v === 'object' && v !== null && SPLIT.has(k) ? this.object(v, false) : this.part(v);
      if (json === undefined) continue;
      s += `${s.length === 1 ? '' : ','}${this.key(k)}:${json}`;
    }
    return `${s}}`;
  }

  /** JSON.stringify's answer for a value (undefined for what JSON leaves out), objects once per tick. */
  private part(v: unknown): string | undefined {
    if (typeof v !== 'object' || v === null) return JSON.stringify(v);
    let json = this.parts.get(v);
    if (json === undefined) { json = JSON.stringify(v); this.parts.set(v, json); }
    return json;
  }

  private key(k: string): string {
    let json = this.keys.get(k);
    if (json === undefined) { json = JSON.stringify(k); if (this.keys.size < 1000) this.keys.set(k, json); }
    return json;
  }
}

/** The parts of engine.io and ws this module reads (engine.io 6, ws 8); anything else takes the stock path. */
interface EngineSocket {
  readyState: string;
  upgrading: boolean;
  writeBuffer: unknown[];
  transport: { name: string; writable: boolean; perMessageDeflate?: unknown; socket?: { readyState: number; _sender?: { sendFrame?(list: Buffer[]): void }; _socket?: NetLike } };
  write(data: string): void;
}
interface NetLike { cork(): void; uncork(): void }

/** One event for one audience: its Socket.IO text, and the websocket frame made of it once, when a socket needs it. */
export class Outgoing {
  private frame: Buffer | null = null;
  constructor(readonly text: string) {}

  /** An unmasked, final text frame holding the engine.io message packet ('4' and the text). */
  wsFrame(): Buffer {
    if (this.frame) return this.frame;
    const len = Buffer.byteLength(this.text) + 1;
    const head = len < 126 ? 2 : len < 65536 ? 4 : 10;
    const buf = Buffer.allocUnsafe(head + len);
    buf[0] = 0x81;
    if (head === 2) buf[1] = len;
    else if (head === 4) { buf[1] = 126; buf.writeUInt16BE(len, 2); }
    else { buf[1] = 127; buf.writeUInt32BE(0, 2); buf.writeUInt32BE(len, 6); }
    buf[head] = 0x34;
    buf.write(this.text, head + 1, 'utf8');
    return (this.frame = buf);
  }
}

/**
 * Connections with a command in flight (counted, a client may send several): the gateway marks
 * them, so that their update, published just before their ack, is held for the ack's write.
 */
const inFlight = new WeakMap<object, number>();
export const commandsInFlight = {
  begin(socket: Socket): void { inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1); },
  end(socket: Socket): void {
    const n = (inFlight.get(socket) ?? 1) - 1;
    if (n > 0) inFlight.set(socket, n); else inFlight.delete(socket);
  },
};

/**
 * Writes pre-encoded events to local sockets, and holds a commanding socket's writes of a tick in
 * one kernel write. A websocket with nothing queued in engine.io gets the event as a ready frame,
 * written by ws's own frame writer as engine.io writes its pre-encoded broadcast frames (engine.io
 * would instead mark its transport busy until the write's callback, so what followed in the same
 * tick, e.g. the command's ack, would wait for a second write); when the socket has a command in
 * flight its TCP socket stays corked until the end of the tick, when everything queued for it
 * (its update, chat, the ack) leaves in one writev. The other audiences get one message each and
 * are written at once (corking them would only add the buffering). Any other case (polling, an upgrade under way, packets already queued in engine.io,
 * compression) goes through engine.io's own write, behind what it queued: the order is kept.
 */
export class Wire {
  readonly encoder = new EventEncoder();
  private corked = new Set<NetLike>();
  private scheduled = false;
  private readonly flush = () => {
    this.scheduled = false;
    for (const s of this.corked) s.uncork();
    this.corked.clear();
    this.encoder.clear();
  };

  /** Schedule the end of the tick (the encoder's cache and the corks go then). */
  private tick(): void {
    if (!this.scheduled) { this.scheduled = true; process.nextTick(this.flush); }
  }

  encode(event: string, payload: unknown): Outgoing {
    this.tick();
    return new Outgoing(this.encoder.encode(event, payload));
  }

  /** Send one encoded event to a socket of this process. */
  send(socket: Socket, out: Outgoing): void {
    const conn = socket.conn as unknown as EngineSocket;
    if (conn.readyState !== 'open') return; // as Socket.IO's own write does
    const t = conn.transport;
    const ws = t.socket;
    const raw = ws?._socket;
    const sender = ws?._sender;
    if (t.name !== 'websocket' || conn.upgrading || !t.writable || conn.writeBuffer.length > 0 || t.perMessageDeflate || ws?.readyState !== 1 || typeof sender?.sendFrame !== 'function' || typeof raw?.cork !== 'function') {
      conn.write(out.text);
      return;
    }
    if (inFlight.has(socket) && !this.corked.has(raw)) { raw.cork(); this.corked.add(raw); this.tick(); }
    sender.sendFrame([out.wsFrame()]);
  }
}
