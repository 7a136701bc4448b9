import { createNormalizationFunction, matrixFromCamera, multiplyVec2 } from 'sigma/utils';
import { describe, expect, it } from 'vitest';
import {
  graphToViewportAffine,
  packColor,
  pointsExtent,
  viewChange,
  type PreviewView,
} from './preview-projection.js';
import { mulberry32 } from './seed.js';

/** Sigma's own path, step by step: normalise, camera matrix (framedGraphToViewport), viewport. */
function sigmaViewport(
  p: { x: number; y: number },
  xy: Float32Array,
  view: PreviewView,
): { x: number; y: number } {
  const extent = pointsExtent(xy, xy.length / 2);
  const framed = createNormalizationFunction(extent)(p);
  const dims = { width: extent.x[1] - extent.x[0] || 1, height: extent.y[1] - extent.y[0] || 1 };
  const m = matrixFromCamera(view.camera, { width: view.width, height: view.height }, dims, view.padding);
  const clip = multiplyVec2(m, framed);
  return { x: ((1 + clip.x) * view.width) / 2, y: ((1 - clip.y) * view.height) / 2 };
}

describe('the layout preview projects nodes where sigma draws them', () => {
  const rnd = mulberry32(7);
  // A wide cloud (not square, not centred on the origin).
  const xy = new Float32Array(2000);
  for (let i = 0; i < xy.length; i += 2) {
    xy[i] = 300 + 900 * rnd();
    xy[i + 1] = -50 + 200 * rnd();
  }
  const views: PreviewView[] = [
    { camera: { x: 0.5, y: 0.5, ratio: 1, angle: 0 }, width: 1280, height: 720, padding: 40, pixelRatio: 1 },
    {
      camera: { x: 0.31, y: 0.62, ratio: 0.2, angle: 0 },
      width: 1280,
      height: 720,
      padding: 40,
      pixelRatio: 2,
    },
    { camera: { x: 0.7, y: 0.4, ratio: 3, angle: 0.6 }, width: 420, height: 820, padding: 0, pixelRatio: 1 },
  ];

  it.each(views.map((v, i) => [i, v] as const))('camera %i', (_i, view) => {
    const t = graphToViewportAffine(pointsExtent(xy, xy.length / 2), view);
    for (let i = 0; i < 40; i += 2) {
      const p = { x: xy[i]!, y: xy[i + 1]! };
      const expected = sigmaViewport(p, xy, view);
      expect(t.a * p.x + t.b * p.y + t.c).toBeCloseTo(expected.x, 6);
      expect(t.d * p.x + t.e * p.y + t.f).toBeCloseTo(expected.y, 6);
    }
  });

  it('fits the whole graph inside the padded stage at the default camera', () => {
    const view = views[0]!;
    const t = graphToViewportAffine(pointsExtent(xy, xy.length / 2), view);
    for (let i = 0; i < xy.length; i += 2) {
      const x = t.a * xy[i]! + t.b * xy[i + 1]! + t.c;
      const y = t.d * xy[i]! + t.e * xy[i + 1]! + t.f;
      expect(x).toBeGreaterThanOrEqual(view.padding - 1e-6);
      expect(x).toBeLessThanOrEqual(view.width - view.padding + 1e-6);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(view.height);
    }
  });

  it('moves a picture painted for one camera to where another camera shows the same points', () => {
    const extent = pointsExtent(xy, xy.length / 2);
    const [painted, now] = [views[1]!, { ...views[1]!, camera: { x: 0.35, y: 0.6, ratio: 0.15, angle: 0 } }];
    const move = viewChange(extent, painted, now);
    for (let i = 0; i < 40; i += 2) {
      const p = { x: xy[i]!, y: xy[i + 1]! };
      const from = sigmaViewport(p, xy, painted);
      const to = sigmaViewport(p, xy, now);
      expect(move.a * from.x + move.b * from.y + move.c).toBeCloseTo(to.x, 5);
      expect(move.d * from.x + move.e * from.y + move.f).toBeCloseTo(to.y, 5);
    }
  });

  it('reads extents with a stride (the FA2 node matrix)', () => {
    const m = new Float32Array([1, 5, 0, 0, -2, 7, 0, 0, 3, -1, 0, 0]);
    expect(pointsExtent(m, 3, 4)).toEqual({ x: [-2, 3], y: [-1, 7] });
    expect(pointsExtent(m, 0, 4)).toEqual({ x: [0, 1], y: [0, 1] });
  });

  it('packs colours as ImageData pixels', () => {
    const px = new Uint8ClampedArray(
      new Uint32Array([packColor('#0072B2'), packColor('#abc'), packColor('red')]).buffer,
    );
    expect([...px]).toEqual([0x00, 0x72, 0xb2, 255, 0xaa, 0xbb, 0xcc, 255, 0x99, 0x99, 0x99, 255]);
  });
});
