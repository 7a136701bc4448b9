/**
 * resolveCorpus: per-article extractions in, one graph out. Entities are resolved first (their keys
 * are what quotes' speakers and events point to), then events and quotes, then the graph is built.
 */
import type { DocumentExtraction } from '../extract/types.js';
import { buildGraph, type SpeakerGraph } from '../model/build-graph.js';
import { resolveEntities } from './entities.js';
import { resolveEvents } from './events.js';
import { resolveQuotes } from './quotes.js';

export type { SpeakerGraph } from '../model/build-graph.js';

export function resolveCorpus(docs: readonly DocumentExtraction[]): SpeakerGraph {
  const { entities, keyOf } = resolveEntities(docs);
  const events = resolveEvents(docs, keyOf);
  const quotes = resolveQuotes([...docs], keyOf);
  return buildGraph({
    articles: docs.map((d) => d.article),
    entities: entities.values(),
    events: events.values(),
    quotes,
  });
}
