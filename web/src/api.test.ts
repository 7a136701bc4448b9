import { describe, expect, it } from 'vitest';
import { ApiError, parseSubgraphInSlices } from './api.js';

const graph = (nodes: number, edges: number) => ({
  options: { type: 'directed' },
  nodes: Array.from({ length: nodes }, (_, i) => ({ key: `n${i}`, attributes: { type: 'Person' } })),
  edges: Array.from({ length: edges }, (_, i) => ({
    source: `n${i % nodes}`,
    target: `n${(i + 1) % nodes}`,
  })),
});

describe('a serialized graph validated in slices', () => {
  it('gives back every node and edge, in order', async () => {
    const g = graph(4500, 7001);
    const out = await parseSubgraphInSlices(g, 200, 'GET /x.json');
    expect(out.nodes.length).toBe(4500);
    expect(out.edges.length).toBe(7001);
    expect(out.nodes[4321]!.key).toBe('n4321');
    expect(out.edges[7000]!.target).toBe(`n${7001 % 4500}`);
    expect(out.options).toEqual({ type: 'directed' });
  });

  it('names the bad item by its index in the whole list', async () => {
    const g = graph(10, 5000) as { edges: Record<string, unknown>[] };
    g.edges[4321] = { source: 'n1', target: 7 };
    const err = await parseSubgraphInSlices(g, 200, 'GET /x.json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as Error).message).toMatch(
      /^GET \/x\.json answered in an unexpected shape \(edges\.4321\.target: /,
    );
    const shell = await parseSubgraphInSlices({ nodes: [] }, 200, 'GET /x.json').catch((e: unknown) => e);
    expect((shell as Error).message).toMatch(/\(edges: /);
  });
});
