/**
 * Hostile input against the real server and the real Neo4j: writes, admin and APOC calls, multiple
 * statements, comment and string tricks, unicode tricks, huge and malformed bodies, runaway queries and
 * hostile query-string parameters. Each must be refused (4xx) or stopped by the timeout (408), the server
 * must stay healthy, and the database must be exactly as before (counts and a checksum of all content).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { loadApiFixture } from '../../test/api-fixture.js';
import { getJson, postCypher, startTestServer } from '../../test/api-server.js';
import { openDriver } from '../store/connection.js';
import { countGraph, graphChecksum, type GraphCounts } from '../store/read.js';
import type { RunningServer } from './listen.js';
import type { ErrorBody } from './http-error.js';

const conn = inject('neo4j');
let driver: Driver;
let server: RunningServer;
let base: string;
let countsBefore: GraphCounts;
let checksumBefore: string;

beforeAll(async () => {
  driver = openDriver(conn);
  await loadApiFixture(driver, conn.database);
  countsBefore = await countGraph(driver, conn.database);
  checksumBefore = await graphChecksum(driver, conn.database);
  server = await startTestServer(driver, { cypherTimeoutMs: 1_500 });
  base = server.url;
});

afterAll(async () => {
  await server?.close(1_000);
  await driver?.close();
});

/** Anything but a refusal (4xx) or the timeout is a failure; a 5xx especially. */
function expectRefused(status: number, body: unknown): void {
  expect(status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
  expect(status, JSON.stringify(body)).toBeLessThan(500);
  const error = (body as ErrorBody).error;
  expect(typeof error?.code).toBe('string');
  expect(typeof error?.message).toBe('string');
  // Never a stack trace or a driver internals dump.
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |node_modules|neo4j-driver/);
}

const WRITE_ATTACKS: Array<[string, string]> = [
  ['CREATE', "CREATE (n:Hack {id: 'x'}) RETURN n"],
  ['MERGE', "MERGE (n:Person {id: 'person:evil'}) RETURN n"],
  ['DETACH DELETE', 'MATCH (n) DETACH DELETE n'],
  ['DELETE', 'MATCH ()-[r]->() DELETE r'],
  ['SET', "MATCH (n:Person) SET n.name = 'pwned' RETURN n"],
  ['SET +=', "MATCH (n:Person) SET n += {name: 'pwned'}"],
  ['REMOVE', 'MATCH (n:Person) REMOVE n.name'],
  ['DROP CONSTRAINT', 'DROP CONSTRAINT person_id_unique'],
  ['CREATE INDEX', 'CREATE INDEX hack IF NOT EXISTS FOR (n:Person) ON (n.gender)'],
  ['FOREACH', 'MATCH (n:Person) FOREACH (x IN [1] | CREATE (:Hack))'],
  ['LOAD CSV file', "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"],
  ['LOAD CSV http', "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/x.csv' AS l RETURN l"],
  ['PERIODIC COMMIT', "USING PERIODIC COMMIT 10 LOAD CSV FROM 'file:///x' AS l CREATE (:Hack)"],
  ['IN TRANSACTIONS', 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS'],
  ['subquery write', 'MATCH (n:Person) CALL (n) { CREATE (:Hack) } RETURN n'],
  ['EXPLAIN write', 'EXPLAIN CREATE (n:Hack)'],
  ['dbms createUser', "CALL dbms.security.createUser('evil', 'evil-password', false)"],
  ['dbms killQueries', "CALL dbms.killQueries(['query-1'])"],
  ['dbms setConfigValue', "CALL dbms.setConfigValue('db.transaction.timeout', '0')"],
  ['db createLabel', "CALL db.createLabel('Hack')"],
  ['db createProperty', "CALL db.createProperty('hack')"],
  ['db clearQueryCaches', 'CALL db.clearQueryCaches()'],
  ['db awaitIndexes (not allow-listed)', 'CALL db.awaitIndexes(300)'],
  ['apoc load', "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value"],
  ['apoc export', "CALL apoc.export.csv.all('/tmp/x.csv', {})"],
  ['apoc cypher function', "RETURN apoc.cypher.runFirstColumnSingle('CREATE (n:Hack) RETURN n', {}) AS x"],
  ['apoc periodic', "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})"],
  ['backticked procedure', "CALL `db`.`createLabel`('Hack')"],
  ['spaced procedure', "CALL db . createLabel('Hack')"],
  ['backticked keyword', '`CREATE` (n:Hack)'],
  ['two statements', 'MATCH (n) RETURN count(n); CREATE (m:Hack)'],
  ['block comment hides nothing', 'MATCH (n) RETURN n /* just a comment */ CREATE (m:Hack)'],
  ['write after line comment', 'MATCH (n) RETURN n // harmless\nCREATE (m:Hack)'],
  ['write inside unterminated comment', 'MATCH (n) RETURN n /* CREATE (m:Hack)'],
  ['escaped quote string trick', "MATCH (n) WHERE n.name = '\\\\' CREATE (m:Hack) //' RETURN n"],
  ['adjacent strings trick', "RETURN 'it''s' CREATE (m:Hack)"],
  ['escaped backslash ends the string', 'RETURN "a\\\\" CREATE (m:Hack) //"'],
  ['fullwidth CREATE', 'ＣＲＥＡＴＥ (n:Hack)'],
  ['fullwidth semicolon', 'MATCH (n) RETURN n；CREATE (m:Hack)'],
  ['Cyrillic homoglyph', '\u0421REATE (n:Hack)'],
  ['zero-width space in keyword', 'CRE\u200BATE (n:Hack)'],
  ['no-break space', 'MATCH (n)\u00A0DETACH DELETE n'],
  ['bidi override', 'MATCH (n) RETURN n \u202E// )kcaH:m( ETAERC'],
  ['null byte', 'MATCH (n) RETURN n\u0000CREATE (m:Hack)'],
  ['line separator', 'MATCH (n) RETURN n\u2028CREATE (m:Hack)'],
  ['USE system', 'USE system SHOW USERS'],
  ['SHOW', 'SHOW DATABASES'],
  ['ALTER USER', "ALTER CURRENT USER SET PASSWORD FROM 'x' TO 'y'"],
  ['GRANT', 'GRANT ROLE admin TO evil'],
  ['STOP DATABASE', 'STOP DATABASE neo4j'],
  ['TERMINATE', "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"],
  ['huge query', `MATCH (n) RETURN n${' '.repeat(20_000)}`],
  ['empty query', '   '],
];

describe('POST /api/cypher refuses writes, admin calls and tricks', () => {
  it.each(WRITE_ATTACKS)('%s', async (_name, query) => {
    const res = await postCypher(base, { query });
    expectRefused(res.status, res.body);
  });
});

describe('POST /api/cypher stops runaway queries', () => {
  it.each([
    // Every path paired with every other: on a fast machine the path count alone can finish within the
    // timeout on a small fixture; its square cannot.
    ['deep variable-length paths', 'MATCH p = (a)-[*]-(b) WITH p MATCH q = (c)-[*]-(d) RETURN count(*) AS c'],
    ['a huge range', 'UNWIND range(1, 2000000000) AS x RETURN count(x) AS c'],
    [
      'chained variable-length expansions',
      'MATCH (a)-[*]-(b) WITH DISTINCT a, b MATCH (b)-[*]-(c) RETURN count(*) AS c',
    ],
  ])('%s times out with 408', async (_name, query) => {
    const started = Date.now();
    const res = await postCypher<ErrorBody>(base, { query });
    expect(res.status).toBe(408);
    expect(res.body.error.code).toBe('CYPHER_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('POST /api/cypher stops memory-hungry queries without retrying them', () => {
  it('a query collecting millions of strings is refused (memory) or stopped (timeout) promptly', async () => {
    const started = Date.now();
    const res = await postCypher<ErrorBody>(base, {
      query:
        "UNWIND range(1, 20000000) AS x WITH collect(toString(x) + 'padding-padding-padding') AS xs RETURN size(xs) AS n",
    });
    expect([408, 422]).toContain(res.status);
    expect(['CYPHER_TIMEOUT', 'CYPHER_RESOURCES']).toContain(res.body.error.code);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('POST /api/cypher refuses malformed requests', () => {
  const post = (body: string, contentType = 'application/json') =>
    getJson<ErrorBody>(base, '/api/cypher', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });

  it.each([
    ['truncated JSON', '{"query": "MATCH (n) RETURN n"', 400, 'MALFORMED_JSON'],
    ['not JSON at all', 'query=CREATE (n)', 400, 'MALFORMED_JSON'],
    ['a bare string (strict JSON)', '"MATCH (n) RETURN n"', 400, 'MALFORMED_JSON'],
    ['query not a string', '{"query": {"$ne": 1}}', 400, 'INVALID_REQUEST'],
    ['params an array', '{"query": "RETURN $x AS x", "params": [1, 2]}', 400, 'INVALID_REQUEST'],
    ['params a string', '{"query": "RETURN $x AS x", "params": "{\\"x\\":1}"}', 400, 'INVALID_REQUEST'],
    ['bad parameter name', '{"query": "RETURN 1 AS x", "params": {"a b": 1}}', 400, 'INVALID_REQUEST'],
    [
      'nested too deep',
      `{"query": "RETURN $x AS x", "params": {"x": ${'['.repeat(30)}${']'.repeat(30)}}}`,
      400,
      'INVALID_REQUEST',
    ],
    [
      'unknown field (database switch)',
      '{"query": "RETURN 1 AS x", "database": "system"}',
      400,
      'INVALID_REQUEST',
    ],
    [
      'duplicate key smuggling a write',
      '{"query": "RETURN 1 AS x", "query": "CREATE (n:Hack)"}',
      403,
      'CYPHER_REFUSED',
    ],
    ['JSON unicode escape spelling CREATE', '{"query": "\\u0043REATE (n:Hack)"}', 403, 'CYPHER_REFUSED'],
  ])('%s', async (_name, body, status, code) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });

  it('refuses a body that is not JSON by content type (415)', async () => {
    const res = await post('{"query": "MATCH (n) RETURN n"}', 'text/plain');
    expect(res.status).toBe(415);
  });

  it('refuses an oversized body (413)', async () => {
    const res = await post(JSON.stringify({ query: `RETURN '${'x'.repeat(200_000)}' AS x` }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a parameter is data, never Cypher: injection through params writes nothing', async () => {
    const res = await postCypher<{ rows: unknown[] }>(base, {
      query: 'MATCH (n:Person) WHERE n.name = $name RETURN n.name AS name',
      params: { name: "x' OR 1=1 CREATE (m:Hack) //" },
    });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([]);
  });
});

describe('hostile query-string and path parameters', () => {
  const enc = encodeURIComponent;
  it.each([
    ['search q too long', `/api/search?q=${'a'.repeat(5_000)}`],
    ['search q with a null byte', `/api/search?q=${enc('kuleba\u0000')}`],
    ['search q with a bidi override', `/api/search?q=${enc('kuleba\u202E')}`],
    ['search q repeated', '/api/search?q=a&q=b'],
    ['search limit a float', '/api/search?q=kuleba&limit=1.5'],
    ['search limit huge', '/api/search?q=kuleba&limit=1e9'],
    ['search types injection', `/api/search?q=kuleba&types=${enc('Person`) DETACH DELETE n //')}`],
    ['too many types', `/api/search?q=kuleba${'&types=Person'.repeat(30)}`],
    ['node id with a null byte', `/api/nodes/${enc('person:\u0000')}`],
    ['node id too long', `/api/nodes/${'x'.repeat(1_000)}`],
    ['malformed percent-escape in the path', '/api/nodes/%E0%A4%A'],
    ['neighbours depth 1000', '/api/nodes/person%3Admytro-kuleba/neighbors?depth=1000'],
    ['neighbours depth as a range', `/api/nodes/person%3Admytro-kuleba/neighbors?depth=${enc('1..*')}`],
    ['neighbours negative limit', '/api/nodes/person%3Admytro-kuleba/neighbors?limit=-5'],
    ['graph types injection', `/api/graph?types=${enc('Person) MATCH (n) DETACH DELETE n //')}`],
    ['graph date injection', `/api/graph?from=${enc("2024-01-01' OR '1'='1")}`],
    ['graph limit huge', '/api/graph?limit=99999999'],
    ['quotes contested not a boolean', `/api/quotes?contested=${enc('true OR 1=1')}`],
    ['quotes minSources text', '/api/quotes?minSources=all'],
  ])('%s is refused', async (_name, path) => {
    const res = await getJson(base, path);
    expectRefused(res.status, res.body);
  });

  it.each([
    ['search with Lucene and Cypher syntax', `/api/search?q=${enc("*:* OR name:x') DETACH DELETE n //")}`],
    ['node id with Cypher in it', `/api/nodes/${enc("x'}) DETACH DELETE n //")}`],
    ['quotes speaker with Cypher in it', `/api/quotes?speaker=${enc("x' OR 1=1 //")}`],
    ['bracket keys are not nested objects', '/api/quotes?speaker[$ne]=1'],
  ])('%s is treated as plain data', async (_name, path) => {
    const res = await getJson(base, path);
    expect([200, 404]).toContain(res.status);
  });

  it('a write inside a string literal is just a string', async () => {
    const res = await postCypher<{ rows: unknown[] }>(base, {
      query: 'RETURN "a\\" CREATE (m:Hack) //" AS s',
    });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([{ s: 'a" CREATE (m:Hack) //' }]);
  });
});

describe('afterwards', () => {
  it('the server is healthy and the database is exactly as before', async () => {
    expect((await getJson(base, '/api/health')).status).toBe(200);
    expect(await countGraph(driver, conn.database)).toEqual(countsBefore);
    expect(await graphChecksum(driver, conn.database)).toBe(checksumBefore);
    const { records } = await driver.executeQuery(
      'MATCH (n:Hack) RETURN count(n) AS c',
      {},
      { database: conn.database },
    );
    expect(records[0]?.get('c')).toBe(0);
  });
});
