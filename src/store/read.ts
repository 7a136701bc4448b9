/**
 * Reads the API, the export and the CLI need. Everything runs in read transactions. Node properties are
 * returned decoded (JSON-encoded attributes parsed back) and without the store's bookkeeping.
 */
import { createHash } from 'node:crypto';
import neo4j, { type Driver, type Node, type Record as Neo4jRecord, type Relationship } from 'neo4j-driver';
import { KEY_PREFIX, type NodeLabel } from '../model/ontology.js';
import { ARTICLE_BOOKKEEPING, parseExtraction } from './articles.js';
import { NODE_LABELS, RELATIONSHIP_TYPES, cypherLabel, cypherRelType, isNodeLabel, nodeTypeOf } from './labels.js';
import { canonicalJson, fromNeo4jProps } from './properties.js';
import { FULLTEXT_INDEX } from './schema.js';

const HIDDEN = new Set<string>(ARTICLE_BOOKKEEPING);

export interface GraphCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  totalNodes: number;
  totalRelationships: number;
}

/**
 * Counts per label and relationship type in one round trip, each branch a plain `MATCH (n:L) RETURN
 * count(n)` / `MATCH ()-[r:T]->() RETURN count(r)` that Neo4j answers from its count store without
 * touching the graph (a grouping `RETURN type(r), count(r)` scans every relationship, which made the
 * health check cost as much as reading the whole graph). The total covers relationship types outside
 * the ontology too.
 */
async function runOnce(driver: Driver, database: string | undefined, cypher: string): Promise<Neo4jRecord[]> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    return (await session.run(cypher)).records;
  } finally {
    await session.close();
  }
}

const countGraphCypher =
  'CYPHER replan=skip ' +
  [
    ...NODE_LABELS.map((label) => `MATCH (n:${cypherLabel(label)}) RETURN 'node' AS kind, '${label}' AS name, count(n) AS c`),
    ...RELATIONSHIP_TYPES.map(
      (type) => `MATCH ()-[r:${cypherRelType(type)}]->() RETURN 'rel' AS kind, '${type}' AS name, count(r) AS c`,
    ),
    `MATCH ()-[r]->() RETURN 'all' AS kind, '' AS name, count(r) AS c`,
  ].join(' UNION ALL ');

/**
 * `failFast`: one auto-commit query, no retries, so an unreachable Neo4j is an error at once (the health
 * check) rather than after the driver's retry window.
 */
export async function countGraph(
  driver: Driver,
  database?: string,
  options: { failFast?: boolean } = {},
): Promise<GraphCounts> {
  const records = options.failFast
    ? await runOnce(driver, database, countGraphCypher)
    : (await driver.executeQuery(countGraphCypher, {}, { database, routing: neo4j.routing.READ })).records;
  const nodes: Record<string, number> = Object.fromEntries(NODE_LABELS.map((l) => [l, 0]));
  const relationships: Record<string, number> = Object.fromEntries(RELATIONSHIP_TYPES.map((t) => [t, 0]));
  let totalRelationships = 0;
  for (const r of records) {
    const c = Number(r.get('c'));
    const name = r.get('name') as string;
    if (r.get('kind') === 'node') nodes[name] = c;
    else if (r.get('kind') === 'rel') relationships[name] = c;
    else totalRelationships = c;
  }
  const totalNodes = Object.values(nodes).reduce((a, b) => a + b, 0);
  return { nodes, relationships, totalNodes, totalRelationships };
}

/**
 * A checksum of the whole database content: every node's labels and properties and every relationship's
 * type, endpoint ids and properties, order-independent. Equal checksums mean equal graphs.
 */
export async function graphChecksum(driver: Driver, database?: string): Promise<string> {
  const opts = { database, routing: neo4j.routing.READ };
  const nodeRows = await driver.executeQuery('MATCH (n) RETURN labels(n) AS l, properties(n) AS p', {}, opts);
  const relRows = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b, properties(r) AS p',
    {},
    opts,
  );
  const lines = [
    ...nodeRows.records.map((r) => canonicalJson(['n', [...(r.get('l') as string[])].sort(), r.get('p')])),
    ...relRows.records.map((r) => canonicalJson(['r', r.get('t'), r.get('a'), r.get('b'), r.get('p')])),
  ].sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return hash.digest('hex');
}

export interface StoredNode {
  id: string;
  type: string;
  properties: Record<string, unknown>;
}

export interface StoredEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

export function decodeNode(node: Node): StoredNode {
  const properties = fromNeo4jProps(node.properties as Record<string, unknown>);
  for (const k of HIDDEN) delete properties[k];
  return { id: String(properties.id ?? node.elementId), type: nodeTypeOf(node.labels), properties };
}

export function decodeRelationship(rel: Relationship, source: string, target: string): StoredEdge {
  const properties = fromNeo4jProps(rel.properties as Record<string, unknown>);
  return { id: String(properties.id ?? rel.elementId), type: rel.type, source, target, properties };
}

const PREFIX_TO_LABEL = new Map<string, NodeLabel>(
  (Object.entries(KEY_PREFIX) as Array<[NodeLabel, string]>).map(([label, prefix]) => [prefix, label]),
);

/** Candidate labels for an id: the one its key prefix names, else all (ids are `<prefix>:<...>`). */
function labelsForId(id: string): readonly string[] {
  const label = PREFIX_TO_LABEL.get(id.slice(0, id.indexOf(':')));
  return label ? [label] : NODE_LABELS;
}

/** A Cypher fragment binding `n` to the node with id $id, using the id constraint's index. */
export function matchNodeById(id: string): string {
  const labels = labelsForId(id);
  if (labels.length === 1) return `MATCH (n:${cypherLabel(labels[0])} {id: $id})`;
  return `CALL { ${labels.map((l) => `MATCH (n:${cypherLabel(l)} {id: $id}) RETURN n`).join(' UNION ')} }`;
}

export interface ProvenanceItem {
  articleId: string;
  title?: string;
  outlet?: string;
  date?: string;
  url?: string;
  start: number;
  end: number;
  /** The exact text of the span and of the sentence(s) around it. */
  text: string;
  sentence: string;
}

interface SpanLike {
  article: string;
  start: number;
  end: number;
}

function spansOf(properties: Record<string, unknown>): SpanLike[] {
  const out: SpanLike[] = [];
  for (const key of ['mentions', 'spans']) {
    const value = properties[key];
    if (!Array.isArray(value)) continue;
    for (const s of value as Array<Partial<SpanLike>>) {
      if (typeof s?.article === 'string' && typeof s.start === 'number' && typeof s.end === 'number') {
        out.push({ article: s.article, start: s.start, end: s.end });
      }
    }
  }
  const seen = new Set<string>();
  return out.filter((s) => {
    const k = `${s.article}:${s.start}:${s.end}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

/** Runs one read statement and hands back its rows: a driver's executeQuery or a transaction's run. */
export type ReadRunner = (query: string, params: Record<string, unknown>) => Promise<Neo4jRecord[]>;

function driverRunner(driver: Driver, database: string | undefined): ReadRunner {
  return async (query, params) =>
    (await driver.executeQuery(query, params, { database, routing: neo4j.routing.READ })).records;
}

/** What provenance needs of an article: its metadata, its text and its sentence offsets. */
const ARTICLE_FIELDS = ['title', 'name', 'outlet', 'date', 'url'] as const;

/**
 * Provenance items, plus the text of each article they cite (keyed by article id) for callers that show
 * more context. Only the fields provenance uses are read from the articles.
 */
export async function readProvenance(
  run: ReadRunner,
  properties: Record<string, unknown>,
  limit = 50,
): Promise<{ items: ProvenanceItem[]; bodies: Map<string, string> }> {
  const spans = spansOf(properties).slice(0, limit);
  const bodies = new Map<string, string>();
  if (spans.length === 0) return { items: [], bodies };
  const records = await run(
    'MATCH (a:Article) WHERE a.articleId IN $ids ' +
      `RETURN a.articleId AS articleId, a.body AS body, a.extraction AS extraction, ${ARTICLE_FIELDS.map((k) => `a.${k} AS ${k}`).join(', ')}`,
    { ids: [...new Set(spans.map((s) => s.article))] },
  );
  const articles = new Map<
    string,
    { meta: Record<string, unknown>; body: string; sentences: Array<{ start: number; end: number }> }
  >();
  for (const r of records) {
    const rawBody: unknown = r.get('body');
    const extraction: unknown = r.get('extraction');
    const body = typeof rawBody === 'string' ? rawBody : '';
    const sentences = typeof extraction === 'string' ? parseExtraction(extraction, body).sentences : [];
    const id = String(r.get('articleId'));
    articles.set(id, { meta: Object.fromEntries(ARTICLE_FIELDS.map((k) => [k, r.get(k)])), body, sentences });
    if (typeof rawBody === 'string') bodies.set(id, rawBody);
  }
  const items = spans.flatMap((s) => {
    const article = articles.get(s.article);
    if (!article) return [];
    const { body } = article;
    const covering = article.sentences.filter((x) => x.end > s.start && x.start < s.end);
    const from = covering.length > 0 ? Math.min(...covering.map((x) => x.start)) : s.start;
    const to = covering.length > 0 ? Math.max(...covering.map((x) => x.end)) : s.end;
    const meta = (k: string) => (typeof article.meta[k] === 'string' ? (article.meta[k] as string) : undefined);
    return [
      {
        articleId: s.article,
        title: meta('title') ?? meta('name'),
        outlet: meta('outlet'),
        date: meta('date'),
        url: meta('url'),
        start: s.start,
        end: s.end,
        text: body.slice(s.start, s.end),
        sentence: body.slice(from, to),
      },
    ];
  });
  return { items, bodies };
}

/** For each span: its article's metadata and the source sentence(s), from the stored article text. */
export async function provenanceOf(
  driver: Driver,
  properties: Record<string, unknown>,
  options: { database?: string; limit?: number } = {},
): Promise<ProvenanceItem[]> {
  return (await readProvenance(driverRunner(driver, options.database), properties, options.limit)).items;
}

export interface NodeDetails extends StoredNode {
  provenance: ProvenanceItem[];
}

/** getNode through a given runner, with the cited articles' texts (see readProvenance). */
export async function readNode(
  run: ReadRunner,
  id: string,
): Promise<{ details: NodeDetails; bodies: Map<string, string> } | undefined> {
  const records = await run(`${matchNodeById(id)} RETURN n LIMIT 1`, { id });
  const row = records[0];
  if (!row) return undefined;
  const node = decodeNode(row.get('n') as Node);
  const { items, bodies } = await readProvenance(run, node.properties);
  return { details: { ...node, provenance: items }, bodies };
}

/** A node by id with all its properties and its provenance; undefined if there is none. */
export async function getNode(
  driver: Driver,
  id: string,
  database?: string,
): Promise<NodeDetails | undefined> {
  return (await readNode(driverRunner(driver, database), id))?.details;
}

/** graphology's serialized form (graph.export()), what the API and the viewer exchange. */
export interface SerializedSubgraph {
  attributes: Record<string, unknown>;
  options: { type: 'directed'; multi: true; allowSelfLoops: true };
  nodes: Array<{ key: string; attributes: Record<string, unknown> }>;
  edges: Array<{ key: string; source: string; target: string; attributes: Record<string, unknown> }>;
}

export function toSerializedGraph(nodes: StoredNode[], edges: StoredEdge[]): SerializedSubgraph {
  return {
    attributes: {},
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes: nodes.map((n) => ({ key: n.id, attributes: { ...n.properties, type: n.type } })),
    edges: edges.map((e) => ({
      key: e.id,
      source: e.source,
      target: e.target,
      attributes: { ...e.properties, type: e.type },
    })),
  };
}

/**
 * The subgraph within `depth` hops of a node (either direction): at most `limit` neighbours, nearest
 * first, and every relationship among the returned nodes. Undefined if the node does not exist.
 */
export async function neighbourhood(
  driver: Driver,
  id: string,
  options: { depth?: number; limit?: number; database?: string } = {},
): Promise<SerializedSubgraph | undefined> {
  const depth = Math.min(3, Math.max(1, Math.trunc(options.depth ?? 1)));
  const limit = neo4j.int(Math.max(1, Math.trunc(options.limit ?? 200)));
  const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => {
      // The depth is an integer clamped to 1..3 above; Cypher does not take it as a parameter.
      const res = await tx.run(
        `${matchNodeById(id)} ` +
          `OPTIONAL MATCH p = (n)-[*1..${depth}]-(m) WHERE m <> n ` +
          `WITH n, m, min(length(p)) AS hops ORDER BY hops LIMIT $limit ` +
          `WITH n, [x IN collect(m) WHERE x IS NOT NULL] AS ms ` +
          `WITH [n] + ms AS nodes ` +
          `UNWIND nodes AS a MATCH (a)-[r]->(b) WHERE b IN nodes ` +
          `RETURN nodes, collect(DISTINCT {r: r, s: a.id, t: b.id}) AS rels`,
        { id, limit },
      );
      const row = res.records[0];
      if (!row) {
        const exists = await tx.run(`${matchNodeById(id)} RETURN n`, { id });
        if (exists.records.length === 0) return undefined;
        return toSerializedGraph([decodeNode(exists.records[0]?.get('n') as Node)], []);
      }
      const nodes = (row.get('nodes') as Node[]).map(decodeNode);
      const rels = (row.get('rels') as Array<{ r: Relationship; s: string; t: string }>).map((x) =>
        decodeRelationship(x.r, x.s, x.t),
      );
      return toSerializedGraph(nodes, rels);
    });
  } finally {
    await session.close();
  }
}

export interface SearchHit {
  id: string;
  type: string;
  name: string;
  score: number;
}

/** Lucene's special characters, escaped so user input is searched as plain words. */
export function escapeLucene(text: string): string {
  return text.replace(/[+\-!(){}[\]^"~*?:\\/]|&&|\|\|/g, (m) => m.replace(/./g, '\\$&'));
}

/**
 * Full-text search over names, aliases and quote text. Every word must match (a trailing `*`-prefix
 * match on the last word, so search-as-you-type works); ranked by Lucene score.
 */
export async function searchNodes(
  driver: Driver,
  text: string,
  options: { types?: string[]; limit?: number; database?: string; run?: ReadRunner } = {},
): Promise<SearchHit[]> {
  // Lower case: Lucene's AND/OR/NOT are operators only in capitals, and the index folds case anyway.
  const words = text.toLowerCase().trim().split(/\s+/).filter(Boolean).map(escapeLucene);
  if (words.length === 0) return [];
  const last = words.length - 1;
  const query = words.map((w, i) => (i === last ? `+(${w} OR ${w}*)` : `+${w}`)).join(' ');
  const types = (options.types ?? []).filter(isNodeLabel);
  const run = options.run ?? driverRunner(driver, options.database);
  const records = await run(
    'CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score ' +
      'WITH node, score, [l IN labels(node) WHERE l IN $labels][0] AS type ' +
      'WHERE type IS NOT NULL AND (size($types) = 0 OR type IN $types) ' +
      'RETURN node.id AS id, type, coalesce(node.name, node.text) AS name, score ORDER BY score DESC LIMIT $limit',
    { index: FULLTEXT_INDEX, query, labels: [...NODE_LABELS], types, limit: neo4j.int(options.limit ?? 20) },
  );
  return records.map((r) => ({
    id: r.get('id') as string,
    type: r.get('type') as string,
    name: r.get('name') as string,
    score: r.get('score') as number,
  }));
}
