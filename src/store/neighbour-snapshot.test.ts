import { describe, expect, it } from 'vitest';
import { buildNeighbourSnapshot, compareIds, expandFromSnapshot, type SnapshotNode } from './neighbour-snapshot.js';
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
