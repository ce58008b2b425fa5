import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './process.ts';
import { ensureProgram } from './system.ts';

/** One machine behind the proxy: its NODE_ID and the port its primary listens on. */
export interface Machine { nodeId: string; port: number }

/**
 * The HAProxy configuration docs/scaling.md gives for routing by node: a connection whose
 * handshake names `?node=<NODE_ID>` or `?node=<NODE_ID>-w<i>` goes to that machine, anything else
 * round robin. With `byNode` false it is a proxy that knows nothing of nodes and sends every
 * connection to the first machine while it is up (`balance first`): the worst case for a client
 * told to move to the other machine.
 */
export function haproxyConfig(port: number, machines: Machine[], byNode: boolean): string {
  const rules = byNode ? machines.map((m) => `    use-server ${m.nodeId} if { urlp(node) -m reg ^${m.nodeId}(-w[0-9]+)?$ }`) : [];
  return [
    'global',
    '    maxconn 4096',
    'defaults',
    '    mode http',
    '    timeout connect 2s',
    '    timeout client 60s',
    '    timeout server 60s',
    // A websocket, once upgraded, is a tunnel: its idle limit is this one.
    '    timeout tunnel 1h',
    'frontend werewolf',
    `    bind 127.0.0.1:${port}`,
    '    default_backend machines',
    'backend machines',
    `    balance ${byNode ? 'roundrobin' : 'first'}`,
    ...rules,
    ...machines.map((m) => `    server ${m.nodeId} 127.0.0.1:${m.port}`),
    '',
  ].join('\n');
}

/** A real haproxy on 127.0.0.1 in front of `machines`; the test's clients connect to `url`. */
export class HaProxy {
  private constructor(readonly url: string, private child: ChildProcess) {}

  static async start(machines: Machine[], byNode: boolean): Promise<HaProxy> {
    const bin = ensureProgram('haproxy', 'haproxy');
    const port = await freePort();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ww-haproxy-')), 'haproxy.cfg');
    writeFileSync(file, haproxyConfig(port, machines, byNode));
    const child = spawn(bin, ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => { err += String(d); });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`haproxy exited: ${err}`);
      if (await listening(port)) return new HaProxy(`http://127.0.0.1:${port}`, child);
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    throw new Error(`haproxy did not listen on ${port}: ${err}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const gone = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGKILL');
    await gone;
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}
