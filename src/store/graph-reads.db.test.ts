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
import { createGraphReads } from './graph-reads.js';
import { graphChecksum } from './read.js';

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
    const around = await reads.neighbours(IDS.turkey, { depth: 1, limit: 50 });
    expect(around?.nodes.map((n) => n.key).sort()).toEqual(
      [IDS.article1, IDS.istanbul, IDS.talks, IDS.turkey].sort(),
    );
    // MEDIATED and PARTICIPATED_IN both join Turkey to the talks: a multigraph keeps both.
    expect(around?.edges.filter((e) => e.source === IDS.turkey && e.target === IDS.talks)).toHaveLength(2);
    expect(await reads.neighbours('country:atlantis', { depth: 1, limit: 5 })).toBeUndefined();
    const overview = await reads.overview({ types: ['Event', 'Place', 'Country'], limit: 100 });
    expect(overview.nodes).toHaveLength(5);
    const quotes = await reads.quotes({ speaker: IDS.kuleba, limit: 10 });
    expect(quotes.map((q) => q.id)).toEqual([IDS.neverGiveUp]);
  });
});
