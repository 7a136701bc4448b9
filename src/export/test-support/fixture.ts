/**
 * A small graph with everything that breaks exporters: quotes of both kinds, backslashes, Turkish,
 * Cyrillic, emoji, newlines, tabs, XML and CSV metacharacters, a property named like a column (`source`),
 * one starting with `_`, lists, an empty list, nested provenance, contested SAID edges, parallel edges.
 */
import { MultiDirectedGraph } from 'graphology';

export const NASTY_NAME = 'Çağrı "The Hammer" O\'Neil \\ back\\slash';
export const MULTILINE_QUOTE = 'We will not retreat.\nNot one step — "never", she said\ttwice 🎉\r\nEnd';

export function fixtureGraph(): MultiDirectedGraph {
  const g = new MultiDirectedGraph({ allowSelfLoops: true });
  const span = (article: string, start: number, end: number) => ({ article, start, end });
  g.addNode('person:cagri', {
    type: 'Person',
    name: NASTY_NAME,
    aliases: ['Çağrı', "O'Neil", 'a, b | c'],
    articles: ['article:a1', 'article:a2'],
    spans: [span('article:a1', 0, 5), span('article:a2', 10, 20)],
  });
  g.addNode('person:zel', {
    type: 'Person',
    name: 'Зеленський',
    aliases: [],
    gender: 'male',
    articles: ['article:a1'],
    spans: [span('article:a1', 30, 40)],
    _note: 'underscore property',
  });
  g.addNode('org:amp', {
    type: 'Organization',
    name: 'A&B <Holdings>, "Ltd" ; DROP',
    aliases: ['A&B'],
    articles: ['article:a2'],
    spans: [],
  });
  g.addNode('quote:q1', {
    type: 'Quote',
    name: MULTILINE_QUOTE,
    text: MULTILINE_QUOTE,
    kind: 'direct',
    mentions: [span('article:a1', 50, 90)],
    variants: ['We will not retreat.', 'Мы не отступим 🇺🇦'],
    corroboration: 2,
    score: 0.75,
    articles: ['article:a1', 'article:a2'],
    spans: [span('article:a1', 45, 95)],
  });
  g.addNode('article:a1', {
    type: 'Article',
    name: 'Talks in Genève',
    articleId: 'a1',
    title: 'Talks in Genève',
    outlet: 'BBC',
    date: '2024-03-01',
    byline: ['Jane Doe', 'Иван'],
    articles: ['article:a1'],
    spans: [],
  });
  g.addNode('article:a2', {
    type: 'Article',
    name: 'Second "article"',
    articleId: 'a2',
    title: 'Second "article"',
    outlet: 'Reuters',
    articles: ['article:a2'],
    spans: [],
  });
  const prov = { articles: ['article:a1', 'article:a2'], spans: [span('article:a1', 45, 95)] };
  g.addEdgeWithKey('said:1', 'person:cagri', 'quote:q1', { type: 'SAID', contested: true, ...prov });
  g.addEdgeWithKey('said:2', 'person:zel', 'quote:q1', { type: 'SAID', contested: true, ...prov, source: 'Reuters' });
  g.addEdgeWithKey('said:3', 'org:amp', 'quote:q1', { type: 'SAID', contested: false, articles: ['article:a2'], spans: [] });
  g.addEdgeWithKey('rep:1', 'quote:q1', 'article:a1', { type: 'REPORTED_IN', articles: ['article:a1'], spans: [] });
  g.addEdgeWithKey('rep:2', 'quote:q1', 'article:a2', { type: 'REPORTED_IN', articles: ['article:a2'], spans: [] });
  g.addEdgeWithKey('men:1', 'person:cagri', 'article:a1', { type: 'MENTIONED_IN', count: 3, articles: ['article:a1'], spans: [] });
  g.addEdgeWithKey('men:2', 'person:cagri', 'article:a1', { type: 'MENTIONED_IN', count: 4000000000, articles: ['article:a1'], spans: [] });
  g.addEdgeWithKey('hold:1', 'person:zel', 'org:amp', { type: 'HOLDS_OFFICE', title: 'President\n"of" everything', articles: ['article:a2'], spans: [] });
  return g;
}
