/**
 * extractDocument: the pure per-article pipeline. Metadata, sentences, persons, then countries, places
 * and organisations (never over a person's name), then person roles/nationalities re-pointed from
 * country names to Country local ids, then events and quotes (with to whom, where and when each was
 * said). Text in, records out; no I/O.
 */
import { EntityRegistry, extractEntities } from './entities.js';
import { extractEvents } from './events.js';
import { countryByName, countryInfo, isKnownOrganization } from './gazetteer.js';
import { extractMetadata, findDateline, proseText } from './metadata.js';
import { extractPeople } from './people.js';
import { quoteContexts } from './quote-context.js';
import { extractQuotes } from './quotes.js';
import { splitSentences } from './text.js';
import type { ArticleInput, DocumentExtraction, EntityRecord, Sentence } from './types.js';

export type { ArticleInput, DocumentExtraction } from './types.js';

export function extractDocument(input: ArticleInput): DocumentExtraction {
  const article = extractMetadata(input);
  const text = proseText(input.text);
  const sentences = withoutDateline(splitSentences(text), findDateline(text, article.date)?.span.end);
  const people = extractPeople(text, sentences);
  const registry = new EntityRegistry();
  // Names and their titles are the person's: "Secretary of State X" holds no Place "State".
  extractEntities(
    text,
    sentences,
    people.flatMap((p) => [...p.mentions, ...(p.roles ?? []).map((r) => r.span)]),
    registry,
  );
  linkPersonCountries(people, registry);
  const entities: EntityRecord[] = [...people, ...registry.records()];
  const events = extractEvents(text, sentences, entities, article.date, registry.countryIds);
  const quotes = quoteContexts(
    text,
    entities,
    events,
    extractQuotes(text, sentences, entities),
    article.date,
  );
  return { article, text: input.text, sentences, entities, events, quotes };
}

/**
 * The first sentence starts after the dateline ("SEOUL, March 31 - ..."): the place and date head the
 * story, they are no words of a statement reported in it ("..., officials said").
 */
function withoutDateline(sentences: Sentence[], datelineEnd: number | undefined): Sentence[] {
  if (datelineEnd === undefined) return sentences;
  return sentences.map((s) =>
    s.start < datelineEnd && datelineEnd < s.end ? { ...s, start: datelineEnd } : s,
  );
}

/**
 * The person extractor names countries and organisations of roles by canonical name (it does not know
 * the other local ids); point them at the article's Country/Organization records, creating a Country
 * record without mentions when the country only appears inside a title.
 */
function linkPersonCountries(people: EntityRecord[], registry: EntityRegistry): void {
  const toCountryId = (value: string | undefined): string | undefined => {
    if (!value) return undefined;
    const info = countryByName(value);
    return info ? registry.country(info).localId : undefined;
  };
  const orgIds = new Map(
    registry
      .records()
      .filter((e) => e.type === 'Organization')
      .map((e) => [e.name, e.localId]),
  );
  const toOrgId = (value: string | undefined): string | undefined => {
    if (!value) return undefined;
    const byName = orgIds.get(value) ?? orgIds.get(isKnownOrganization(value)?.name ?? '');
    if (byName) return byName;
    const known = isKnownOrganization(value);
    if (!known) return undefined;
    const rec = registry.organization(
      known.name,
      known.countryIso ? countryInfo(known.countryIso) : undefined,
    );
    orgIds.set(known.name, rec.localId);
    return rec.localId;
  };
  for (const person of people) {
    const nationality = toCountryId(person.nationality);
    if (nationality) person.nationality = nationality;
    else delete person.nationality;
    for (const role of person.roles ?? []) {
      const country = toCountryId(role.country);
      if (country) role.country = country;
      else delete role.country;
      const org = toOrgId(role.organization);
      if (org) role.organization = org;
      else delete role.organization;
    }
  }
}
