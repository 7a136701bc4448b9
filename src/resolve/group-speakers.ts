/**
 * Organisation and group speakers without an entity record: a quote attributed to "police", "the
 * ministry" or an unlisted organisation keeps only its speaker mention after extraction. This pass
 * gives each such speaker an Organization record (named from the mention) so the graph gets a SAID
 * edge from it. Pure: returns new extractions, the input is not modified.
 */
import { isGroupNoun } from '../extract/speakers.js';
import type { DocumentExtraction, EntityRecord, QuoteRecord } from '../extract/types.js';

/** Personal pronouns name no one by themselves; their antecedent was already looked for. */
const PRONOUN = /^(?:he|she|they|it|we|i|you|him|her|them|us)$/i;

/** The organisation or group name a speaker mention gives: "the ministry" -> "ministry". */
export function groupSpeakerName(mention: string): string | undefined {
  const name = mention
    .trim()
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/['’]s?$/, '')
    .replace(/\s+/g, ' ');
  const words = name.split(' ');
  if (!name || PRONOUN.test(name) || words.length > 8) return undefined;
  // "Police said" opens a sentence: a group noun capitalised only there is still a common noun.
  if (isGroupNoun(words.at(-1)!) && words.slice(1).every((w) => !/^\p{Lu}/u.test(w))) {
    return name.charAt(0).toLowerCase() + name.slice(1);
  }
  return name;
}

export function addGroupSpeakers(doc: DocumentExtraction): DocumentExtraction {
  const orphans = doc.quotes.filter((q) => !q.speaker && q.speakerMention);
  if (orphans.length === 0) return doc;
  const entities = [...doc.entities];
  // One record per name in the article, reusing an organisation the extractor already knows.
  const byName = new Map<string, EntityRecord>();
  for (const e of entities) if (e.type === 'Organization') byName.set(e.name.toLowerCase(), e);
  let next = 0;
  const quotes = doc.quotes.map((q): QuoteRecord => {
    if (q.speaker || !q.speakerMention) return q;
    const name = groupSpeakerName(q.speakerMention.text);
    if (!name) return q;
    let record = byName.get(name.toLowerCase());
    if (!record) {
      while (entities.some((e) => e.localId === `g${next}`)) next++;
      record = { localId: `g${next}`, type: 'Organization', name, aliases: [], mentions: [] };
      entities.push(record);
      byName.set(name.toLowerCase(), record);
    }
    if (!record.mentions.some((m) => m.start === q.speakerMention!.span.start)) {
      record.mentions = [...record.mentions, q.speakerMention.span];
    }
    return { ...q, speaker: record.localId };
  });
  return { ...doc, entities, quotes };
}
