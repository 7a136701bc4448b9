/**
 * The project's own Neo4j, for real: a separate instance (own data dir and port) started and stopped
 * through the CLI, checked through neo4j-driver.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli.js';
import { loadConfig } from '../config.js';
import { openDriver } from '../store/connection.js';

const dataDir = mkdtempSync(join(tmpdir(), 'sg-lifecycle-'));
const boltPort = 17791;
// This suite tests the managed server itself, so it ignores any NEO4J_URI of the surrounding run.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEO4J_URI: undefined,
  NEO4J_PASSWORD: undefined,
  LOG_LEVEL: 'warn',
};
const args = ['--data-dir', dataDir, '--bolt-port', String(boltPort)];
const db = (sub: string, extra: string[] = []) => runCli(['db', sub, ...args, ...extra], env);

afterAll(async () => {
  await db('stop');
});

describe('local Neo4j lifecycle', () => {
  it('starts, answers Bolt with auth on, and a second start is a no-op', async () => {
    const first = await db('start');
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Neo4j 5\.26\.\d+ ready at bolt:\/\/127\.0\.0\.1:17791 \(pid (\d+)/);
    const pid = /pid (\d+)/.exec(first.stdout)?.[1];

    const second = await db('start');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`already running at bolt://127.0.0.1:${boltPort} (pid ${pid})`);

    const status = await db('status', ['--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      managed: true,
      state: 'running',
      pid: Number(pid),
      server: { edition: 'community', agent: expect.stringMatching(/^Neo4j\/5\.26\./) },
    });
  });

  it('creates a constraint, writes and reads nodes through neo4j-driver', async () => {
    const config = loadConfig({ dataDir, boltPort }, {});
    const driver = openDriver(config.neo4j);
    try {
      await driver.executeQuery(
        'CREATE CONSTRAINT probe_id IF NOT EXISTS FOR (p:Probe) REQUIRE p.id IS UNIQUE',
      );
      await driver.executeQuery('UNWIND $ids AS id MERGE (p:Probe {id: id}) SET p.name = "probe " + id', {
        // JS numbers travel as floats; integers must be sent as Neo4j integers.
        ids: [1, 2, 3].map((n) => neo4j.int(n)),
      });
      const { records } = await driver.executeQuery(
        'MATCH (p:Probe) RETURN p.id AS id, p.name AS name ORDER BY id',
      );
      expect(records.map((r) => r.toObject())).toEqual([
        { id: 1, name: 'probe 1' },
        { id: 2, name: 'probe 2' },
        { id: 3, name: 'probe 3' },
      ]);
      await expect(driver.executeQuery('CREATE (:Probe {id: 1})')).rejects.toThrow(/already exists/);
      const constraints = await driver.executeQuery(
        'SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names',
      );
      expect(constraints.records[0]?.get('names')).toContain('probe_id');
    } finally {
      await driver.close();
    }
  });

  it('refuses wrong credentials', async () => {
    const config = loadConfig({ dataDir, boltPort }, {});
    const driver = openDriver({ ...config.neo4j, password: 'definitely-wrong' });
    try {
      await expect(driver.verifyAuthentication()).resolves.toBe(false);
    } finally {
      await driver.close();
    }
  });

  it('gives a clear error when another program holds the port', async () => {
    const other = mkdtempSync(join(tmpdir(), 'sg-lifecycle-other-'));
    const r = await runCli(['db', 'start', '--data-dir', other, '--bolt-port', String(boltPort)], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/port 17791 on 127\.0\.0\.1 is already in use/);
  });

  it('stops cleanly, is idempotent, and keeps the data across a restart without recovery', async () => {
    const stop = await db('stop');
    expect(stop.code).toBe(0);
    expect(stop.stdout).toContain('Neo4j stopped');
    expect((await db('stop')).stdout).toContain('Neo4j was not running');
    const status = await db('status', ['--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ state: 'stopped' });

    expect((await db('start')).code).toBe(0);
    const config = loadConfig({ dataDir, boltPort }, {});
    const driver = openDriver(config.neo4j);
    try {
      const { records } = await driver.executeQuery('MATCH (p:Probe) RETURN count(p) AS n');
      expect(records[0]?.get('n')).toBe(3);
    } finally {
      await driver.close();
    }
    expect((await db('stop')).code).toBe(0);
    // A killed JVM would make the next start replay its transaction logs.
    const debugLog = readFileSync(join(dataDir, 'logs', 'debug.log'), 'utf8');
    expect(debugLog).not.toMatch(/recovery (is )?required|Recovery completed/i);
  });

  it('reports a port taken by a non-Neo4j program', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(17792, '127.0.0.1', resolve));
    try {
      const other = mkdtempSync(join(tmpdir(), 'sg-lifecycle-blocked-'));
      const r = await runCli(['db', 'start', '--data-dir', other, '--bolt-port', '17792'], env);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(
        'speakergraph: port 17792 on 127.0.0.1 is already in use by another program; stop it or set SPEAKERGRAPH_BOLT_PORT',
      );
    } finally {
      blocker.close();
    }
  });
});
