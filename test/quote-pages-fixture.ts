/**
 * A prolific speaker for the paging tests of /api/quotes: one person given QUOTE_COUNT quotes across
 * three articles, reported by one, two or three of them, so many quotes tie on corroboration and only the
 * id tie-breaker orders them. A second speaker with a few quotes of their own proves a page never mixes
 * speakers. Written through the store's own ingest, like test/api-fixture.ts. Names are invented.
 */
import graphology from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import type { Driver } from 'neo4j-driver';
import type { ArticleInput, DocumentExtraction } from '../src/extract/types.js';
import { edgeKey, nodeKey, type ArticleSpan, type EdgeType, type NodeLabel } from '../src/model/ontology.js';
import { ingestArticles } from '../src/store/ingest.js';

const { MultiDirectedGraph } = graphology;

/** Not a multiple of the page sizes the tests use, so the last page is a short one. */
export const QUOTE_COUNT = 23;
/** The second speaker's quotes. */
export const OTHER_QUOTE_COUNT = 3;

export const PAGE_IDS = {
  prolific: nodeKey('Person', 'ada-okonkwo'),
  other: nodeKey('Person', 'bram-velthuis'),
} as const;

const ARTICLE_IDS = ['pages-1', 'pages-2', 'pages-3'] as const;

interface FixtureQuote {
  key: string;
  text: string;
  speaker: string;
  /** Indexes into ARTICLE_IDS of the articles reporting it. */
  reportedIn: number[];
}

function fixtureQuotes(): FixtureQuote[] {
  const quotes: FixtureQuote[] = [];
  for (let i = 0; i < QUOTE_COUNT; i++) {
    // 1, 2 or 3 reporting articles: corroboration ties in three groups of about eight quotes each.
    const reach = (i % 3) + 1;
    quotes.push({
      key: nodeKey('Quote', `pages-ada-${String(i).padStart(2, '0')}`),
      text: `Harbour plan point ${i} matters to the town`,
      speaker: PAGE_IDS.prolific,
      reportedIn: [0, 1, 2].slice(0, reach),
    });
  }
  for (let i = 0; i < OTHER_QUOTE_COUNT; i++) {
    quotes.push({
      key: nodeKey('Quote', `pages-bram-${i}`),
      text: `The ferry timetable ${i} is fine`,
      speaker: PAGE_IDS.other,
      reportedIn: [0],
    });
  }
  return quotes;
}

function fixtureArticles(quotes: FixtureQuote[]): ArticleInput[] {
  return ARTICLE_IDS.map((id, index) => ({
    id,
    title: `Harbour plan, report ${index + 1}`,
    outlet: `Coastal Post ${index + 1}`,
    date: `2024-06-0${index + 1}`,
    text: quotes
      .filter((q) => q.reportedIn.includes(index))
      .map((q) => `"${q.text}," ${q.speaker === PAGE_IDS.prolific ? 'Ada Okonkwo' : 'Bram Velthuis'} said.`)
      .join('\n\n'),
  }));
}

function span(article: ArticleInput, text: string): ArticleSpan {
  const start = article.text.indexOf(text);
  if (start < 0) throw new Error(`quote pages fixture: "${text}" not in ${article.id}`);
  return { article: article.id, start, end: start + text.length };
}

function pagesGraph(quotes: FixtureQuote[], articles: ArticleInput[]): AbstractGraph {
  const g = new MultiDirectedGraph();
  const edge = (
    type: EdgeType,
    s: string,
    t: string,
    spans: ArticleSpan[],
    attrs: Record<string, unknown> = {},
  ) =>
    g.addEdgeWithKey(edgeKey(type, s, t), s, t, {
      type,
      articles: [...new Set(spans.map((x) => x.article))].sort(),
      spans,
      ...attrs,
    });
  const node = (key: string, type: NodeLabel, attrs: Record<string, unknown>, spans: ArticleSpan[]) =>
    g.addNode(key, { type, articles: [...new Set(spans.map((s) => s.article))].sort(), spans, ...attrs });

  const nameSpans = (name: string) => articles.filter((a) => a.text.includes(name)).map((a) => span(a, name));
  node(
    PAGE_IDS.prolific,
    'Person',
    { name: 'Ada Okonkwo', aliases: [], gender: 'female' },
    nameSpans('Ada Okonkwo'),
  );
  node(
    PAGE_IDS.other,
    'Person',
    { name: 'Bram Velthuis', aliases: [], gender: 'male' },
    nameSpans('Bram Velthuis'),
  );
  for (const a of articles) {
    node(
      nodeKey('Article', a.id),
      'Article',
      { name: a.title, articleId: a.id, title: a.title, outlet: a.outlet, date: a.date },
      [{ article: a.id, start: 0, end: a.text.length }],
    );
  }
  for (const q of quotes) {
    const spans = q.reportedIn.map((i) => span(articles[i]!, q.text));
    const attrs = {
      name: q.text,
      text: q.text,
      kind: 'direct',
      mentions: spans,
      variants: [],
      corroboration: spans.length,
    };
    node(q.key, 'Quote', attrs, spans);
    edge('SAID', q.speaker, q.key, spans, { contested: false });
    for (const s of spans) edge('REPORTED_IN', q.key, nodeKey('Article', s.article), [s]);
  }
  return g;
}

function extraction(article: ArticleInput): DocumentExtraction {
  return {
    article: { id: article.id, title: article.title, outlet: article.outlet, date: article.date },
    text: article.text,
    sentences: [],
    entities: [],
    events: [],
    quotes: [],
  };
}

/** Empties the database and writes the paging fixture through the store's ingest. */
export async function loadQuotePagesFixture(driver: Driver, database?: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
  const quotes = fixtureQuotes();
  const articles = fixtureArticles(quotes);
  const graph = pagesGraph(quotes, articles);
  const summary = await ingestArticles(driver, articles, {
    database,
    pipeline: { extract: extraction, buildGraph: () => graph },
  });
  if (summary.articlesFailed > 0)
    throw new Error(`quote pages fixture ingest failed: ${JSON.stringify(summary.failures)}`);
}
