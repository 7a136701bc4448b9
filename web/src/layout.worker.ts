/**
 * ForceAtlas2 in a web worker: graphology-layout-forceatlas2's own iteration function, run off the main
 * thread. (The package's worker build spawns its worker from a blob: URL, which the server's strict
 * Content-Security-Policy forbids; this module is bundled by Vite as a same-origin worker script.)
 *
 * The worker iterates on its own, in slices of about 20 ms (so that messages get through), and posts
 * the node positions at a bounded rate: only after the main thread acknowledged the previous ones, and
 * no sooner than `minIntervalMs`, nor than `share` times what applying them cost the main thread. So
 * the layout's progress never waits on the main thread and the main thread is never flooded.
 *
 * Huge graphs are previewed instead (a run with `preview`): the worker paints the nodes into a canvas the
 * main thread transferred to it (preview-painter.ts) and posts only its progress until the run is over,
 * so the main thread has nothing to do while the layout runs; the final positions are posted as usual.
 *
 * Protocol: {type:'init', nodes, edges, settings, colors?}; {type:'run', run, iterations, minIntervalMs,
 * share, preview} (iterations may be Infinity; `run` numbers the runs); {type:'stop'}; {type:'ack',
 * costMs} after each positions message; {type:'canvas', canvas} (an OffscreenCanvas, once);
 * {type:'view', view} (the camera and stage size, see preview-projection.ts); {type:'preview', on}
 * (paint the preview, on view changes too, until off); {type:'colors', colors} (the filters changed:
 * new preview colours, 0 for a node not painted). The worker answers {type:'positions', run, xy,
 * iterations, final} where xy is [x0, y0, x1, y1, ...] and `iterations` the total since init; `final`
 * when the run is over (its budget done, or stopped); and, in a preview run, {type:'progress', run,
 * iterations} instead of the positions that are not final; {type:'painted', extent, view} after each
 * preview paint (what it was painted with: the main thread moves the picture with the camera until the
 * next one, since a FA2 iteration of a huge graph keeps the worker busy for a second or more).
 */
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import type { PreviewView } from './preview-projection.js';
import { PreviewPainter } from './preview-painter.js';

interface InitMessage {
  type: 'init';
  nodes: Float32Array;
  edges: Float32Array;
  settings: Record<string, unknown>;
  /** Node colours for the preview (packColor), in node order. */
  colors?: Uint32Array;
}
interface RunMessage {
  type: 'run';
  run: number;
  iterations: number;
  minIntervalMs: number;
  share: number;
  preview: boolean;
}
interface CanvasMessage {
  type: 'canvas';
  canvas: OffscreenCanvas;
}
interface ViewMessage {
  type: 'view';
  view: PreviewView;
}
interface PreviewMessage {
  type: 'preview';
  on: boolean;
}
interface ColorsMessage {
  type: 'colors';
  colors: Uint32Array;
}
interface StopMessage {
  type: 'stop';
}
interface AckMessage {
  type: 'ack';
  costMs: number;
}
type Message =
  | InitMessage
  | RunMessage
  | StopMessage
  | AckMessage
  | CanvasMessage
  | ViewMessage
  | PreviewMessage
  | ColorsMessage;

interface WorkerScope {
  onmessage: ((event: MessageEvent<Message>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

const PPN = 10; // floats per node in graphology-layout-forceatlas2's node matrix
const SLICE_MS = 20;
/** A preview run: progress posted, and the preview repainted with new positions, at most this often. */
const PROGRESS_MS = 200;
const PAINT_MS = 50;

const scope = self as unknown as WorkerScope;
let nodes: Float32Array | undefined;
let edges: Float32Array | undefined;
let settings: Record<string, unknown> = {};
let done = 0;
let remaining = 0;
let running = false;
let scheduled = false;
let acked = true;
let lastPost = -Infinity;
let lastCost = 0;
let minIntervalMs = 0;
let share = 3;
let run = 0;
let colors: Uint32Array | undefined;
let previewRun = false;
let previewOn = false;
let painter: PreviewPainter | undefined;
let paintScheduled = false;
let lastPaint = -Infinity;
let lastProgress = -Infinity;

function paint(): void {
  paintScheduled = false;
  if (!previewOn || !painter || !nodes) return;
  lastPaint = performance.now();
  const painted = painter.paint(nodes, nodes.length / PPN, PPN, colors);
  if (painted) scope.postMessage({ type: 'painted', ...painted });
}

/** Coalesced: view messages arriving together give one paint. */
function requestPaint(): void {
  if (paintScheduled || !previewOn) return;
  paintScheduled = true;
  setTimeout(paint, 0);
}

function post(final: boolean): void {
  if (!nodes) return;
  const n = nodes.length / PPN;
  const xy = new Float32Array(2 * n);
  for (let i = 0, j = 0; i < n; i++, j += PPN) {
    xy[2 * i] = nodes[j]!;
    xy[2 * i + 1] = nodes[j + 1]!;
  }
  acked = false;
  lastPost = performance.now();
  scope.postMessage({ type: 'positions', run, xy, iterations: done, final }, [xy.buffer]);
}

function loop(): void {
  scheduled = false;
  if (!running || !nodes || !edges) return;
  const sliceEnd = performance.now() + SLICE_MS;
  do {
    iterate(settings, nodes, edges);
    done++;
    remaining--;
  } while (remaining > 0 && performance.now() < sliceEnd);
  if (remaining <= 0) {
    running = false;
    post(true);
    requestPaint();
    return;
  }
  const now = performance.now();
  if (previewRun) {
    if (now - lastPaint >= PAINT_MS) requestPaint();
    if (now - lastProgress >= PROGRESS_MS) {
      lastProgress = now;
      scope.postMessage({ type: 'progress', run, iterations: done });
    }
  } else if (acked && now - lastPost >= Math.max(minIntervalMs, share * lastCost)) post(false);
  schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(loop, 0);
}

scope.onmessage = (event) => {
  const msg = event.data;
  switch (msg.type) {
    case 'init':
      nodes = msg.nodes;
      edges = msg.edges;
      settings = msg.settings;
      colors = msg.colors;
      done = 0;
      acked = true;
      lastPost = -Infinity;
      return;
    case 'run':
      run = msg.run;
      remaining = msg.iterations;
      minIntervalMs = msg.minIntervalMs;
      share = msg.share;
      previewRun = msg.preview;
      running = remaining > 0;
      if (running) schedule();
      return;
    case 'stop':
      if (!running) return;
      running = false;
      post(true);
      requestPaint();
      return;
    case 'ack':
      acked = true;
      lastCost = msg.costMs;
      return;
    case 'canvas':
      painter = new PreviewPainter(msg.canvas);
      return;
    case 'view':
      painter?.setView(msg.view);
      requestPaint();
      return;
    case 'preview':
      previewOn = msg.on;
      requestPaint();
      return;
    case 'colors':
      colors = msg.colors;
      requestPaint();
      return;
  }
};
