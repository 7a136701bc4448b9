import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import graphology from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../config.js';
import type { ArticleInput, DocumentExtraction, EntityRecord, QuoteRecord } from '../extract/types.js';
import { openDriver } from './connection.js';
import { defaultPipeline, ingestArticles, type IngestPipeline } from './ingest.js';
import { contentHash } from './properties.js';
import { countGraph, getNode, graphChecksum, neighbourhood, searchNodes } from './read.js';

const { MultiDirectedGraph } = graphology;

/**
 * A tiny, fully predictable pipeline: each line "Speaker: words" is a quote by that speaker. It lets the
 * tests assert exactly which facts an article change must remove or keep.
 */
const linePipeline: IngestPipeline = {
  extract(input: ArticleInput): DocumentExtraction {
    const entities: EntityRecord[] = [];
    const quotes: QuoteRecord[] = [];
    let offset = 0;
    for (const line of input.text.split('\n')) {
      const m = /^(\w[\w ]*): (.+)$/.exec(line);
      if (m) {
        const localId = `e${entities.length}`;
        entities.push({
          localId,
          type: 'Person',
          name: m[1] as string,
          aliases: [],
          mentions: [{ start: offset, end: offset + (m[1] as string).length }],
        });
        const start = offset + (m[1] as string).length + 2;
        const span = { start, end: start + (m[2] as string).length };
        quotes.push({
          localId: `q${quotes.length}`,
          kind: 'direct',
          text: m[2] as string,
          span,
          speaker: localId,
          sentenceSpan: span,
        });
      }
      offset += line.length + 1;
    }
    return { article: { id: input.id }, text: input.text, sentences: [], entities, events: [], quotes };
  },
  buildGraph(docs: DocumentExtraction[]): AbstractGraph {
    const g = new MultiDirectedGraph();
    const addTo = (attrs: Record<string, unknown>, article: string) => {
      const list = new Set(attrs.articles as string[]);
      list.add(article);
      return [...list].sort();
    };
    for (const doc of docs) {
      const id = doc.article.id;
      g.addNode(`article:${id}`, { type: 'Article', name: id, articleId: id, articles: [id], spans: [] });
      for (const q of doc.quotes) {
        const speaker = doc.entities.find((e) => e.localId === q.speaker) as EntityRecord;
        const p = `person:${speaker.name}`;
        const k = `quote:${contentHash(q.text)}`;
        g.mergeNode(p, { type: 'Person', name: speaker.name, aliases: [] });
        g.updateNodeAttribute(p, 'articles', (a: string[] | undefined) => addTo({ articles: a ?? [] }, id));
        g.mergeNode(k, { type: 'Quote', name: q.text, text: q.text, kind: q.kind });
        g.updateNodeAttribute(k, 'articles', (a: string[] | undefined) => addTo({ articles: a ?? [] }, id));
        g.setNodeAttribute(k, 'corroboration', (g.getNodeAttribute(k, 'articles') as string[]).length);
        const said = `SAID|${p}|${k}`;
        if (!g.hasEdge(said)) g.addEdgeWithKey(said, p, k, { type: 'SAID', articles: [] });
        g.updateEdgeAttribute(said, 'articles', (a: string[] | undefined) =>
          addTo({ articles: a ?? [] }, id),
        );
        g.addEdgeWithKey(`REPORTED_IN|${k}|${id}`, k, `article:${id}`, {
          type: 'REPORTED_IN',
          articles: [id],
        });
      }
    }
    return g;
  },
};

function sampleArticles(): ArticleInput[] {
  const dir = join(PROJECT_ROOT, 'graph', 'articles');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(dir, f), 'utf8') }));
}

describe('ingest against the real Neo4j', () => {
  let driver: Driver;
  const clear = () => driver.executeQuery('MATCH (n) DETACH DELETE n');
  beforeAll(async () => {
    driver = openDriver(inject('neo4j'));
  });
  beforeEach(clear);
  afterAll(async () => {
    await clear();
    await driver.close();
  });

  describe('with a predictable line pipeline', () => {
    const a = { id: 'A', text: 'Alice: hello there\nBob: we agree' };
    const b = { id: 'B', text: 'Bob: we agree\nCarol: maybe' };
    const ingest = (inputs: ArticleInput[]) =>
      ingestArticles(driver, inputs, { pipeline: linePipeline, batchSize: 3 });

    it('a changed article replaces its own facts: facts only it supported go, shared facts lose that source', async () => {
      await ingest([a, b]);
      const shared = `quote:${contentHash('we agree')}`;
      expect((await getNode(driver, shared))?.properties).toMatchObject({
        articles: ['A', 'B'],
        corroboration: 2,
      });

      const changed = { id: 'A', text: 'Alice: goodbye' };
      const summary = await ingest([changed]);
      expect(summary).toMatchObject({ articlesChanged: 1, articlesNew: 0, articlesStored: 2 });
      expect(await getNode(driver, `quote:${contentHash('hello there')}`)).toBeUndefined();
      expect((await getNode(driver, shared))?.properties).toMatchObject({
        articles: ['B'],
        corroboration: 1,
      });
      const { records } = await driver.executeQuery(
        'MATCH (:Person {id: "person:Bob"})-[s:SAID]->(:Quote {id: $q}) RETURN s.articles AS a',
        { q: shared },
      );
      expect(records.map((r) => r.get('a'))).toEqual([['B']]);
      expect(await getNode(driver, `quote:${contentHash('goodbye')}`)).toBeDefined();

      // And the result is exactly a clean ingest of the new version.
      const afterChange = await graphChecksum(driver);
      await clear();
      await ingest([changed, b]);
      expect(await graphChecksum(driver)).toBe(afterChange);
    });

    it('skips unchanged articles and reports duplicates in one input', async () => {
      await ingest([a]);
      const summary = await ingest([a, b, { ...b, text: 'Dan: other' }]);
      expect(summary).toMatchObject({ articlesSkipped: 1, articlesNew: 1, articlesFailed: 1 });
      expect(summary.failures[0]?.message).toMatch(/duplicate/);
    });

    it('reports an article whose extraction throws and writes the others', async () => {
      const failing: IngestPipeline = {
        ...linePipeline,
        extract: (input) => {
          if (input.id === 'B') throw new Error('boom');
          return linePipeline.extract(input);
        },
      };
      const summary = await ingestArticles(driver, [a, b], { pipeline: failing });
      expect(summary).toMatchObject({ articlesNew: 1, articlesFailed: 1, articlesStored: 1 });
      expect(summary.failures).toEqual([{ articleId: 'B', message: 'boom' }]);
      expect((await countGraph(driver)).nodes.Article).toBe(1);
    });
  });

  describe('with the real pipeline on the sample corpus (graph/articles)', () => {
    const articles = sampleArticles();
    const ingest = (inputs: ArticleInput[]) => ingestArticles(driver, inputs, { pipeline: defaultPipeline });

    it('is idempotent: a second ingest skips every article and leaves counts and checksum unchanged', async () => {
      const first = await ingest(articles);
      expect(first.articlesNew).toBe(articles.length);
      expect(first.nodesCreated).toBeGreaterThan(50);
      const counts = await countGraph(driver);
      const checksum = await graphChecksum(driver);
      const second = await ingest(articles);
      expect(second).toMatchObject({
        articlesSkipped: articles.length,
        nodesCreated: 0,
        relationshipsCreated: 0,
      });
      expect(await countGraph(driver)).toEqual(counts);
      expect(await graphChecksum(driver)).toBe(checksum);
    });

    it('is order independent: A then B, and B then A, give the same graph as A and B together', async () => {
      await ingest(articles);
      const together = await graphChecksum(driver);
      for (const [first, second] of [
        [articles.slice(0, 3), articles.slice(3)],
        [articles.slice(2), articles.slice(0, 2)],
      ] as const) {
        await clear();
        await ingest(first);
        const partial = await graphChecksum(driver);
        const summary = await ingest(second);
        expect(summary.articlesNew).toBe(second.length);
        expect(partial).not.toBe(together);
        expect(await graphChecksum(driver)).toBe(together);
      }
    });

    it('a changed article converges to a clean ingest of the new version, and back', async () => {
      await ingest(articles);
      const original = await graphChecksum(driver);
      const last = articles[articles.length - 1] as ArticleInput;
      const edited = { ...last, text: last.text.slice(0, Math.floor(last.text.length * 0.6)) };
      const changed = [...articles.slice(0, -1), edited];
      const s = await ingest(changed);
      expect(s).toMatchObject({ articlesChanged: 1, articlesSkipped: articles.length - 1 });
      expect(s.nodesDeleted + s.relationshipsDeleted).toBeGreaterThan(0);
      const afterChange = await graphChecksum(driver);
      await clear();
      await ingest(changed);
      expect(await graphChecksum(driver)).toBe(afterChange);
      await ingest(articles);
      expect(await graphChecksum(driver)).toBe(original);
    });

    it('serves search, a node with its source sentences, and its neighbourhood', async () => {
      await ingest(articles);
      const hits = await searchNodes(driver, 'Kuleba', { types: ['Person'] });
      expect(hits[0]?.name).toMatch(/Kuleba/);
      const prefix = await searchNodes(driver, 'Kule');
      expect(prefix.map((h) => h.id)).toContain(hits[0]?.id);

      const { records } = await driver.executeQuery(
        'MATCH (q:Quote) WHERE q.kind = "direct" RETURN q.id AS id LIMIT 1',
      );
      const quote = await getNode(driver, records[0]?.get('id') as string);
      expect(quote?.provenance.length).toBeGreaterThan(0);
      // Each source gives its own wording: the quote's text or one of its kept variants.
      const wordings = [
        quote?.properties.text,
        ...((quote?.properties.variants as string[] | undefined) ?? []),
      ];
      const p = quote?.provenance[0];
      expect(wordings).toContain(p?.text);
      expect(p?.sentence).toContain(p?.text);
      expect(quote?.properties.extraction).toBeUndefined();

      const sub = await neighbourhood(driver, hits[0]?.id as string, { depth: 1, limit: 50 });
      expect(sub?.nodes.map((n) => n.key)).toContain(hits[0]?.id);
      expect(sub?.edges.length).toBeGreaterThan(0);
      const keys = new Set(sub?.nodes.map((n) => n.key));
      expect(sub?.edges.every((e) => keys.has(e.source) && keys.has(e.target))).toBe(true);
      expect(await neighbourhood(driver, 'person:nobody')).toBeUndefined();
    });
  });
});
