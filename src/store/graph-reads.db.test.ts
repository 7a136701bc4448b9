/**
 * The store half of the read-only Cypher defence, without the HTTP guard in front: the READ access mode
 * must refuse writes by itself, the timeout must stop runaway queries, the row cap must hold.
 * Also the GraphReads reads the API is built on, called directly.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { IDS, loadApiFixture } from '../../test/api-fixture.js';
import { openDriver } from './connection.js';
import { CypherExecutionError, runReadOnlyCypher } from './cypher.js';
import { createGraphReads, type GraphReads } from './graph-reads.js';
import { graphChecksum, type SerializedSubgraph } from './read.js';

const conn = inject('neo4j');
let driver: Driver;
let checksum: string;
const limits = { timeoutMs: 1_500, maxRows: 5, database: conn.database };

beforeAll(async () => {
  driver = openDriver(conn);
  await loadApiFixture(driver, conn.database);
  checksum = await graphChecksum(driver, conn.database);
});

afterAll(async () => {
  await driver?.close();
});

async function failure(query: string, params: Record<string, unknown> = {}): Promise<CypherExecutionError> {
  const err = await runReadOnlyCypher(driver, query, params, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CypherExecutionError);
  return err as CypherExecutionError;
}

describe('runReadOnlyCypher without the guard', () => {
  it.each([
    "CREATE (n:Hack {id: 'x'})",
    "MERGE (n:Person {id: 'person:evil'})",
    "MATCH (n:Person) SET n.name = 'pwned'",
    'MATCH (n) DETACH DELETE n',
    "CALL db.createLabel('Hack')",
    'CREATE INDEX hack IF NOT EXISTS FOR (n:Person) ON (n.gender)',
  ])('the READ access mode refuses %s', async (query) => {
    expect((await failure(query)).code).toBe('CYPHER_WRITE');
  });

  it('stops a runaway query at the timeout', async () => {
    const started = Date.now();
    // Squared path count: cannot finish within the timeout however fast the machine (see api-hostile).
    expect((await failure('MATCH p = (a)-[*]-(b) WITH p MATCH q = (c)-[*]-(d) RETURN count(*)')).code).toBe(
      'CYPHER_TIMEOUT',
    );
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it('reports syntax errors and missing parameters as CYPHER_INVALID', async () => {
    expect((await failure('MATCH (n RETURN n')).code).toBe('CYPHER_INVALID');
    expect((await failure('RETURN $missing AS x')).code).toBe('CYPHER_INVALID');
  });

  it('caps rows and converts values to JSON', async () => {
    const result = await runReadOnlyCypher(
      driver,
      'UNWIND range(1, $n) AS x RETURN x, date("2024-03-01") AS d',
      { n: 100 },
      limits,
    );
    expect(result.rows).toHaveLength(5);
    expect(result.truncated).toBe(true);
    expect(result.rows[0]).toEqual({ x: 1, d: '2024-03-01' });
  });

  it('left the database unchanged', async () => {
    expect(await graphChecksum(driver, conn.database)).toBe(checksum);
  });
});

describe('GraphReads', () => {
  it('neighbours, overview and quotes read the fixture', async () => {
    const reads = createGraphReads(driver, { database: conn.database, cypher: limits });
    const found = await reads.neighbours(IDS.turkey, { depth: 1, limit: 50 });
    expect(found?.source).toBe('neo4j');
    const around = found?.graph;
    expect(around?.nodes.map((n) => n.key).sort()).toEqual(
      [IDS.article1, IDS.istanbul, IDS.talks, IDS.turkey].sort(),
    );
    // MEDIATED and PARTICIPATED_IN both join Turkey to the talks: a multigraph keeps both.
    expect(around?.edges.filter((e) => e.source === IDS.turkey && e.target === IDS.talks)).toHaveLength(2);
    expect(await reads.neighbours('country:atlantis', { depth: 1, limit: 5 })).toBeUndefined();
    const overview = await reads.overview({ types: ['Event', 'Place', 'Country'], limit: 100 });
    expect(overview.nodes).toHaveLength(5);
    const quotes = await reads.quotes({ speaker: IDS.kuleba, limit: 10 });
    expect(quotes.quotes.map((q) => q.id)).toEqual([IDS.neverGiveUp]);
    expect(quotes).toMatchObject({ hasMore: false, nextOffset: null });
  });
});

describe('the in-memory neighbour snapshot', () => {
  const version = async (reads: GraphReads) => reads.version();
  async function readySnapshot(reads: GraphReads): Promise<string> {
    const v = await version(reads);
    await reads.neighbours(IDS.turkey, { depth: 1, limit: 5, version: v });
    for (let i = 0; i < 200 && reads.neighbourIndex().state !== 'ready'; i++) await new Promise((r) => setTimeout(r, 25));
    return v;
  }

  it('answers exactly what the Cypher expansion answers, for every node, depth, limit and type filter', async () => {
    const reads = createGraphReads(driver, { database: conn.database, cypher: limits, neighbourIndexRows: 1_000 });
    expect(reads.neighbourIndex().state).toBe('empty');
    const v = await readySnapshot(reads);
    expect(reads.neighbourIndex()).toMatchObject({ state: 'ready', version: v, nodes: 12, relationships: 21 });
    const ids = (await driver.executeQuery('MATCH (n) RETURN n.id AS id', {}, { database: conn.database })).records.map(
      (r) => r.get('id') as string,
    );
    const sortEdges = (g: SerializedSubgraph) => [...g.edges].sort((x, y) => (x.key < y.key ? -1 : 1));
    let compared = 0;
    let truncatedSeen = 0;
    for (const id of ids) {
      for (const depth of [1, 2, 3]) {
        for (const limit of [1, 3, 50]) {
          for (const types of [undefined, ['Person', 'Quote'], ['Country', 'Event', 'Place']]) {
            const o = { depth, limit, types };
            const memory = await reads.neighbours(id, { ...o, version: v });
            const cypher = await reads.neighbours(id, o);
            expect(memory?.source).toBe('memory');
            expect(cypher?.source).toBe('neo4j');
            // Same nodes in the same order (nearest and most connected first), same properties.
            expect(memory?.graph.nodes).toEqual(cypher?.graph.nodes);
            expect(memory?.graph.attributes).toEqual(cypher?.graph.attributes);
            expect(sortEdges(memory!.graph)).toEqual(sortEdges(cypher!.graph));
            if (memory?.graph.attributes.truncated === true) truncatedSeen++;
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(ids.length * 27);
    expect(truncatedSeen).toBeGreaterThan(0);
  });

  it('is not used for another version, for full detail, or for an id it lacks', async () => {
    const reads = createGraphReads(driver, { database: conn.database, cypher: limits, neighbourIndexRows: 1_000 });
    const v = await readySnapshot(reads);
    expect((await reads.neighbours(IDS.turkey, { depth: 1, limit: 5, version: 'not-a-version' }))?.source).toBe('neo4j');
    expect((await reads.neighbours(IDS.turkey, { depth: 1, limit: 5, version: v, detail: 'full' }))?.source).toBe('neo4j');
    expect(await reads.neighbours('country:atlantis', { depth: 1, limit: 5, version: v })).toBeUndefined();
  });

  it('refuses a graph larger than its row limit, and is off at 0', async () => {
    const small = createGraphReads(driver, { database: conn.database, cypher: limits, neighbourIndexRows: 10 });
    await readySnapshot(small);
    expect(small.neighbourIndex()).toMatchObject({ state: 'refused' });
    expect(small.neighbourIndex().reason).toContain('33 nodes and relationships');
    const v = await small.version();
    expect((await small.neighbours(IDS.turkey, { depth: 1, limit: 5, version: v }))?.source).toBe('neo4j');
    const off = createGraphReads(driver, { database: conn.database, cypher: limits });
    expect((await off.neighbours(IDS.turkey, { depth: 1, limit: 5, version: v }))?.source).toBe('neo4j');
    expect(off.neighbourIndex()).toEqual({ state: 'off' });
  });
});
