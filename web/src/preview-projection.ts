/**
 * Where sigma would draw a node, computed without sigma: the layout worker draws its preview of a huge
 * graph (see layout.worker.ts) with the same mapping sigma applies once the positions are given to it
 * (normalisation of the positions' extent into the unit square, then the camera matrix, then the
 * viewport), so the preview pans and zooms with sigma's camera and its last frame matches sigma's first.
 * Sigma's own math functions (sigma/utils, no DOM) are composed into one affine map per frame.
 */
import { createNormalizationFunction, matrixFromCamera } from 'sigma/utils';

export interface Extent {
  x: [number, number];
  y: [number, number];
}

export interface PreviewCamera {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

/** What the main thread tells the worker about the stage (CSS pixels). */
export interface PreviewView {
  camera: PreviewCamera;
  width: number;
  height: number;
  /** sigma's stage padding (getStagePadding()). */
  padding: number;
  pixelRatio: number;
}

/** viewportX = a*x + b*y + c, viewportY = d*x + e*y + f (graph coordinates to CSS pixels). */
export interface Affine {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}

/** The extent of `count` points stored as [x, y] at `stride` floats apart (sigma's graphExtent). */
export function pointsExtent(points: ArrayLike<number>, count: number, stride = 2): Extent {
  if (count === 0) return { x: [0, 1], y: [0, 1] };
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0, j = 0; i < count; i++, j += stride) {
    const x = points[j]!;
    const y = points[j + 1]!;
    if (x < xMin) xMin = x;
    if (x > xMax) xMax = x;
    if (y < yMin) yMin = y;
    if (y > yMax) yMax = y;
  }
  return { x: [xMin, xMax], y: [yMin, yMax] };
}

/** The graph-to-viewport map sigma uses after a process() of points with this extent. */
export function graphToViewportAffine(extent: Extent, view: PreviewView): Affine {
  const normalize = createNormalizationFunction(extent);
  // normalize(p) = p / ratio + origin, per axis.
  const origin = normalize({ x: 0, y: 0 });
  const s = 1 / normalize.ratio;
  const graphDimensions = {
    width: extent.x[1] - extent.x[0] || 1,
    height: extent.y[1] - extent.y[0] || 1,
  };
  const m = matrixFromCamera(
    view.camera,
    { width: view.width, height: view.height },
    graphDimensions,
    view.padding,
  );
  // Clip space: cx = m0*nx + m3*ny + m6, cy = m1*nx + m4*ny + m7 (column-major 3x3, as sigma's).
  // Viewport: vx = (1 + cx) * width / 2, vy = (1 - cy) * height / 2.
  const hw = view.width / 2;
  const hh = view.height / 2;
  const m0 = m[0]!;
  const m1 = m[1]!;
  const m3 = m[3]!;
  const m4 = m[4]!;
  const m6 = m[6]!;
  const m7 = m[7]!;
  return {
    a: m0 * s * hw,
    b: m3 * s * hw,
    c: (1 + m0 * origin.x + m3 * origin.y + m6) * hw,
    d: -m1 * s * hh,
    e: -m4 * s * hh,
    f: (1 - (m1 * origin.x + m4 * origin.y + m7)) * hh,
  };
}

/** The affine map doing `first`, then `second`. */
export function composeAffine(second: Affine, first: Affine): Affine {
  return {
    a: second.a * first.a + second.b * first.d,
    b: second.a * first.b + second.b * first.e,
    c: second.a * first.c + second.b * first.f + second.c,
    d: second.d * first.a + second.e * first.d,
    e: second.d * first.b + second.e * first.e,
    f: second.d * first.c + second.e * first.f + second.f,
  };
}

export function invertAffine(t: Affine): Affine {
  const det = t.a * t.e - t.b * t.d || 1;
  const a = t.e / det;
  const b = -t.b / det;
  const d = -t.d / det;
  const e = t.a / det;
  return { a, b, c: -(a * t.c + b * t.f), d, e, f: -(d * t.c + e * t.f) };
}

/**
 * How a picture painted for `painted` must move to show the same points for `now` (both with the same
 * extent): the CSS transform of the preview canvas between two paints.
 */
export function viewChange(extent: Extent, painted: PreviewView, now: PreviewView): Affine {
  return composeAffine(
    graphToViewportAffine(extent, now),
    invertAffine(graphToViewportAffine(extent, painted)),
  );
}

/** '#rrggbb' (or '#rgb') as one little-endian RGBA pixel of an ImageData's Uint32Array view; grey otherwise. */
export function packColor(color: string): number {
  let hex = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color)?.[1];
  if (!hex) return 0xff999999;
  if (hex.length === 3) hex = hex.replace(/./g, (c) => c + c);
  const r = parseInt(hex.slice(0, 2), 16);
  const g = parseInt(hex.slice(2, 4), 16);
  const b = parseInt(hex.slice(4, 6), 16);
  return ((0xff << 24) | (b << 16) | (g << 8) | r) >>> 0;
}
