/**
 * The layout supervisor: runs ForceAtlas2 in a web worker (which iterates on its own and posts positions
 * at a bounded rate, see layout.worker.ts) and writes the positions back to the graph in an animation
 * frame, at most once per frame, so the main thread never runs the algorithm nor redraws more than once
 * per frame for it; costly updates wait while the user moves the camera. Deterministic: nodes start
 * from positions seeded by their keys (see seed.ts) and the automatic run does a fixed number of
 * iterations, so the same graph lays out the same way on every reload. Start/stop continues from where
 * it is.
 *
 * Huge graphs (see LayoutPreviewHost) are not redrawn while the layout runs, since every redraw costs
 * the main thread seconds there: the worker paints a preview of the moving nodes into a canvas of its
 * own, and only the final positions are written to the graph, once the run is over. The view ends the
 * preview (endPreview) once it has drawn them.
 */
import type { AbstractGraph } from 'graphology-types';
import { graphToByteArrays } from 'graphology-layout-forceatlas2/helpers.js';
import { packColor, type Extent, type PreviewView } from './preview-projection.js';

/** After positions are applied, the main thread gets this many times the apply cost before the next ones. */
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

/** Minimum time between two position updates from the worker: bigger graphs cost more to redraw. */
function postInterval(order: number): number {
  if (order <= 2000) return 0;
  if (order <= 20000) return 50;
  return 250;
}

/**
 * Applying positions that cost more than this (up to the next frame, so at least one frame) is deferred
 * while the camera moves, for at most MAX_DEFER_MS.
 */
const DEFER_ABOVE_MS = 40;
const MAX_DEFER_MS = 1000;

interface PositionsMessage {
  type: 'positions';
  run: number;
  xy: Float32Array;
  iterations: number;
  final: boolean;
}
interface ProgressMessage {
  type: 'progress';
  run: number;
  iterations: number;
}
interface PaintedMessage {
  type: 'painted';
  extent: Extent;
  view: PreviewView;
}
type WorkerAnswer = PositionsMessage | ProgressMessage | PaintedMessage;

/** What the view provides for the preview of huge graphs. */
export interface LayoutPreviewHost {
  /** Whether a graph of this many nodes is previewed by the worker instead of redrawn while the layout runs. */
  wanted(order: number): boolean;
  /** A canvas for a new worker, its control transferred (a canvas can be transferred once). */
  createCanvas(): OffscreenCanvas;
  /** The camera and the stage, now. */
  view(): PreviewView;
  /** The preview started (true) or ended (false): show it over the view, or hide it. */
  onPreviewChange(active: boolean): void;
  /** The worker painted a preview of points with this extent, for this view. */
  onPainted(extent: Extent, view: PreviewView): void;
}

export interface LayoutEvents {
  onRunningChange?: (running: boolean) => void;
  onIterations?: (done: number) => void;
  /**
   * Positions of these nodes were written in place (in an animation frame, at most once per frame):
   * redraw now. Without it, the graph emits an update event. While previewing (isPreviewing), these
   * are the final positions of the run, and the view calls endPreview() once it has drawn them.
   */
  onPositions?: (nodes: string[]) => void;
  /** True while the user moves the camera: costly position updates wait (up to a second). */
  busy?: () => boolean;
  /** Whether the filters let this node through: the preview paints only those (all without it). */
  visible?: (node: string) => boolean;
  preview?: LayoutPreviewHost;
}

export class ForceLayout {
  private worker: Worker | undefined;
  private running = false;
  private target = Infinity;
  private iterations = 0;
  private iterationsAtFeed = 0;
  private fedKeys: string[] = [];
  private stale = true;
  private runId = 0;
  private settleResolvers: (() => void)[] = [];
  private pending: PositionsMessage | undefined;
  private frame: number | undefined;
  private ackFrame: number | undefined;
  private lastCost = 0;
  private lastApply = 0;
  private canvasSent = false;
  private previewActive = false;

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

  /** The worker's preview is on screen (from the start of a preview run until endPreview). */
  get isPreviewing(): boolean {
    return this.previewActive;
  }

  /** The graph changed shape (nodes or edges added/removed): the worker is re-fed (now if it is running). */
  invalidate(): void {
    this.stale = true;
    this.pending = undefined;
    if (this.running) this.start(this.target - this.iterations);
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./layout.worker.ts', import.meta.url), {
        type: 'module',
        name: 'fa2-layout',
      });
      this.worker.onmessage = (event: MessageEvent<WorkerAnswer>) => this.onMessage(event.data);
      this.canvasSent = false;
    }
    return this.worker;
  }

  private feed(): void {
    const worker = this.ensureWorker();
    const { nodes, edges } = graphToByteArrays(this.graph, (_edge, attrs) => {
      const w = attrs['weight'];
      return typeof w === 'number' && w > 0 ? w : 1;
    });
    this.fedKeys = this.graph.nodes();
    this.iterationsAtFeed = this.iterations;
    const colors = this.previewWanted() ? this.previewColors() : undefined;
    worker.postMessage(
      { type: 'init', nodes, edges, settings: layoutSettings(this.graph.order), colors },
      colors ? [nodes.buffer, edges.buffer, colors.buffer] : [nodes.buffer, edges.buffer],
    );
    this.stale = false;
  }

  private previewWanted(): boolean {
    return this.events.preview?.wanted(this.graph.order) === true;
  }

  /** The preview's colour of each node, in the order the worker was fed; 0 (not painted) if filtered out. */
  private previewColors(): Uint32Array {
    const colors = new Uint32Array(this.graph.order);
    const visible = this.events.visible;
    let i = 0;
    this.graph.forEachNode((n, a) => {
      colors[i++] = visible && !visible(n) ? 0 : packColor(typeof a['color'] === 'string' ? a['color'] : '');
    });
    return colors;
  }

  /** The filters changed: a preview on screen is painted again without the nodes they hide. */
  updatePreviewColors(): void {
    if (!this.previewActive || !this.worker || this.stale || this.graph.order !== this.fedKeys.length) return;
    const colors = this.previewColors();
    this.worker.postMessage({ type: 'colors', colors }, [colors.buffer]);
  }

  private beginPreview(): void {
    const host = this.events.preview;
    if (!host) return;
    const worker = this.ensureWorker();
    if (!this.canvasSent) {
      const canvas = host.createCanvas();
      worker.postMessage({ type: 'canvas', canvas }, [canvas]);
      this.canvasSent = true;
    }
    worker.postMessage({ type: 'view', view: host.view() });
    worker.postMessage({ type: 'preview', on: true });
    if (!this.previewActive) {
      this.previewActive = true;
      host.onPreviewChange(true);
    }
  }

  /** The view changed (camera, size): the preview follows it. */
  updatePreviewView(): void {
    if (this.previewActive && this.events.preview) {
      this.worker?.postMessage({ type: 'view', view: this.events.preview.view() });
    }
  }

  /** The view drew the final positions: the preview goes away. */
  endPreview(): void {
    if (!this.previewActive) return;
    this.previewActive = false;
    this.worker?.postMessage({ type: 'preview', on: false });
    this.events.preview?.onPreviewChange(false);
  }

  /** Runs until stop() (or, with a budget, until that many more iterations are done). */
  start(budget = Infinity): void {
    if (this.graph.order === 0) return;
    if (this.stale) this.feed();
    this.target = this.iterations + budget;
    if (budget <= 0) {
      this.stop();
      return;
    }
    this.runId++;
    const preview = this.previewWanted();
    if (preview) this.beginPreview();
    else this.endPreview();
    this.ensureWorker().postMessage({
      type: 'run',
      run: this.runId,
      iterations: budget,
      minIntervalMs: postInterval(this.graph.order),
      share: MAIN_THREAD_SHARE,
      preview,
    });
    if (!this.running) {
      this.running = true;
      this.events.onRunningChange?.(true);
    }
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
    // The worker answers with its latest positions, applied like the others.
    this.worker?.postMessage({ type: 'stop' });
    this.events.onRunningChange?.(false);
    this.settle();
  }

  kill(): void {
    this.stop();
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    if (this.ackFrame !== undefined) cancelAnimationFrame(this.ackFrame);
    this.frame = undefined;
    this.ackFrame = undefined;
    this.pending = undefined;
    this.endPreview();
    this.worker?.terminate();
    this.worker = undefined;
    this.stale = true;
  }

  private settle(): void {
    const resolvers = this.settleResolvers;
    this.settleResolvers = [];
    for (const r of resolvers) r();
  }

  private onMessage(msg: WorkerAnswer): void {
    if (msg.type === 'painted') {
      if (this.previewActive) this.events.preview?.onPainted(msg.extent, msg.view);
      return;
    }
    if (msg.type === 'progress') {
      if (msg.run === this.runId && !this.stale) {
        this.iterations = this.iterationsAtFeed + msg.iterations;
        this.events.onIterations?.(this.iterations);
      }
      return;
    }
    // Only the latest positions matter: a newer message replaces one not applied yet.
    this.pending = msg;
    if (this.frame === undefined) this.frame = requestAnimationFrame(() => this.applyPending());
  }

  /** In an animation frame: writes the latest positions and has the view redraw, once. */
  private applyPending(): void {
    this.frame = undefined;
    const msg = this.pending;
    if (!msg) return;
    const now = performance.now();
    if (
      !msg.final &&
      this.lastCost > DEFER_ABOVE_MS &&
      now - this.lastApply < MAX_DEFER_MS &&
      this.events.busy?.() === true
    ) {
      this.frame = requestAnimationFrame(() => this.applyPending());
      return;
    }
    this.pending = undefined;
    const current = msg.run === this.runId;
    // The end of the run: stopped first, so that the redraw below is the one of a still layout.
    if (msg.final && current && this.running) this.stop();
    // The graph may have changed under the worker: apply only to the node set it was fed.
    const applicable =
      !this.stale && msg.xy.length === 2 * this.fedKeys.length && this.graph.order === this.fedKeys.length;
    // A preview whose final positions cannot be applied (the graph changed, no run follows) ends here.
    if (!applicable && msg.final && current && !this.running) this.endPreview();
    if (applicable) {
      // Written into the live attribute objects without one graph event per node, then the renderer is
      // told once: on large graphs the per-node events cost more than the layout itself.
      const xy = msg.xy;
      let j = 0;
      this.graph.forEachNode((_node, attr) => {
        attr['x'] = xy[j];
        attr['y'] = xy[j + 1];
        j += 2;
      });
      if (this.events.onPositions) this.events.onPositions(this.fedKeys);
      else this.graph.updateEachNodeAttributes((_n, a) => a, { attributes: ['x', 'y'] });
      if (current) {
        this.iterations = this.iterationsAtFeed + msg.iterations;
        this.events.onIterations?.(this.iterations);
      }
    }
    // The cost, up to the next frame: with software WebGL most of a redraw is paid when the frame is
    // committed, after this task.
    this.ackFrame = requestAnimationFrame(() => {
      this.ackFrame = undefined;
      this.lastApply = performance.now();
      this.lastCost = this.lastApply - now;
      this.worker?.postMessage({ type: 'ack', costMs: this.lastCost });
    });
  }
}
