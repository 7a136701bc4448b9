/** The ingest and query commands as users run them: the real CLI in a child process, the real Neo4j. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../config.js';
import { runCli } from '../../test/run-cli.js';
import { openDriver } from './connection.js';
import { countGraph, graphChecksum } from './read.js';
import { listSavedQueries } from './saved-queries.js';

const conn = inject('neo4j');
const env = {
  ...process.env,
  NEO4J_URI: conn.uri,
  NEO4J_USER: conn.user,
  NEO4J_PASSWORD: conn.password,
  LOG_LEVEL: 'warn',
};
const SAMPLE = join(PROJECT_ROOT, 'graph', 'articles');

describe('speakergraph ingest and query (CLI, real Neo4j)', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = openDriver(conn);
    await driver.executeQuery('MATCH (n) DETACH DELETE n');
  });
  afterAll(async () => {
    await driver.executeQuery('MATCH (n) DETACH DELETE n');
    await driver.close();
  });

  it('ingests the sample corpus with a summary, then skips it all on a re-run', async () => {
    const first = await runCli(['ingest', SAMPLE, '--json'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const s1 = JSON.parse(first.stdout) as Record<string, number>;
    expect(s1).toMatchObject({ articlesRead: 5, articlesNew: 5, articlesFailed: 0 });
    expect(s1.nodesCreated).toBe((await countGraph(driver)).totalNodes);
    const second = await runCli(['ingest', SAMPLE], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/5 unchanged \(skipped\)/);
    expect(second.stdout).toMatch(/nodes: 0 created, 0 updated, 0 deleted/);
  });

  it.each(listSavedQueries().map((q) => [q.name] as const))(
    'saved query %s returns rows on the sample corpus',
    async (name) => {
      const params: Record<string, Record<string, unknown>> = {
        'quotes-by-person': { name: 'Kuleba' },
        'ego-network': { name: 'Lavrov' },
        'who-said-what-about-whom': { about: 'Lavrov' },
      };
      const r = await runCli(
        ['query', '--saved', name, '--params', JSON.stringify(params[name] ?? {}), '--format', 'json'],
        env,
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const rows = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
      expect(rows.length).toBeGreaterThan(0);
      if (name === 'quotes-by-person')
        expect(rows.every((row) => String(row.speaker).includes('Kuleba'))).toBe(true);
      if (name === 'corroborated-quotes') expect(rows.every((row) => Number(row.sources) >= 2)).toBe(true);
      if (name === 'contested-quotes') expect(rows.every((row) => Number(row.speakers) >= 2)).toBe(true);
      if (name === 'events-with-mediators')
        expect(rows.every((row) => (row.mediators as unknown[]).length > 0)).toBe(true);
      if (name === 'ego-network')
        expect(rows.every((row) => String(row.person).includes('Lavrov'))).toBe(true);
      if (name === 'who-spoke-to-whom') {
        expect(
          rows.every(
            (row) =>
              (row.saidTo as unknown[]).length + (row.saidAt as unknown[]).length > 0 || row.saidOn !== null,
          ),
        ).toBe(true);
      }
      if (name === 'who-said-what-about-whom') {
        expect(
          rows.every(
            (row) => String(row.about).includes('Lavrov') && !String(row.speaker).includes('Lavrov'),
          ),
        ).toBe(true);
      }
    },
  );

  it('prints rows as json, csv and table, with parameters', async () => {
    const q = [
      'query',
      'MATCH (p:Person) WHERE p.name CONTAINS $n RETURN p.name AS name, $k AS k ORDER BY name LIMIT $lim',
    ];
    const params = ['--params', '{"n":"Kuleba","k":"a,\\"b\\"","lim":1}'];
    const json = await runCli([...q, ...params, '--format', 'json'], env);
    expect(JSON.parse(json.stdout)).toEqual([{ name: 'Dmytro Kuleba', k: 'a,"b"' }]);
    const csv = await runCli([...q, ...params, '--format', 'csv'], env);
    expect(csv.stdout).toBe('name,k\r\nDmytro Kuleba,"a,""b"""\r\n');
    const table = await runCli([...q, ...params], env);
    expect(table.stdout.split('\n')[0]).toMatch(/^name\s+\| k$/);
    expect(table.stdout).toContain('(1 row)');
  });

  it('refuses writes with a clear message and leaves the database unchanged', async () => {
    const before = await graphChecksum(driver);
    for (const cypher of [
      'CREATE (:Person {id: "x", name: "x"})',
      'MATCH (n) DETACH DELETE n',
      'MATCH (p:Person) SET p.name = "y"',
    ]) {
      const r = await runCli(['query', cypher], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        'speakergraph: refused: this query writes to the database, and queries here are read-only\n',
      );
    }
    expect(await graphChecksum(driver)).toBe(before);
  });

  it('reports bad params, a syntax error, wrong credentials and an unreachable server in one line, exit 1', async () => {
    const cases: Array<[string[], NodeJS.ProcessEnv, RegExp]> = [
      [['query', 'RETURN 1', '--params', '{bad'], env, /--params is not valid JSON/],
      [['query', 'RETURN RETURN'], env, /SyntaxError/],
      [
        ['ingest', SAMPLE],
        { ...env, NEO4J_PASSWORD: 'wrong-password' },
        /rejected the credentials.*NEO4J_PASSWORD/,
      ],
      [['query', 'RETURN 1'], { ...env, NEO4J_PASSWORD: 'wrong-password' }, /rejected the credentials/],
      [
        ['ingest', SAMPLE],
        { ...env, NEO4J_URI: 'bolt://127.0.0.1:1' },
        /cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1/,
      ],
    ];
    const before = await graphChecksum(driver);
    for (const [args, e, message] of cases) {
      const r = await runCli(args, e);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(await graphChecksum(driver)).toBe(before);
  });

  it('finishes correctly after being killed mid-write: the re-run equals a clean ingest', async () => {
    // A corpus big enough to kill during the write phase: the sample articles under 40 ids each.
    const dir = mkdtempSync(join(tmpdir(), 'sg-kill-'));
    const lines: string[] = [];
    for (const f of readdirSync(SAMPLE).sort()) {
      const text = readFileSync(join(SAMPLE, f), 'utf8');
      for (let i = 0; i < 40; i++)
        lines.push(JSON.stringify({ id: `${f}-${i}`, text: i % 2 ? text : `${text}\n\nUpdate ${i}.` }));
    }
    writeFileSync(join(dir, 'corpus.jsonl'), `${lines.join('\n')}\n`);
    const args = ['ingest', join(dir, 'corpus.jsonl'), '--batch-size', '25'];

    await driver.executeQuery('MATCH (n) DETACH DELETE n');
    expect((await runCli(args, env)).code).toBe(0);
    const clean = await graphChecksum(driver);
    const cleanCounts = await countGraph(driver);

    await driver.executeQuery('MATCH (n) DETACH DELETE n');
    const killedAt = await new Promise<number>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(PROJECT_ROOT, 'src', 'main.ts'), ...args],
        {
          cwd: PROJECT_ROOT,
          env: { ...env, LOG_LEVEL: 'debug' },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let buffer = '';
      let done = -1;
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        for (const line of buffer.split('\n').slice(0, -1)) {
          const m = /"phase":"write","done":(\d+),"total":(\d+)/.exec(line);
          // Kill after some batches are committed, well before the end.
          if (m && done < 0 && Number(m[1]) >= 100 && Number(m[1]) < Number(m[2]) / 2) {
            done = Number(m[1]);
            child.kill('SIGKILL');
          }
        }
        buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
      });
      child.on('error', reject);
      child.on('close', (_code, signal) =>
        signal === 'SIGKILL' ? resolve(done) : reject(new Error(`not killed (${signal})`)),
      );
    });
    expect(killedAt).toBeGreaterThan(0);
    const partial = await countGraph(driver);
    expect(partial.totalNodes + partial.totalRelationships).toBeGreaterThan(0);
    expect(await graphChecksum(driver)).not.toBe(clean);
    // No article was marked ingested: they are all redone.
    const { records } = await driver.executeQuery(
      'MATCH (a:Article) WHERE a.textHash IS NOT NULL RETURN count(a) AS c',
    );
    expect(records[0]?.get('c')).toBe(0);

    const rerun = await runCli([...args, '--json'], env);
    expect(rerun.code).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ articlesNew: 200 });
    expect(await countGraph(driver)).toEqual(cleanCounts);
    expect(await graphChecksum(driver)).toBe(clean);
  });
});
