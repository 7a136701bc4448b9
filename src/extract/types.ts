/**
 * Typed records produced by src/extract (pure: text in, records out). Offsets are UTF-16 code unit
 * indices into the article text exactly as read (JavaScript string indices), end exclusive.
 * This file is the contract between the extraction modules, src/resolve and src/model.
 */

export interface Span {
  start: number;
  end: number;
}

/** One article as handed to the extractor (from a .txt/.md file or a JSON Lines record). */
export interface ArticleInput {
  /** JSONL `id`, or the file name without extension. */
  id: string;
  text: string;
  title?: string;
  outlet?: string;
  /** ISO date (YYYY-MM-DD) or full ISO timestamp when known from metadata. */
  date?: string;
  url?: string;
}

/** Metadata from the input fields plus what the text itself gives (dateline, byline, outlet, date). */
export interface ArticleMeta {
  id: string;
  title?: string;
  outlet?: string;
  date?: string;
  datelineCity?: string;
  byline?: string[];
  url?: string;
}

export interface Sentence {
  index: number;
  paragraph: number;
  start: number;
  end: number;
}

export type EntityType = 'Person' | 'Country' | 'Place' | 'Organization';

export interface RoleRecord {
  /** e.g. "Foreign Minister". */
  title: string;
  /** Local id of the Country the role belongs to ("Ukrainian Foreign Minister" -> Ukraine). */
  country?: string;
  /** Local id of the Organization the role belongs to ("NATO Secretary General"). */
  organization?: string;
  span: Span;
}

/** One real-world entity as seen in one article (in-document coreference already applied). */
export interface EntityRecord {
  /** Document-local id, unique within one DocumentExtraction. */
  localId: string;
  type: EntityType;
  /** Fullest name used in the article. */
  name: string;
  /** Other surface forms in the article (surname only, with title, transliteration seen, ...). */
  aliases: string[];
  mentions: Span[];
  /** Person only. */
  roles?: RoleRecord[];
  /** Person only: local id of the Country of nationality when stated. */
  nationality?: string;
  /** Person only: from pronouns or honorifics, used for pronoun resolution. */
  gender?: 'male' | 'female';
  /** Place/Organization: local id of the Country it is LOCATED_IN, when known. */
  country?: string;
}

export type EventKind = 'meeting' | 'talks' | 'visit' | 'attack' | 'summit' | 'call' | 'other';

export interface EventRecord {
  localId: string;
  kind: EventKind;
  /** Human-readable label, e.g. "talks in <place>" built from the text, never from a rule file. */
  name: string;
  /** ISO date when resolvable (relative weekdays resolved against the article date). */
  date?: string;
  /** Local id of the Place/Country where it happened. */
  place?: string;
  participants: string[];
  /** Persons or Countries that mediated or hosted. */
  mediators: string[];
  span: Span;
  sentence: number;
}

export type QuoteKind = 'direct' | 'partial' | 'indirect';

export interface QuoteRecord {
  localId: string;
  kind: QuoteKind;
  /** The quoted content (without the surrounding quotation marks for direct quotes). */
  text: string;
  /** Span of the content in the article text. */
  span: Span;
  /** Local id of the speaking Person or Organization, when attributed. */
  speaker?: string;
  /** The surface speaker mention the attribution used ("he", "the envoy", a name). */
  speakerMention?: { text: string; span: Span };
  /** Reporting verb ("said", "told", "added"). */
  cue?: string;
  /** Span of the whole sentence(s) the quote sits in: the provenance users check. */
  sentenceSpan: Span;
  /** Local id (see quote-context.ts) of the Person, Organization or Country addressed ("told X", "in an interview with X"). */
  addressee?: string;
  /** An addressee that is no entity ("reporters", "the committee"). */
  audience?: string;
  /** ISO date the statement was made, when the attribution states it. */
  date?: string;
  /** Local id of the Place or Country where it was said. */
  place?: string;
  /** Local id of the event it was said at. */
  event?: string;
}

export interface DocumentExtraction {
  article: ArticleMeta;
  text: string;
  sentences: Sentence[];
  entities: EntityRecord[];
  events: EventRecord[];
  quotes: QuoteRecord[];
}
