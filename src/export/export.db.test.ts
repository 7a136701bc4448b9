/**
 * Round trips through the real test Neo4j: the fixture graph (quotes, backslashes, unicode, newlines,
 * contested SAID edges, provenance lists) is written with the store's own writer, exported in every
 * format with every selector, read back with the formats' parsers and compared with what was written.
 * The Cypher script is run into the emptied database and the result re-exported and compared.
 */
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestServer } from '../../test/api-server.js';
import { runCli } from '../../test/run-cli.js';
import type { RunningServer } from '../server/listen.js';
import { openDriver } from '../store/connection.js';
import { openNeo4jExport, type ExportSelector } from '../store/export-reads.js';
import { toStoreGraph } from '../store/store-graph.js';
import { syncGraph } from '../store/write.js';
import { splitCypherStatements } from './cypher.js';
import { writeExport, type ExportFormat } from './index.js';
import { MULTILINE_QUOTE, NASTY_NAME, fixtureGraph } from './test-support/fixture.js';
import {
  canonFromCsvFolder,
  canonFromCsvZip,
  canonFromGexf,
  canonFromGraphml,
  canonFromJson,
  modeValue,
  type Canon,
  type ValueMode,
} from './test-support/read-back.js';
import type { PropertyValue } from './model.js';

const conn = inject('neo4j');
let driver: Driver;

async function clearDatabase(): Promise<void> {
  await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: conn.database });
}

function plain(value: unknown): PropertyValue {
  if (neo4j.isInt(value)) return value.toNumber();
  if (Array.isArray(value)) return value.map((v) => plain(v)) as PropertyValue;
  return value as PropertyValue;
}

function withoutId(props: Record<string, unknown>): Record<string, PropertyValue> {
  const out: Record<string, PropertyValue> = {};
  for (const key of Object.keys(props).sort()) if (key !== 'id') out[key] = plain(props[key]);
  return out;
}

/** What the store wrote for the fixture, in the canonical shape (keys = `id` properties). */
function expectedCanon(): Canon {
  const store = toStoreGraph(fixtureGraph());
  const canon: Canon = { nodes: {}, edges: {} };
  for (const n of store.nodes) canon.nodes[n.id] = { type: n.label, properties: withoutId(n.props) };
  for (const r of store.rels) {
    canon.edges[r.id] = { type: r.type, source: r.source, target: r.target, properties: withoutId(r.props) };
  }
  return canon;
}

function remode(canon: Canon, mode: ValueMode): Canon {
  const map = (props: Record<string, PropertyValue>) =>
    Object.fromEntries(Object.entries(props).map(([k, v]) => [k, modeValue(v, mode)]));
  return {
    nodes: Object.fromEntries(Object.entries(canon.nodes).map(([k, n]) => [k, { ...n, properties: map(n.properties) }])),
    edges: Object.fromEntries(Object.entries(canon.edges).map(([k, e]) => [k, { ...e, properties: map(e.properties) }])),
  };
}

function subset(canon: Canon, nodeIds: string[], edgeFilter: (e: Canon['edges'][string]) => boolean): Canon {
  const keep = new Set(nodeIds);
  return {
    nodes: Object.fromEntries(Object.entries(canon.nodes).filter(([k]) => keep.has(k))),
    edges: Object.fromEntries(
      Object.entries(canon.edges).filter(([, e]) => keep.has(e.source) && keep.has(e.target) && edgeFilter(e)),
    ),
  };
}

async function exportBytes(format: ExportFormat, selector: ExportSelector = {}, pageSize?: number): Promise<Buffer> {
  const source = await openNeo4jExport(driver, selector, { database: conn.database, pageSize });
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (d: Buffer) => parts.push(d));
  await writeExport(format, source, out);
  return Buffer.concat(parts);
}

async function exportJson(selector: ExportSelector = {}, pageSize?: number): Promise<Canon> {
  return canonFromJson((await exportBytes('json', selector, pageSize)).toString('utf8'));
}

let expected: Canon;

beforeAll(async () => {
  driver = openDriver(conn);
  await clearDatabase();
  await syncGraph(driver, toStoreGraph(fixtureGraph()), { database: conn.database });
  expected = expectedCanon();
});

afterAll(async () => {
  await driver?.close();
});

describe('whole-graph exports read back as written', () => {
  it('JSON carries every node, edge, type and property, values native', async () => {
    const back = await exportJson();
    expect(back).toEqual(expected);
    expect(Object.keys(back.nodes)).toHaveLength(6);
    expect(Object.keys(back.edges)).toHaveLength(8);
    const cagri = back.nodes['person:cagri'];
    expect(cagri?.properties.name).toBe(NASTY_NAME);
    expect(cagri?.properties.articles).toEqual(['article:a1', 'article:a2']);
    expect(JSON.parse(String(cagri?.properties.spans))).toEqual([
      { article: 'article:a1', end: 5, start: 0 },
      { article: 'article:a2', end: 20, start: 10 },
    ]);
    const said = Object.values(back.edges).filter((e) => e.type === 'SAID');
    expect(said.map((e) => e.properties.contested).sort()).toEqual([false, true, true]);
  });

  it('the same with one-node pages (keyset pagination across pages and labels)', async () => {
    expect(await exportJson({}, 1)).toEqual(expected);
    expect(await exportJson({}, 2)).toEqual(expected);
  });

  it('GEXF and GraphML (lists as JSON text) and CSV zip (cells as text)', async () => {
    const flat = remode(expected, 'flat');
    const gexf = canonFromGexf((await exportBytes('gexf')).toString('utf8'));
    expect(gexf).toEqual(flat);
    expect(Object.values(gexf.nodes).find((n) => n.type === 'Quote')?.properties.text).toBe(MULTILINE_QUOTE);
    expect(canonFromGraphml((await exportBytes('graphml')).toString('utf8'))).toEqual(flat);
    expect(await canonFromCsvZip(await exportBytes('csv'))).toEqual(remode(expected, 'text'));
  });
});

describe('selectors', () => {
  it('types: only those nodes, and only edges between them', async () => {
    const back = await exportJson({ types: ['Person', 'Organization'] });
    expect(back).toEqual(subset(expected, ['person:cagri', 'person:zel', 'org:amp'], () => true));
    expect(Object.values(back.edges).map((e) => e.type)).toEqual(['HOLDS_OFFICE']);
  });

  it('edgeTypes: all nodes, only those relationships', async () => {
    const back = await exportJson({ edgeTypes: ['SAID'] });
    expect(Object.keys(back.nodes)).toHaveLength(6);
    expect(Object.values(back.edges).map((e) => e.type)).toEqual(['SAID', 'SAID', 'SAID']);
  });

  it('node by exact name (Cyrillic) with depth 1: neighbours and the edges among them', async () => {
    const back = await exportJson({ node: 'Зеленський', depth: 1 });
    expect(back).toEqual(subset(expected, ['person:zel', 'quote:q1', 'org:amp'], () => true));
    expect(Object.keys(back.edges)).toHaveLength(3);
    const depth0 = await exportJson({ node: 'person:zel', depth: 0 });
    expect(Object.keys(depth0.nodes)).toEqual(['person:zel']);
    expect(Object.keys(depth0.edges)).toHaveLength(0);
  });

  it('ids: those nodes and the relationships among them', async () => {
    const back = await exportJson({ ids: ['person:cagri', 'article:a1', 'nope'] });
    expect(back).toEqual(subset(expected, ['person:cagri', 'article:a1'], () => true));
    expect(Object.values(back.edges).map((e) => e.properties.count).sort()).toEqual([3, 4000000000]);
  });

  it('query: the paths it returns, with their end nodes', async () => {
    const back = await exportJson({
      query: 'MATCH p = (:Person)-[:SAID {contested: $c}]->(:Quote) RETURN p',
      params: { c: true },
    });
    expect(back).toEqual(subset(expected, ['person:cagri', 'person:zel', 'quote:q1'], (e) => e.type === 'SAID'));
    const rels = await exportJson({ query: 'MATCH ()-[r:REPORTED_IN]->() RETURN r' });
    expect(Object.keys(rels.nodes).sort()).toEqual(['article:a1', 'article:a2', 'quote:q1']);
    expect(Object.keys(rels.edges)).toHaveLength(2);
  });

  it('refuses unknown types, unknown and ambiguous nodes, writes in the query', async () => {
    await expect(openNeo4jExport(driver, { types: ['Nope'] }, { database: conn.database })).rejects.toMatchObject({
      code: 'EXPORT_UNKNOWN_TYPE',
    });
    await expect(openNeo4jExport(driver, { node: 'nobody' }, { database: conn.database })).rejects.toMatchObject({
      code: 'EXPORT_NODE_NOT_FOUND',
    });
    await driver.executeQuery('CREATE (:Organization {id: $id, name: $name})', { id: 'org:dup', name: NASTY_NAME });
    try {
      await expect(openNeo4jExport(driver, { node: NASTY_NAME }, { database: conn.database })).rejects.toMatchObject({
        code: 'EXPORT_NODE_AMBIGUOUS',
        message: expect.stringMatching(/org:dup \(Organization\), person:cagri \(Person\)|person:cagri \(Person\), org:dup/),
      });
    } finally {
      await driver.executeQuery('MATCH (n {id: $id}) DELETE n', { id: 'org:dup' });
    }
    await expect(
      openNeo4jExport(driver, { query: 'MATCH (n) SET n.x = 1 RETURN n' }, { database: conn.database }),
    ).rejects.toMatchObject({ code: 'CYPHER_WRITE' });
    const { records } = await driver.executeQuery('MATCH (n) WHERE n.x IS NOT NULL RETURN count(n) AS c');
    expect(records[0]?.get('c')).toBe(0);
  });
});

describe('the Cypher script recreates the graph', () => {
  it('into the emptied database, statement by statement through the driver; twice changes nothing', async () => {
    const script = (await exportBytes('cypher')).toString('utf8');
    const before = await exportJson();
    await clearDatabase();
    expect(Object.keys((await exportJson()).nodes)).toHaveLength(0);
    const statements = splitCypherStatements(script);
    for (let run = 0; run < 2; run++) {
      for (const statement of statements) await driver.executeQuery(statement, {}, { database: conn.database });
    }
    const after = await exportJson();
    expect(after).toEqual(before);
    expect(after).toEqual(expected);
    expect(after.nodes['quote:q1']?.properties.text).toBe(MULTILINE_QUOTE);
  });
});

describe('GET and POST /api/export over real HTTP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer(driver);
  });
  afterAll(async () => {
    await server?.close(1_000);
  });

  it('streams GEXF for a neighbourhood with the content type and a descriptive file name', async () => {
    const res = await fetch(`${server.url}/api/export?format=gexf&node=person%3Azel&depth=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="speakergraph-node-person-zel-\d{8}-\d{6}\.gexf"; filename\*=UTF-8''/,
    );
    const back = canonFromGexf(await res.text());
    expect(back).toEqual(remode(subset(expected, ['person:zel', 'quote:q1', 'org:amp'], () => true), 'flat'));
  });

  it('POST with ids (what the viewer sends) gives a CSV zip; GET cypher and graphml are text', async () => {
    const res = await fetch(`${server.url}/api/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'csv', ids: ['person:cagri', 'quote:q1'] }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/filename="speakergraph-selection-.*\.zip"/);
    const back = await canonFromCsvZip(Buffer.from(await res.arrayBuffer()));
    expect(back).toEqual(remode(subset(expected, ['person:cagri', 'quote:q1'], () => true), 'text'));

    const cypher = await fetch(`${server.url}/api/export?format=cypher&types=Person`);
    expect(cypher.headers.get('content-type')).toBe('application/x-cypher-query; charset=utf-8');
    expect(splitCypherStatements(await cypher.text())[0]).toMatch(/^CREATE CONSTRAINT IF NOT EXISTS FOR \(n:`Person`\)/);
    const graphml = await fetch(`${server.url}/api/export?format=graphml&edgeTypes=SAID`);
    expect(Object.keys(canonFromGraphml(await graphml.text()).edges)).toHaveLength(3);
  });

  it('refuses before streaming: bad format 400, write query 403, unknown node 404, database untouched', async () => {
    const bad = await fetch(`${server.url}/api/export?format=xlsx`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('EXPORT_INVALID');
    const write = await fetch(`${server.url}/api/export?format=json&query=${encodeURIComponent('MATCH (n) DETACH DELETE n')}`);
    expect(write.status).toBe(403);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe('CYPHER_REFUSED');
    const missing = await fetch(`${server.url}/api/export?format=json&node=nobody`);
    expect(missing.status).toBe(404);
    expect(await exportJson()).toEqual(expected);
  });
});

describe('speakergraph export (the real CLI)', () => {
  const env = { ...process.env, NEO4J_URI: conn.uri, NEO4J_USER: conn.user, NEO4J_PASSWORD: conn.password, LOG_LEVEL: 'warn' };
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sg-export-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes JSON to stdout for a type selection', async () => {
    const r = await runCli(['export', '--format', 'json', '--types', 'Person'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(canonFromJson(r.stdout)).toEqual(subset(expected, ['person:cagri', 'person:zel'], () => true));
  });

  it('writes CSV to a folder or a zip, GraphML to a file, and leaves no partial files', async () => {
    const folder = join(dir, 'csv');
    expect((await runCli(['export', '--format', 'csv', '--out', folder], env)).code).toBe(0);
    expect(await canonFromCsvFolder(folder)).toEqual(remode(expected, 'text'));
    const zip = join(dir, 'graph.zip');
    expect((await runCli(['export', '--format', 'csv', '--out', zip], env)).code).toBe(0);
    expect(await canonFromCsvZip(await readFile(zip))).toEqual(remode(expected, 'text'));
    const file = join(dir, 'q.graphml');
    const r = await runCli(['export', '--format', 'graphml', '--query', 'MATCH (p:Person)-[r]->(q:Quote) RETURN p, r, q', '--out', file], env);
    expect(r.code).toBe(0);
    const back = canonFromGraphml(await readFile(file, 'utf8'));
    expect(Object.keys(back.nodes).sort()).toEqual(['person:cagri', 'person:zel', 'quote:q1']);
    expect((await stat(file)).isFile()).toBe(true);
    expect((await readdir(dir)).filter((f) => f.includes('.partial'))).toEqual([]);
  });

  it('exits 1 with one line for csv without --out, a refused query, and an unknown node', async () => {
    const csv = await runCli(['export', '--format', 'csv'], env);
    expect(csv.code).toBe(1);
    expect(csv.stderr).toMatch(/^speakergraph: csv writes two files: give --out/);
    const write = await runCli(['export', '--format', 'json', '--query', 'CREATE (n:Person) RETURN n'], env);
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/CREATE is not allowed/);
    const missing = await runCli(['export', '--format', 'json', '--node', 'nobody', '--out', join(dir, 'x.json')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/no node has the id or the name "nobody"/);
  });
});
