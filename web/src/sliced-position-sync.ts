/**
 * Gives sigma new positions of all the nodes (already written in the graph's attributes) in slices of a
 * few ms, instead of sigma's refresh(), whose process() of 50,000 nodes and 150,000 edges holds the main
 * thread for one to two seconds in one task. Only positions changed: the nodes, their types and the
 * edges are those sigma last indexed, so its program allocations and indices stay valid, and what
 * process() derives from positions is redone here:
 *   - the extent and the normalisation function (sigma internals, as in sigma 3.0's process());
 *   - each node's display and program data, then each edge's program data (partial refreshes with
 *     skipIndexation, sigma's public API);
 *   - the label grid (internal, filled as process() fills it).
 * If sigma's internals are not what this expects, it falls back to one refresh().
 */
import type { Sigma } from 'sigma';
import type { Coordinates, Dimensions } from 'sigma/types';
import { createNormalizationFunction, graphExtent, matrixFromCamera } from 'sigma/utils';
import type { Extent } from './preview-projection.js';
import { yieldToBrowser } from './yield.js';

interface SigmaPositionInternals {
  nodeExtent: Extent;
  customBBox: Extent | null;
  normalizationFunction: ReturnType<typeof createNormalizationFunction>;
  labelGrid: {
    resizeAndClear(dimensions: Dimensions, cellSize: number): void;
    add(key: string, size: number, pos: Coordinates): void;
    organize(): void;
  };
}

/** Items handled between two checks of the clock. */
const CHUNK = 500;

function internalsOf(sigma: Sigma): SigmaPositionInternals | undefined {
  const s = sigma as unknown as Partial<SigmaPositionInternals>;
  const grid = s.labelGrid;
  if (!s.nodeExtent || typeof s.normalizationFunction !== 'function' || !grid) return undefined;
  if (typeof grid.add !== 'function' || typeof grid.resizeAndClear !== 'function') return undefined;
  if (sigma.getSetting('autoRescale') === false) return undefined;
  return s as SigmaPositionInternals;
}

export class SlicedPositionSync {
  private generation = 0;

  constructor(
    private readonly sigma: Sigma,
    private readonly sliceMs = 16,
  ) {}

  /** Abandons a sync in progress (a newer one, or a full refresh, takes over). */
  cancel(): void {
    this.generation++;
  }

  /**
   * Resolves true once sigma holds the graph's current positions everywhere (a render is scheduled), or
   * false if it was cancelled or the graph changed shape meanwhile (sigma then re-indexes it anyway).
   */
  async run(): Promise<boolean> {
    const generation = ++this.generation;
    const sigma = this.sigma;
    const graph = sigma.getGraph();
    const internals = internalsOf(sigma);
    if (!internals) {
      sigma.refresh();
      return true;
    }
    const order = graph.order;
    const size = graph.size;
    const alive = (): boolean =>
      this.generation === generation && graph.order === order && graph.size === size;

    // As process(): the extent of the positions, and the normalisation into the unit square.
    internals.nodeExtent = graphExtent(graph);
    internals.normalizationFunction = createNormalizationFunction(
      internals.customBBox ?? internals.nodeExtent,
    );

    const nodes = graph.nodes();
    const edges = graph.edges();
    for (const [items, kind] of [
      [nodes, 'nodes'],
      [edges, 'edges'],
    ] as const) {
      let at = 0;
      while (at < items.length) {
        at = this.refreshSlice(items, at, kind);
        await yieldToBrowser();
        if (!alive()) return false;
      }
    }

    // The label grid, filled as process() fills it (positions at the default camera).
    const grid = internals.labelGrid;
    const dimensions = sigma.getDimensions();
    const matrix = matrixFromCamera(
      { x: 0.5, y: 0.5, ratio: 1, angle: 0 },
      dimensions,
      sigma.getGraphDimensions(),
      sigma.getStagePadding(),
    );
    grid.resizeAndClear(dimensions, sigma.getSetting('labelGridCellSize'));
    let at = 0;
    while (at < nodes.length) {
      const end = performance.now() + this.sliceMs;
      while (at < nodes.length && performance.now() < end) {
        const stop = Math.min(at + CHUNK, nodes.length);
        for (; at < stop; at++) {
          const node = nodes[at]!;
          const data = sigma.getNodeDisplayData(node);
          if (data && typeof data.label === 'string' && !data.hidden) {
            grid.add(node, data.size, sigma.framedGraphToViewport(data, { matrix }));
          }
        }
      }
      if (at < nodes.length) {
        await yieldToBrowser();
        if (!alive()) return false;
      }
    }
    grid.organize();
    sigma.scheduleRender();
    return true;
  }

  /** Partial refreshes of items from `from` on, for about sliceMs; returns where it stopped. */
  private refreshSlice(items: string[], from: number, kind: 'nodes' | 'edges'): number {
    const end = performance.now() + this.sliceMs;
    let at = from;
    while (at < items.length && performance.now() < end) {
      const chunk = items.slice(at, at + CHUNK);
      at += chunk.length;
      this.sigma.refresh({
        partialGraph: kind === 'nodes' ? { nodes: chunk } : { edges: chunk },
        skipIndexation: true,
        schedule: true,
      });
    }
    return at;
  }
}
