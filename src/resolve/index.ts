/**
 * resolveCorpus: per-article extractions in, one graph out. Entities are resolved first (their keys
 * are what quotes' speakers and events point to), then events and quotes, then the graph is built.
 */
import { proseText } from '../extract/metadata.js';
import type { DocumentExtraction } from '../extract/types.js';
import { buildGraph, type SpeakerGraph } from '../model/build-graph.js';
import { nodeKey } from '../model/ontology.js';
import { resolveEntities, speakerIdentity, type ResolvedEntity } from './entities.js';
import { eventLocalKey, resolveEvents } from './events.js';
import { addGroupSpeakers } from './group-speakers.js';
import { resolveQuotes } from './quotes.js';

export type { SpeakerGraph } from '../model/build-graph.js';

/** A readable label for an article without a title: its first line, cut at a word to ~90 characters. */
export function ledeLabel(text: string, max = 90): string | undefined {
  const line = text
    .split('\n')
    .map((l) =>
      l
        .replace(/^[#>*\s-]+/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    // A line with words run together ("NewspaperSlogan Here") is scraped page furniture, not the lede.
    .find((l) => /\p{L}/u.test(l) && !/\p{Ll}{3}\p{Lu}/u.test(l));
  if (!line) return undefined;
  if (line.length <= max) return line;
  const cut = line
    .slice(0, max + 1)
    .replace(/\s+\S*$/, '')
    .replace(/[\s,;:.–—-]+$/, '');
  return `${cut || line.slice(0, max)}…`;
}

/** The country a person stands for in an event: the one they hold office in, else their nationality. */
function representedCountry(entity: ResolvedEntity | undefined): string | undefined {
  if (entity?.type !== 'Person') return undefined;
  const office = entity.roles.find((r) => r.target.startsWith(nodeKey('Country', '')));
  return office?.target ?? entity.nationality?.key;
}

export function resolveCorpus(input: readonly DocumentExtraction[]): SpeakerGraph {
  // Organisation/group speakers known only by their mention become Organization records first.
  const docs = input.map(addGroupSpeakers);
  const { entities, keyOf } = resolveEntities(docs);
  const events = resolveEvents(
    docs,
    keyOf,
    (place) => entities.get(place)?.locatedIn?.key,
    (key) => representedCountry(entities.get(key)),
  );
  const eventKeys = new Map<string, string>();
  for (const ev of events.values()) for (const local of ev.localIds) eventKeys.set(local, ev.key);
  const quotes = resolveQuotes(
    [...docs],
    keyOf,
    (article, localId) => eventKeys.get(eventLocalKey(article, localId)),
    (key) => {
      const entity = entities.get(key);
      return entity ? speakerIdentity(entity) : key;
    },
  );
  return buildGraph({
    articles: docs.map((d) => {
      const label = d.article.title ? undefined : ledeLabel(proseText(d.text));
      return label ? { ...d.article, label } : d.article;
    }),
    entities: entities.values(),
    events: events.values(),
    quotes,
  });
}
