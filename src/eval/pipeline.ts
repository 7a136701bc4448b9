/**
 * The extraction run that evaluation scores: the full per-article pipeline (extractDocument and the
 * per-article group/role speaker pass), reduced to what the scorer needs (span, kind, speaker name).
 */
import { extractDocument } from '../extract/index.js';
import { addGroupSpeakers } from '../resolve/group-speakers.js';
import type { EntityRecord, QuoteRecord } from '../extract/types.js';
import type { PredictedQuote } from './metrics.js';

const PRONOUN = /^(?:he|she|they|it|we|i|you|him|her|them)$/i;

/** Name a quote is attributed to: the entity's name, else the group/organisation phrase used. */
export function speakerName(quote: QuoteRecord, entities: Map<string, EntityRecord>): string | undefined {
  if (quote.speaker) return entities.get(quote.speaker)?.name;
  const mention = quote.speakerMention?.text;
  return mention && !PRONOUN.test(mention) ? mention : undefined;
}

export function extractForEval(text: string): {
  quotes: QuoteRecord[];
  predicted: PredictedQuote[];
  entities: EntityRecord[];
} {
  // The per-article part of resolution too (group and role speakers), as the graph gets it.
  const { entities, quotes } = addGroupSpeakers(extractDocument({ id: 'eval', text }));
  const byId = new Map(entities.map((e) => [e.localId, e]));
  const predicted = quotes.map((q) => {
    const speaker = speakerName(q, byId);
    return { start: q.span.start, end: q.span.end, kind: q.kind, ...(speaker ? { speaker } : {}) };
  });
  return { quotes, predicted, entities };
}
