/** `speakergraph serve` as a real process: binds to loopback, answers, and shuts down cleanly on a signal. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../config.js';
import { freePort } from './bench-api.js';

const conn = inject('neo4j');

function startServe(args: string[]): { child: ChildProcessWithoutNullStreams; output: () => string; ready: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'main.ts'), 'serve', ...args], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: conn.uri,
      NEO4J_USER: conn.user,
      NEO4J_PASSWORD: conn.password,
      LOG_LEVEL: 'warn',
    },
  });
  let out = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /serving on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  // A test that expects the process to fail never awaits `ready`.
  ready.catch(() => undefined);
  return { child, output: () => out, ready };
}

describe('speakergraph serve', () => {
  it('binds to 127.0.0.1 by default, serves the API and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const { child, ready, output } = startServe(['--port', String(port)]);
    try {
      const url = await ready;
      expect(url).toBe(`http://127.0.0.1:${port}`);
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      // An open keep-alive connection must not hold the shutdown up.
      await fetch(`${url}/api/stats`, { headers: { connection: 'keep-alive' } });
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      expect(code, output()).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses a port that is already taken with a one-line error and exit code 1', async () => {
    const blocker = createServer();
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const { port } = blocker.address() as { port: number };
    try {
      const { child, output } = startServe(['--port', String(port)]);
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(1);
      expect(output()).toMatch(/speakergraph: port \d+ on 127\.0\.0\.1 is already in use/);
    } finally {
      blocker.close();
    }
  });
});
