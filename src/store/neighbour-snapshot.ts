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
  return { nodes, edges, index, adjacency, idRank, serializedNodes: serialized.nodes, serializedEdges: serialized.edges };
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

/** The neighbourhood of `id` as the Cypher expansion returns it; undefined when the node is not in the snapshot. */
export function expandFromSnapshot(
  snapshot: NeighbourSnapshot,
  id: string,
  options: SnapshotExpansion,
): SerializedSubgraph | undefined {
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
        for (const a of snapshot.adjacency[f] ?? []) links.set(a.other, (links.get(a.other) ?? 0) + 1);
      }
      const candidates: Array<[number, number]> = [];
      for (const [m, count] of links) {
        if (inSeen.has(m)) continue;
        if (options.labels && !(snapshot.nodes[m] as SnapshotNode).labels.some((l) => options.labels!.has(l))) continue;
        candidates.push([m, count]);
      }
      const rank = snapshot.idRank;
      candidates.sort((x, y) => y[1] - x[1] || (rank[x[0]] as number) - (rank[y[0]] as number));
      found = candidates.slice(0, take).map(([m]) => m);
    }
    truncated = truncated || (frontier.length > 0 && (room <= 0 || found.length > room));
    frontier = found.slice(0, Math.max(room, 0));
    for (const m of frontier) {
      seen.push(m);
      inSeen.add(m);
    }
  }
  const edges: SerializedEdge[] = [];
  for (const a of seen) {
    for (const adj of snapshot.adjacency[a] ?? []) {
      if (adj.outgoing && inSeen.has(adj.other)) edges.push(snapshot.serializedEdges[adj.edge] as SerializedEdge);
    }
  }
  return {
    attributes: { center: id, depth: options.depth, truncated },
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes: seen.map((i) => snapshot.serializedNodes[i] as SerializedNode),
    edges,
  };
}
