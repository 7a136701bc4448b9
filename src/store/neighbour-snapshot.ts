/**
 * An in-memory copy of the graph's adjacency with the compact properties the API returns, so that
 * neighbour expansion does not cost a Neo4j query per request. Pure: built from rows the store read
 * (graph-reads.ts loads it and keeps it tied to the graph version), and the expansion below follows the
 * Cypher one in graph-reads.ts step by step (same ranking, same truncation, same properties), which
 * src/store/neighbour-snapshot.db.test.ts checks against the real database.
 *
 * Why: a hub's expansion scans thousands of relationships in Neo4j (0.6 s at p50 with 50 clients on the
 * BBC graph); in memory it is a walk over an adjacency list with no decoding or network in between.
 */
import type { SerializedSubgraph, StoredEdge, StoredNode } from './read.js';
import { toSerializedGraph } from './read.js';

type SerializedNode = SerializedSubgraph['nodes'][number];
type SerializedEdge = SerializedSubgraph['edges'][number];

export interface SnapshotNode extends StoredNode {
  labels: string[];
}

interface Adjacent {
  /** Index of the relationship in `edges`. */
  edge: number;
  /** Index of the node at the other end. */
  other: number;
  outgoing: boolean;
}

export interface NeighbourSnapshot {
  nodes: SnapshotNode[];
  edges: StoredEdge[];
  /** Node id -> index in `nodes`. */
  index: Map<string, number>;
  /** Per node, its relationships in either direction (a self-loop once, as Cypher's `(f)--(m)` matches it). */
  adjacency: Adjacent[][];
  /** Per node, its position in Cypher's order of ids (the tie-break of the ranking), as an integer. */
  idRank: Int32Array;
  /** Nodes and relationships as a response carries them, made once and shared by every answer. */
  serializedNodes: SerializedNode[];
  serializedEdges: SerializedEdge[];
  /** Rank (Cypher's id order) -> node index: the inverse of `idRank`. */
  byRank: Int32Array;
  /** JSON of each node and relationship, filled in as answers use them. */
  nodeJson: Array<Buffer | undefined>;
  edgeJson: Array<Buffer | undefined>;
  /** Hubs' outgoing relationships sorted by the node at the other end, filled in as answers use them. */
  outgoingSorted: Map<number, { others: Int32Array; edges: Int32Array }>;
}

export function buildNeighbourSnapshot(nodes: SnapshotNode[], edges: StoredEdge[]): NeighbourSnapshot {
  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(n.id, i));
  const adjacency: Adjacent[][] = nodes.map(() => []);
  edges.forEach((e, i) => {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined) throw new Error(`relationship ${e.id} has an end outside the snapshot`);
    adjacency[s]?.push({ edge: i, other: t, outgoing: true });
    if (s !== t) adjacency[t]?.push({ edge: i, other: s, outgoing: false });
  });
  const byId = nodes.map((_, i) => i).sort((a, b) => compareIds((nodes[a] as SnapshotNode).id, (nodes[b] as SnapshotNode).id));
  const idRank = new Int32Array(nodes.length);
  byId.forEach((node, rank) => {
    idRank[node] = rank;
  });
  const serialized = toSerializedGraph(
    nodes.map(({ labels: _labels, ...node }) => node),
    edges,
  );
  return {
    nodes,
    edges,
    index,
    adjacency,
    idRank,
    byRank: Int32Array.from(byId),
    serializedNodes: serialized.nodes,
    serializedEdges: serialized.edges,
    nodeJson: new Array<Buffer | undefined>(nodes.length),
    edgeJson: new Array<Buffer | undefined>(edges.length),
    outgoingSorted: new Map(),
  };
}

/** Cypher's string order (by code point), which `ORDER BY m.id` uses for ties. */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  // UTF-16 order equals code point order unless a surrogate pair is involved.
  if (!/[\ud800-\udfff]/.test(a) && !/[\ud800-\udfff]/.test(b)) return a < b ? -1 : 1;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as string).codePointAt(0)! - (y[i] as string).codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

export interface SnapshotExpansion {
  depth: number;
  limit: number;
  /** Labels a visited node must have one of; undefined: any. */
  labels?: ReadonlySet<string>;
}

/** An expansion as positions in the snapshot: what both the object and the JSON forms are made from. */
export interface Expansion {
  center: string;
  depth: number;
  truncated: boolean;
  nodes: number[];
  edges: number[];
}

/** Above this many relationships, a node's edges to the result are looked up rather than scanned. */
const SCAN_MAX = 64;

/**
 * The `take` candidates most linked to the frontier, ties by id rank (Cypher's ORDER BY count DESC, id).
 * A hub has thousands of candidates, nearly all with one link: only the top counts are sorted in full,
 * and the tied ones at the cut are chosen by their rank with a numeric sort.
 */
function topCandidates(links: Map<number, number>, take: number, snapshot: NeighbourSnapshot): number[] {
  const rank = snapshot.idRank;
  if (links.size <= take * 2) {
    return [...links]
      .sort((x, y) => y[1] - x[1] || (rank[x[0]] as number) - (rank[y[0]] as number))
      .slice(0, take)
      .map(([m]) => m);
  }
  const byCount = new Map<number, number>();
  for (const count of links.values()) byCount.set(count, (byCount.get(count) ?? 0) + 1);
  const counts = [...byCount.keys()].sort((a, b) => b - a);
  // The lowest count still (partly) taken: every candidate above it is in, some at it are.
  let above = 0;
  let cut = counts[0] as number;
  for (const c of counts) {
    cut = c;
    if (above + (byCount.get(c) as number) >= take) break;
    above += byCount.get(c) as number;
  }
  const taken: Array<[number, number]> = [];
  const tiedRanks: number[] = [];
  for (const [m, count] of links) {
    if (count > cut) taken.push([m, count]);
    else if (count === cut) tiedRanks.push(rank[m] as number);
  }
  taken.sort((x, y) => y[1] - x[1] || (rank[x[0]] as number) - (rank[y[0]] as number));
  const tied = Int32Array.from(tiedRanks).sort().subarray(0, take - taken.length);
  return [...taken.map(([m]) => m), ...Array.from(tied, (r) => snapshot.byRank[r] as number)];
}

/** Outgoing relationships of `a` to nodes in `inSeen`, ascending (the order they were loaded in). */
function edgesToSeen(snapshot: NeighbourSnapshot, a: number, seen: number[], inSeen: Set<number>, out: number[]): void {
  const adjacency = snapshot.adjacency[a] ?? [];
  if (adjacency.length <= SCAN_MAX || adjacency.length <= seen.length) {
    for (const adj of adjacency) if (adj.outgoing && inSeen.has(adj.other)) out.push(adj.edge);
    return;
  }
  // A hub: look each result node up among its outgoing relationships (sorted by the node at the other end).
  const { others, edges } = outgoingByOther(snapshot, a);
  const found: number[] = [];
  for (const b of seen) {
    let lo = 0;
    let hi = others.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((others[mid] as number) < b) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < others.length && others[i] === b; i++) found.push(edges[i] as number);
  }
  found.sort((x, y) => x - y);
  for (const e of found) out.push(e);
}

/** A node's outgoing relationships sorted by the node at the other end, made on first use and kept. */
function outgoingByOther(snapshot: NeighbourSnapshot, a: number): { others: Int32Array; edges: Int32Array } {
  let sorted = snapshot.outgoingSorted.get(a);
  if (!sorted) {
    const out = (snapshot.adjacency[a] ?? []).filter((adj) => adj.outgoing).sort((x, y) => x.other - y.other || x.edge - y.edge);
    sorted = { others: Int32Array.from(out, (adj) => adj.other), edges: Int32Array.from(out, (adj) => adj.edge) };
    snapshot.outgoingSorted.set(a, sorted);
  }
  return sorted;
}

/** The expansion as positions in the snapshot; undefined when the node is not in it. */
export function expand(snapshot: NeighbourSnapshot, id: string, options: SnapshotExpansion): Expansion | undefined {
  const start = snapshot.index.get(id);
  if (start === undefined) return undefined;
  const seen = [start];
  const inSeen = new Set(seen);
  let frontier = [start];
  let truncated = false;
  const take = options.limit + 1;
  for (let hop = 0; hop < options.depth; hop++) {
    const room = options.limit - seen.length + 1;
    let found: number[] = [];
    if (room > 0) {
      const links = new Map<number, number>();
      for (const f of frontier) {
        for (const a of snapshot.adjacency[f] ?? []) {
          const m = a.other;
          if (inSeen.has(m)) continue;
          if (options.labels && !(snapshot.nodes[m] as SnapshotNode).labels.some((l) => options.labels!.has(l))) continue;
          links.set(m, (links.get(m) ?? 0) + 1);
        }
      }
      found = topCandidates(links, take, snapshot);
    }
    truncated = truncated || (frontier.length > 0 && (room <= 0 || found.length > room));
    frontier = found.slice(0, Math.max(room, 0));
    for (const m of frontier) {
      seen.push(m);
      inSeen.add(m);
    }
  }
  const edges: number[] = [];
  for (const a of seen) edgesToSeen(snapshot, a, seen, inSeen, edges);
  return { center: id, depth: options.depth, truncated, nodes: seen, edges };
}

const GRAPH_OPTIONS = { type: 'directed', multi: true, allowSelfLoops: true } as const;

/** The neighbourhood of `id` as the Cypher expansion returns it; undefined when the node is not in the snapshot. */
export function expandFromSnapshot(
  snapshot: NeighbourSnapshot,
  id: string,
  options: SnapshotExpansion,
): SerializedSubgraph | undefined {
  const e = expand(snapshot, id, options);
  return e && expansionGraph(snapshot, e);
}

/** An expansion as the response object. */
export function expansionGraph(snapshot: NeighbourSnapshot, e: Expansion): SerializedSubgraph {
  return {
    attributes: { center: e.center, depth: e.depth, truncated: e.truncated },
    options: { ...GRAPH_OPTIONS },
    nodes: e.nodes.map((i) => snapshot.serializedNodes[i] as SerializedNode),
    edges: e.edges.map((i) => snapshot.serializedEdges[i] as SerializedEdge),
  };
}

const COMMA = Buffer.from(',');

/** JSON of one node or relationship, made on first use and kept (a hub's neighbours recur in many answers). */
function pieceJson(cache: Array<Buffer | undefined>, items: readonly unknown[], i: number): Buffer {
  let piece = cache[i];
  if (piece === undefined) {
    piece = Buffer.from(JSON.stringify(items[i]));
    cache[i] = piece;
  }
  return piece;
}

/**
 * The same answer as `JSON.stringify(expandFromSnapshot(...))`, byte for byte, put together from the
 * kept JSON of each node and relationship: serializing a hub's neighbourhood afresh (100+ kB) was most
 * of a request's time.
 */
export function expandFromSnapshotJson(
  snapshot: NeighbourSnapshot,
  id: string,
  options: SnapshotExpansion,
): Buffer | undefined {
  const e = expand(snapshot, id, options);
  return e && expansionJson(snapshot, e);
}

/** An expansion as the response's JSON, the same bytes as JSON.stringify(expansionGraph(...)). */
export function expansionJson(snapshot: NeighbourSnapshot, e: Expansion): Buffer {
  const head = JSON.stringify({ center: e.center, depth: e.depth, truncated: e.truncated });
  const pieces: Buffer[] = [Buffer.from(`{"attributes":${head},"options":${JSON.stringify(GRAPH_OPTIONS)},"nodes":[`)];
  e.nodes.forEach((n, k) => {
    if (k > 0) pieces.push(COMMA);
    pieces.push(pieceJson(snapshot.nodeJson, snapshot.serializedNodes, n));
  });
  pieces.push(Buffer.from('],"edges":['));
  e.edges.forEach((r, k) => {
    if (k > 0) pieces.push(COMMA);
    pieces.push(pieceJson(snapshot.edgeJson, snapshot.serializedEdges, r));
  });
  pieces.push(Buffer.from(']}'));
  return Buffer.concat(pieces);
}
