/**
 * The load benchmark's baseline: a bare Socket.IO server with no rules, rooms or store. A client
 * joins a room by name; each command it sends is acknowledged and relayed as one broadcast of a
 * message of the given size to everyone in its room. Same transport settings as the game server.
 *
 *   PORT=4000 node --import tsx bench/load-baseline.ts
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 4000);
const http = createServer((req, res) => {
  res.writeHead(req.url === '/healthz' ? 200 : 404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ok: true, store: 'none', heapUsed: process.memoryUsage().heapUsed }));
});
const io = new Server(http, { maxHttpBufferSize: 64 * 1024, pingInterval: 10_000, pingTimeout: 8_000, cors: { origin: false } });

io.on('connection', (socket) => {
  let room: string | null = null;
  socket.on('join', (p: { room: string }, ack: (r: unknown) => void) => {
    room = String(p.room);
    void socket.join(room);
    ack({ ok: true, data: {} });
  });
  socket.on('cmd', (p: { tag: string; size: number }, ack: (r: unknown) => void) => {
    if (!room) return ack({ ok: false, error: { code: 'room/not-member', message: 'join first' } });
    io.to(room).emit('msg', { tag: p.tag, pad: 'x'.repeat(Math.max(0, Math.min(8192, p.size))) });
    ack({ ok: true, data: {} });
  });
});

http.listen(port, '127.0.0.1');
process.on('SIGTERM', () => { io.close(); process.exit(0); });
