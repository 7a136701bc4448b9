/**
 * The layout supervisor: runs ForceAtlas2 in a web worker and writes the positions back to the graph in
 * batches, so the main thread never runs the algorithm. Deterministic: nodes start from positions seeded
 * by their keys (see seed.ts) and the automatic run does a fixed number of iterations, so the same graph
 * lays out the same way on every reload. Start/stop continues from where it is.
 */
import type { AbstractGraph } from 'graphology-types';
import { graphToByteArrays } from 'graphology-layout-forceatlas2/helpers.js';

const PPN = 10; // floats per node in the matrix (graphology-layout-forceatlas2)
/** After a batch is applied, the main thread gets this many times the apply cost before the next one. */
const MAIN_THREAD_SHARE = 3;

/** FA2 settings as graphology-layout-forceatlas2's inferSettings, plus Barnes-Hut from 1,000 nodes. */
export function layoutSettings(order: number): Record<string, unknown> {
  return {
    linLogMode: false,
    outboundAttractionDistribution: false,
    adjustSizes: false,
    edgeWeightInfluence: 1,
    scalingRatio: 10,
    strongGravityMode: true,
    gravity: 0.05,
    slowDown: 1 + Math.log(Math.max(order, 1)),
    barnesHutOptimize: order > 1000,
    barnesHutTheta: 0.5,
  };
}

/** Iterations of the automatic run: enough to settle small graphs, bounded for huge ones. */
export function autoIterations(order: number): number {
  if (order <= 500) return 500;
  if (order <= 5000) return 300;
  if (order <= 20000) return 150;
  return 80;
}

/** Iterations per round trip: several for small graphs (fewer messages), few for large ones. */
function batchSize(order: number): number {
  if (order <= 500) return 25;
  if (order <= 5000) return 5;
  if (order <= 20000) return 2;
  // Huge graphs: each round trip costs the main thread a full re-index, so fewer, bigger batches.
  return 4;
}

export interface LayoutEvents {
  onRunningChange?: (running: boolean) => void;
  onIterations?: (done: number) => void;
  /** Positions were written in place: redraw (without it, the graph emits an update event). */
  onPositions?: () => void;
}

export class ForceLayout {
  private worker: Worker | undefined;
  private running = false;
  private inFlight = false;
  private target = Infinity;
  private iterations = 0;
  private fedOrder = 0;
  private stale = true;
  private settleResolvers: (() => void)[] = [];
  private pendingBatch = 0;

  constructor(
    private readonly graph: AbstractGraph,
    readonly events: LayoutEvents = {},
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  get iterationsDone(): number {
    return this.iterations;
  }

  /** The graph changed shape (nodes or edges added/removed): the worker is re-fed on the next run. */
  invalidate(): void {
    this.stale = true;
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'fa2-layout' });
      this.worker.onmessage = (event: MessageEvent<{ type: 'positions'; nodes: Float32Array; iterations: number }>) =>
        this.onPositions(event.data.nodes);
    }
    return this.worker;
  }

  private feed(): void {
    const worker = this.ensureWorker();
    const { nodes, edges } = graphToByteArrays(this.graph, (_edge, attrs) => {
      const w = attrs['weight'];
      return typeof w === 'number' && w > 0 ? w : 1;
    });
    this.fedOrder = this.graph.order;
    worker.postMessage({ type: 'init', nodes, edges, settings: layoutSettings(this.graph.order) }, [
      nodes.buffer,
      edges.buffer,
    ]);
    this.stale = false;
  }

  /** Runs until stop() (or, with a budget, until that many more iterations are done). */
  start(budget = Infinity): void {
    if (this.graph.order === 0) return;
    if (this.stale) this.feed();
    this.target = this.iterations + budget;
    if (!this.running) {
      this.running = true;
      this.events.onRunningChange?.(true);
    }
    this.request();
  }

  /** The deterministic automatic run; resolves when it is done (or stopped). */
  runAuto(): Promise<void> {
    this.iterations = 0;
    this.stale = true;
    const settled = new Promise<void>((resolve) => this.settleResolvers.push(resolve));
    if (this.graph.order === 0) {
      this.settle();
      return settled;
    }
    this.start(autoIterations(this.graph.order));
    return settled;
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.events.onRunningChange?.(false);
    this.settle();
  }

  kill(): void {
    this.stop();
    this.worker?.terminate();
    this.worker = undefined;
    this.stale = true;
  }

  private settle(): void {
    const resolvers = this.settleResolvers;
    this.settleResolvers = [];
    for (const r of resolvers) r();
  }

  private request(): void {
    if (this.inFlight || !this.running || !this.worker) return;
    const n = Math.min(batchSize(this.graph.order), this.target - this.iterations);
    if (n <= 0) {
      this.stop();
      return;
    }
    this.inFlight = true;
    this.worker.postMessage({ type: 'run', iterations: n });
    this.pendingBatch = n;
  }

  private onPositions(matrix: Float32Array): void {
    const applyStarted = performance.now();
    this.inFlight = false;
    this.iterations += this.pendingBatch;
    // The graph may have changed under the worker: apply only to the node set it was fed.
    if (!this.stale && matrix.length === this.fedOrder * PPN && this.graph.order === this.fedOrder) {
      // Unchanged graph: same iteration order as when it was fed. The positions are written into the
      // live attribute objects without one graph event per node, then the renderer is told once
      // (onPositions): on large graphs the per-node events cost more than the layout itself.
      let j = 0;
      this.graph.forEachNode((_node, attr) => {
        attr['x'] = matrix[j];
        attr['y'] = matrix[j + 1];
        j += PPN;
      });
      if (this.events.onPositions) this.events.onPositions();
      else this.graph.updateEachNodeAttributes((_n, a) => a, { attributes: ['x', 'y'] });
    }
    this.events.onIterations?.(this.iterations);
    if (this.stale && this.running) this.feed();
    if (this.iterations >= this.target) {
      this.stop();
      return;
    }
    // Applying positions costs the main thread a re-index and a render. Measure that cost (up to the end
    // of the next frame) and let the main thread have at least three times as long before the next
    // batch, so that camera moves stay smooth on large graphs while the worker keeps the layout going.
    requestAnimationFrame(() => {
      const cost = performance.now() - applyStarted;
      const pause = cost > 8 ? cost * MAIN_THREAD_SHARE : 0;
      if (pause > 0) setTimeout(() => this.request(), pause);
      else this.request();
    });
  }
}
