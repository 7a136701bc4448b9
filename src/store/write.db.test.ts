import graphology from 'graphology';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { InternalError } from '../errors.js';
import { openDriver } from './connection.js';
import { countGraph, getNode, graphChecksum } from './read.js';
import { applySchema } from './schema.js';
import { toStoreGraph } from './store-graph.js';
import { syncGraph, writeRowByRow } from './write.js';

const { MultiDirectedGraph } = graphology;
const span = (article: string, start: number, end: number) => ({ article, start, end });

function smallGraph() {
  const g = new MultiDirectedGraph();
  g.addNode('person:kim', {
    type: 'Person',
    name: 'Ana Kim',
    aliases: ['Kim'],
    articles: ['a1'],
    spans: [span('a1', 0, 7)],
  });
  g.addNode('country:fr', {
    type: 'Country',
    name: 'France',
    aliases: [],
    iso: 'FR',
    articles: ['a1'],
    spans: [],
  });
  g.addNode('quote:q1', {
    type: 'Quote',
    name: 'We will talk',
    text: 'We will talk',
    kind: 'direct',
    mentions: [span('a1', 10, 22)],
    variants: [],
    corroboration: 1,
    articles: ['a1'],
    spans: [span('a1', 10, 22)],
  });
  g.addNode('article:a1', { type: 'Article', name: 'a1', articleId: 'a1', articles: ['a1'], spans: [] });
  g.addEdgeWithKey('e1', 'person:kim', 'quote:q1', {
    type: 'SAID',
    contested: false,
    articles: ['a1'],
    spans: [span('a1', 0, 30)],
  });
  g.addEdgeWithKey('e2', 'person:kim', 'country:fr', {
    type: 'HOLDS_OFFICE',
    title: 'Minister',
    articles: ['a1'],
    spans: [],
  });
  g.addEdgeWithKey('e3', 'person:kim', 'country:fr', {
    type: 'HOLDS_OFFICE',
    title: 'Envoy',
    articles: ['a1'],
    spans: [],
  });
  g.addEdgeWithKey('e4', 'quote:q1', 'article:a1', { type: 'REPORTED_IN', articles: ['a1'], spans: [] });
  g.addEdgeWithKey('e5', 'person:kim', 'article:a1', {
    type: 'MENTIONED_IN',
    count: 2,
    articles: ['a1'],
    spans: [],
  });
  return g;
}

describe('syncGraph against the real Neo4j', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = openDriver(inject('neo4j'));
    await driver.executeQuery('MATCH (n) DETACH DELETE n');
    await applySchema(driver);
  });
  afterAll(async () => {
    await driver.executeQuery('MATCH (n) DETACH DELETE n');
    await driver.close();
  });

  it('creates every node and relationship, including parallel edges of one type', async () => {
    const counts = await syncGraph(driver, toStoreGraph(smallGraph()), { batchSize: 2 });
    expect(counts).toMatchObject({
      nodesCreated: 4,
      relationshipsCreated: 5,
      nodesDeleted: 0,
      relationshipsDeleted: 0,
    });
    const stored = await countGraph(driver);
    expect(stored.totalNodes).toBe(4);
    expect(stored.relationships.HOLDS_OFFICE).toBe(2);
    expect(stored.totalRelationships).toBe(5);
  });

  it('writes nothing when nothing changed, and the database is unchanged', async () => {
    const before = await graphChecksum(driver);
    const counts = await syncGraph(driver, toStoreGraph(smallGraph()));
    expect(counts).toMatchObject({
      nodesCreated: 0,
      nodesUpdated: 0,
      relationshipsCreated: 0,
      relationshipsUpdated: 0,
      nodesUnchanged: 4,
      relationshipsUnchanged: 5,
    });
    expect(await graphChecksum(driver)).toBe(before);
  });

  it('stores integers as INTEGER and provenance lists losslessly', async () => {
    const { records } = await driver.executeQuery(
      'MATCH (q:Quote {id: "quote:q1"}) MATCH ()-[m:MENTIONED_IN]->() RETURN valueType(q.corroboration) AS c, valueType(m.count) AS m',
    );
    expect(records[0]?.get('c')).toBe('INTEGER NOT NULL');
    expect(records[0]?.get('m')).toBe('INTEGER NOT NULL');
    const node = await getNode(driver, 'quote:q1');
    expect(node?.properties.mentions).toEqual([span('a1', 10, 22)]);
    expect(node?.type).toBe('Quote');
  });

  it('updates changed properties (removing dropped ones) and deletes what disappeared', async () => {
    const g = smallGraph();
    g.mergeNodeAttributes('person:kim', { aliases: ['Kim', 'A. Kim'] });
    g.removeNodeAttribute('country:fr', 'iso');
    g.dropEdge('e3');
    g.dropNode('quote:q1');
    const counts = await syncGraph(driver, toStoreGraph(g));
    expect(counts).toMatchObject({
      nodesUpdated: 2,
      nodesDeleted: 1,
      relationshipsDeleted: 3,
      relationshipsCreated: 0,
    });
    const { records } = await driver.executeQuery('MATCH (c:Country) RETURN c.iso AS iso');
    expect(records[0]?.get('iso')).toBeNull();
    // The result is the same database a fresh write of the new graph gives.
    const synced = await graphChecksum(driver);
    await driver.executeQuery('MATCH (n) DETACH DELETE n');
    await syncGraph(driver, toStoreGraph(g));
    expect(await graphChecksum(driver)).toBe(synced);
  });

  it('gives the same database whether written row by row or batched', async () => {
    await driver.executeQuery('MATCH (n) DETACH DELETE n');
    const desired = toStoreGraph(smallGraph());
    expect(await writeRowByRow(driver, desired)).toBe(9);
    const naive = await graphChecksum(driver);
    await driver.executeQuery('MATCH (n) DETACH DELETE n');
    await syncGraph(driver, desired);
    expect(await graphChecksum(driver)).toBe(naive);
  });

  it('refuses node labels and relationship types that are not in the ontology', () => {
    const bad = new MultiDirectedGraph();
    bad.addNode('x', { type: 'Person`) DETACH DELETE n //', name: 'x' });
    expect(() => toStoreGraph(bad)).toThrow(InternalError);
    const badEdge = smallGraph();
    badEdge.addEdge('person:kim', 'country:fr', { type: 'KNOWS' });
    expect(() => toStoreGraph(badEdge)).toThrow(/not an ontology type/);
  });
});
