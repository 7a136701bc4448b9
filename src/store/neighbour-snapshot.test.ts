import { describe, expect, it } from 'vitest';
import {
  buildNeighbourSnapshot,
  compareIds,
  expandFromSnapshot,
  expandFromSnapshotJson,
  type NeighbourSnapshot,
  type SnapshotExpansion,
  type SnapshotNode,
} from './neighbour-snapshot.js';
import type { StoredEdge } from './read.js';

const node = (id: string, label = 'Person'): SnapshotNode => ({ id, type: label, labels: [label], properties: { id, name: id } });
const edge = (id: string, source: string, target: string, type = 'MENTIONED_IN'): StoredEdge => ({
  id,
  type,
  source,
  target,
  properties: { id },
});

describe('compareIds', () => {
  it('orders by code point, as Cypher does, also where UTF-16 order differs', () => {
    // U+FF5E (one UTF-16 unit, 0xFF5E) comes before U+1F600 (surrogates 0xD83D...) by code point.
    expect(compareIds('\uff5e', '\u{1f600}')).toBeLessThan(0);
    expect('\uff5e' < '\u{1f600}').toBe(false);
    expect(compareIds('a', 'b')).toBeLessThan(0);
    expect(compareIds('ab', 'a')).toBeGreaterThan(0);
    expect(compareIds('x', 'x')).toBe(0);
  });
});

describe('expandFromSnapshot', () => {
  const snapshot = buildNeighbourSnapshot(
    [node('c'), node('a'), node('b'), node('d', 'Quote'), node('e')],
    [
      edge('r1', 'c', 'a'),
      edge('r2', 'a', 'c'),
      edge('r3', 'c', 'b'),
      edge('r4', 'c', 'c'),
      edge('r5', 'd', 'c'),
      edge('r6', 'b', 'e'),
    ],
  );

  it('ranks neighbours by links to the frontier, then by id, and returns every edge among the result', () => {
    const g = expandFromSnapshot(snapshot, 'c', { depth: 1, limit: 10 });
    // a has two links to c; b and d one each (id order); the self-loop is not a neighbour.
    expect(g?.nodes.map((n) => n.key)).toEqual(['c', 'a', 'b', 'd']);
    expect(g?.edges.map((e) => e.key).sort()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(g?.attributes).toEqual({ center: 'c', depth: 1, truncated: false });
  });

  it('stops at the limit and says so', () => {
    const g = expandFromSnapshot(snapshot, 'c', { depth: 2, limit: 2 });
    expect(g?.nodes.map((n) => n.key)).toEqual(['c', 'a', 'b']);
    expect(g?.attributes.truncated).toBe(true);
  });

  it('keeps only the asked labels, and walks on from them at the next hop', () => {
    expect(expandFromSnapshot(snapshot, 'c', { depth: 1, limit: 10, labels: new Set(['Quote']) })?.nodes.map((n) => n.key)).toEqual([
      'c',
      'd',
    ]);
    expect(expandFromSnapshot(snapshot, 'c', { depth: 2, limit: 10 })?.nodes.map((n) => n.key)).toEqual(['c', 'a', 'b', 'd', 'e']);
  });

  it('knows nothing of an id it does not hold', () => {
    expect(expandFromSnapshot(snapshot, 'zz', { depth: 1, limit: 10 })).toBeUndefined();
  });

  it('refuses a relationship whose end is missing', () => {
    expect(() => buildNeighbourSnapshot([node('a')], [edge('r', 'a', 'b')])).toThrow(/outside the snapshot/);
  });
});

/**
 * The expansion written the plain way (every candidate sorted, every adjacency scanned): the reference
 * the snapshot's shortcuts for hubs (partial ranking, edge lookup) must agree with.
 */
function plainExpansion(snapshot: NeighbourSnapshot, id: string, o: SnapshotExpansion) {
  const start = snapshot.index.get(id)!;
  const seen = [start];
  const inSeen = new Set(seen);
  let frontier = [start];
  let truncated = false;
  for (let hop = 0; hop < o.depth; hop++) {
    const room = o.limit - seen.length + 1;
    let found: number[] = [];
    if (room > 0) {
      const links = new Map<number, number>();
      for (const f of frontier) for (const a of snapshot.adjacency[f]!) links.set(a.other, (links.get(a.other) ?? 0) + 1);
      found = [...links]
        .filter(([m]) => !inSeen.has(m) && (!o.labels || snapshot.nodes[m]!.labels.some((l) => o.labels!.has(l))))
        .sort((x, y) => y[1] - x[1] || snapshot.idRank[x[0]]! - snapshot.idRank[y[0]]!)
        .slice(0, o.limit + 1)
        .map(([m]) => m);
    }
    truncated = truncated || (frontier.length > 0 && (room <= 0 || found.length > room));
    frontier = found.slice(0, Math.max(room, 0));
    for (const m of frontier) {
      seen.push(m);
      inSeen.add(m);
    }
  }
  const edges = seen.flatMap((a) =>
    snapshot.adjacency[a]!.filter((adj) => adj.outgoing && inSeen.has(adj.other)).map((adj) => snapshot.serializedEdges[adj.edge]),
  );
  return {
    attributes: { center: id, depth: o.depth, truncated },
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes: seen.map((i) => snapshot.serializedNodes[i]),
    edges,
  };
}

describe('expansion around hubs', () => {
  // Two hubs sharing many neighbours, some linked several times (ties at the cut), self-loops, names
  // that JSON must escape, and a chain hanging off one neighbour for the second hop.
  const nodes: SnapshotNode[] = [node('hub-a', 'Country'), node('hub-b', 'Country')];
  const edges: StoredEdge[] = [edge('self-a', 'hub-a', 'hub-a'), edge('ab', 'hub-a', 'hub-b'), edge('ba', 'hub-b', 'hub-a')];
  for (let i = 0; i < 400; i++) {
    const id = `p${String((i * 7919) % 400).padStart(3, '0')}`;
    nodes.push({ ...node(id, i % 5 === 0 ? 'Quote' : 'Person'), properties: { id, name: `N\u00e4me "${i}" \u2028 <b>${i}</b>` } });
    for (let k = 0; k < 1 + (i % 4 === 0 ? 1 : 0) + (i % 50 === 0 ? 2 : 0); k++) edges.push(edge(`e${i}-${k}`, id, 'hub-a'));
    if (i % 3 === 0) edges.push(edge(`f${i}`, 'hub-b', id));
    if (i % 97 === 0) edges.push(edge(`g${i}`, id, `p${String(((i + 1) * 7919) % 400).padStart(3, '0')}`));
  }
  const snapshot = buildNeighbourSnapshot(nodes, edges);

  it('ranks, truncates and collects edges as the plain expansion does, and its JSON is that of the object', () => {
    let compared = 0;
    for (const id of ['hub-a', 'hub-b', 'p000', 'p097']) {
      for (const depth of [1, 2, 3]) {
        for (const limit of [1, 5, 40, 150, 1000]) {
          for (const labels of [undefined, new Set(['Person']), new Set(['Quote', 'Country'])]) {
            const o = { depth, limit, labels };
            const graph = expandFromSnapshot(snapshot, id, o);
            expect(graph).toEqual(plainExpansion(snapshot, id, o));
            expect(expandFromSnapshotJson(snapshot, id, o)?.toString('utf8')).toBe(JSON.stringify(graph));
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(4 * 3 * 5 * 3);
    // The hub cases really took the shortcuts: far more candidates than the limit, more edges than the scan bound.
    expect(snapshot.adjacency[snapshot.index.get('hub-a')!]!.length).toBeGreaterThan(400);
    expect(expandFromSnapshot(snapshot, 'hub-a', { depth: 1, limit: 40 })?.attributes.truncated).toBe(true);
  });

  it('answers JSON twice the same (the kept pieces are not altered by use)', () => {
    const o = { depth: 2, limit: 150 };
    const first = expandFromSnapshotJson(snapshot, 'hub-b', o);
    expect(expandFromSnapshotJson(snapshot, 'hub-b', o)?.equals(first!)).toBe(true);
    expect(expandFromSnapshotJson(snapshot, 'nowhere', o)).toBeUndefined();
  });
});
