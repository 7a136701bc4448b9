/**
 * The reads behind the HTTP API. Search, a node's provenance and counts come from read.ts (the store's
 * own reads); what it lacks for the API lives here: neighbourhood expansion with a type filter and a
 * bounded frontier, the overview subgraph with type and date filters, the quotes listing, and health.
 * All reads run in READ access mode. Subgraphs are graphology-serialized (see read.ts toSerializedGraph).
 */
import neo4j, { type Driver, type ManagedTransaction, Neo4jError, type Record as Neo4jRecord } from 'neo4j-driver';
import { UserError } from '../errors.js';
import { runReadOnlyCypher, type ReadOnlyQueryResult } from './cypher.js';
import { ARTICLE_BOOKKEEPING } from './articles.js';
import { cypherLabel, cypherRelType, isNodeLabel, NODE_LABELS, nodeTypeOf } from './labels.js';
import {
  buildNeighbourSnapshot,
  expand,
  expansionGraph,
  expansionJson,
  type NeighbourSnapshot,
  type SnapshotNode,
} from './neighbour-snapshot.js';
import { fromNeo4jProps, SYNC_HASH_PROPERTY } from './properties.js';
import {
  countGraph,
  matchNodeById,
  readNode,
  type ReadRunner,
  searchNodes,
  toSerializedGraph,
  type GraphCounts,
  type NodeDetails as BaseNodeDetails,
  type SearchHit,
  type SerializedSubgraph,
  type StoredEdge,
  type StoredNode,
} from './read.js';

export type { GraphCounts, SearchHit, SerializedSubgraph };

/** The paragraph around a provenance span (offsets into the article text). */
export interface ParagraphContext {
  start: number;
  end: number;
  text: string;
}

/**
 * Provenance items also carry `paragraph` (its text) and `paragraphStart` (its offset in the article, the
 * same coordinates as `start`/`end`), so a viewer can show the sentence in context and highlight the span.
 */
export type NodeDetails = Omit<BaseNodeDetails, 'provenance'> & {
  provenance: Array<BaseNodeDetails['provenance'][number] & { paragraph?: string; paragraphStart?: number }>;
};

/**
 * `compact` (the default for subgraphs) leaves out the positional provenance (`spans`, `mentions`) and
 * keeps the first COMPACT_ARTICLES of `articles` with an `articleCount`: a country mentioned in a thousand
 * articles otherwise weighs over 100 kB. `full` returns every property; /api/nodes/:id always does.
 */
export type SubgraphDetail = 'compact' | 'full';
export const COMPACT_ARTICLES = 20;

export interface NeighbourOptions {
  detail?: SubgraphDetail;
  depth: number;
  /** Only nodes with one of these labels are visited and returned (the start node always is). */
  types?: string[];
  /** Most nodes returned besides the start node. */
  limit: number;
  /**
   * The graph version the caller probed after its request arrived: with it, the answer may come from the
   * in-memory neighbour snapshot taken at that version (see NeighbourIndexStatus).
   */
  version?: string;
}

/** Where an expansion was computed: the in-memory snapshot or a Neo4j query. */
export type NeighbourSource = 'memory' | 'neo4j';

/**
 * The in-memory neighbour snapshot: `off` (disabled), `empty` (none yet), `building`, `ready` at
 * `version`, or `refused` at `version` (too large for the configured row limit, nodes without an `id`,
 * or the load failed: `reason`). A refused version is not retried; the next graph version is.
 */
export interface NeighbourIndexStatus {
  state: 'off' | 'empty' | 'building' | 'ready' | 'refused';
  version?: string;
  nodes?: number;
  relationships?: number;
  reason?: string;
  buildMs?: number;
}

export interface OverviewOptions {
  detail?: SubgraphDetail;
  types?: string[];
  /** ISO dates (YYYY-MM-DD): keep nodes supported by at least one article dated in the range. */
  from?: string;
  to?: string;
  limit: number;
}

export interface QuoteFilter {
  /** Id of the speaking Person or Organization. */
  speaker?: string;
  contested?: boolean;
  /** Minimum number of distinct articles reporting the quote. */
  minSources?: number;
  limit: number;
  /** Quotes skipped first, in the listing's order (paging); 0 when unset. */
  offset?: number;
}

export interface QuoteLinkItem {
  id: string;
  type: string;
  name: string;
}

export interface QuoteListing {
  id: string;
  text: string;
  kind: string | null;
  corroboration: number;
  contested: boolean;
  speakers: Array<{ id: string; type: string; name: string; contested: boolean }>;
  /** To whom (ADDRESSED_TO) and where (SAID_AT) it was said. */
  addressees: QuoteLinkItem[];
  settings: QuoteLinkItem[];
  audience: string[];
  date: string | null;
  sources: Array<{ articleId: string; title: string | null; outlet: string | null; date: string | null; url: string | null }>;
}

/**
 * One page of the quotes listing. `hasMore` says whether quotes follow this page, and `nextOffset` is the
 * offset of the next page (null when none follows), so a client pages without counting the whole listing.
 */
export interface QuotePage {
  quotes: QuoteListing[];
  hasMore: boolean;
  nextOffset: number | null;
}

export interface Health {
  neo4j: 'up';
  nodes: number;
  relationships: number;
}

export interface CypherLimits {
  timeoutMs: number;
  maxRows: number;
}

/** A neighbourhood, and where it was computed. */
export interface NeighbourAnswer {
  graph: SerializedSubgraph;
  source: NeighbourSource;
  /** From the snapshot: the same graph as JSON, put together from kept pieces (cheaper than serializing it). */
  json?: () => Buffer;
}

/** What the API asks of the store; one instance per server, bound to its driver and database. */
export interface GraphReads {
  health(): Promise<Health>;
  stats(): Promise<GraphCounts>;
  search(text: string, options: { types?: string[]; limit: number }): Promise<SearchHit[]>;
  node(id: string): Promise<NodeDetails | undefined>;
  neighbours(
    id: string,
    options: NeighbourOptions,
  ): Promise<NeighbourAnswer | undefined>;
  neighbourIndex(): NeighbourIndexStatus;
  overview(options: OverviewOptions): Promise<SerializedSubgraph>;
  quotes(filter: QuoteFilter): Promise<QuotePage>;
  cypher(query: string, params: Record<string, unknown>): Promise<ReadOnlyQueryResult>;
  /**
   * The graph's version: the bookmark of a trivial read transaction, i.e. the database's last committed
   * transaction. Any commit changes it; reads do not. A server without bookmarks gives a new value each call.
   */
  version(): Promise<string>;
}

function validLabels(types: string[] | undefined): string[] {
  const labels = (types ?? []).filter(isNodeLabel);
  return labels.length > 0 ? labels : [...NODE_LABELS];
}

/** Server-side limit on the API's own reads: a bound on what a pathological hub or filter can cost. */
export const API_READ_TIMEOUT_MS = 15_000;

async function readTx<T>(
  driver: Driver,
  database: string | undefined,
  work: (tx: ManagedTransaction) => Promise<T>,
  timeoutMs = API_READ_TIMEOUT_MS,
): Promise<T> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(work, { timeout: timeoutMs });
  } finally {
    await session.close();
  }
}

/**
 * One read statement in an auto-commit READ transaction: a single round trip (an explicit transaction adds
 * BEGIN and COMMIT), about half the driver's work per request. For reads made of one statement only; what
 * needs several statements on one snapshot uses readTx. Not retried: the caller sees a failure at once.
 */
function readOnce(driver: Driver, database: string | undefined): ReadRunner {
  return async (query, params) => {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      return (await session.run(query, params, { timeout: API_READ_TIMEOUT_MS })).records;
    } finally {
      await session.close();
    }
  };
}

/** Map-projection entries that drop or shorten properties (applied to node and relationship aliases). */
function projectionOverrides(alias: string, detail: SubgraphDetail, forNode: boolean): string {
  // An Article's text and extraction are tens of kilobytes the API never returns: leave them in Neo4j.
  const overrides: string[] = forNode ? ARTICLE_BOOKKEEPING.map((k) => `${k}: null`) : [];
  if (detail === 'compact') {
    overrides.push(
      'spans: null',
      'mentions: null',
      `articles: ${alias}.articles[0..${COMPACT_ARTICLES}]`,
      `articleCount: size(coalesce(${alias}.articles, []))`,
    );
  }
  return overrides.length > 0 ? `, ${overrides.join(', ')}` : '';
}

/** A node as `eid, labels, props`, projected so that only what the API returns leaves the database. */
function projectNode(alias: string, detail: SubgraphDetail): string {
  return `elementId(${alias}) AS eid, labels(${alias}) AS labels, ${alias} {.*${projectionOverrides(alias, detail, true)}} AS props`;
}

/** Properties as read.ts decodes them (JSON ones parsed), minus whatever the projection nulled out. */
function decodeProps(raw: Record<string, unknown>): Record<string, unknown> {
  const properties = fromNeo4jProps(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null)));
  for (const k of ARTICLE_BOOKKEEPING) delete properties[k];
  return properties;
}

interface ProjectedNode extends StoredNode {
  elementId: string;
}

/** Same shape as read.ts decodeNode, from a projectNode row. */
function decodeProjected(row: Neo4jRecord): ProjectedNode {
  const labels = row.get('labels') as string[];
  const properties = decodeProps(row.get('props') as Record<string, unknown>);
  const elementId = row.get('eid') as string;
  return { id: String(properties.id ?? elementId), type: nodeTypeOf(labels), properties, elementId };
}

function withoutElementId({ elementId: _e, ...node }: ProjectedNode): StoredNode {
  return node;
}

/** Every relationship among the given nodes (by element id), with its end-node keys. */
async function relationshipsAmong(tx: ManagedTransaction, elementIds: string[], detail: SubgraphDetail): Promise<StoredEdge[]> {
  if (elementIds.length < 1) return [];
  const res = await tx.run(
    'MATCH (a) WHERE elementId(a) IN $ids ' +
      'MATCH (a)-[r]->(b) WHERE elementId(b) IN $ids ' +
      `RETURN elementId(r) AS eid, type(r) AS type, r {.*${projectionOverrides('r', detail, false)}} AS props, a.id AS s, b.id AS t`,
    { ids: elementIds },
  );
  return res.records.map((rec) => {
    const properties = decodeProps(rec.get('props') as Record<string, unknown>);
    return {
      id: String(properties.id ?? rec.get('eid')),
      type: rec.get('type') as string,
      source: rec.get('s') as string,
      target: rec.get('t') as string,
      properties,
    };
  });
}

/** Properties that never leave Neo4j in a subgraph: the store's bookkeeping, and (compact) positional provenance. */
const HIDDEN_FULL = [...ARTICLE_BOOKKEEPING, SYNC_HASH_PROPERTY];
const HIDDEN_COMPACT = [...HIDDEN_FULL, 'spans', 'mentions'];

/**
 * A node's or relationship's properties as `[key, value]` pairs, reading only the keys the response keeps
 * (an Article's text and extraction are kilobytes that `x {.*}` would load for each node). Compact: the
 * first COMPACT_ARTICLES article ids, plus an `articleCount` pair.
 */
function pairsExpr(alias: string, detail: SubgraphDetail): string {
  if (detail === 'full') return `[k IN keys(${alias}) WHERE NOT k IN $hidden | [k, ${alias}[k]]]`;
  return (
    `[k IN keys(${alias}) WHERE NOT k IN $hidden | [k, CASE k WHEN 'articles' THEN ${alias}.articles[0..${COMPACT_ARTICLES}] ELSE ${alias}[k] END]]` +
    ` + [['articleCount', size(coalesce(${alias}.articles, []))]]`
  );
}

function pairsToProps(pairs: Array<[string, unknown]>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of pairs) if (v !== null) raw[k] = v;
  return fromNeo4jProps(raw);
}

/**
 * The whole expansion as one statement (one round trip, one plan per depth/filter/detail in Neo4j's plan
 * cache); element ids only for a node or relationship without an `id` property (store-written ones all
 * have one), since decoding strings is most of the driver's work. Each hop keeps the `$take` neighbours most connected to the current frontier (a Top-k inside the
 * hop, not a sort of the whole frontier), so a hub cannot blow the result up; nearest first. The hop's
 * links are counted per neighbour before the seen/type checks, so each candidate is checked once.
 */
function neighbourStatement(id: string, depth: number, filterLabels: boolean, detail: SubgraphDetail): string {
  const hop = (h: number) =>
    `WITH seen, frontier, truncated, $limit - size(seen) + 1 AS room ` +
    `CALL { WITH seen, frontier, room ` +
    `CALL { WITH frontier, room UNWIND CASE WHEN room > 0 THEN frontier ELSE [] END AS f MATCH (f)--(m) RETURN m, count(*) AS links } ` +
    `WITH m, links WHERE NOT m IN seen ${filterLabels ? 'AND any(l IN labels(m) WHERE l IN $labels) ' : ''}` +
    `WITH m, links ORDER BY links DESC, m.id LIMIT $take RETURN collect(m) AS found${h} } ` +
    `WITH seen, truncated OR (size(frontier) > 0 AND (room <= 0 OR size(found${h}) > room)) AS truncated, ` +
    `found${h}[0..CASE WHEN room > 0 THEN room ELSE 0 END] AS frontier ` +
    `WITH seen + frontier AS seen, frontier, truncated `;
  return (
    `${matchNodeById(id)} WITH n LIMIT 1 ` +
    'WITH [n] AS seen, [n] AS frontier, false AS truncated ' +
    Array.from({ length: depth }, (_, i) => hop(i + 1)).join('') +
    // A row per node (with its rank) and per relationship: one huge row would span many Bolt chunks, which
    // the driver decodes far more slowly than many small messages.
    'CALL { WITH seen UNWIND range(0, size(seen) - 1) AS i WITH seen[i] AS x, i ' +
    `RETURN i, [CASE WHEN x.id IS NULL THEN elementId(x) END, labels(x), ${pairsExpr('x', detail)}] AS node, null AS rel ` +
    'UNION ALL WITH seen UNWIND seen AS a MATCH (a)-[r]->(b) WHERE b IN seen ' +
    `RETURN -1 AS i, null AS node, [CASE WHEN r.id IS NULL THEN elementId(r) END, type(r), ${pairsExpr('r', detail)}, a.id, b.id] AS rel } ` +
    'RETURN i, node, rel, truncated'
  );
}

const statements = new Map<string, string>();

async function expandNeighbours(
  run: ReadRunner,
  id: string,
  options: NeighbourOptions,
): Promise<SerializedSubgraph | undefined> {
  const detail = options.detail ?? 'compact';
  const labels = validLabels(options.types);
  // Every node the store writes has an ontology label: without a types filter, skip the per-node check.
  const filterLabels = labels.length < NODE_LABELS.length;
  // The statement text depends on the id only through its label (from the key prefix): a handful of texts.
  const key = `${matchNodeById(id)}|${options.depth}|${filterLabels}|${detail}`;
  let statement = statements.get(key);
  if (statement === undefined) {
    statement = neighbourStatement(id, options.depth, filterLabels, detail);
    statements.set(key, statement);
  }
  const records = await run(statement, {
    id,
    labels,
    limit: neo4j.int(options.limit),
    take: neo4j.int(options.limit + 1),
    hidden: detail === 'compact' ? HIDDEN_COMPACT : HIDDEN_FULL,
  });
  if (records.length === 0) return undefined;
  const ranked: Array<[number, StoredNode]> = [];
  const edges: StoredEdge[] = [];
  for (const row of records) {
    const node = row.get('node') as [string | null, string[], Array<[string, unknown]>] | null;
    if (node !== null) {
      const [eid, nodeLabels, pairs] = node;
      const properties = pairsToProps(pairs);
      const type = nodeTypeOf(nodeLabels);
      ranked.push([row.get('i') as number, { id: String(properties.id ?? eid), type, properties }]);
      continue;
    }
    const [eid, type, pairs, source, target] = row.get('rel') as [string | null, string, Array<[string, unknown]>, string, string];
    const properties = pairsToProps(pairs);
    edges.push({ id: String(properties.id ?? eid), type, source, target, properties });
  }
  const nodes = ranked.sort((x, y) => x[0] - y[0]).map(([, n]) => n);
  const graph = toSerializedGraph(nodes, edges);
  graph.attributes = { center: nodes[0]?.id ?? id, depth: options.depth, truncated: records[0]?.get('truncated') === true };
  return graph;
}

async function overviewSubgraph(tx: ManagedTransaction, options: OverviewOptions): Promise<SerializedSubgraph> {
  const labels = validLabels(options.types);
  let articleIds: string[] | null = null;
  if (options.from !== undefined || options.to !== undefined) {
    // Dates are ISO strings; a date-only `to` must include that whole day's timestamps.
    const res = await tx.run(
      'MATCH (a:Article) WHERE a.date IS NOT NULL AND ($from IS NULL OR a.date >= $from) ' +
        'AND ($to IS NULL OR a.date <= $to) RETURN collect(a.articleId) AS ids',
      { from: options.from ?? null, to: options.to === undefined ? null : `${options.to}\uffff` },
    );
    articleIds = (res.records[0]?.get('ids') as string[] | undefined) ?? [];
  }
  const scan = labels.map((l) => `MATCH (n:${cypherLabel(l)}) RETURN n`).join(' UNION ');
  const res = await tx.run(
    `CALL { ${scan} } ` +
      'WITH n WHERE $articleIds IS NULL OR any(x IN coalesce(n.articles, []) WHERE x IN $articleIds) ' +
      `WITH n, COUNT { (n)--() } AS degree ORDER BY degree DESC, n.id LIMIT $limit RETURN ${projectNode('n', options.detail ?? 'compact')}`,
    { articleIds, limit: neo4j.int(options.limit + 1) },
  );
  const found = res.records.map(decodeProjected);
  const truncated = found.length > options.limit;
  if (truncated) found.length = options.limit;
  const graph = toSerializedGraph(
    found.map(withoutElementId),
    await relationshipsAmong(
      tx,
      found.map((n) => n.elementId),
      options.detail ?? 'compact',
    ),
  );
  graph.attributes = { truncated, types: labels, from: options.from ?? null, to: options.to ?? null };
  return graph;
}

/** Paragraphs are separated by line breaks in the stored text; a span across a break takes both lines. */
export function paragraphAround(body: string, start: number, end: number): ParagraphContext {
  const from = body.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
  const newline = body.indexOf('\n', end);
  const to = newline === -1 ? body.length : newline;
  return { start: from, end: to, text: body.slice(from, to) };
}

/** Each provenance item with the paragraph around it, from the article texts read with the provenance. */
function withParagraphs(details: BaseNodeDetails, bodies: Map<string, string>): NodeDetails {
  if (details.provenance.length === 0) return details;
  return {
    ...details,
    provenance: details.provenance.map((p) => {
      const body = bodies.get(p.articleId);
      if (typeof body !== 'string') return p;
      const paragraph = paragraphAround(body, p.start, p.end);
      return { ...p, paragraph: paragraph.text, paragraphStart: paragraph.start };
    }),
  };
}

/**
 * A page of quotes. The order (most corroborated first, then the unique quote id) is total, so SKIP/LIMIT
 * pages never overlap or leave a quote out while the graph is unchanged. One quote more than the page is
 * read to tell whether another page follows.
 */
async function listQuotes(run: ReadRunner, filter: QuoteFilter): Promise<QuotePage> {
  const offset = filter.offset ?? 0;
  const found = await readQuoteRows(run, filter, offset, filter.limit + 1);
  const hasMore = found.length > filter.limit;
  if (hasMore) found.length = filter.limit;
  return { quotes: found, hasMore, nextOffset: hasMore ? offset + filter.limit : null };
}

async function readQuoteRows(
  run: ReadRunner,
  filter: QuoteFilter,
  skip: number,
  limit: number,
): Promise<QuoteListing[]> {
  // With a speaker, start from it (an index seek per speaker label) rather than from every quote.
  const speakerLabels = ['Person', 'Organization'].map(cypherLabel);
  const quotes =
    filter.speaker === undefined
      ? 'MATCH (q:Quote) '
      : `CALL { ${speakerLabels.map((l) => `MATCH (sp:${l} {id: $speaker}) RETURN sp`).join(' UNION ')} } ` +
        'MATCH (sp)-[:SAID]->(q:Quote) WITH DISTINCT q ';
  const records = await run(
    quotes +
      'WITH q WHERE coalesce(q.corroboration, size(coalesce(q.articles, []))) >= $minSources ' +
      'OPTIONAL MATCH (s)-[r:SAID]->(q) ' +
      'WITH q, collect(CASE WHEN s IS NULL THEN NULL ELSE {id: s.id, type: labels(s)[0], name: s.name, contested: coalesce(r.contested, false)} END) AS speakers ' +
      'WITH q, speakers, any(x IN speakers WHERE x.contested) AS contested ' +
      'WHERE $contested IS NULL OR contested = $contested ' +
      'WITH q, speakers, contested ORDER BY coalesce(q.corroboration, 0) DESC, q.id SKIP $skip LIMIT $limit ' +
      'OPTIONAL MATCH (q)-[:REPORTED_IN]->(a:Article) ' +
      'WITH q, speakers, contested, a ORDER BY a.date, a.articleId ' +
      'RETURN q.id AS id, coalesce(q.text, q.name) AS text, q.kind AS kind, coalesce(q.corroboration, 0) AS corroboration, ' +
      'contested, speakers, ' +
      `[(q)-[:${cypherRelType('ADDRESSED_TO')}]->(t) | {id: t.id, type: labels(t)[0], name: t.name}] AS addressees, ` +
      `[(q)-[:${cypherRelType('SAID_AT')}]->(t) | {id: t.id, type: labels(t)[0], name: t.name}] AS settings, ` +
      'coalesce(q.audience, []) AS audience, q.date AS date, collect(CASE WHEN a IS NULL THEN NULL ELSE ' +
      '{articleId: a.articleId, title: coalesce(a.title, a.name), outlet: a.outlet, date: a.date, url: a.url} END) AS sources ' +
      'ORDER BY corroboration DESC, id',
    {
      speaker: filter.speaker ?? null,
      contested: filter.contested ?? null,
      minSources: neo4j.int(filter.minSources ?? 0),
      skip: neo4j.int(skip),
      limit: neo4j.int(limit),
    },
  );
  return records.map((r) => ({
    id: r.get('id') as string,
    text: r.get('text') as string,
    kind: (r.get('kind') as string | null) ?? null,
    corroboration: Number(r.get('corroboration')),
    contested: r.get('contested') === true,
    speakers: r.get('speakers') as QuoteListing['speakers'],
    addressees: r.get('addressees') as QuoteLinkItem[],
    settings: r.get('settings') as QuoteLinkItem[],
    audience: r.get('audience') as string[],
    date: (r.get('date') as string | null) ?? null,
    sources: r.get('sources') as QuoteListing['sources'],
  }));
}

/** The snapshot load reads the whole graph once per version: allowed far longer than a request's read. */
const SNAPSHOT_READ_TIMEOUT_MS = 300_000;

/**
 * Every node and relationship with the compact properties an expansion returns, in one read transaction.
 * Refused (a reason string) when the graph has more rows than `maxRows`, or a node or relationship
 * without an `id` (the store writes none; the snapshot is keyed by it).
 */
async function loadNeighbourSnapshot(
  driver: Driver,
  database: string | undefined,
  maxRows: number,
): Promise<NeighbourSnapshot | string> {
  const counts = await countGraph(driver, database);
  const rows = counts.totalNodes + counts.totalRelationships;
  if (rows > maxRows) return `${rows} nodes and relationships, more than SPEAKERGRAPH_API_NEIGHBOUR_INDEX_ROWS=${maxRows}`;
  return readTx(
    driver,
    database,
    async (tx) => {
      const hidden = HIDDEN_COMPACT;
      const nodeRows = await tx.run(`MATCH (x) RETURN x.id AS id, labels(x) AS labels, ${pairsExpr('x', 'compact')} AS pairs`, { hidden });
      const nodes: SnapshotNode[] = [];
      for (const row of nodeRows.records) {
        if (typeof row.get('id') !== 'string') return 'a node without an id property';
        const labels = row.get('labels') as string[];
        const properties = pairsToProps(row.get('pairs') as Array<[string, unknown]>);
        nodes.push({ id: row.get('id') as string, type: nodeTypeOf(labels), labels, properties });
      }
      const relRows = await tx.run(
        `MATCH (a)-[r]->(b) RETURN r.id AS id, type(r) AS type, ${pairsExpr('r', 'compact')} AS pairs, a.id AS s, b.id AS t`,
        { hidden },
      );
      const edges: StoredEdge[] = [];
      for (const row of relRows.records) {
        if (typeof row.get('id') !== 'string') return 'a relationship without an id property';
        const properties = pairsToProps(row.get('pairs') as Array<[string, unknown]>);
        edges.push({ id: row.get('id') as string, type: row.get('type') as string, source: row.get('s') as string, target: row.get('t') as string, properties });
      }
      return buildNeighbourSnapshot(nodes, edges);
    },
    SNAPSHOT_READ_TIMEOUT_MS,
  );
}

/**
 * Keeps one snapshot, for the latest version a request asked about. A request at a version the snapshot
 * does not have starts its load in the background (one at a time) and is answered by Neo4j meanwhile.
 * The version is probed before the load starts, so the snapshot holds at least that version's graph; a
 * write landing during the load makes it newer than its label, and requests then carry the newer version,
 * which does not match (the response cache relies on the same argument).
 */
function neighbourSnapshotKeeper(load: () => Promise<NeighbourSnapshot | string>, enabled: boolean) {
  let current: { version: string; snapshot?: NeighbourSnapshot; reason?: string; buildMs: number } | undefined;
  let building = false;
  return {
    at(version: string): NeighbourSnapshot | undefined {
      if (!enabled) return undefined;
      if (current?.version === version) return current.snapshot;
      if (!building) {
        building = true;
        const t0 = performance.now();
        load()
          .then(
            (s) => {
              const buildMs = Math.round(performance.now() - t0);
              current = typeof s === 'string' ? { version, reason: s, buildMs } : { version, snapshot: s, buildMs };
            },
            (err: unknown) => {
              current = { version, reason: `load failed: ${err instanceof Error ? err.message : String(err)}`, buildMs: 0 };
            },
          )
          .finally(() => {
            building = false;
          });
      }
      return undefined;
    },
    status(): NeighbourIndexStatus {
      if (!enabled) return { state: 'off' };
      if (building) return { state: 'building', ...(current ? { version: current.version } : {}) };
      if (!current) return { state: 'empty' };
      if (!current.snapshot) return { state: 'refused', version: current.version, reason: current.reason, buildMs: current.buildMs };
      return {
        state: 'ready',
        version: current.version,
        nodes: current.snapshot.nodes.length,
        relationships: current.snapshot.edges.length,
        buildMs: current.buildMs,
      };
    },
  };
}

/** Connection failures become one typed error the API answers with 503 (without the server's address). */
function unavailable(err: unknown): unknown {
  if (
    err instanceof Neo4jError &&
    (err.code === 'ServiceUnavailable' || err.code === 'SessionExpired' || err.code.startsWith('Neo.ClientError.Security.'))
  ) {
    return new UserError('NEO4J_UNAVAILABLE', 'the graph database is not reachable', { neo4jCode: err.code }, { cause: err });
  }
  return err;
}

function mapErrors<T extends object>(target: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(target)) {
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (err) {
        throw unavailable(err);
      }
    };
  }
  return wrapped as T;
}

export function createGraphReads(
  driver: Driver,
  options: {
    database?: string;
    cypher: CypherLimits;
    /** Most nodes+relationships the in-memory neighbour snapshot may hold; 0 turns it off. */
    neighbourIndexRows?: number;
  },
): GraphReads {
  const { database } = options;
  let unversioned = 0;
  const maxRows = options.neighbourIndexRows ?? 0;
  const snapshots = neighbourSnapshotKeeper(() => loadNeighbourSnapshot(driver, database, maxRows), maxRows > 0);
  const reads = mapErrors<Omit<GraphReads, 'neighbourIndex'>>({
    async health() {
      // Fails at once when Neo4j is down (no retries), and costs one round trip answered from the count store.
      const counts = await countGraph(driver, database, { failFast: true });
      return { neo4j: 'up', nodes: counts.totalNodes, relationships: counts.totalRelationships };
    },
    stats: () => countGraph(driver, database),
    search: (text, o) => searchNodes(driver, text, { types: o.types, limit: o.limit, database, run: readOnce(driver, database) }),
    node: (id) =>
      // One transaction: the node, then its cited articles (provenance sentences and paragraphs alike).
      readTx(driver, database, async (tx) => {
        const found = await readNode(async (query, params) => (await tx.run(query, params)).records, id);
        return found && withParagraphs(found.details, found.bodies);
      }),
    async neighbours(id, o) {
      if (o.depth < 1 || o.depth > 3) throw new UserError('BAD_DEPTH', 'depth must be 1, 2 or 3', { depth: o.depth });
      // The snapshot holds compact properties only; a versioned request may be answered from it. An id it
      // lacks goes to Neo4j, which answers the 404 (or a node written since) itself.
      const snapshot = o.version !== undefined && (o.detail ?? 'compact') === 'compact' ? snapshots.at(o.version) : undefined;
      if (snapshot) {
        const labels = validLabels(o.types);
        const expansion = {
          depth: o.depth,
          limit: o.limit,
          labels: labels.length < NODE_LABELS.length ? new Set(labels) : undefined,
        };
        // Expanded once; the object and the JSON are two views of the same positions.
        const found = expand(snapshot, id, expansion);
        if (found) {
          return { graph: expansionGraph(snapshot, found), source: 'memory' as const, json: () => expansionJson(snapshot, found) };
        }
      }
      const graph = await expandNeighbours(readOnce(driver, database), id, o);
      return graph && { graph, source: 'neo4j' as const };
    },
    overview: (o) => readTx(driver, database, (tx) => overviewSubgraph(tx, o)),
    quotes: (f) => listQuotes(readOnce(driver, database), f),
    cypher: (query, params) =>
      runReadOnlyCypher(driver, query, params, { ...options.cypher, database }),
    async version() {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      try {
        await session.run('RETURN 1', {}, { timeout: API_READ_TIMEOUT_MS });
        const bookmarks = [...session.lastBookmarks()].sort();
        return bookmarks.length > 0 ? bookmarks.join(' ') : `unversioned:${++unversioned}`;
      } finally {
        await session.close();
      }
    },
  });
  return { ...reads, neighbourIndex: () => snapshots.status() };
}
