/** Test support for the quote and speaker rules: people + quotes over a short invented text. */
import { extractPeople } from '../people.js';
import { extractQuotes } from '../quotes.js';
import { splitSentences } from '../text.js';
import type { EntityRecord, QuoteRecord } from '../types.js';

/** Run people + quotes; extra organisations can be passed by name (mentions found by string search). */
export function runQuotes(
  text: string,
  orgs: string[] = [],
): { quotes: QuoteRecord[]; entities: EntityRecord[]; speakerOf: (q: QuoteRecord) => string | undefined } {
  const sentences = splitSentences(text);
  const entities: EntityRecord[] = extractPeople(text, sentences);
  orgs.forEach((name, i) => {
    const mentions = [...text.matchAll(new RegExp(name, 'g'))].map((m) => ({
      start: m.index,
      end: m.index + name.length,
    }));
    entities.push({ localId: `o${i + 1}`, type: 'Organization', name, aliases: [], mentions });
  });
  const quotes = extractQuotes(text, sentences, entities);
  const byId = new Map(entities.map((e) => [e.localId, e]));
  return {
    quotes,
    entities,
    speakerOf: (q) => (q.speaker ? byId.get(q.speaker)?.name : q.speakerMention?.text),
  };
}

/** The quote whose text contains `fragment`; throws with every quote's text when there is none. */
export function quoteWith(quotes: QuoteRecord[], fragment: string): QuoteRecord {
  const q = quotes.find((x) => x.text.includes(fragment));
  if (!q)
    throw new Error(`no quote containing "${fragment}" in ${JSON.stringify(quotes.map((x) => x.text))}`);
  return q;
}
