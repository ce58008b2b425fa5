"""A minimal Socket.IO 4 client over a hand-written websocket (RFC 6455), standard library only.

Written from docs/protocol.md §1 alone: Engine.IO 4 packets over one websocket, one packet per
text frame; `0{...}` open, `40{auth}` connect, `42[...]` events, `42<id>[...]` commands whose ack
comes back as `43<id>[...]`, server ping `2` answered by pong `3`.
"""
import base64
import hashlib
import json
import os
import socket
import struct
from urllib.parse import urlencode, urlparse

WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'


class Closed(Exception):
    """The connection is gone (socket closed, websocket close frame, or Socket.IO disconnect)."""


class ConnectRefused(Exception):
    """The server refused the Socket.IO connect (`44{message, data}`), e.g. protocol/version."""

    def __init__(self, payload):
        super().__init__(payload.get('message'))
        self.payload = payload


class WebSocket:
    def __init__(self, host, port, path, timeout=10.0):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f'GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n'
                   f'Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n')
        self.sock.sendall(request.encode())
        self.buf = b''
        while b'\r\n\r\n' not in self.buf:
            self._fill()
        head, self.buf = self.buf.split(b'\r\n\r\n', 1)
        lines = head.decode('latin-1').split('\r\n')
        if ' 101 ' not in lines[0] + ' ':
            raise Closed(f'upgrade refused: {lines[0]}')
        headers = {k.strip().lower(): v.strip() for k, v in (l.split(':', 1) for l in lines[1:] if ':' in l)}
        accept = base64.b64encode(hashlib.sha1((key + WS_GUID).encode()).digest()).decode()
        if headers.get('sec-websocket-accept') != accept:
            raise Closed('bad Sec-WebSocket-Accept')

    def _fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise Closed('socket closed')
        self.buf += chunk

    def _take(self, n):
        while len(self.buf) < n:
            self._fill()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def send_frame(self, opcode, data):
        # Client frames are always masked (RFC 6455 §5.3).
        header = bytes([0x80 | opcode])
        n = len(data)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 65536:
            header += bytes([0x80 | 126]) + struct.pack('!H', n)
        else:
            header += bytes([0x80 | 127]) + struct.pack('!Q', n)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
        self.sock.sendall(header + mask + masked)

    def send_text(self, text):
        self.send_frame(0x1, text.encode())

    def recv_text(self):
        """The next whole text message; answers pings, raises Closed on a close frame."""
        parts = []
        while True:
            b0, b1 = self._take(2)
            opcode, n = b0 & 0x0F, b1 & 0x7F
            if n == 126:
                n = struct.unpack('!H', self._take(2))[0]
            elif n == 127:
                n = struct.unpack('!Q', self._take(8))[0]
            mask = self._take(4) if b1 & 0x80 else None
            data = self._take(n)
            if mask:
                data = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
            if opcode == 0x8:
                try:
                    self.send_frame(0x8, data[:2])
                finally:
                    raise Closed('close frame')
            if opcode == 0x9:
                self.send_frame(0xA, data)
                continue
            if opcode == 0xA:
                continue
            parts.append(data)
            if b0 & 0x80:
                return b''.join(parts).decode()

    def close(self):
        try:
            self.send_frame(0x8, struct.pack('!H', 1000))
        except OSError:
            pass
        self.sock.close()


class SocketIO:
    """One Socket.IO connection on the default namespace. `poll()` returns the next event or ack."""

    def __init__(self, url, auth, query=None, timeout=10.0):
        u = urlparse(url)
        params = dict(query or {})
        params.update({'EIO': '4', 'transport': 'websocket'})
        self.ws = WebSocket(u.hostname, u.port or 80, '/socket.io/?' + urlencode(params), timeout)
        self.next_id = 0
        opened = self.ws.recv_text()
        if not opened.startswith('0'):
            raise Closed(f'expected the Engine.IO open packet, got {opened[:40]}')
        self.ws.send_text('40' + json.dumps(auth))
        while True:
            kind, payload = self._read()
            if kind == 'connect':
                break
            if kind == 'connect_error':
                raise ConnectRefused(payload)

    def _read(self):
        """One Engine.IO packet, decoded: (kind, data). Pings are answered here."""
        while True:
            pkt = self.ws.recv_text()
            if pkt == '2':
                self.ws.send_text('3')
                continue
            if pkt.startswith('1'):
                raise Closed('engine.io close')
            if not pkt.startswith('4'):
                continue  # 3 (pong), 6 (noop): nothing to do
            sio_type, rest = pkt[1], pkt[2:]
            if sio_type == '0':
                return 'connect', json.loads(rest) if rest else {}
            if sio_type == '4':
                return 'connect_error', json.loads(rest) if rest else {}
            if sio_type == '1':
                raise Closed('socket.io disconnect')
            digits = len(rest) - len(rest.lstrip('0123456789'))
            ack_id = int(rest[:digits]) if digits else None
            args = json.loads(rest[digits:])
            if sio_type == '2':
                return 'event', (args[0], args[1] if len(args) > 1 else None)
            if sio_type == '3':
                return 'ack', (ack_id, args[0] if args else None)

    def poll(self):
        return self._read()

    def emit(self, name, payload):
        """Send a command with an ack id; returns the id its `43<id>` ack will carry."""
        ack_id = self.next_id
        self.next_id += 1
        self.ws.send_text(f'42{ack_id}' + json.dumps([name, payload], separators=(',', ':')))
        return ack_id

    def settimeout(self, seconds):
        self.ws.sock.settimeout(seconds)

    def close(self):
        self.ws.close()
