/**
 * Huge graphs' edges, drawn by a worker of their own (edge-layer.worker.ts) into a canvas under sigma's
 * nodes, instead of by sigma: with software WebGL, sigma's draw of 150,000 edges costs the main thread
 * about two seconds at every render (its nodes, a few hundred ms). The main thread sends the positions,
 * the edges and their colours when they change, and asks for a paint after each render sigma draws;
 * until a paint arrives, the last one follows the camera by a CSS transform (from the view it was
 * painted for to the current one), as the layout preview does. An edge is drawn when sigma would draw
 * it: both ends shown and its own filters passed.
 */
import type { AbstractGraph } from 'graphology-types';
import type { Sigma } from 'sigma';
import { pointsExtent, viewChange, type Extent, type PreviewView } from './preview-projection.js';
import { sigmaView } from './sigma-view.js';

export interface EdgeLayerSource {
  /** Whether the edge is drawn (sigma's reducer would not hide it, nor either of its ends). */
  edgeShown(edge: string, source: string, target: string, attrs: Record<string, unknown>): boolean;
  /** No paints while this is true (the layout preview stands in for the graph). */
  paused(): boolean;
}

export class EdgeLayer {
  private worker: Worker | undefined;
  private canvas: HTMLCanvasElement | undefined;
  private active = false;
  private extent: Extent | undefined;
  private painted: PreviewView | undefined;
  private palette: string[] = [''];
  private paletteIndex = new Map<string, number>();
  private requests = 0;
  private answered = 0;
  /** Bumped when new data or colours are sent; with the view, what the last paint asked for. */
  private version = 0;
  private lastAsked = '';
  /** New data or colours to send before the next paint (built then, not while the layout previews). */
  private dataDirty = false;
  private colorsDirty = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly sigma: Sigma,
    private readonly graph: AbstractGraph,
    private readonly source: EdgeLayerSource,
  ) {
    sigma.getCamera().on('updated', () => this.follow());
    sigma.on('resize', () => this.follow());
    // Every render sigma draws is for the current camera: the edges are painted for it too.
    sigma.on('afterRender', () => {
      if (this.active) this.requestPaint();
    });
  }

  /** Edges drawn by the worker (sigma draws none of its own then). */
  get isActive(): boolean {
    return this.active;
  }

  /** Paints asked for and not answered yet (for the tests). */
  get pending(): number {
    return this.requests - this.answered;
  }

  static supported(): boolean {
    return typeof HTMLCanvasElement.prototype.transferControlToOffscreen === 'function';
  }

  /** On for huge graphs (the positions and edges are sent with it), off otherwise. */
  setActive(active: boolean): void {
    if (active && !EdgeLayer.supported()) active = false;
    if (active === this.active) {
      if (active) this.sendData();
      return;
    }
    this.active = active;
    if (active) {
      this.ensureWorker();
      this.sendData();
    }
    if (this.canvas) this.canvas.hidden = !active;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./edge-layer.worker.ts', import.meta.url), {
      type: 'module',
      name: 'edge-layer',
    });
    worker.onerror = (event) => console.error(`the edge layer's worker failed: ${event.message}`);
    worker.onmessage = (event: MessageEvent<{ type: 'painted'; view: PreviewView; id: number }>) => {
      if (event.data.type !== 'painted') return;
      this.answered = Math.max(this.answered, event.data.id);
      this.painted = event.data.view;
      this.follow();
    };
    const canvas = document.createElement('canvas');
    canvas.className = 'edge-layer';
    canvas.setAttribute('aria-hidden', 'true');
    canvas.style.transformOrigin = '0 0';
    // Under sigma's nodes: right after its (empty) edge layer.
    const edges = this.sigma.getCanvases()['edges'];
    if (edges?.parentElement === this.container) edges.after(canvas);
    else this.container.prepend(canvas);
    const offscreen = canvas.transferControlToOffscreen();
    worker.postMessage({ type: 'canvas', canvas: offscreen }, [offscreen]);
    this.canvas = canvas;
    this.worker = worker;
    return worker;
  }

  private colorIndex(color: unknown): number {
    const c = typeof color === 'string' && color ? color : '#cccccc';
    let i = this.paletteIndex.get(c);
    if (i === undefined) {
      i = this.palette.length;
      this.palette.push(c);
      this.paletteIndex.set(c, i);
    }
    return i;
  }

  /** Each edge's colour index, 0 when it is not drawn. */
  private colors(): Uint8Array {
    const g = this.graph;
    const colors = new Uint8Array(g.size);
    let i = 0;
    g.forEachEdge((edge, attrs, source, target) => {
      colors[i++] = this.source.edgeShown(edge, source, target, attrs) ? this.colorIndex(attrs['color']) : 0;
    });
    return colors;
  }

  /**
   * The positions (as in the graph's attributes now), the edges and their colours, sent before the next
   * paint (after the next render sigma draws: a change of the graph or the filters is followed by one).
   */
  sendData(): void {
    if (!this.active) return;
    this.dataDirty = true;
    this.version++;
    this.painted = undefined;
    this.follow();
  }

  /** The filters changed: the edges they hide are not drawn (from the next paint on). */
  sendColors(): void {
    if (!this.active) return;
    this.colorsDirty = true;
    this.version++;
  }

  private flush(worker: Worker): void {
    if (this.dataDirty) {
      const g = this.graph;
      const index = new Map<string, number>();
      const xy = new Float64Array(2 * g.order);
      let n = 0;
      g.forEachNode((node, attrs) => {
        index.set(node, n);
        xy[2 * n] = attrs['x'] as number;
        xy[2 * n + 1] = attrs['y'] as number;
        n++;
      });
      const pairs = new Uint32Array(2 * g.size);
      let e = 0;
      g.forEachEdge((_edge, _attrs, source, target) => {
        pairs[e++] = index.get(source)!;
        pairs[e++] = index.get(target)!;
      });
      const colors = this.colors();
      this.extent = pointsExtent(xy, n);
      worker.postMessage({ type: 'data', xy, extent: this.extent, pairs, palette: this.palette, colors }, [
        xy.buffer,
        pairs.buffer,
        colors.buffer,
      ]);
    } else if (this.colorsDirty) {
      const colors = this.colors();
      worker.postMessage({ type: 'colors', colors, palette: this.palette }, [colors.buffer]);
    }
    this.dataDirty = false;
    this.colorsDirty = false;
  }

  private view(): PreviewView {
    return sigmaView(this.sigma);
  }


  /** A paint for the current view, unless the last one asked for was of this view and data. */
  requestPaint(): void {
    if (!this.active || !this.worker || this.source.paused()) return;
    const view = this.view();
    const asked = `${this.version} ${JSON.stringify(view)}`;
    if (asked === this.lastAsked) return;
    this.lastAsked = asked;
    this.flush(this.worker);
    this.worker.postMessage({ type: 'paint', view, id: ++this.requests });
  }

  /** Moves the last paint to where the current camera shows its edges. */
  private follow(): void {
    if (!this.active || !this.canvas) return;
    if (!this.painted || !this.extent) {
      this.canvas.style.transform = '';
      return;
    }
    const m = viewChange(this.extent, this.painted, this.view());
    this.canvas.style.transform = `matrix(${m.a}, ${m.d}, ${m.b}, ${m.e}, ${m.c}, ${m.f})`;
  }

  kill(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.canvas?.remove();
    this.canvas = undefined;
    this.active = false;
  }
}
