/**
 * The API on the real sample corpus (graph/articles) ingested by the real pipeline: what a user sees
 * after `npm start`. Assertions are about the shape and the links between endpoints (a quote found in the
 * listing has a speaker that search finds, whose neighbourhood holds the quote, whose provenance quotes
 * the article), not about extraction quality, which the extraction tests cover.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { getJson, postCypher, startTestServer } from '../../test/api-server.js';
import { PROJECT_ROOT } from '../config.js';
import type { ArticleInput } from '../extract/types.js';
import { readArticles } from '../input/read-articles.js';
import { openDriver } from '../store/connection.js';
import { defaultPipeline, ingestArticles } from '../store/ingest.js';
import type { RunningServer } from './listen.js';

interface Subgraph {
  nodes: Array<{ key: string; attributes: { type: string; name: string } }>;
  edges: Array<{ source: string; target: string; attributes: { type: string } }>;
}
interface QuoteListing {
  id: string;
  text: string;
  speakers: Array<{ id: string; name: string; type: string }>;
  sources: Array<{ articleId: string }>;
}

const conn = inject('neo4j');
let driver: Driver;
let server: RunningServer;
let base: string;

beforeAll(async () => {
  driver = openDriver(conn);
  const session = driver.session({ database: conn.database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
  const articles: ArticleInput[] = [];
  for await (const a of readArticles([join(PROJECT_ROOT, 'graph', 'articles')], () => undefined)) articles.push(a);
  const summary = await ingestArticles(driver, articles, { pipeline: defaultPipeline, database: conn.database });
  expect(summary.articlesFailed).toBe(0);
  server = await startTestServer(driver);
  base = server.url;
});

afterAll(async () => {
  await server?.close(1_000);
  await driver?.close();
});

describe('the API on the sample corpus', () => {
  it('counts the five articles and a graph around them', async () => {
    const stats = await getJson<{ nodes: Record<string, number>; totalRelationships: number }>(base, '/api/stats');
    expect(stats.body.nodes.Article).toBe(5);
    expect(stats.body.nodes.Person).toBeGreaterThan(0);
    expect(stats.body.nodes.Quote).toBeGreaterThan(0);
    expect(stats.body.totalRelationships).toBeGreaterThan(0);
  });

  it('follows one quote through quotes, search, neighbours and node provenance', async () => {
    const listing = await getJson<{ quotes: QuoteListing[] }>(base, '/api/quotes?limit=50');
    const quote = listing.body.quotes.find((q) => q.speakers.some((s) => s.type === 'Person'));
    expect(quote).toBeDefined();
    const speaker = quote?.speakers.find((s) => s.type === 'Person');
    if (!quote || !speaker) return;

    const hits = await getJson<{ hits: Array<{ id: string }> }>(base, `/api/search?q=${encodeURIComponent(speaker.name)}&types=Person`);
    expect(hits.body.hits.map((h) => h.id)).toContain(speaker.id);

    const around = await getJson<Subgraph>(base, `/api/nodes/${encodeURIComponent(speaker.id)}/neighbors?limit=500`);
    expect(around.body.nodes.map((n) => n.key)).toContain(quote.id);
    expect(around.body.edges).toContainEqual(
      expect.objectContaining({ source: speaker.id, target: quote.id, attributes: expect.objectContaining({ type: 'SAID' }) }),
    );

    const details = await getJson<{ provenance: Array<{ articleId: string; text: string; sentence: string }> }>(
      base,
      `/api/nodes/${encodeURIComponent(quote.id)}`,
    );
    expect(details.body.provenance.length).toBeGreaterThan(0);
    for (const p of details.body.provenance) expect(p.sentence).toContain(p.text);
    expect(details.body.provenance.map((p) => p.articleId)).toContain(quote.sources[0]?.articleId);
  });

  it('draws an overview and filters it by type', async () => {
    const all = await getJson<Subgraph>(base, '/api/graph?limit=200');
    expect(all.body.nodes.length).toBeGreaterThan(10);
    const people = await getJson<Subgraph>(base, '/api/graph?types=Person,Country');
    expect(people.body.nodes.every((n) => ['Person', 'Country'].includes(n.attributes.type))).toBe(true);
  });

  it('runs every saved query', async () => {
    const saved = await getJson<{ queries: Array<{ name: string; cypher: string; params: Array<{ name: string }> }> }>(
      base,
      '/api/queries',
    );
    const values: Record<string, unknown> = { name: 'Kuleba', about: null, limit: 20, minSources: 2 };
    for (const q of saved.body.queries) {
      const params = Object.fromEntries(q.params.map((p) => [p.name, values[p.name] ?? null]));
      const res = await postCypher<{ rows: unknown[] }>(base, { query: q.cypher, params });
      expect(res.status, `${q.name}: ${JSON.stringify(res.body)}`).toBe(200);
    }
  });
});
