/**
 * A synthetic speaker graph of a chosen size, for export and other benchmarks: Person, Quote and Article
 * nodes with store-like properties (names with quotes and unicode, provenance lists, JSON spans) and
 * SAID / REPORTED_IN / MENTIONED_IN relationships with ids. Deterministic (seeded), written with batched
 * UNWIND ... MERGE, so writing it twice gives the same graph.
 */
import neo4j, { type Driver } from 'neo4j-driver';

export interface SyntheticOptions {
  relationships: number;
  database?: string;
  batchSize?: number;
}

export interface SyntheticCounts {
  nodes: number;
  relationships: number;
}

/** mulberry32: a small seeded PRNG, so every run builds the same graph. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function writeSyntheticGraph(driver: Driver, options: SyntheticOptions): Promise<SyntheticCounts> {
  const batch = options.batchSize ?? 5000;
  const rels = options.relationships;
  // Proportions of the real graph, roughly: 1 SAID : 3 REPORTED_IN : 6 MENTIONED_IN; 5 relationships per node.
  const people = Math.max(1, Math.round(rels / 20));
  const quotes = Math.max(1, Math.round(rels / 10));
  const articles = Math.max(1, Math.round(rels / 20));
  const rand = prng(42);
  const pick = (n: number) => Math.floor(rand() * n);
  const session = driver.session({ database: options.database });
  const run = async (cypher: string, rows: unknown[]) => {
    for (let i = 0; i < rows.length; i += batch) {
      const slice = rows.slice(i, i + batch);
      await session.executeWrite((tx) => tx.run(cypher, { rows: slice }));
    }
  };
  const article = (i: number) => `article:s${i}`;
  try {
    await run(
      'UNWIND $rows AS row MERGE (n:Person {id: row.id}) SET n += row.props',
      Array.from({ length: people }, (_, i) => ({
        id: `person:s${i}`,
        props: {
          name: `Person ${i} "Çağrı" O'Neil Зеленський 🎉`,
          aliases: [`P${i}`, `Alias, ${i}`],
          articles: [article(pick(articles)), article(pick(articles))],
          spans: JSON.stringify([{ article: article(pick(articles)), start: i, end: i + 10 }]),
        },
      })),
    );
    await run(
      'UNWIND $rows AS row MERGE (n:Quote {id: row.id}) SET n += row.props',
      Array.from({ length: quotes }, (_, i) => ({
        id: `quote:s${i}`,
        props: {
          name: `Quote ${i}: "we will\nnot" \\ retreat`,
          text: `Quote ${i}: "we will\nnot" \\ retreat`,
          kind: 'direct',
          corroboration: neo4j.int(1 + pick(4)),
          articles: [article(pick(articles))],
        },
      })),
    );
    await run(
      'UNWIND $rows AS row MERGE (n:Article {id: row.id}) SET n += row.props',
      Array.from({ length: articles }, (_, i) => ({
        id: article(i),
        props: { name: `Article ${i}`, title: `Article ${i}`, outlet: 'BBC', date: '2024-01-01', articles: [article(i)] },
      })),
    );
    const edges = async (type: string, from: string, to: string, count: number, make: (i: number) => Record<string, unknown>) =>
      run(
        `UNWIND $rows AS row MATCH (a:${from} {id: row.source}) MATCH (b:${to} {id: row.target}) ` +
          `MERGE (a)-[r:${type} {id: row.id}]->(b) SET r += row.props`,
        Array.from({ length: count }, (_, i) => ({ id: `rel:${type}:${i}`, ...make(i) })),
      );
    const said = Math.round(rels / 10);
    const reported = Math.round((rels * 3) / 10);
    const mentioned = rels - said - reported;
    await edges('SAID', 'Person', 'Quote', said, (i) => ({
      source: `person:s${pick(people)}`,
      target: `quote:s${i % quotes}`,
      props: { contested: rand() < 0.1, articles: [article(pick(articles))] },
    }));
    await edges('REPORTED_IN', 'Quote', 'Article', reported, (i) => ({
      source: `quote:s${i % quotes}`,
      target: article(pick(articles)),
      props: { articles: [article(pick(articles))] },
    }));
    await edges('MENTIONED_IN', 'Person', 'Article', mentioned, () => ({
      source: `person:s${pick(people)}`,
      target: article(pick(articles)),
      props: { count: neo4j.int(1 + pick(5)), articles: [article(pick(articles))] },
    }));
    return { nodes: people + quotes + articles, relationships: said + reported + mentioned };
  } finally {
    await session.close();
  }
}

/** Deletes every node and relationship, in batches (an auto-commit transaction, as CALL IN TRANSACTIONS needs). */
export async function clearDatabase(driver: Driver, database?: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
}
