/**
 * A small, hand-made speaker graph for the API tests, written through the store's own ingest (with a
 * pipeline that returns these records instead of running extraction), so Article nodes carry their
 * text and sentences exactly as a real ingest leaves them. Two articles, two people who are both given
 * one quote (contested), an event with a mediator, and a name full of HTML to prove nothing is rendered.
 */
import graphology from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import type { Driver } from 'neo4j-driver';
import type { ArticleInput, DocumentExtraction, Sentence } from '../src/extract/types.js';
import { edgeKey, nodeKey, type ArticleSpan, type EdgeType, type NodeLabel } from '../src/model/ontology.js';
import { ingestArticles } from '../src/store/ingest.js';

const { MultiDirectedGraph } = graphology;

export const ARTICLE_1: ArticleInput = {
  id: 'art-1',
  title: 'Talks in Istanbul',
  outlet: 'Kyiv Independent',
  date: '2024-03-01',
  text:
    'Ukrainian Foreign Minister Dmytro Kuleba met Turkish officials in Istanbul on Friday.\n\n' +
    '"We will never give up our land," Kuleba said. He added that the talks would continue.',
};

export const ARTICLE_2: ArticleInput = {
  id: 'art-2',
  title: 'Lavrov says talks failed',
  outlet: 'Reuters',
  date: '2024-05-10',
  text:
    "Russia's Sergei Lavrov said the talks had failed. " +
    '"We will never give up our land," Lavrov said, according to one outlet.\n\n' +
    'A group calling itself <script>alert("x")</script> & Co claimed responsibility.',
};

export const IDS = {
  kuleba: nodeKey('Person', 'dmytro-kuleba'),
  lavrov: nodeKey('Person', 'sergei-lavrov'),
  ukraine: nodeKey('Country', 'ukraine'),
  russia: nodeKey('Country', 'russia'),
  turkey: nodeKey('Country', 'turkey'),
  istanbul: nodeKey('Place', 'istanbul'),
  scriptOrg: nodeKey('Organization', 'script-co'),
  talks: nodeKey('Event', 'istanbul-talks'),
  neverGiveUp: nodeKey('Quote', 'never-give-up'),
  talksFailed: nodeKey('Quote', 'talks-failed'),
  article1: nodeKey('Article', 'art-1'),
  article2: nodeKey('Article', 'art-2'),
} as const;

export const NEVER_GIVE_UP = 'We will never give up our land,';
export const SCRIPT_NAME = '<script>alert("x")</script> & Co';

function span(article: ArticleInput, text: string, from = 0): ArticleSpan {
  const start = article.text.indexOf(text, from);
  if (start < 0) throw new Error(`fixture: "${text}" not in ${article.id}`);
  return { article: article.id, start, end: start + text.length };
}

/** Sentences of the fixture texts: ends at '.' followed by a space/newline/end (good enough here). */
function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^.]+?(?:\.(?=\s|$)|\.?"?$)/g;
  let paragraph = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim() === '') break;
    const lead = m[0].length - m[0].trimStart().length;
    if (text.slice(m.index, m.index + lead).includes('\n\n')) paragraph++;
    out.push({ index: out.length, paragraph, start: m.index + lead, end: m.index + m[0].length });
  }
  return out;
}

function extraction(article: ArticleInput): DocumentExtraction {
  return {
    article: { id: article.id, title: article.title, outlet: article.outlet, date: article.date },
    text: article.text,
    sentences: sentences(article.text),
    entities: [],
    events: [],
    quotes: [],
  };
}

export function fixtureGraph(): AbstractGraph {
  const g = new MultiDirectedGraph();
  const a1 = ARTICLE_1;
  const a2 = ARTICLE_2;
  const node = (key: string, type: NodeLabel, attrs: Record<string, unknown>, spans: ArticleSpan[]) =>
    g.addNode(key, { type, articles: [...new Set(spans.map((s) => s.article))].sort(), spans, ...attrs });
  const edge = (type: EdgeType, s: string, t: string, spans: ArticleSpan[], attrs: Record<string, unknown> = {}) =>
    g.addEdgeWithKey(edgeKey(type, s, t), s, t, {
      type,
      articles: [...new Set(spans.map((x) => x.article))].sort(),
      spans,
      ...attrs,
    });

  node(IDS.kuleba, 'Person', { name: 'Dmytro Kuleba', aliases: ['Kuleba'], gender: 'male' }, [
    span(a1, 'Dmytro Kuleba'),
    span(a1, 'Kuleba said'),
  ]);
  node(IDS.lavrov, 'Person', { name: 'Sergei Lavrov', aliases: ['Lavrov'], gender: 'male' }, [span(a2, 'Sergei Lavrov')]);
  node(IDS.ukraine, 'Country', { name: 'Ukraine', aliases: ['Ukrainian'], iso: 'UA' }, [span(a1, 'Ukrainian')]);
  node(IDS.russia, 'Country', { name: 'Russia', aliases: ["Russia's"], iso: 'RU' }, [span(a2, 'Russia')]);
  node(IDS.turkey, 'Country', { name: 'Turkey', aliases: ['Turkish', 'Türkiye'], iso: 'TR' }, [span(a1, 'Turkish')]);
  node(IDS.istanbul, 'Place', { name: 'Istanbul', aliases: [], kind: 'city' }, [span(a1, 'Istanbul')]);
  node(IDS.scriptOrg, 'Organization', { name: SCRIPT_NAME, aliases: [], kind: 'group' }, [span(a2, SCRIPT_NAME)]);
  node(IDS.talks, 'Event', { name: 'talks in Istanbul', kind: 'talks', date: '2024-03-01' }, [span(a1, 'met Turkish officials')]);
  const quoteSpans = [span(a1, NEVER_GIVE_UP), span(a2, NEVER_GIVE_UP)];
  node(
    IDS.neverGiveUp,
    'Quote',
    { name: NEVER_GIVE_UP, text: NEVER_GIVE_UP, kind: 'direct', mentions: quoteSpans, variants: [], corroboration: 2 },
    quoteSpans,
  );
  const failed = [span(a2, 'the talks had failed')];
  node(
    IDS.talksFailed,
    'Quote',
    { name: 'the talks had failed', text: 'the talks had failed', kind: 'indirect', mentions: failed, variants: [], corroboration: 1 },
    failed,
  );
  for (const a of [a1, a2]) {
    node(nodeKey('Article', a.id), 'Article', { name: a.title, articleId: a.id, title: a.title, outlet: a.outlet, date: a.date }, [
      { article: a.id, start: 0, end: a.text.length },
    ]);
  }

  edge('SAID', IDS.kuleba, IDS.neverGiveUp, [span(a1, NEVER_GIVE_UP)], { contested: true });
  edge('SAID', IDS.lavrov, IDS.neverGiveUp, [span(a2, NEVER_GIVE_UP)], { contested: true });
  edge('SAID', IDS.lavrov, IDS.talksFailed, failed, { contested: false });
  edge('REPORTED_IN', IDS.neverGiveUp, IDS.article1, [span(a1, NEVER_GIVE_UP)]);
  edge('REPORTED_IN', IDS.neverGiveUp, IDS.article2, [span(a2, NEVER_GIVE_UP)]);
  edge('REPORTED_IN', IDS.talksFailed, IDS.article2, failed);
  edge('HOLDS_OFFICE', IDS.kuleba, IDS.ukraine, [span(a1, 'Ukrainian Foreign Minister')], { title: 'Foreign Minister' });
  edge('NATIONAL_OF', IDS.lavrov, IDS.russia, [span(a2, "Russia's Sergei Lavrov")]);
  edge('LOCATED_IN', IDS.istanbul, IDS.turkey, [span(a1, 'Istanbul')]);
  edge('MET_IN', IDS.talks, IDS.istanbul, [span(a1, 'in Istanbul')]);
  edge('PARTICIPATED_IN', IDS.kuleba, IDS.talks, [span(a1, 'Kuleba met')]);
  edge('PARTICIPATED_IN', IDS.turkey, IDS.talks, [span(a1, 'Turkish officials')]);
  edge('MEDIATED', IDS.turkey, IDS.talks, [span(a1, 'Turkish officials')]);
  for (const [who, a] of [
    [IDS.kuleba, a1],
    [IDS.ukraine, a1],
    [IDS.turkey, a1],
    [IDS.istanbul, a1],
    [IDS.talks, a1],
    [IDS.lavrov, a2],
    [IDS.russia, a2],
    [IDS.scriptOrg, a2],
  ] as const) {
    const spans = (g.getNodeAttribute(who, 'spans') as ArticleSpan[]).filter((s) => s.article === a.id);
    edge('MENTIONED_IN', who, nodeKey('Article', a.id), spans, { count: spans.length });
  }
  return g;
}

/** Empties the database and writes the fixture through the store's ingest. */
export async function loadApiFixture(driver: Driver, database?: string): Promise<void> {
  // Auto-commit batches: whatever the previous test file left may be large.
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
  const graph = fixtureGraph();
  const docs = new Map([ARTICLE_1, ARTICLE_2].map((a) => [a.id, extraction(a)]));
  const summary = await ingestArticles(driver, [ARTICLE_1, ARTICLE_2], {
    database,
    pipeline: {
      extract: (input) => docs.get(input.id) ?? extraction(input),
      buildGraph: () => graph,
    },
  });
  if (summary.articlesFailed > 0) throw new Error(`fixture ingest failed: ${JSON.stringify(summary.failures)}`);
}
