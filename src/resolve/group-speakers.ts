/**
 * Organisation and group speakers without an entity record: a quote attributed to "police", "the
 * ministry" or an unlisted organisation keeps only its speaker mention after extraction. This pass
 * gives each such speaker an Organization record (named from the mention) so the graph gets a SAID
 * edge from it. Pure: returns new extractions, the input is not modified.
 */
import { countryForModifier, isKnownPlace } from '../extract/gazetteer.js';
import { ROLE_NOUNS, TITLE_HEADS, TITLE_MODIFIERS } from '../extract/person-lexicon.js';
import { isGroupNoun } from '../extract/speakers.js';
import type { DocumentExtraction, EntityRecord, QuoteRecord } from '../extract/types.js';
import { foldName } from '../extract/text.js';

/** Words that open a description without being part of the role: "the", "his"; "Norway's" stays. */
const DESCRIPTION_DETERMINER = /^(?:the|a|an|his|her|its|their|our|this|that)\s+/i;

/** A role description parsed into its head noun, title modifiers and country: "his Danish counterpart". */
function parseRole(mention: string): { head: string; modifiers: string[]; country?: string } | undefined {
  const words = mention.trim().replace(DESCRIPTION_DETERMINER, '').split(/\s+/).filter(Boolean);
  // The head is the last word before a complement or relative clause ("the minister of health").
  const complement = words.findIndex((w) =>
    /^(?:of|for|with|at|from|who|whom|whose|which|that|in|on)$/i.test(w),
  );
  const core = complement > 0 ? words.slice(0, complement) : words;
  const head = core.at(-1)?.toLowerCase();
  if (!head || !(ROLE_NOUNS.has(head) || TITLE_HEADS.has(head)) || core.length > 5) return undefined;
  let country: string | undefined;
  const modifiers: string[] = [];
  for (const word of core.slice(0, -1)) {
    const named = countryForModifier(word);
    if (named) country ??= named;
    else if (TITLE_MODIFIERS.has(word.toLowerCase())) modifiers.push(word.toLowerCase());
    // Any other word ("local", "senior Israeli") makes the description more specific than a role.
    else return undefined;
  }
  return { head, modifiers, ...(country ? { country } : {}) };
}

/**
 * The one person the article gives a role description: "Norway's fisheries minister said ..." in a
 * lede that names "Fisheries Minister X of Norway" only further down (news writes the role first).
 * The extractor looks for an earlier antecedent; this pass sees the whole article. A description that
 * fits no one, or several people, stays unresolved.
 */
interface RoleHolder {
  person: EntityRecord;
  titles: { words: string[]; country?: string }[];
  nationality?: string;
}

/** The people of an article by each word of their titles, built once per article (folded countries). */
function roleHolders(doc: DocumentExtraction): Map<string, RoleHolder[]> {
  const names = new Map(doc.entities.map((e) => [e.localId, foldName(e.name)]));
  const byWord = new Map<string, RoleHolder[]>();
  for (const person of doc.entities) {
    if (person.type !== 'Person' || !person.roles?.length) continue;
    const nationality = person.nationality ? names.get(person.nationality) : undefined;
    const holder: RoleHolder = {
      person,
      titles: person.roles.map((r) => {
        const country = r.country ? names.get(r.country) : undefined;
        return { words: r.title.toLowerCase().split(/[\s-]+/), ...(country ? { country } : {}) };
      }),
      ...(nationality ? { nationality } : {}),
    };
    for (const word of new Set(holder.titles.flatMap((t) => t.words))) {
      byWord.set(word, [...(byWord.get(word) ?? []), holder]);
    }
  }
  return byWord;
}

function personForRole(
  holders: Map<string, RoleHolder[]>,
  mention: string,
  before = '',
): EntityRecord | undefined {
  const role = parseRole(mention);
  if (!role) return undefined;
  const country = role.country ? foldName(role.country) : undefined;
  // "his Russian counterpart": no one's title says "counterpart"; the one titled person of that country.
  // With several, the one whose office the words before the description name ("Ukraine's foreign
  // minister said ..., while his Russian counterpart warned": the Russian foreign minister).
  if (role.head === 'counterpart' && country && role.modifiers.length === 0) {
    const ofCountry = [...new Set([...holders.values()].flat())].filter(
      (h) => h.nationality === country || h.titles.some((t) => t.country === country),
    );
    if (ofCountry.length === 1) return ofCountry[0]!.person;
    const lead = before.toLowerCase();
    const named = ofCountry.filter((h) => h.titles.some((t) => lead.includes(t.words.join(' '))));
    return named.length === 1 ? named[0]!.person : undefined;
  }
  const fits = (holders.get(role.head) ?? []).filter((h) => {
    const titled = h.titles.filter(
      (t) => t.words.includes(role.head) && role.modifiers.every((m) => t.words.includes(m)),
    );
    if (titled.length === 0) return false;
    return !country || titled.some((t) => t.country === country) || h.nationality === country;
  });
  return fits.length === 1 ? fits[0]!.person : undefined;
}

/** A description whose head is a person's role ("the minister", "his counterpart"): never an organisation. */
function isPersonDescription(mention: string): boolean {
  const head = mention
    .trim()
    .replace(DESCRIPTION_DETERMINER, '')
    .split(/\s+(?:of|for|with|at|from|who|whom|whose|which|that|in|on)\s+/i)[0]!
    .split(/\s+/)
    .at(-1)
    ?.toLowerCase();
  return head !== undefined && (ROLE_NOUNS.has(head) || TITLE_HEADS.has(head)) && !isGroupNoun(head);
}

/** Personal pronouns name no one by themselves; their antecedent was already looked for. */
const PRONOUN = /^(?:he|she|they|it|we|i|you|him|her|them|us)$/i;

/**
 * One word that opens a clause without naming anyone ("Since ...", "Previously, ...", "Neither ..."):
 * the attribution took it for a subject. (Not every word in -ly: "Italy", "Kelly".)
 */
const NOT_A_BODY = new Set(
  `since because although though however meanwhile moreover furthermore nevertheless instead also
  still even only just now then today yesterday tomorrow earlier later neither either none nobody
  nothing everyone everybody someone somebody anyone anybody both each other others another such this
  that these those there here what which who whom whose when where why how previously similarly
  possibly recently finally initially additionally currently originally apparently certainly clearly
  obviously separately ultimately eventually importantly interestingly unfortunately fortunately
  traditionally historically typically generally usually privately publicly officially`.split(/\s+/),
);
/** A reporting verb inside the mention: it ran over the clause ("He said the claims"). */
const REPORTING_VERB = /\b(?:said|says|say|told|tells)\b/i;

/** The organisation or group name a speaker mention gives: "the ministry" -> "ministry". */
export function groupSpeakerName(mention: string): string | undefined {
  const cleaned = mention
    .trim()
    // A list dash or bullet in front ("- The Londoners") is no part of the name.
    .replace(/^[^\p{L}\p{N}\p{Sc}]+/u, '')
    // "according to figures": the source is what follows.
    .replace(/^according\s+to\s+/i, '')
    .replace(/['’]s?$/, '')
    // A bracket left over from the sentence ("CBI)") is no part of the name.
    .replace(/^[([]+(?=[^)\]]*$)|(?<=^[^([]*)[)\]]+$/gu, '')
    .replace(/\s+/g, ' ');
  // "a Cosla spokesman": after a lower-case article the capital is the name's own, not the sentence's.
  const article = /^(?:the|a|an)\s+/i.exec(cleaned);
  const name = article ? cleaned.slice(article[0].length) : cleaned;
  const capitalOwn = article !== null && /^\p{Ll}/u.test(article[0]);
  const words = name.split(' ');
  if (!name || PRONOUN.test(name) || words.length > 8) return undefined;
  if (REPORTING_VERB.test(name)) return undefined;
  if (words.length === 1 && NOT_A_BODY.has(name.toLowerCase())) return undefined;
  // Punctuation or a figure ("-", "92%") is no name of a body.
  if (!/\p{L}/u.test(name) || /^[\p{N}\p{Sc}]/u.test(name)) return undefined;
  // "Police said" opens a sentence: a group noun capitalised only there is still a common noun.
  // A country or place opening it ("Norway's energy ministry", "Ontario government") is a proper noun,
  // not a sentence-initial capital.
  if (
    !capitalOwn &&
    isGroupNoun(words.at(-1)!) &&
    words.slice(1).every((w) => !/^\p{Lu}/u.test(w)) &&
    // An acronym or a name written in capitals ("RCMP spokesperson") keeps them.
    /^\p{Lu}[\p{Ll}'’-]*$/u.test(words[0]!) &&
    !(words.length > 1 && (countryForModifier(words[0]!) || isKnownPlace(words[0]!)))
  ) {
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
  const holders = roleHolders(doc);
  const roleAnswers = new Map<string, EntityRecord | undefined>();
  const quotes = doc.quotes.map((q): QuoteRecord => {
    if (q.speaker || !q.speakerMention) return q;
    const mention = q.speakerMention.text;
    const start = q.speakerMention.span.start;
    let person: EntityRecord | undefined;
    if (/\bcounterpart$/i.test(mention)) {
      // (the sentence's words before a counterpart say whose counterpart it is: not cached)
      person = personForRole(holders, mention, doc.text.slice(Math.max(0, start - 200), start));
    } else {
      if (!roleAnswers.has(mention)) roleAnswers.set(mention, personForRole(holders, mention));
      person = roleAnswers.get(mention);
    }
    if (person) return { ...q, speaker: person.localId };
    // An unnamed person ("a senior official") is kept as the quote's speaker mention, not as a body.
    if (isPersonDescription(q.speakerMention.text)) return q;
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
