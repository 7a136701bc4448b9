/**
 * Every endpoint over real HTTP against the real test Neo4j holding the fixture graph (test/api-fixture.ts).
 */
import { request, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { IDS, NEVER_GIVE_UP, SCRIPT_NAME, loadApiFixture } from '../../test/api-fixture.js';
import { getJson, postCypher, rawGet, startTestServer } from '../../test/api-server.js';
import { openDriver } from '../store/connection.js';
import type { RunningServer } from './listen.js';
import type { ErrorBody } from './http-error.js';

interface Subgraph {
  attributes: Record<string, unknown>;
  options: { type: string; multi: boolean };
  nodes: Array<{ key: string; attributes: { type: string; name: string } & Record<string, unknown> }>;
  edges: Array<{
    key: string;
    source: string;
    target: string;
    attributes: { type: string } & Record<string, unknown>;
  }>;
}

const conn = inject('neo4j');
let driver: Driver;
let server: RunningServer;
let base: string;

beforeAll(async () => {
  driver = openDriver(conn);
  await loadApiFixture(driver, conn.database);
  server = await startTestServer(driver);
  base = server.url;
});

afterAll(async () => {
  await server?.close(1_000);
  await driver?.close();
});

const keys = (g: Subgraph) => g.nodes.map((n) => n.key).sort();

describe('health and stats', () => {
  it('GET /api/health reports Neo4j up and the totals', async () => {
    const res = await getJson<Record<string, unknown>>(base, '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', neo4j: 'up', nodes: 12, relationships: 21 });
  });

  it('GET /api/stats counts per label and type', async () => {
    const res = await getJson<{ nodes: Record<string, number>; relationships: Record<string, number> }>(
      base,
      '/api/stats',
    );
    expect(res.status).toBe(200);
    expect(res.body.nodes).toMatchObject({
      Person: 2,
      Country: 3,
      Place: 1,
      Organization: 1,
      Event: 1,
      Quote: 2,
      Article: 2,
    });
    expect(res.body.relationships).toMatchObject({ SAID: 3, REPORTED_IN: 3, MENTIONED_IN: 8, MEDIATED: 1 });
  });
});

describe('GET /api/search', () => {
  type Hits = { query: string; hits: Array<{ id: string; type: string; name: string; score: number }> };

  it('finds a person by surname, ranked first', async () => {
    const res = await getJson<Hits>(base, '/api/search?q=kuleba');
    expect(res.status).toBe(200);
    expect(res.body.hits[0]?.id).toBe(IDS.kuleba);
  });

  it('finds by alias, by a prefix while typing, and quote text', async () => {
    expect((await getJson<Hits>(base, '/api/search?q=T%C3%BCrkiye')).body.hits.map((h) => h.id)).toContain(
      IDS.turkey,
    );
    expect((await getJson<Hits>(base, '/api/search?q=Lavr')).body.hits[0]?.id).toBe(IDS.lavrov);
    const quote = await getJson<Hits>(base, '/api/search?q=never%20give%20up');
    expect(quote.body.hits[0]).toMatchObject({ id: IDS.neverGiveUp, type: 'Quote' });
  });

  it('filters by type (comma-separated or repeated) and limits', async () => {
    const onlyQuotes = await getJson<Hits>(base, '/api/search?q=talks&types=Quote');
    expect(onlyQuotes.body.hits.length).toBeGreaterThan(0);
    expect(onlyQuotes.body.hits.every((h) => h.type === 'Quote')).toBe(true);
    const two = await getJson<Hits>(base, '/api/search?q=talks&types=Quote&types=Event');
    expect(new Set(two.body.hits.map((h) => h.type))).toEqual(new Set(['Quote', 'Event']));
    expect((await getJson<Hits>(base, '/api/search?q=talks&limit=1')).body.hits).toHaveLength(1);
  });

  it('treats Lucene syntax as plain text', async () => {
    const res = await getJson<Hits>(base, '/api/search?q=' + encodeURIComponent('kuleba) OR name:*'));
    expect(res.status).toBe(200);
  });

  it.each([
    ['/api/search', 'missing q'],
    ['/api/search?q=', 'empty q'],
    ['/api/search?q=x&limit=1000', 'limit too high'],
    ['/api/search?q=x&types=Spaceship', 'unknown type'],
    ['/api/search?q=a&q=b', 'repeated q'],
  ])('400 for %s (%s)', async (path) => {
    const res = await getJson<ErrorBody>(base, path);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_REQUEST');
  });
});

describe('GET /api/nodes/:id', () => {
  type Details = {
    id: string;
    type: string;
    properties: Record<string, unknown>;
    provenance: Array<{
      articleId: string;
      title?: string;
      outlet?: string;
      date?: string;
      text: string;
      sentence: string;
    }>;
  };

  it('returns a person with properties and source sentences', async () => {
    const res = await getJson<Details>(base, `/api/nodes/${encodeURIComponent(IDS.kuleba)}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: IDS.kuleba,
      type: 'Person',
      properties: { name: 'Dmytro Kuleba', aliases: ['Kuleba'] },
    });
    const first = res.body.provenance.find((p) => p.text === 'Dmytro Kuleba');
    expect(first).toMatchObject({
      articleId: 'art-1',
      title: 'Talks in Istanbul',
      outlet: 'Kyiv Independent',
      date: '2024-03-01',
      sentence: 'Ukrainian Foreign Minister Dmytro Kuleba met Turkish officials in Istanbul on Friday.',
    });
  });

  it('gives a quote its sentence in each reporting article', async () => {
    const res = await getJson<Details>(base, `/api/nodes/${encodeURIComponent(IDS.neverGiveUp)}`);
    expect(res.status).toBe(200);
    expect(res.body.provenance.map((p) => p.articleId).sort()).toEqual(['art-1', 'art-2']);
    for (const p of res.body.provenance) expect(p.text).toBe(NEVER_GIVE_UP);
    expect(res.body.provenance.find((p) => p.articleId === 'art-1')?.sentence).toBe(
      '"We will never give up our land," Kuleba said.',
    );
    // The paragraph around it, with offsets, to highlight the sentence and the span in context.
    const inArticle1 = res.body.provenance.find(
      (p) => p.articleId === 'art-1',
    ) as Details['provenance'][number] & {
      start: number;
      paragraph: string;
      paragraphStart: number;
    };
    expect(inArticle1.paragraph).toBe(
      '"We will never give up our land," Kuleba said. He added that the talks would continue.',
    );
    expect(
      inArticle1.paragraph.slice(inArticle1.start - inArticle1.paragraphStart).startsWith(NEVER_GIVE_UP),
    ).toBe(true);
  });

  it('returns markup in names verbatim as JSON data, never as HTML', async () => {
    const res = await fetch(`${base}/api/nodes/${encodeURIComponent(IDS.scriptOrg)}`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const body = (await res.json()) as Details;
    expect(body.properties.name).toBe(SCRIPT_NAME);
  });

  it('404 for an unknown id, 400 for an id with control characters', async () => {
    const missing = await getJson<ErrorBody>(base, '/api/nodes/person%3Anobody');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NODE_NOT_FOUND');
    const bad = await getJson<ErrorBody>(base, '/api/nodes/person%3A%00x');
    expect(bad.status).toBe(400);
  });
});

describe('GET /api/nodes/:id/neighbors', () => {
  const path = (id: string, q = '') => `/api/nodes/${encodeURIComponent(id)}/neighbors${q}`;

  it('depth 1: the node, its direct neighbours and the edges among them, as graphology JSON', async () => {
    const res = await getJson<Subgraph>(base, path(IDS.kuleba));
    expect(res.status).toBe(200);
    expect(res.body.options).toMatchObject({ type: 'directed', multi: true });
    expect(keys(res.body)).toEqual(
      [IDS.article1, IDS.talks, IDS.kuleba, IDS.neverGiveUp, IDS.ukraine].sort(),
    );
    const said = res.body.edges.find((e) => e.attributes.type === 'SAID');
    expect(said).toMatchObject({
      source: IDS.kuleba,
      target: IDS.neverGiveUp,
      attributes: { contested: true },
    });
    for (const n of res.body.nodes) expect(typeof n.attributes.name).toBe('string');
    // Edges only between returned nodes.
    const present = new Set(keys(res.body));
    for (const e of res.body.edges) expect(present.has(e.source) && present.has(e.target)).toBe(true);
  });

  it('depth 2 reaches the other speaker of a shared quote', async () => {
    const res = await getJson<Subgraph>(base, path(IDS.kuleba, '?depth=2'));
    expect(keys(res.body)).toContain(IDS.lavrov);
    expect(res.body.attributes).toMatchObject({ center: IDS.kuleba, depth: 2, truncated: false });
  });

  it('types filter applies to every hop; limit truncates and says so', async () => {
    const quotesOnly = await getJson<Subgraph>(base, path(IDS.kuleba, '?depth=3&types=Quote,Person'));
    expect(keys(quotesOnly.body)).toEqual([IDS.kuleba, IDS.lavrov, IDS.neverGiveUp, IDS.talksFailed].sort());
    const one = await getJson<Subgraph>(base, path(IDS.kuleba, '?limit=1'));
    expect(one.body.nodes).toHaveLength(2);
    expect(one.body.attributes.truncated).toBe(true);
  });

  it('compact by default (no spans, article list with a count); detail=full gives every property', async () => {
    const compact = await getJson<Subgraph>(base, path(IDS.neverGiveUp));
    const quote = compact.body.nodes.find((n) => n.key === IDS.neverGiveUp);
    expect(quote?.attributes).toMatchObject({
      articles: ['art-1', 'art-2'],
      articleCount: 2,
      corroboration: 2,
    });
    expect(quote?.attributes).not.toHaveProperty('spans');
    expect(quote?.attributes).not.toHaveProperty('mentions');
    expect(compact.body.edges[0]?.attributes).not.toHaveProperty('spans');
    const full = await getJson<Subgraph>(base, path(IDS.neverGiveUp, '?detail=full'));
    const fullQuote = full.body.nodes.find((n) => n.key === IDS.neverGiveUp);
    expect(fullQuote?.attributes.mentions).toEqual([
      { article: 'art-1', start: expect.any(Number) as number, end: expect.any(Number) as number },
      { article: 'art-2', start: expect.any(Number) as number, end: expect.any(Number) as number },
    ]);
    expect(full.body.edges[0]?.attributes).toHaveProperty('spans');
    // The article text stays in the database either way.
    for (const n of full.body.nodes) expect(n.attributes).not.toHaveProperty('body');
    expect((await getJson(base, path(IDS.kuleba, '?detail=everything'))).status).toBe(400);
  });

  it('404 unknown node; 400 depth 0, 4 or text', async () => {
    expect((await getJson(base, path('person:nobody'))).status).toBe(404);
    for (const q of ['?depth=0', '?depth=4', '?depth=two', '?limit=-1']) {
      expect((await getJson(base, path(IDS.kuleba, q))).status).toBe(400);
    }
  });
});

describe('GET /api/graph', () => {
  it('the whole small graph by default', async () => {
    const res = await getJson<Subgraph>(base, '/api/graph');
    expect(res.status).toBe(200);
    expect(res.body.nodes).toHaveLength(12);
    expect(res.body.edges).toHaveLength(21);
  });

  it('filters by type', async () => {
    const res = await getJson<Subgraph>(base, '/api/graph?types=Person,Quote');
    expect(keys(res.body)).toEqual([IDS.kuleba, IDS.lavrov, IDS.neverGiveUp, IDS.talksFailed].sort());
    expect(res.body.edges.every((e) => e.attributes.type === 'SAID')).toBe(true);
  });

  it('filters by article date range', async () => {
    const may = await getJson<Subgraph>(base, '/api/graph?from=2024-04-01');
    expect(keys(may.body)).toEqual(
      [IDS.article2, IDS.lavrov, IDS.neverGiveUp, IDS.scriptOrg, IDS.russia, IDS.talksFailed].sort(),
    );
    const march = await getJson<Subgraph>(base, '/api/graph?from=2024-03-01&to=2024-03-01&types=Person');
    expect(keys(march.body)).toEqual([IDS.kuleba]);
  });

  it('limit keeps the most connected nodes and flags truncation', async () => {
    const res = await getJson<Subgraph>(base, '/api/graph?limit=2');
    expect(res.body.nodes).toHaveLength(2);
    expect(res.body.attributes.truncated).toBe(true);
    expect(keys(res.body)).toContain(IDS.article1);
  });

  it.each([
    '?from=2024-02-30',
    '?from=2024-05-01&to=2024-04-01',
    '?from=yesterday',
    '?limit=0',
    '?types=Nope',
  ])('400 for %s', async (q) => {
    expect((await getJson(base, `/api/graph${q}`)).status).toBe(400);
  });
});

describe('GET /api/quotes', () => {
  type Quotes = {
    quotes: Array<{
      id: string;
      text: string;
      contested: boolean;
      corroboration: number;
      speakers: Array<{ id: string; contested: boolean }>;
      sources: Array<{ articleId: string; outlet: string | null }>;
    }>;
  };

  it('lists quotes, most corroborated first, with speakers and sources', async () => {
    const res = await getJson<Quotes>(base, '/api/quotes');
    expect(res.status).toBe(200);
    expect(res.body.quotes.map((q) => q.id)).toEqual([IDS.neverGiveUp, IDS.talksFailed]);
    const first = res.body.quotes[0];
    expect(first).toMatchObject({ text: NEVER_GIVE_UP, contested: true, corroboration: 2 });
    expect(first?.speakers.map((s) => s.id).sort()).toEqual([IDS.kuleba, IDS.lavrov].sort());
    expect(first?.sources.map((s) => s.outlet)).toEqual(['Kyiv Independent', 'Reuters']);
  });

  it('filters by speaker, contested and minimum sources', async () => {
    const ids = async (q: string) =>
      (await getJson<Quotes>(base, `/api/quotes${q}`)).body.quotes.map((x) => x.id);
    expect(await ids(`?speaker=${encodeURIComponent(IDS.kuleba)}`)).toEqual([IDS.neverGiveUp]);
    expect(await ids(`?speaker=${encodeURIComponent(IDS.lavrov)}`)).toEqual([
      IDS.neverGiveUp,
      IDS.talksFailed,
    ]);
    expect(await ids('?contested=false')).toEqual([IDS.talksFailed]);
    expect(await ids('?contested=true')).toEqual([IDS.neverGiveUp]);
    expect(await ids('?minSources=2')).toEqual([IDS.neverGiveUp]);
  });

  it.each(['?contested=maybe', '?minSources=-1', '?limit=100000'])('400 for %s', async (q) => {
    expect((await getJson(base, `/api/quotes${q}`)).status).toBe(400);
  });
});

describe('POST /api/cypher', () => {
  type Result = {
    columns: string[];
    rows: Array<Record<string, unknown>>;
    truncated: boolean;
    graph?: Subgraph;
  };

  it('returns rows and a subgraph for nodes and relationships', async () => {
    const res = await postCypher<Result>(base, {
      query: 'MATCH (p:Person)-[s:SAID]->(q:Quote) WHERE p.name = $name RETURN p, s, q ORDER BY q.id',
      params: { name: 'Sergei Lavrov' },
    });
    expect(res.status).toBe(200);
    expect(res.body.columns).toEqual(['p', 's', 'q']);
    expect(res.body.rows).toHaveLength(2);
    expect(res.body.truncated).toBe(false);
    expect(keys(res.body.graph as Subgraph)).toEqual([IDS.lavrov, IDS.neverGiveUp, IDS.talksFailed].sort());
    expect(res.body.graph?.edges.map((e) => e.attributes.type)).toEqual(['SAID', 'SAID']);
  });

  it('plain values give rows and no graph; integer params work for LIMIT', async () => {
    const res = await postCypher<Result>(base, {
      query: 'MATCH (n:Person) RETURN n.name AS name ORDER BY name LIMIT $n',
      params: { n: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([{ name: 'Dmytro Kuleba' }]);
    expect(res.body.graph).toBeUndefined();
  });

  it('relationships alone still come with their end nodes', async () => {
    const res = await postCypher<Result>(base, { query: 'MATCH ()-[r:MEDIATED]->() RETURN r' });
    expect(keys(res.body.graph as Subgraph)).toEqual([IDS.talks, IDS.turkey].sort());
    expect(res.body.graph?.edges).toHaveLength(1);
  });

  it('paths become subgraphs', async () => {
    const res = await postCypher<Result>(base, {
      query: 'MATCH p = (:Person {name: "Dmytro Kuleba"})-[:SAID]->(:Quote)<-[:SAID]-(:Person) RETURN p',
    });
    expect(keys(res.body.graph as Subgraph)).toEqual([IDS.kuleba, IDS.lavrov, IDS.neverGiveUp].sort());
  });

  it('cuts at the row limit and flags it', async () => {
    const res = await postCypher<Result>(base, { query: 'UNWIND range(1, 1000) AS x RETURN x' });
    expect(res.status).toBe(200);
    expect(res.body.rows).toHaveLength(20);
    expect(res.body.truncated).toBe(true);
    const empty = await postCypher<Result>(base, { query: 'MATCH (n:Nothing) RETURN n.x AS x' });
    expect(empty.body).toMatchObject({ columns: ['x'], rows: [], truncated: false });
  });

  it('a syntax error is a clean 400 without a stack', async () => {
    const res = await postCypher<ErrorBody>(base, { query: 'MATCH (n RETURN n' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('CYPHER_INVALID');
    expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(?:js|ts):\d+/);
  });

  it('runs every saved query of graph/queries through the guard', async () => {
    const saved = await getJson<{
      queries: Array<{ name: string; cypher: string; params: Array<{ name: string }> }>;
    }>(base, '/api/queries');
    expect(saved.status).toBe(200);
    expect(saved.body.queries.length).toBeGreaterThanOrEqual(6);
    const values: Record<string, unknown> = { name: 'Kuleba', about: null, limit: null, minSources: null };
    for (const q of saved.body.queries) {
      const params = Object.fromEntries(q.params.map((p) => [p.name, values[p.name] ?? null]));
      const res = await postCypher<Result>(base, { query: q.cypher, params });
      expect(res.status, `${q.name}: ${JSON.stringify(res.body)}`).toBe(200);
    }
  });
});

describe('HTTP behaviour', () => {
  it('serves the OpenAPI 3.1 document covering every endpoint', async () => {
    const res = await getJson<{ openapi: string; paths: Record<string, unknown> }>(base, '/api/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths).sort()).toEqual(
      [
        '/api/cypher',
        '/api/export',
        '/api/graph',
        '/api/health',
        '/api/nodes/{id}',
        '/api/nodes/{id}/neighbors',
        '/api/queries',
        '/api/quotes',
        '/api/search',
        '/api/stats',
      ].sort(),
    );
  });

  it('sets a strict CSP and the other security headers', async () => {
    const res = await fetch(`${base}/api/stats`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('compresses large answers and revalidates with ETags', async () => {
    const res = await fetch(`${base}/api/graph`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^(W\/)?"[^"]+"$/);
    const again = await rawGet(`${base}/api/stats`);
    expect(again.headers['cache-control']).toBe('no-cache');
    const notModified = await rawGet(`${base}/api/stats`, { 'if-none-match': String(again.headers.etag) });
    expect(notModified.status).toBe(304);
  });

  it('answers unknown API paths with JSON 404', async () => {
    const res = await getJson<ErrorBody>(base, '/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('answers /api/export without a format with a JSON 400 (the exporters own the rest)', async () => {
    const res = await getJson<ErrorBody>(base, '/api/export');
    expect(res.status).toBe(400);
    expect(typeof res.body.error.code).toBe('string');
  });
});

describe('the viewer', () => {
  it('serves index.html (revalidated), hashed assets (immutable) and falls back to index.html', async () => {
    const index = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>speakergraph</title>');
    const etag = index.headers.get('etag') ?? '';
    expect((await rawGet(`${base}/`, { accept: 'text/html', 'if-none-match': etag })).status).toBe(304);
    const asset = await fetch(`${base}/assets/app-1a2b3c.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const deep = await fetch(`${base}/node/person:x?depth=2`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>speakergraph</title>');
  });

  it('says so in JSON when the viewer is not built', async () => {
    const bare = await startTestServer(driver, {}, '/nonexistent/web/dist');
    try {
      const res = await getJson<ErrorBody>(bare.url, '/');
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('VIEWER_NOT_BUILT');
    } finally {
      await bare.close(1_000);
    }
  });
});

describe('Neo4j down', () => {
  it('health answers 503 in JSON at once, without the database address', async () => {
    const deadDriver = openDriver({ ...conn, uri: 'bolt://127.0.0.1:1' });
    const dead = await startTestServer(deadDriver);
    try {
      const started = Date.now();
      const res = await getJson<ErrorBody>(dead.url, '/api/health');
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('NEO4J_UNAVAILABLE');
      expect(res.body.error.message).not.toContain('127.0.0.1:1');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await dead.close(1_000);
      await deadDriver.close();
    }
  });
});

describe('rate limits', () => {
  it('answers 429 in JSON past the per-minute limit on search and cypher', async () => {
    const limited = await startTestServer(driver, {
      rateLimitSearchPerMinute: 2,
      rateLimitCypherPerMinute: 1,
    });
    try {
      expect((await getJson(limited.url, '/api/search?q=kuleba')).status).toBe(200);
      expect((await getJson(limited.url, '/api/search?q=kuleba')).status).toBe(200);
      const third = await getJson<ErrorBody>(limited.url, '/api/search?q=kuleba');
      expect(third.status).toBe(429);
      expect(third.body.error.code).toBe('RATE_LIMITED');
      expect((await postCypher(limited.url, { query: 'RETURN 1 AS x' })).status).toBe(200);
      expect((await postCypher(limited.url, { query: 'RETURN 1 AS x' })).status).toBe(429);
      // Other endpoints are not limited.
      expect((await getJson(limited.url, '/api/stats')).status).toBe(200);
    } finally {
      await limited.close(1_000);
    }
  });
});

function rawGetBytes(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('response cache', () => {
  const neighbours = `/api/nodes/${encodeURIComponent(IDS.kuleba)}/neighbors?depth=1`;
  const details = `/api/nodes/${encodeURIComponent(IDS.kuleba)}`;
  const write = async (query: string) => {
    await driver.executeQuery(query, { k: IDS.kuleba }, { database: conn.database });
  };

  it('answers a repeated read from the cache: same body and ETag, 304 on revalidation', async () => {
    const first = await rawGet(`${base}${neighbours}&limit=7`);
    const second = await rawGet(`${base}${neighbours}&limit=7`);
    expect(first.status).toBe(200);
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    const notModified = await rawGet(`${base}${neighbours}&limit=7`, {
      'if-none-match': String(first.headers.etag),
    });
    expect(notModified.status).toBe(304);
    // A client accepting gzip gets the cached body gzipped (once), with the same ETag.
    const zipped = await rawGetBytes(`${base}${neighbours}&limit=7`, {
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(zipped.headers['x-cache']).toBe('hit');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('Accept-Encoding');
    expect(zipped.headers.etag).toBe(first.headers.etag);
    expect(gunzipSync(zipped.body).toString('utf8')).toBe(first.body);
    // Errors are never cached: a 404 stays a 404 without an X-Cache header.
    const missing = await rawGet(`${base}/api/nodes/person%3Anobody`);
    expect(missing.status).toBe(404);
    expect(missing.headers['x-cache']).toBeUndefined();
  });

  it('is invalidated by any commit to the graph: new nodes, changed and restored properties', async () => {
    const before = await getJson<Subgraph>(base, neighbours);
    expect((await rawGet(`${base}${neighbours}`)).headers['x-cache']).toBe('hit');
    const name = (await getJson<{ properties: { name: string } }>(base, details)).body.properties.name;
    expect((await rawGet(`${base}${details}`)).headers['x-cache']).toBe('hit');
    try {
      await write(
        "MATCH (k:Person {id: $k}) CREATE (p:Person {id: 'person:cache-probe', name: 'Cache Probe'})-[:NATIONAL_OF {id: 'rel:cache-probe'}]->(k) " +
          "SET k.name = 'Dmytro Kuleba (renamed)'",
      );
      const after = await getJson<Subgraph>(base, neighbours);
      expect(after.headers.get('x-cache')).toBe('miss');
      expect(keys(after.body)).toEqual([...keys(before.body), 'person:cache-probe'].sort());
      expect((await getJson<{ properties: { name: string } }>(base, details)).body.properties.name).toBe(
        'Dmytro Kuleba (renamed)',
      );
      expect((await rawGet(`${base}${details}`)).headers['x-cache']).toBe('hit');
    } finally {
      await write(
        `MATCH (p:Person {id: 'person:cache-probe'}) DETACH DELETE p WITH count(*) AS c MATCH (k:Person {id: $k}) SET k.name = ${JSON.stringify(name)}`,
      );
    }
    const restored = await getJson<Subgraph>(base, neighbours);
    expect(restored.headers.get('x-cache')).toBe('miss');
    expect(restored.body.nodes).toEqual(before.body.nodes);
    const byKey = (g: Subgraph) => [...g.edges].sort((x, y) => x.key.localeCompare(y.key));
    expect(byKey(restored.body)).toEqual(byKey(before.body));
    expect((await getJson<{ properties: { name: string } }>(base, details)).body.properties.name).toBe(name);
  });

  it('never caches search: a name committed after a search is found once the index has caught up', async () => {
    const search = `${base}/api/search?q=Zephyrine`;
    const first = await rawGet(search);
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBeUndefined();
    expect((JSON.parse(first.body) as { hits: unknown[] }).hits).toEqual([]);
    try {
      await write("CREATE (:Person {id: 'person:search-probe', name: 'Zephyrine Quabble'})");
      await driver.executeQuery(
        'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()',
        {},
        { database: conn.database },
      );
      const after = JSON.parse((await rawGet(search)).body) as { hits: { id: string }[] };
      expect(after.hits.map((h) => h.id)).toContain('person:search-probe');
    } finally {
      await write("MATCH (p:Person {id: 'person:search-probe'}) DETACH DELETE p");
    }
  });

  it('the neighbour snapshot follows the graph version: a commit sends expansion back to Neo4j until it is rebuilt', async () => {
    const uncached = await startTestServer(driver, { apiCacheMegabytes: 0 });
    const fromMemory = async (expectKey?: string) => {
      for (let i = 0; i < 400; i++) {
        const res = await getJson<Subgraph>(uncached.url, neighbours);
        expect(res.status).toBe(200);
        if (res.headers.get('x-neighbours') === 'memory') return res.body;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`never answered from memory${expectKey ? ` with ${expectKey}` : ''}`);
    };
    try {
      const before = await fromMemory();
      expect(keys(before)).not.toContain('person:snapshot-probe');
      try {
        await write(
          "MATCH (k:Person {id: $k}) CREATE (p:Person {id: 'person:snapshot-probe', name: 'Snapshot Probe'})-[:NATIONAL_OF {id: 'rel:snapshot-probe'}]->(k)",
        );
        // The first answer after the commit cannot come from the old snapshot.
        const next = await getJson<Subgraph>(uncached.url, neighbours);
        expect(next.headers.get('x-neighbours')).toBe('neo4j');
        expect(keys(next.body)).toContain('person:snapshot-probe');
        // Rebuilt in the background at the new version, it has the new node.
        expect(keys(await fromMemory('the probe'))).toContain('person:snapshot-probe');
      } finally {
        await write("MATCH (p:Person {id: 'person:snapshot-probe'}) DETACH DELETE p");
      }
      expect(keys(await fromMemory())).toEqual(keys(before));
    } finally {
      await uncached.close(1_000);
    }
  });

  it('can be turned off: every answer is computed', async () => {
    const uncached = await startTestServer(driver, { apiCacheMegabytes: 0 });
    try {
      for (let i = 0; i < 2; i++) {
        const res = await rawGet(`${uncached.url}${neighbours}`);
        expect(res.status).toBe(200);
        expect(res.headers['x-cache']).toBe('off');
      }
    } finally {
      await uncached.close(1_000);
    }
  });
});
