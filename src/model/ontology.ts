/**
 * The ontology: THE one place for node labels, edge types and the properties each carries. The graph
 * builder, the Neo4j store, the viewer and the saved queries all take their names from here.
 *
 * Node keys are stable and content-derived (see nodeKey), so the same entity gets the same key on
 * every run and machine and the store can MERGE on them.
 */

export const NodeLabel = {
  Person: 'Person',
  Country: 'Country',
  Place: 'Place',
  Organization: 'Organization',
  Event: 'Event',
  Quote: 'Quote',
  Article: 'Article',
} as const;
export type NodeLabel = (typeof NodeLabel)[keyof typeof NodeLabel];
export const NODE_LABELS: readonly NodeLabel[] = Object.values(NodeLabel);

export const EdgeType = {
  /** Person|Organization -> Quote. Props: contested. */
  SAID: 'SAID',
  /** Person|Country|Organization -> Event: mediated or hosted it. */
  MEDIATED: 'MEDIATED',
  /** Event(meeting|talks|summit) -> Place|Country. */
  MET_IN: 'MET_IN',
  /** Event(other kinds) -> Place|Country. */
  OCCURRED_IN: 'OCCURRED_IN',
  /** Person|Country|Organization -> Event. */
  PARTICIPATED_IN: 'PARTICIPATED_IN',
  /** Person -> Country|Organization. Props: title. */
  HOLDS_OFFICE: 'HOLDS_OFFICE',
  /** Place|Organization -> Country. */
  LOCATED_IN: 'LOCATED_IN',
  /** Quote -> Article. */
  REPORTED_IN: 'REPORTED_IN',
  /** Person|Country|Place|Organization|Event -> Article. Props: count. */
  MENTIONED_IN: 'MENTIONED_IN',
  /** Person -> Country: nationality stated in the text. */
  NATIONAL_OF: 'NATIONAL_OF',
  /** Quote -> Person|Organization|Country: to whom it was said ("told X", "in a letter to X"). */
  ADDRESSED_TO: 'ADDRESSED_TO',
  /** Quote -> Place|Country|Event: where, or at which event, it was said. */
  SAID_AT: 'SAID_AT',
} as const;
export type EdgeType = (typeof EdgeType)[keyof typeof EdgeType];
export const EDGE_TYPES: readonly EdgeType[] = Object.values(EdgeType);

/** Character span in one article (offsets into the text exactly as read, end exclusive). */
export interface ArticleSpan {
  article: string;
  start: number;
  end: number;
}

/** Provenance every node and edge carries: which articles and which spans support it. */
export interface Provenance {
  articles: string[];
  spans: ArticleSpan[];
}

interface NodeBase extends Provenance {
  type: NodeLabel;
  name: string;
}

export interface PersonNode extends NodeBase {
  type: 'Person';
  aliases: string[];
  gender?: 'male' | 'female';
}
export interface CountryNode extends NodeBase {
  type: 'Country';
  aliases: string[];
  iso: string;
}
export interface PlaceNode extends NodeBase {
  type: 'Place';
  aliases: string[];
  kind?: string;
}
export interface OrganizationNode extends NodeBase {
  type: 'Organization';
  aliases: string[];
  kind?: string;
}
export interface EventNode extends NodeBase {
  type: 'Event';
  kind: string;
  date?: string;
}
export interface QuoteNode extends NodeBase {
  type: 'Quote';
  text: string;
  kind: 'direct' | 'partial' | 'indirect';
  /** Every place the quote occurs: {article, start, end} of the quoted content. */
  mentions: ArticleSpan[];
  /** Other wordings of the same quote seen in other articles. */
  variants: string[];
  /** Number of distinct articles reporting it. */
  corroboration: number;
  /** Earliest date an article says it was said on (ISO), when any does. */
  date?: string;
  /** Addressees that are no entity ("reporters", "a news conference"), from every report. */
  audience: string[];
}
export interface ArticleNode extends NodeBase {
  type: 'Article';
  articleId: string;
  title?: string;
  outlet?: string;
  date?: string;
  url?: string;
  datelineCity?: string;
  byline?: string[];
}

export type NodeAttributes =
  | PersonNode
  | CountryNode
  | PlaceNode
  | OrganizationNode
  | EventNode
  | QuoteNode
  | ArticleNode;

export interface EdgeAttributes extends Provenance {
  type: EdgeType;
  /** HOLDS_OFFICE: the office title ("Foreign Minister"). */
  title?: string;
  /** SAID: outlets disagree about who said it. */
  contested?: boolean;
  /** MENTIONED_IN: number of mentions in that article. */
  count?: number;
}

/** Property names per label, for the store's schema and for tests that check the contract. */
export const NODE_PROPERTIES: Readonly<Record<NodeLabel, readonly string[]>> = {
  Person: ['type', 'name', 'aliases', 'gender', 'articles', 'spans'],
  Country: ['type', 'name', 'aliases', 'iso', 'articles', 'spans'],
  Place: ['type', 'name', 'aliases', 'kind', 'articles', 'spans'],
  Organization: ['type', 'name', 'aliases', 'kind', 'articles', 'spans'],
  Event: ['type', 'name', 'kind', 'date', 'articles', 'spans'],
  Quote: ['type', 'name', 'text', 'kind', 'mentions', 'variants', 'corroboration', 'date', 'audience', 'articles', 'spans'],
  Article: ['type', 'name', 'articleId', 'title', 'outlet', 'date', 'url', 'datelineCity', 'byline', 'articles', 'spans'],
};

export const EDGE_PROPERTIES: Readonly<Record<EdgeType, readonly string[]>> = {
  SAID: ['type', 'contested', 'articles', 'spans'],
  MEDIATED: ['type', 'articles', 'spans'],
  MET_IN: ['type', 'articles', 'spans'],
  OCCURRED_IN: ['type', 'articles', 'spans'],
  PARTICIPATED_IN: ['type', 'articles', 'spans'],
  HOLDS_OFFICE: ['type', 'title', 'articles', 'spans'],
  LOCATED_IN: ['type', 'articles', 'spans'],
  REPORTED_IN: ['type', 'articles', 'spans'],
  MENTIONED_IN: ['type', 'count', 'articles', 'spans'],
  NATIONAL_OF: ['type', 'articles', 'spans'],
  ADDRESSED_TO: ['type', 'articles', 'spans'],
  SAID_AT: ['type', 'articles', 'spans'],
};

/** Node key prefixes: `<prefix>:<content-derived id>`. */
export const KEY_PREFIX: Readonly<Record<NodeLabel, string>> = {
  Person: 'person',
  Country: 'country',
  Place: 'place',
  Organization: 'org',
  Event: 'event',
  Quote: 'quote',
  Article: 'article',
};

export function nodeKey(label: NodeLabel, id: string): string {
  return `${KEY_PREFIX[label]}:${id}`;
}

/** Edge key: stable and unique per (type, source, target[, qualifier]) so re-building merges, not duplicates. */
export function edgeKey(type: EdgeType, source: string, target: string, qualifier?: string): string {
  return qualifier ? `${type}|${source}|${target}|${qualifier}` : `${type}|${source}|${target}`;
}

/** Events that are meetings take MET_IN to their place; all others OCCURRED_IN. */
export function placeEdgeFor(eventKind: string): EdgeType {
  return eventKind === 'meeting' || eventKind === 'talks' || eventKind === 'summit' ? EdgeType.MET_IN : EdgeType.OCCURRED_IN;
}
