/**
 * ForceAtlas2 in a web worker: graphology-layout-forceatlas2's own iteration function, run off the main
 * thread. (The package's worker build spawns its worker from a blob: URL, which the server's strict
 * Content-Security-Policy forbids; this module is bundled by Vite as a same-origin worker script.)
 *
 * Protocol: {type:'init', nodes, edges, settings} then {type:'run', iterations}; each run answers
 * {type:'positions', nodes, iterations} with a copy of the node matrix.
 */
import iterate from 'graphology-layout-forceatlas2/iterate.js';

interface InitMessage {
  type: 'init';
  nodes: Float32Array;
  edges: Float32Array;
  settings: Record<string, unknown>;
}
interface RunMessage {
  type: 'run';
  iterations: number;
}

interface WorkerScope {
  onmessage: ((event: MessageEvent<InitMessage | RunMessage>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let nodes: Float32Array | undefined;
let edges: Float32Array | undefined;
let settings: Record<string, unknown> = {};
let done = 0;

scope.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'init') {
    nodes = msg.nodes;
    edges = msg.edges;
    settings = msg.settings;
    done = 0;
    return;
  }
  if (!nodes || !edges) return;
  for (let i = 0; i < msg.iterations; i++) iterate(settings, nodes, edges);
  done += msg.iterations;
  const copy = nodes.slice();
  scope.postMessage({ type: 'positions', nodes: copy, iterations: done }, [copy.buffer]);
};
