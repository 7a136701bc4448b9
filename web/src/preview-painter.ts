/**
 * The layout preview of a huge graph, painted by the layout worker into an OffscreenCanvas that the
 * main thread transferred to it: one small square per node in the node's colour (none for a node whose
 * colour is 0: hidden by the filters), at the place sigma
 * would draw it (preview-projection.ts), written straight into an ImageData (a few ms for 50,000
 * nodes, off the main thread). Transparent elsewhere, so the stage's background shows through.
 */
import { graphToViewportAffine, pointsExtent, type Extent, type PreviewView } from './preview-projection.js';

const DEFAULT_COLOR = 0xff999999;

export class PreviewPainter {
  private view: PreviewView | undefined;
  private image: ImageData | undefined;
  private pixels: Uint32Array | undefined;
  private readonly ctx: OffscreenCanvasRenderingContext2D | null;

  constructor(private readonly canvas: OffscreenCanvas) {
    this.ctx = canvas.getContext('2d');
  }

  setView(view: PreviewView): void {
    this.view = view;
    const w = Math.max(1, Math.round(view.width * view.pixelRatio));
    const h = Math.max(1, Math.round(view.height * view.pixelRatio));
    if (this.canvas.width !== w || this.canvas.height !== h || !this.image) {
      this.canvas.width = w;
      this.canvas.height = h;
      this.image = new ImageData(w, h);
      this.pixels = new Uint32Array(this.image.data.buffer);
    }
  }

  /**
   * Paints `count` points stored as [x, y] every `stride` floats, coloured by `colors` (packColor).
   * Returns the extent and view it painted with (undefined when there was no view to paint for).
   */
  paint(
    points: Float32Array,
    count: number,
    stride: number,
    colors: Uint32Array | undefined,
  ): { extent: Extent; view: PreviewView } | undefined {
    const { view, image, pixels, ctx } = this;
    if (!view || !image || !pixels || !ctx) return undefined;
    const extent = pointsExtent(points, count, stride);
    const t = graphToViewportAffine(extent, view);
    const pr = view.pixelRatio;
    const w = image.width;
    const h = image.height;
    // Zooming in makes the squares bigger, as sigma's nodes get (within bounds: this is a preview).
    const side = Math.max(1, Math.min(6, Math.round((2 * pr) / Math.sqrt(view.camera.ratio))));
    const half = side >> 1;
    pixels.fill(0);
    for (let i = 0, j = 0; i < count; i++, j += stride) {
      const x = points[j]!;
      const y = points[j + 1]!;
      const color = colors ? colors[i]! : DEFAULT_COLOR;
      if (color === 0) continue;
      const px = Math.round((t.a * x + t.b * y + t.c) * pr) - half;
      const py = Math.round((t.d * x + t.e * y + t.f) * pr) - half;
      if (px < 0 || py < 0 || px + side > w || py + side > h) continue;
      for (let dy = 0; dy < side; dy++) {
        const row = (py + dy) * w + px;
        for (let dx = 0; dx < side; dx++) pixels[row + dx] = color;
      }
    }
    ctx.putImageData(image, 0, 0);
    return { extent, view };
  }
}
