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
  for await (const a of readArticles([join(PROJECT_ROOT, 'graph', 'articles')], () => undefined))
    articles.push(a);
  const summary = await ingestArticles(driver, articles, {
    pipeline: defaultPipeline,
    database: conn.database,
  });
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
    const stats = await getJson<{ nodes: Record<string, number>; totalRelationships: number }>(
      base,
      '/api/stats',
    );
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

    const hits = await getJson<{ hits: Array<{ id: string }> }>(
      base,
      `/api/search?q=${encodeURIComponent(speaker.name)}&types=Person`,
    );
    expect(hits.body.hits.map((h) => h.id)).toContain(speaker.id);

    const around = await getJson<Subgraph>(
      base,
      `/api/nodes/${encodeURIComponent(speaker.id)}/neighbors?limit=500`,
    );
    expect(around.body.nodes.map((n) => n.key)).toContain(quote.id);
    expect(around.body.edges).toContainEqual(
      expect.objectContaining({
        source: speaker.id,
        target: quote.id,
        attributes: expect.objectContaining({ type: 'SAID' }),
      }),
    );

    const details = await getJson<{
      provenance: Array<{ articleId: string; text: string; sentence: string }>;
    }>(base, `/api/nodes/${encodeURIComponent(quote.id)}`);
    expect(details.body.provenance.length).toBeGreaterThan(0);
    for (const p of details.body.provenance) expect(p.sentence).toContain(p.text);
    expect(details.body.provenance.map((p) => p.articleId)).toContain(quote.sources[0]?.articleId);
  });

  it('says to whom and where quotes were said, pointing at nodes of the right types', async () => {
    interface Link {
      id: string;
      type: string;
      name: string;
    }
    const listing = await getJson<{
      quotes: Array<QuoteListing & { addressees: Link[]; settings: Link[]; audience: string[] }>;
    }>(base, '/api/quotes?limit=500');
    const addressees = listing.body.quotes.flatMap((q) => q.addressees);
    const settings = listing.body.quotes.flatMap((q) => q.settings);
    expect(addressees.length).toBeGreaterThan(0);
    expect(settings.length).toBeGreaterThan(0);
    expect(listing.body.quotes.some((q) => q.audience.length > 0)).toBe(true);
    for (const [links, types] of [
      [addressees, ['Person', 'Organization', 'Country']],
      [settings, ['Place', 'Country', 'Event']],
    ] as const) {
      for (const link of links) {
        expect(types).toContain(link.type);
        const node = await getJson<{ type: string; properties: { name: string } }>(
          base,
          `/api/nodes/${encodeURIComponent(link.id)}`,
        );
        expect(node.status).toBe(200);
        expect([node.body.type, node.body.properties.name]).toEqual([link.type, link.name]);
      }
    }
  });

  it('draws an overview and filters it by type', async () => {
    const all = await getJson<Subgraph>(base, '/api/graph?limit=200');
    expect(all.body.nodes.length).toBeGreaterThan(10);
    const people = await getJson<Subgraph>(base, '/api/graph?types=Person,Country');
    expect(people.body.nodes.every((n) => ['Person', 'Country'].includes(n.attributes.type))).toBe(true);
  });

  it('runs every saved query', async () => {
    const saved = await getJson<{
      queries: Array<{ name: string; cypher: string; params: Array<{ name: string }> }>;
    }>(base, '/api/queries');
    const values: Record<string, unknown> = { name: 'Kuleba', about: null, limit: 20, minSources: 2 };
    for (const q of saved.body.queries) {
      const params = Object.fromEntries(q.params.map((p) => [p.name, values[p.name] ?? null]));
      const res = await postCypher<{ rows: unknown[] }>(base, { query: q.cypher, params });
      expect(res.status, `${q.name}: ${JSON.stringify(res.body)}`).toBe(200);
    }
  });
});

describe('neighbour expansion from the in-memory snapshot on the sample corpus', () => {
  it('answers every node exactly as the Neo4j query does, at depth 1 and 2, with and without a small limit', async () => {
    // Cache off on both, so every answer is computed; one server with the snapshot, one without.
    const memory = await startTestServer(driver, { apiCacheMegabytes: 0 });
    const neo4j = await startTestServer(driver, { apiCacheMegabytes: 0, apiNeighbourIndexRows: 0 });
    try {
      const ids = (
        await driver.executeQuery('MATCH (n) RETURN n.id AS id ORDER BY id', {}, { database: conn.database })
      ).records.map((r) => r.get('id') as string);
      expect(ids.length).toBeGreaterThan(50);
      const path = (id: string, q: string) => `/api/nodes/${encodeURIComponent(id)}/neighbors?${q}`;
      // The first request starts the snapshot load; wait until answers come from it.
      let source: string | null = null;
      for (let i = 0; i < 400 && source !== 'memory'; i++) {
        source = (await getJson(memory.url, path(ids[0] as string, 'depth=1'))).headers.get('x-neighbours');
        if (source !== 'memory') await new Promise((r) => setTimeout(r, 50));
      }
      expect(source).toBe('memory');
      const sorted = (g: Subgraph) => ({
        ...g,
        edges: [...g.edges].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
      });
      for (const id of ids) {
        for (const q of ['depth=1', 'depth=2&limit=5', 'depth=2&types=Person&types=Quote&limit=20']) {
          const a = await getJson<Subgraph>(memory.url, path(id, q));
          const b = await getJson<Subgraph>(neo4j.url, path(id, q));
          expect(a.status).toBe(200);
          expect(a.headers.get('x-neighbours')).toBe('memory');
          expect(b.headers.get('x-neighbours')).toBe('neo4j');
          expect(sorted(a.body), `${id} ${q}`).toEqual(sorted(b.body));
        }
      }
    } finally {
      await memory.close(1_000);
      await neo4j.close(1_000);
    }
  });
});
