/**
 * Reads for exports, streamed: nodes and relationships come out as GraphSource streams (src/export/model.ts)
 * in pages, each page its own READ transaction, so an export of any size holds one page in memory.
 *
 * Selectors:
 * - whole graph, optionally restricted to node types (`types`) and relationship types (`edgeTypes`):
 *   per label, keyset pagination on `id` (`WHERE n.id > $after ORDER BY n.id LIMIT $page`, served by
 *   the label's uniqueness-constraint index); edges page through their source nodes the same way. Nothing
 *   is kept between pages: constant memory. Nodes without a string `id` are not exported in this mode.
 * - `node` (an id or an exact name) with `depth`: the nodes within `depth` hops (any direction), and the
 *   relationships among them (the induced subgraph);
 * - `ids`: those nodes and the relationships among them;
 * - `query`: a read-only Cypher query (the caller runs the static guard first); the export holds the
 *   nodes, relationships and paths in its rows, plus the end nodes of those relationships.
 *   These three first collect element ids (strings only, never properties: a few dozen bytes per node),
 *   then fetch properties page by page.
 *
 * Conventions: a node's key is its `id` property (else `neo4j:<elementId>`), its type its first label
 * (the store gives each node one); a relationship's key is its `id` property (else `neo4j:<elementId>`).
 * Values are exported as stored: temporal and spatial values as their ISO/WKT-like text, byte arrays as
 * base64. Pages are separate transactions, so a graph written to during an export may be seen mid-change.
 */
import neo4j, { type Driver, type Record as Neo4jRecord } from 'neo4j-driver';
import { UserError } from '../errors.js';
import type { ExportEdge, ExportNode, GraphSource, Properties, PropertyValue, Scalar } from '../export/model.js';
import { classifyCypherError, toCypherParams } from './cypher.js';

export interface ExportSelector {
  /** Read-only Cypher (already checked by the static guard). */
  query?: string;
  params?: Record<string, unknown>;
  /** Centre node: an `id`, or an exact `name`. */
  node?: string;
  depth?: number;
  ids?: string[];
  /** Node labels to keep. */
  types?: string[];
  /** Relationship types to keep. */
  edgeTypes?: string[];
}

export interface ExportReadOptions {
  database?: string;
  /** Nodes per page (and per transaction). */
  pageSize?: number;
  /** Timeout of the user's query (query selector) and of the neighbourhood search (node selector). */
  queryTimeoutMs?: number;
}

export const MAX_EXPORT_DEPTH = 5;
const DEFAULT_PAGE_SIZE = 2000;
const DEFAULT_QUERY_TIMEOUT_MS = 60_000;

function quoteName(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

// ---------------------------------------------------------------------------------------------------
// Values

function plainScalar(value: unknown): Scalar {
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (neo4j.isInt(value)) return value.toNumber();
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return String(value); // temporal and spatial values: their standard text form
}

export function plainProperties(props: Record<string, unknown>, omit?: string): Properties {
  const out: Properties = {};
  for (const [name, value] of Object.entries(props)) {
    if (name === omit || value === null || value === undefined) continue;
    out[name] = (Array.isArray(value) ? value.map(plainScalar) : plainScalar(value)) as PropertyValue;
  }
  return out;
}

function keyOf(id: unknown, elementId: string): string {
  return typeof id === 'string' && id.length > 0 ? id : `neo4j:${elementId}`;
}

const NODE_RETURN = 'elementId(n) AS eid, labels(n)[0] AS type, properties(n) AS props';
const EDGE_RETURN =
  'elementId(r) AS eid, type(r) AS type, properties(r) AS props, ' +
  'a.id AS aid, elementId(a) AS aeid, labels(a)[0] AS atype, b.id AS bid, elementId(b) AS beid, labels(b)[0] AS btype';

function toNode(rec: Neo4jRecord): ExportNode {
  const props = rec.get('props') as Record<string, unknown>;
  const id = keyOf(props.id, rec.get('eid') as string);
  return {
    id,
    type: (rec.get('type') as string | null) ?? 'Node',
    properties: plainProperties(props, id === props.id ? 'id' : undefined),
  };
}

function toEdge(rec: Neo4jRecord): ExportEdge {
  const props = rec.get('props') as Record<string, unknown>;
  const id = keyOf(props.id, rec.get('eid') as string);
  return {
    id,
    type: rec.get('type') as string,
    source: keyOf(rec.get('aid'), rec.get('aeid') as string),
    target: keyOf(rec.get('bid'), rec.get('beid') as string),
    sourceType: (rec.get('atype') as string | null) ?? 'Node',
    targetType: (rec.get('btype') as string | null) ?? 'Node',
    properties: plainProperties(props, id === props.id ? 'id' : undefined),
  };
}

// ---------------------------------------------------------------------------------------------------
// Transactions

interface Reader {
  /** Streams one statement's records in its own READ transaction (records are pulled as consumed). */
  stream(query: string, params?: Record<string, unknown>, timeoutMs?: number): AsyncGenerator<Neo4jRecord>;
}

function reader(driver: Driver, database: string | undefined): Reader {
  return {
    async *stream(query, params = {}, timeoutMs) {
      const session = driver.session({ defaultAccessMode: neo4j.session.READ, database, fetchSize: 1000 });
      const tx = session.beginTransaction({ timeout: timeoutMs, metadata: { app: 'speakergraph-export' } });
      try {
        for await (const rec of tx.run(query, params)) yield rec;
        await tx.commit();
      } finally {
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
        await session.close();
      }
    },
  };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Whole graph (optionally by type): keyset pagination, constant memory

function typeFilter(variable: string, types: string[] | undefined): string {
  return types ? ` AND labels(${variable})[0] IN $types` : '';
}

function edgeTypeFilter(edgeTypes: string[] | undefined): string {
  return edgeTypes ? ' AND type(r) IN $edgeTypes' : '';
}

function wholeGraphSource(read: Reader, labels: string[], sel: ExportSelector, pageSize: number): GraphSource {
  const limit = neo4j.int(pageSize);
  const base = { types: sel.types ?? null, edgeTypes: sel.edgeTypes ?? null, limit };
  // First page `>=` (an id may be ''), later pages `>`: strictly after the last id seen.
  const after = (first: boolean) => (first ? '>=' : '>');
  return {
    async *nodes() {
      for (const label of labels) {
        let last = '';
        for (let first = true; ; first = false) {
          let count = 0;
          const q =
            `MATCH (n:${quoteName(label)}) WHERE n.id ${after(first)} $after AND labels(n)[0] = $label ` +
            `RETURN n.id AS id, ${NODE_RETURN} ORDER BY n.id LIMIT $limit`;
          for await (const rec of read.stream(q, { ...base, label, after: last })) {
            count++;
            last = rec.get('id') as string;
            yield toNode(rec);
          }
          if (count < pageSize) break;
        }
      }
    },
    async *edges() {
      for (const label of labels) {
        let last = '';
        for (let first = true; ; first = false) {
          const sources = new Set<string>();
          const q =
            `MATCH (a:${quoteName(label)}) WHERE a.id ${after(first)} $after AND labels(a)[0] = $label ` +
            `WITH a ORDER BY a.id LIMIT $limit ` +
            `OPTIONAL MATCH (a)-[r]->(b) WHERE b.id >= ''${typeFilter('b', sel.types)}${edgeTypeFilter(sel.edgeTypes)} ` +
            `RETURN ${EDGE_RETURN}`;
          for await (const rec of read.stream(q, { ...base, label, after: last })) {
            const aid = rec.get('aid') as string;
            sources.add(aid);
            if (aid > last) last = aid;
            if (rec.get('eid') !== null) yield toEdge(rec);
          }
          if (sources.size < pageSize) break;
        }
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Selections: element ids first, then properties page by page

interface Selection {
  /** Element ids of the nodes, sorted. */
  nodes: string[];
  /** Element ids of the relationships (query selector), or undefined for "all among the nodes". */
  relationships?: string[];
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function selectionSource(read: Reader, selection: Selection, sel: ExportSelector, pageSize: number): GraphSource {
  const members = new Set(selection.nodes);
  return {
    async *nodes() {
      for (const page of chunks(selection.nodes, pageSize)) {
        for await (const rec of read.stream(`MATCH (n) WHERE elementId(n) IN $ids RETURN ${NODE_RETURN}`, { ids: page })) {
          yield toNode(rec);
        }
      }
    },
    async *edges() {
      if (selection.relationships) {
        for (const page of chunks(selection.relationships, pageSize)) {
          const q = `MATCH (a)-[r]->(b) WHERE elementId(r) IN $ids RETURN ${EDGE_RETURN}`;
          for await (const rec of read.stream(q, { ids: page })) {
            if (members.has(rec.get('aeid') as string) && members.has(rec.get('beid') as string)) yield toEdge(rec);
          }
        }
        return;
      }
      // Induced subgraph: each member's outgoing relationships whose other end is a member too (checked
      // here against the id set rather than sending the whole set to Neo4j with every page).
      for (const page of chunks(selection.nodes, pageSize)) {
        const q = `MATCH (a)-[r]->(b) WHERE elementId(a) IN $ids${edgeTypeFilter(sel.edgeTypes)} RETURN ${EDGE_RETURN}`;
        for await (const rec of read.stream(q, { ids: page, edgeTypes: sel.edgeTypes ?? null })) {
          if (members.has(rec.get('beid') as string)) yield toEdge(rec);
        }
      }
    },
  };
}

async function nodesByIds(read: Reader, labels: string[], ids: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>(); // id -> elementId
  for (const label of labels) {
    const q = `MATCH (n:${quoteName(label)}) WHERE n.id IN $ids RETURN n.id AS id, elementId(n) AS eid`;
    for await (const rec of read.stream(q, { ids })) found.set(rec.get('id') as string, rec.get('eid') as string);
  }
  return found;
}

async function resolveCentre(read: Reader, labels: string[], node: string): Promise<string> {
  const byId = await nodesByIds(read, labels, [node]);
  const hit = byId.get(node);
  if (hit) return hit;
  const candidates: Array<{ id: string; eid: string; type: string }> = [];
  for (const label of labels) {
    const q = `MATCH (n:${quoteName(label)}) WHERE n.name = $name RETURN n.id AS id, elementId(n) AS eid LIMIT 10`;
    for await (const rec of read.stream(q, { name: node })) {
      candidates.push({ id: keyOf(rec.get('id'), rec.get('eid') as string), eid: rec.get('eid') as string, type: label });
    }
  }
  if (candidates.length === 1) return (candidates[0] as { eid: string }).eid;
  if (candidates.length === 0) {
    throw new UserError('EXPORT_NODE_NOT_FOUND', `no node has the id or the name ${JSON.stringify(node)}`, { node });
  }
  throw new UserError(
    'EXPORT_NODE_AMBIGUOUS',
    `${candidates.length} nodes are named ${JSON.stringify(node)}; give one of their ids: ` +
      candidates.map((c) => `${c.id} (${c.type})`).join(', '),
    { node },
  );
}

async function neighbourhood(
  read: Reader,
  centre: string,
  depth: number,
  types: string[] | undefined,
  timeoutMs: number,
): Promise<string[]> {
  // Paths of any direction through any node; the type filter applies to the nodes exported.
  const q =
    `MATCH (c) WHERE elementId(c) = $centre MATCH (c)-[*0..${depth}]-(n) ` +
    `WITH DISTINCT n WHERE true${typeFilter('n', types)} RETURN elementId(n) AS eid`;
  try {
    return (await collect(read.stream(q, { centre, types: types ?? null }, timeoutMs))).map((r) => r.get('eid') as string);
  } catch (err) {
    throw classifyCypherError(err, timeoutMs);
  }
}

/** Walks a record value (lists, maps, paths) and collects node and relationship element ids. */
function collectGraphValues(value: unknown, nodes: Set<string>, rels: Map<string, [string, string]>): void {
  if (neo4j.isNode(value)) nodes.add(value.elementId);
  else if (neo4j.isRelationship(value)) rels.set(value.elementId, [value.startNodeElementId, value.endNodeElementId]);
  else if (neo4j.isPath(value)) {
    nodes.add(value.start.elementId);
    for (const s of value.segments) {
      nodes.add(s.end.elementId);
      rels.set(s.relationship.elementId, [s.relationship.startNodeElementId, s.relationship.endNodeElementId]);
    }
  } else if (Array.isArray(value)) for (const v of value) collectGraphValues(v, nodes, rels);
  else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const v of Object.values(value)) collectGraphValues(v, nodes, rels);
  }
}

async function querySelection(read: Reader, sel: ExportSelector, timeoutMs: number): Promise<Selection> {
  const nodes = new Set<string>();
  const rels = new Map<string, [string, string]>();
  try {
    for await (const rec of read.stream(sel.query as string, toCypherParams(sel.params ?? {}), timeoutMs)) {
      for (const key of rec.keys) collectGraphValues(rec.get(key), nodes, rels);
    }
  } catch (err) {
    throw classifyCypherError(err, timeoutMs);
  }
  for (const [start, end] of rels.values()) {
    nodes.add(start);
    nodes.add(end);
  }
  let nodeIds = [...nodes];
  let relIds = [...rels.keys()];
  if (sel.types || sel.edgeTypes) {
    // Filters on a query's result: fetch only the types of what it returned.
    const keepNodes = new Set<string>();
    for (const page of chunks(nodeIds, 5000)) {
      const q = `MATCH (n) WHERE elementId(n) IN $ids${typeFilter('n', sel.types)} RETURN elementId(n) AS eid`;
      for await (const rec of read.stream(q, { ids: page, types: sel.types ?? null })) keepNodes.add(rec.get('eid') as string);
    }
    nodeIds = nodeIds.filter((id) => keepNodes.has(id));
    const keepRels = new Set<string>();
    for (const page of chunks(relIds, 5000)) {
      const q = `MATCH ()-[r]->() WHERE elementId(r) IN $ids${edgeTypeFilter(sel.edgeTypes)} RETURN elementId(r) AS eid`;
      for await (const rec of read.stream(q, { ids: page, edgeTypes: sel.edgeTypes ?? null })) keepRels.add(rec.get('eid') as string);
    }
    relIds = relIds.filter((id) => keepRels.has(id));
  }
  return { nodes: nodeIds.sort(), relationships: relIds.sort() };
}

// ---------------------------------------------------------------------------------------------------

async function databaseLabels(read: Reader): Promise<string[]> {
  const recs = await collect(read.stream('CALL db.labels() YIELD label RETURN label ORDER BY label'));
  return recs.map((r) => r.get('label') as string);
}

/**
 * Checks the selector against the database (unknown types, missing or ambiguous centre node: UserError)
 * and returns the source to export. Throws before any output, so callers can still report a clean error.
 */
export async function openNeo4jExport(
  driver: Driver,
  selector: ExportSelector,
  options: ExportReadOptions = {},
): Promise<GraphSource> {
  const read = reader(driver, options.database);
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const labels = await databaseLabels(read);
  if (selector.types) {
    const unknown = selector.types.filter((t) => !labels.includes(t));
    if (unknown.length > 0) {
      throw new UserError(
        'EXPORT_UNKNOWN_TYPE',
        `no node has the type ${unknown.join(', ')}; types in the database: ${labels.join(', ') || '(none)'}`,
      );
    }
  }
  const chosen = [selector.query, selector.node, selector.ids].filter((s) => s !== undefined).length;
  if (chosen > 1) throw new UserError('EXPORT_SELECTOR', 'give at most one of query, node and ids');

  if (selector.query !== undefined) {
    const selection = await querySelection(read, selector, options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS);
    return selectionSource(read, selection, selector, pageSize);
  }
  if (selector.node !== undefined) {
    const depth = selector.depth ?? 1;
    if (!Number.isInteger(depth) || depth < 0 || depth > MAX_EXPORT_DEPTH) {
      throw new UserError('EXPORT_DEPTH', `depth must be a whole number from 0 to ${MAX_EXPORT_DEPTH}`);
    }
    const centre = await resolveCentre(read, labels, selector.node);
    const timeout = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
    const nodes = await neighbourhood(read, centre, depth, selector.types, timeout);
    return selectionSource(read, { nodes: nodes.sort() }, selector, pageSize);
  }
  if (selector.ids !== undefined) {
    const found = await nodesByIds(read, selector.types ?? labels, selector.ids);
    return selectionSource(read, { nodes: [...found.values()].sort() }, selector, pageSize);
  }
  return wholeGraphSource(read, selector.types ?? labels, selector, pageSize);
}
