/**
 * The edges of a huge graph, drawn off the main thread (see edge-layer.ts): with software WebGL, sigma's
 * draw of 150,000 edges holds the main thread for about two seconds at every frame. This worker paints
 * them as 1 px lines into an OffscreenCanvas the main thread transferred to it, at the place sigma would
 * draw them (preview-projection.ts), one path per colour.
 *
 * Protocol: {type:'canvas', canvas} (once); {type:'data', xy, extent, pairs, palette, colors} (node
 * positions [x0, y0, ...], their extent, edges as [source, target] node indices, the colours and each
 * edge's index into them, 0 for an edge not drawn); {type:'colors', colors, palette} (the filters changed);
 * {type:'paint', view, id} (paint for this camera and stage). Paint requests arriving while one is
 * painted are coalesced: the latest is painted next. Answers {type:'painted', view, id} once a paint is
 * on the canvas.
 */
import { graphToViewportAffine, type Extent, type PreviewView } from './preview-projection.js';

interface CanvasMessage {
  type: 'canvas';
  canvas: OffscreenCanvas;
}
interface DataMessage {
  type: 'data';
  xy: Float64Array;
  extent: Extent;
  pairs: Uint32Array;
  palette: string[];
  colors: Uint8Array;
}
interface ColorsMessage {
  type: 'colors';
  colors: Uint8Array;
  palette: string[];
}
interface PaintMessage {
  type: 'paint';
  view: PreviewView;
  id: number;
}
type Message = CanvasMessage | DataMessage | ColorsMessage | PaintMessage;

interface WorkerScope {
  onmessage: ((event: MessageEvent<Message>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
let ctx: OffscreenCanvasRenderingContext2D | null = null;
let canvas: OffscreenCanvas | undefined;
let data: Omit<DataMessage, 'type'> | undefined;
let request: PaintMessage | undefined;
let scheduled = false;

function paint(): void {
  scheduled = false;
  const msg = request;
  request = undefined;
  if (!msg || !ctx || !canvas) return;
  const { view } = msg;
  const pr = view.pixelRatio;
  const w = Math.max(1, Math.round(view.width * pr));
  const h = Math.max(1, Math.round(view.height * pr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  if (data) {
    const { xy, pairs, palette, colors } = data;
    const t = graphToViewportAffine(data.extent, view);
    // Viewport (CSS px) to canvas pixels, then graph to viewport: one transform of the coordinates here.
    const a = t.a * pr;
    const b = t.b * pr;
    const c = t.c * pr;
    const d = t.d * pr;
    const e = t.e * pr;
    const f = t.f * pr;
    ctx.lineWidth = pr;
    const edges = colors.length;
    for (let k = 1; k < palette.length; k++) {
      ctx.beginPath();
      let any = false;
      for (let i = 0; i < edges; i++) {
        if (colors[i] !== k) continue;
        const s = 2 * pairs[2 * i]!;
        const u = 2 * pairs[2 * i + 1]!;
        const sx = xy[s]!;
        const sy = xy[s + 1]!;
        const tx = xy[u]!;
        const ty = xy[u + 1]!;
        ctx.moveTo(a * sx + b * sy + c, d * sx + e * sy + f);
        ctx.lineTo(a * tx + b * ty + c, d * tx + e * ty + f);
        any = true;
      }
      if (!any) continue;
      ctx.strokeStyle = palette[k]!;
      ctx.stroke();
    }
  }
  scope.postMessage({ type: 'painted', view, id: msg.id });
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(paint, 0);
}

scope.onmessage = (event) => {
  const msg = event.data;
  switch (msg.type) {
    case 'canvas':
      canvas = msg.canvas;
      ctx = canvas.getContext('2d');
      return;
    case 'data':
      data = msg;
      return;
    case 'colors':
      if (data) data = { ...data, colors: msg.colors, palette: msg.palette };
      return;
    case 'paint':
      request = msg;
      schedule();
      return;
  }
};
