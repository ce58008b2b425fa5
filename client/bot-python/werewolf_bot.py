#!/usr/bin/env python3
"""A Werewolf bot in plain Python 3, written from docs/protocol.md and docs/protocol-reference.md only.

It plays one game legally: it answers every prompt of its view (§6, §8), readies by day, votes,
shoots as a dead hunter, and prints JSON lines on stdout: `{"event":"room",...}` once seated (with
the invite code) and `{"event":"summary",...}` at the end (outcome, commands sent, refusals by code).
"""
import argparse
import json
import random
import socket
import sys
import time

import strategy
from sio import Closed, ConnectRefused, SocketIO

PROTOCOL = 1


def out(obj):
    print(json.dumps(obj, separators=(',', ':')), flush=True)


def log(*args):
    print('[bot]', *args, file=sys.stderr, flush=True)


class Bot:
    def __init__(self, args):
        self.args = args
        # Which process serves the room (§1); --no-hint starts as a lobby connection would, and
        # relies on following `room/elsewhere`.
        self.query = {'code': args.code} if args.code and not args.no_hint else {}
        self.elsewhere = 0
        self.chaos = args.chaos
        self.lost_update = self.dropped = False
        self.syncs = self.resumes = 0
        self.grant = None  # SeatGrant: { roomId, code, seat, token }
        self.view = None
        self.syncing = False
        self.pending = {}  # ack id -> (command, payload)
        self.retries = 0
        self.player = strategy.Player(random.Random(args.seed), args.start_when)
        self.sent = 0
        self.refusals = {}
        self.refused = []
        self.conn = None

    # -- transport ---------------------------------------------------------------------------
    def connect(self):
        self.conn = SocketIO(self.args.url, {'protocol': PROTOCOL}, self.query)
        self.pending.clear()
        self.syncing = False

    def keep_room(self, room_id):
        # Reconnects name the room, and the node when the server named one (§1).
        node = self.query.get('node')
        self.query = {'room': room_id, **({'node': node} if node else {})}

    def send(self, command, payload):
        self.sent += 1
        self.pending[self.conn.emit(command, payload)] = (command, payload)

    def enter(self):
        """The command that takes (or takes back) our seat on a fresh connection."""
        if self.grant:
            self.send('room:resume', {'token': self.grant['token']})
        elif self.args.create:
            settings = json.loads(self.args.settings) if self.args.settings else {}
            self.send('room:create', {'name': self.args.name, 'settings': settings, 'bot': True})
        else:
            self.send('room:join', {'code': self.args.code, 'name': self.args.name, 'bot': True})

    def run(self):
        deadline = time.monotonic() + self.args.timeout
        reconnects = 0
        while True:
            try:
                self.connect()
                self.enter()
                while True:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        return self.finish('timeout')
                    self.conn.settimeout(left)
                    kind, data = self.conn.poll()
                    done = self.on_ack(*data) if kind == 'ack' else self.on_event(*data)
                    if done:
                        return self.finish(done)
            except Elsewhere:
                # §1: close, reconnect with ?room= / ?code= (set in on_ack) and send the command again.
                reconnects += 1
                self.elsewhere += 1
                self.conn.close()
                if reconnects > 5:
                    return self.finish('elsewhere')
            except ConnectRefused as err:
                # `44` (§1): protocol/version, or too many connections from this address.
                log('connection refused:', json.dumps(err.payload))
                return self.finish('connect-refused')
            except (Closed, OSError) as err:
                if isinstance(err, socket.timeout) or time.monotonic() >= deadline:
                    return self.finish('timeout')
                reconnects += 1
                log('connection lost:', err)
                if reconnects > 5 or not self.grant:
                    return self.finish('disconnected')
                self.keep_room(self.grant['roomId'])
                time.sleep(0.5)

    def finish(self, why):
        try:
            if self.conn:
                self.conn.close()
        except OSError:
            pass
        v = self.view or {}
        out({'event': 'summary', 'name': self.args.name, 'seat': (self.grant or {}).get('seat'),
             'end': why, 'phase': v.get('phase'), 'outcome': v.get('outcome'),
             'role': ((v.get('you') or {}).get('role')), 'commands': self.sent, 'elsewhere': self.elsewhere,
             'syncs': self.syncs, 'resumes': self.resumes, 'answered': sorted(self.player.kinds),
             'refusals': self.refusals, 'refused': self.refused, 'dayActs': sorted(self.player.day_acts),
             'timelineActs': [[e['seat'], e['act']] for e in v.get('timeline') or [] if e.get('kind') == 'act']})
        return 0 if why == 'over' else 1

    # -- acks and events -----------------------------------------------------------------------
    def on_ack(self, ack_id, ack):
        command, payload = self.pending.pop(ack_id, (None, None))
        if ack is None or command is None:
            return None
        if not ack.get('ok'):
            code = ack['error']['code']
            if code == 'room/elsewhere':
                # Not a refusal of the game: the room lives in another process or machine (§1).
                if 'token' in payload:  # a seat token's room id is the part before its first ':'
                    self.query = {'room': payload['token'].split(':', 1)[0]}
                elif 'roomId' in payload:
                    self.query = {'room': payload['roomId']}
                elif 'code' in payload:
                    self.query = {'code': payload['code']}
                else:  # room:create: the server names where the new room will be made
                    self.query = {}
                node = ack['error'].get('node')
                if node:  # clustered: the node that runs the room, for a proxy to route by
                    self.query['node'] = node
                raise Elsewhere()
            if code in RETRY and self.retries < 8:
                # §2: not applied, and safe to send again (the room restarts, or we went too fast).
                self.retries += 1
                time.sleep(min(2.0, 0.1 * 2 ** self.retries))
                self.send(command, payload)
                return None
            self.refusals[code] = self.refusals.get(code, 0) + 1
            self.refused.append({'command': command, 'payload': payload, 'code': code,
                                 'phase': (self.view or {}).get('phase')})
            log('refused', command, json.dumps(payload), code, ack['error'].get('message'))
            if command in ('room:create', 'room:join', 'room:resume'):
                return 'refused-entry'
            return None
        data = ack.get('data')
        if self.chaos and not self.dropped and command == 'night:act':
            self.dropped = True  # --chaos: lose the connection without a word, then resume (§3, §8.4)
            self.conn.ws.sock.close()
            raise Closed('chaos: connection dropped')
        if command in ('room:create', 'room:join', 'room:resume'):
            first = self.grant is None
            self.resumes += command == 'room:resume'
            self.grant = data
            self.keep_room(data['roomId'])
            if first:
                out({'event': 'room', 'name': self.args.name, 'roomId': data['roomId'],
                     'code': data['code'], 'seat': data['seat']})
        elif command == 'room:sync':
            self.syncing = False
            return self.set_view(data['view'])
        return self.act()

    def on_event(self, name, p):
        if name == 'room:state':
            self.syncing = False
            if self.grant:
                # A fresh view on a new connection (resume) or after a room restart: an answer in
                # flight may or may not have landed, so trust the view's own marks of what is
                # answered (acted, done, current: §8 step 3) rather than our memory.
                self.player.forget()
            return self.set_view(p['view'])
        if name == 'room:update':
            if self.syncing or self.view is None:
                return None  # §9.2: the sync's state replaces the view; drop updates meanwhile
            if self.chaos and self.dropped and not self.lost_update and 'phase' not in p['changes']:
                # --chaos, after the drop: act as if this update were lost. A phase change always
                # follows a change within a phase, so the next update shows the gap.
                self.lost_update = True
                return None
            if p['version'] != self.view['version'] + 1:
                self.syncing = True
                self.syncs += 1
                self.send('room:sync', {})
                return None
            self.view.update(p['changes'])  # top-level fields replace ours whole
            self.view['version'] = p['version']
            return self.act()
        if name == 'room:notice':
            log('notice', p.get('code'), p.get('message'))
        if name == 'room:closed':
            return 'closed'
        return None  # hello, chat:message, room:spectators, lobby events: nothing to do

    def set_view(self, view):
        self.view = view
        return self.act()

    # -- play ----------------------------------------------------------------------------------
    def act(self):
        if self.view is None:
            return None
        if self.view['phase'] == 'over':
            return 'over'
        for command in self.player.decide(self.view):
            self.send(*command)
        return None


# Refusals after which the same command may simply be sent again (§2).
RETRY = ('room/unavailable', 'server/busy', 'rate/limited')


class Elsewhere(Exception):
    pass


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--url', default='http://localhost:3000')
    ap.add_argument('--name', default='Py')
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument('--code', help='invite code of the room to join')
    group.add_argument('--create', action='store_true', help='create a room and host it')
    ap.add_argument('--start-when', type=int, default=0, help='host: start once N players are seated')
    ap.add_argument('--settings', help='room:create settings patch, as JSON')
    ap.add_argument('--timeout', type=float, default=600.0, help='give up after this many seconds')
    ap.add_argument('--seed', type=int, default=None)
    ap.add_argument('--chaos', action='store_true', help='test the recovery paths: ignore one update, drop the connection once')
    ap.add_argument('--no-hint', action='store_true', help='join without ?code= in the handshake (§1)')
    args = ap.parse_args(argv)
    return Bot(args).run()


if __name__ == '__main__':
    sys.exit(main())
