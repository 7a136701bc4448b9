/**
 * Camera moves on large graphs without redrawing them: while the camera moves (a drag, a wheel zoom, a
 * camera animation), sigma's render is not run; the frame on screen (sigma's layers, as last drawn) is
 * moved and scaled with the camera by a CSS transform instead, from the camera it was drawn with to the
 * current one, as the layout preview does between its paints (layout-preview.ts). Once the camera rests
 * (sigma's own "moving" test is false and the camera has not changed for `quietMs`), sigma renders the
 * real frame, its normal render, and the transform is removed. With software WebGL a frame of 50,000
 * nodes and 150,000 edges costs the main thread seconds; a CSS transform costs the compositor a copy.
 *
 * Sigma renders through `render()`, which its camera listener schedules in an animation frame and
 * refresh() calls: the instance's render is wrapped. Picking while the snapshot stands in (the picking
 * buffers are those of the frame on screen) maps the pointer back through the transform, so hover
 * matches what is shown. Everything else that asks for a render meanwhile (new positions, filters) is
 * drawn by the real render at rest.
 */
import type { Sigma } from 'sigma';
import type { CameraState, Coordinates } from 'sigma/types';

/** x' = a*x + c*y + e, y' = b*x + d*y + f (CSS matrix() order, viewport pixels). */
export interface CssMatrix {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

export const IDENTITY: CssMatrix = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };

/**
 * The affine map sending p0, p1, p2 to q0, q1, q2 (three points not on a line): how the picture drawn
 * with one camera moves to show the same points with another.
 */
export function affineFromPoints(
  p: [Coordinates, Coordinates, Coordinates],
  q: [Coordinates, Coordinates, Coordinates],
): CssMatrix {
  // Columns of P = [p1 - p0, p2 - p0] and Q = [q1 - q0, q2 - q0]; M = Q * P^-1, t = q0 - M * p0.
  const [p0, p1, p2] = p;
  const [q0, q1, q2] = q;
  const pa = p1.x - p0.x;
  const pb = p1.y - p0.y;
  const pc = p2.x - p0.x;
  const pd = p2.y - p0.y;
  const det = pa * pd - pb * pc || 1;
  const ia = pd / det;
  const ib = -pb / det;
  const ic = -pc / det;
  const id = pa / det;
  const qa = q1.x - q0.x;
  const qb = q1.y - q0.y;
  const qc = q2.x - q0.x;
  const qd = q2.y - q0.y;
  const a = qa * ia + qc * ib;
  const b = qb * ia + qd * ib;
  const c = qa * ic + qc * id;
  const d = qb * ic + qd * id;
  return { a, b, c, d, e: q0.x - (a * p0.x + c * p0.y), f: q0.y - (b * p0.x + d * p0.y) };
}

export function invertMatrix(m: CssMatrix): CssMatrix {
  const det = m.a * m.d - m.b * m.c || 1;
  const a = m.d / det;
  const b = -m.b / det;
  const c = -m.c / det;
  const d = m.a / det;
  return { a, b, c, d, e: -(a * m.e + c * m.f), f: -(b * m.e + d * m.f) };
}

export function applyMatrix(m: CssMatrix, p: Coordinates): Coordinates {
  return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
}

/** The layers moved with the camera: all of sigma's but the mouse layer, which receives the events. */
const MOVED_LAYERS = ['edges', 'edgeLabels', 'nodes', 'labels', 'hovers', 'hoverNodes'];

type RenderFn = () => Sigma;
interface SigmaRenderInternals {
  render: RenderFn;
  renderFrame: number | null;
  getNodeAtPosition(position: Coordinates): string | null;
}

export interface MoveSnapshotOptions {
  /** Whether the snapshot stands in for renders now (large graphs). */
  enabled: () => boolean;
  /** Whether the camera is moving (sigma's test: a drag, a wheel zoom, an animation). */
  moving: () => boolean;
  /** The camera must also have been still this long before the real frame is drawn. */
  quietMs?: number;
}

export class MoveSnapshot {
  private readonly internals: SigmaRenderInternals;
  private readonly render: RenderFn;
  private readonly pick: (position: Coordinates) => string | null;
  private readonly quietMs: number;
  /** The camera the frame on screen was drawn with (undefined before the first render). */
  private drawn: CameraState | undefined;
  private transform: CssMatrix | undefined;
  private lastCameraChange = -Infinity;
  private restTimer: ReturnType<typeof setTimeout> | undefined;
  private renders = 0;
  private skipped = 0;
  private skippedSinceRender = false;
  private forced = false;
  private deferring = false;

  constructor(
    private readonly sigma: Sigma,
    private readonly options: MoveSnapshotOptions,
  ) {
    this.quietMs = options.quietMs ?? 120;
    const s = sigma as unknown as SigmaRenderInternals;
    this.internals = s;
    this.render = s.render.bind(sigma) as RenderFn;
    this.pick = s.getNodeAtPosition.bind(sigma);
    // Sigma's internals this relies on: renderFrame (the pending animation frame of scheduleRender).
    if (!('renderFrame' in s)) return;
    s.render = () => this.onRender();
    s.getNodeAtPosition = (position) =>
      this.pick(this.transform ? applyMatrix(invertMatrix(this.transform), position) : position);
    sigma.getCamera().on('updated', () => {
      this.lastCameraChange = performance.now();
    });
  }

  /** The snapshot is on screen in place of a render (the camera is moving). */
  get isActive(): boolean {
    return this.transform !== undefined;
  }

  /** Real renders done, and renders the snapshot stood in for (for the tests and benchmarks). */
  get counts(): { renders: number; skipped: number } {
    return { renders: this.renders, skipped: this.skipped };
  }

  private isMoving(): boolean {
    return this.options.moving() || performance.now() - this.lastCameraChange < this.quietMs;
  }

  private onRender(): Sigma {
    const sigma = this.sigma;
    if (this.deferring) {
      // Drawn in the next animation frame, in a task of its own (see deferRender).
      sigma.scheduleRender();
      return sigma;
    }
    if (this.drawn && !this.forced && this.options.enabled() && this.isMoving()) {
      // As sigma's render: a scheduled frame is cancelled (this call is it, or replaces it).
      const frame = this.internals.renderFrame;
      if (frame !== null) cancelAnimationFrame(frame);
      this.internals.renderFrame = null;
      this.skipped++;
      this.skippedSinceRender = true;
      this.follow();
      this.waitForRest();
      return sigma;
    }
    this.clearTransform();
    this.render();
    this.renders++;
    this.drawn = sigma.getCamera().getState();
    if (this.skippedSinceRender) {
      this.skippedSinceRender = false;
      performance.mark('speakergraph:move-settled');
    }
    return sigma;
  }

  /**
   * Runs `fn` (e.g. sigma.setGraph, which indexes the graph and renders it at once) with the render it
   * asks for scheduled in the next animation frame instead: indexing and drawing are two tasks.
   */
  deferRender(fn: () => void): void {
    this.deferring = true;
    try {
      fn();
    } finally {
      this.deferring = false;
    }
  }

  /** A full refresh and render now, even while the camera moves (the PNG snapshot reads the buffers). */
  refreshNow(): void {
    this.forced = true;
    try {
      this.sigma.refresh();
    } finally {
      this.forced = false;
    }
  }

  /** Moves the frame on screen to where the current camera shows its points. */
  private follow(): void {
    const sigma = this.sigma;
    // Framed-graph points, where the frame on screen drew them (sigma's matrix of its last render) and
    // where the current camera puts them.
    const points: [Coordinates, Coordinates, Coordinates] = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 0, y: 1 },
    ];
    const camera = sigma.getCamera().getState();
    const from = points.map((p) => sigma.framedGraphToViewport(p)) as [Coordinates, Coordinates, Coordinates];
    const to = points.map((p) => sigma.framedGraphToViewport(p, { cameraState: camera })) as [
      Coordinates,
      Coordinates,
      Coordinates,
    ];
    const m = affineFromPoints(from, to);
    this.transform = m;
    const css = `matrix(${m.a}, ${m.b}, ${m.c}, ${m.d}, ${m.e}, ${m.f})`;
    const canvases = sigma.getCanvases();
    for (const id of MOVED_LAYERS) {
      const c = canvases[id];
      if (!c) continue;
      c.style.transformOrigin = '0 0';
      c.style.transform = css;
    }
  }

  private clearTransform(): void {
    if (!this.transform) return;
    this.transform = undefined;
    const canvases = this.sigma.getCanvases();
    for (const id of MOVED_LAYERS) {
      const c = canvases[id];
      if (c) c.style.transform = '';
    }
  }

  /** Once the camera rests, sigma draws the real frame (one render, in an animation frame). */
  private waitForRest(): void {
    if (this.restTimer !== undefined) return;
    const check = (): void => {
      this.restTimer = undefined;
      if (!this.transform) return;
      if (this.isMoving()) {
        this.restTimer = setTimeout(check, 40);
        return;
      }
      this.sigma.scheduleRender();
    };
    this.restTimer = setTimeout(check, 40);
  }

  kill(): void {
    if (this.restTimer !== undefined) clearTimeout(this.restTimer);
    this.restTimer = undefined;
  }
}
