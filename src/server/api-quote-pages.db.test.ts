/**
 * Paging through a speaker's quotes (`offset` on /api/quotes), in the store and over real HTTP, against the
 * real test Neo4j holding a prolific speaker (test/quote-pages-fixture.ts): pages are disjoint, together
 * they are the whole listing in its order, the last one says no more follow, and bad offsets are a 400.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import {
  OTHER_QUOTE_COUNT,
  PAGE_IDS,
  QUOTE_COUNT,
  loadQuotePagesFixture,
} from '../../test/quote-pages-fixture.js';
import { getJson, startTestServer } from '../../test/api-server.js';
import { openDriver } from '../store/connection.js';
import { createGraphReads, type GraphReads, type QuoteFilter } from '../store/graph-reads.js';
import type { RunningServer } from './listen.js';
import type { ErrorBody } from './http-error.js';

interface Page {
  quotes: Array<{ id: string; corroboration: number; speakers: Array<{ id: string }> }>;
  hasMore: boolean;
  nextOffset: number | null;
}

const conn = inject('neo4j');
let driver: Driver;
let server: RunningServer;
let base: string;
let reads: GraphReads;

beforeAll(async () => {
  driver = openDriver(conn);
  await loadQuotePagesFixture(driver, conn.database);
  reads = createGraphReads(driver, { database: conn.database, cypher: { timeoutMs: 2_000, maxRows: 20 } });
  server = await startTestServer(driver);
  base = server.url;
});

afterAll(async () => {
  await server?.close(1_000);
  await driver?.close();
});

const speaker = `speaker=${encodeURIComponent(PAGE_IDS.prolific)}`;

async function page(query: string): Promise<Page> {
  const res = await getJson<Page>(base, `/api/quotes?${query}`);
  expect(res.status, query).toBe(200);
  return res.body;
}

/** Follows nextOffset from 0 until the API says no more follow; a runaway loop fails instead of hanging. */
async function allPages(query: string, limit: number): Promise<Page[]> {
  const pages: Page[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    if (pages.length > QUOTE_COUNT + 1) throw new Error(`more pages than quotes for ${query}&limit=${limit}`);
    const next: Page = await page(`${query}&limit=${limit}&offset=${offset}`);
    pages.push(next);
    offset = next.nextOffset;
  }
  return pages;
}

describe('GraphReads.quotes with an offset', () => {
  const filter: QuoteFilter = { speaker: PAGE_IDS.prolific, limit: 500 };

  it('reads the whole listing in one page when it fits, with no more to follow', async () => {
    const all = await reads.quotes(filter);
    expect(all.quotes).toHaveLength(QUOTE_COUNT);
    expect(all).toMatchObject({ hasMore: false, nextOffset: null });
    // Most corroborated first, then by id: the order pages are cut from.
    const keys = all.quotes.map((q) => [-q.corroboration, q.id] as const);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)));
  });

  it('cuts pages of the listing at offset, saying whether more follow', async () => {
    const all = (await reads.quotes(filter)).quotes.map((q) => q.id);
    const second = await reads.quotes({ ...filter, limit: 5, offset: 5 });
    expect(second.quotes.map((q) => q.id)).toEqual(all.slice(5, 10));
    expect(second).toMatchObject({ hasMore: true, nextOffset: 10 });
    const last = await reads.quotes({ ...filter, limit: 5, offset: 20 });
    expect(last.quotes.map((q) => q.id)).toEqual(all.slice(20));
    expect(last).toMatchObject({ hasMore: false, nextOffset: null });
    // A page that ends exactly at the last quote has none after it.
    expect(await reads.quotes({ ...filter, limit: 3, offset: QUOTE_COUNT - 3 })).toMatchObject({
      hasMore: false,
      nextOffset: null,
    });
  });
});

describe('GET /api/quotes?offset=', () => {
  it('pages a prolific speaker into disjoint pages whose union is the full listing, in order', async () => {
    const full = await page(`${speaker}&limit=500`);
    const ids = full.quotes.map((q) => q.id);
    expect(ids).toHaveLength(QUOTE_COUNT);
    expect(full).toMatchObject({ hasMore: false, nextOffset: null });
    for (const limit of [1, 4, 10, QUOTE_COUNT]) {
      const pages = await allPages(speaker, limit);
      expect(pages).toHaveLength(Math.ceil(QUOTE_COUNT / limit));
      const paged = pages.flatMap((p) => p.quotes.map((q) => q.id));
      expect(new Set(paged).size, `limit ${limit}: a quote on two pages`).toBe(paged.length);
      expect(paged, `limit ${limit}`).toEqual(ids);
      // Every page but the last is full and says more follow.
      for (const p of pages.slice(0, -1)) expect(p).toMatchObject({ hasMore: true });
      for (const p of pages.slice(0, -1)) expect(p.quotes).toHaveLength(limit);
      expect(pages.at(-1)).toMatchObject({ hasMore: false, nextOffset: null });
      expect(
        pages.every((p) => p.quotes.every((q) => q.speakers.some((s) => s.id === PAGE_IDS.prolific))),
      ).toBe(true);
    }
  });

  it('pages within the other filters too', async () => {
    const filtered = `${speaker}&minSources=2`;
    const full = (await page(`${filtered}&limit=500`)).quotes.map((q) => q.id);
    expect(full.length).toBeGreaterThan(4);
    expect(full.length).toBeLessThan(QUOTE_COUNT);
    const paged = (await allPages(filtered, 4)).flatMap((p) => p.quotes.map((q) => q.id));
    expect(paged).toEqual(full);
    // Without a speaker the listing holds both speakers' quotes, paged the same way.
    const everyone = (await allPages('minSources=0', 7)).flatMap((p) => p.quotes.map((q) => q.id));
    expect(everyone).toEqual((await page('limit=500')).quotes.map((q) => q.id));
    expect(everyone).toHaveLength(QUOTE_COUNT + OTHER_QUOTE_COUNT);
  });

  it.each([QUOTE_COUNT, QUOTE_COUNT + 1, 1_000_000])(
    'offset %i, at or beyond the end, is an empty last page',
    async (offset) => {
      expect(await page(`${speaker}&limit=10&offset=${offset}`)).toEqual({
        quotes: [],
        hasMore: false,
        nextOffset: null,
      });
    },
  );

  it('defaults to offset 0, so clients that never page get the same answer as before', async () => {
    const first = await page(`${speaker}&limit=5`);
    expect(first).toEqual(await page(`${speaker}&limit=5&offset=0`));
    expect(first).toMatchObject({ hasMore: true, nextOffset: 5 });
  });

  it.each([
    ['negative', '-1'],
    ['a fraction', '1.5'],
    ['past the maximum', '1000001'],
    ['huge', '1e300'],
    ['not a number', 'ten'],
    ['infinite', 'Infinity'],
    ['repeated', '0&offset=5'],
  ])('400 for an offset that is %s', async (_what, value) => {
    const res = await getJson<ErrorBody>(base, `/api/quotes?${speaker}&offset=${value}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_REQUEST');
    expect(res.body.error.message).toMatch(/^invalid quote filters: offset: /);
  });
});
