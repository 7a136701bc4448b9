import { describe, expect, it } from 'vitest';
import { assertReadOnlyCypher, CypherRefusedError, stripLiteralsAndComments } from './cypher-guard.js';
import { listSavedQueries } from '../store/saved-queries.js';

function refusal(query: string, maxLength?: number): string {
  try {
    assertReadOnlyCypher(query, { maxLength });
  } catch (err) {
    expect(err).toBeInstanceOf(CypherRefusedError);
    return String((err as CypherRefusedError).context.rule);
  }
  throw new Error(`accepted: ${query}`);
}

describe('assertReadOnlyCypher accepts read queries', () => {
  it.each([
    'MATCH (n) RETURN count(n)',
    'MATCH (p:Person)-[s:SAID]->(q:Quote) WHERE p.name = $name RETURN p, s, q LIMIT 10',
    "MATCH (n) WHERE n.name CONTAINS 'CREATE' RETURN n.name // DELETE in a comment",
    'MATCH (n) WHERE n.start > 3 AND n.set = 1 RETURN n.delete, $merge',
    'CALL db.labels() YIELD label RETURN label',
    "CALL db.index.fulltext.queryNodes('names', 'putin') YIELD node RETURN node",
    'MATCH (n) CALL (n) { MATCH (n)--(m) RETURN count(m) AS degree } RETURN n, degree',
    "MATCH (n {name: 'Zelensky\\'s office'}) RETURN n;",
    "RETURN 'Ｚürich'",
  ])('%s', (query) => {
    expect(() => assertReadOnlyCypher(query)).not.toThrow();
  });

  it('returns the NFKC-normalised text it checked', () => {
    expect(assertReadOnlyCypher('ＭＡＴＣＨ (n) RETURN n')).toBe('MATCH (n) RETURN n');
  });
});

describe('assertReadOnlyCypher refuses', () => {
  it.each([
    ['CREATE (n:Person {id: "x"})', 'write-clause'],
    ['MATCH (n) DETACH DELETE n', 'write-clause'],
    ['MATCH (n) SET n.x = 1', 'write-clause'],
    ['MERGE (n:X {id: 1})', 'write-clause'],
    ['MATCH (n) REMOVE n.name', 'write-clause'],
    ['DROP INDEX foo', 'write-clause'],
    ['MATCH (n) FOREACH (x IN [1] | SET n.y = x)', 'write-clause'],
    ["LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l", 'write-clause'],
    ['USING PERIODIC COMMIT MATCH (n) RETURN n', 'write-clause'],
    ['MATCH (n) CALL { WITH n RETURN 1 AS x } IN TRANSACTIONS RETURN x', 'write-clause'],
    ['MATCH (n) RETURN n /* */ CREATE (m)', 'write-clause'],
    ['ｃｒｅａｔｅ (n)', 'write-clause'],
    ['`CREATE` (n)', 'write-clause'],
    ['STOP DATABASE neo4j', 'admin'],
    ['USE system MATCH (n) RETURN n', 'write-clause'],
    ['SHOW USERS', 'write-clause'],
    ['CALL dbms.security.createUser("a", "b", false)', 'procedure'],
    ['CALL db.createLabel("X")', 'procedure'],
    ['CALL `db`.`createLabel`("X")', 'procedure'],
    ['CALL db . createLabel("X")', 'procedure'],
    ["CALL apoc.load.json('http://example.com')", 'namespace'],
    ["RETURN apoc.cypher.runFirstColumnSingle('CREATE (n)', {})", 'namespace'],
    ["RETURN apoc.util.md5(['x'])", 'namespace'],
    ['MATCH (n) RETURN n; MATCH (m) RETURN m', 'multiple-statements'],
    ['MATCH (n) RETURN n /* unterminated', 'unterminated'],
    ["MATCH (n) RETURN 'unterminated", 'unterminated'],
    ['MATCH (n) RETURN n\u200B', 'character'],
    ['MATCH (n)\u00A0RETURN n', 'character'],
    ['MATCH (n) RETURN n\u0000', 'character'],
    ['MATCH (n) RETURN n \u202E', 'character'],
    ['\u0421REATE (n)', 'non-ascii'],
    ['', 'empty'],
  ])('%s', (query, rule) => {
    expect(refusal(query)).toBe(rule);
  });

  it('refuses a query over the length limit', () => {
    expect(refusal(`MATCH (n) RETURN n${' '.repeat(200)}`, 100)).toBe('length');
  });
});

describe('stripLiteralsAndComments', () => {
  it('blanks strings and comments and keeps backtick names readable', () => {
    expect(stripLiteralsAndComments("RETURN 'a;b' /* x */ // y\n, `apoc.x`, \"q\\\"z\"")).toBe(
      "RETURN ''    \n,  apoc.x , ''",
    );
  });
});

describe('the saved queries of graph/queries', () => {
  it.each(listSavedQueries().map((q) => [q.name, q.cypher]))('%s passes the guard', (_name, cypher) => {
    expect(() => assertReadOnlyCypher(cypher)).not.toThrow();
  });
});
