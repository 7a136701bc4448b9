/**
 * The extraction run that evaluation scores: sentences, people, other entities, then quotes, reduced
 * to what the scorer needs (span, kind, speaker name).
 */
import { extractEntities } from '../extract/entities.js';
import { extractPeople } from '../extract/people.js';
import { extractQuotes } from '../extract/quotes.js';
import { splitSentences } from '../extract/text.js';
import type { EntityRecord, QuoteRecord } from '../extract/types.js';
import type { PredictedQuote } from './metrics.js';

const PRONOUN = /^(?:he|she|they|it|we|i|you|him|her|them)$/i;

/** Name a quote is attributed to: the entity's name, else the group/organisation phrase used. */
export function speakerName(quote: QuoteRecord, entities: Map<string, EntityRecord>): string | undefined {
  if (quote.speaker) return entities.get(quote.speaker)?.name;
  const mention = quote.speakerMention?.text;
  return mention && !PRONOUN.test(mention) ? mention : undefined;
}

export function extractForEval(text: string): { quotes: QuoteRecord[]; predicted: PredictedQuote[] } {
  const sentences = splitSentences(text);
  const people = extractPeople(text, sentences);
  const others = extractEntities(
    text,
    sentences,
    people.flatMap((p) => p.mentions),
  ).entities;
  const entities = [...people, ...others];
  const quotes = extractQuotes(text, sentences, entities);
  const byId = new Map(entities.map((e) => [e.localId, e]));
  const predicted = quotes.map((q) => {
    const speaker = speakerName(q, byId);
    return { start: q.span.start, end: q.span.end, kind: q.kind, ...(speaker ? { speaker } : {}) };
  });
  return { quotes, predicted };
}
