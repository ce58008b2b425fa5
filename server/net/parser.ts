import { createRequire } from 'node:module';
import type * as Parser from 'socket.io-parser';

// The CommonJS build, the very module socket.io itself loads (the package's ESM entry for Node is a debug build).
const parser = createRequire(import.meta.url)('socket.io-parser') as typeof Parser;

type Encodable = { encodeAsString(obj: Parser.Packet): string };

/**
 * Socket.IO's parser, minus the search for binary attachments in every outgoing event: this
 * server only sends JSON, and that walk over each view was a measurable share of the time spent
 * per message. The packets are the same text frames, so any Socket.IO client reads them;
 * incoming packets, binary or not, go through the stock decoder.
 */
class TextEncoder extends parser.Encoder {
  override encode(obj: Parser.Packet): unknown[] {
    if (obj.type !== parser.PacketType.EVENT && obj.type !== parser.PacketType.ACK) return super.encode(obj);
    return [(this as unknown as Encodable).encodeAsString(obj)];
  }
}

export const textParser = { ...parser, Encoder: TextEncoder };
