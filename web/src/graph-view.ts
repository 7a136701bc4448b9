/**
 * The graph on screen: a graphology MultiDirectedGraph rendered by Sigma v3. Owns the render attributes
 * (colour, pictogram, size by degree, labels), the filters (via reducers), hover dimming, selection,
 * expansion bookkeeping and the camera. The API's `type` attribute (Person, SAID, ...) is kept as
 * `nodeType`/`edgeType`, since Sigma reads `type` as the name of the program drawing the item.
 */
import { MultiDirectedGraph } from 'graphology';
import { Sigma } from 'sigma';
import { createNodeImageProgram } from '@sigma/node-image';
import {
  EdgeLineProgram,
  EdgeRectangleProgram,
  NodeCircleProgram,
  createEdgeArrowHeadProgram,
  createEdgeClampedProgram,
  createEdgeCompoundProgram,
} from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { SerializedEdge, SerializedNode, Subgraph } from './api.js';
import { edgePasses, nodePasses } from './filter-logic.js';
import { ForceLayout } from './layout.js';
import { LayoutPreview } from './layout-preview.js';
import {
  cameraMoving,
  createNodeDetailProgram,
  createSkippableEdgeProgram,
  createSkippableNodeProgram,
  nonInstanced,
} from './programs.js';
import { EdgeLayer } from './edge-layer.js';
import { MoveSnapshot } from './move-snapshot.js';
import { quoteDisplayText } from './quote-text.js';
import { yieldToBrowser } from './yield.js';
import { SlicedPositionSync } from './sliced-position-sync.js';
import { seededNear, seededPosition } from './seed.js';
import type { CameraState, FilterState } from './state/url.js';
import {
  DIMMED_EDGE_COLOR,
  DIMMED_NODE_COLOR,
  CONTESTED_SIZE_FACTOR,
  NODE_ICONS,
  NODE_LABELS,
  edgeColor,
  edgeTypeName,
  isNodeLabel,
  nodeColor,
  nodeSize,
  type NodeLabel,
} from './theme.js';

export type NodeAttrs = Record<string, unknown> & {
  nodeType: string;
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  image?: string;
  pictoColor: string;
  contested?: boolean;
  corroboration?: number;
  date?: string;
  name?: string;
};
export type EdgeAttrs = Record<string, unknown> & {
  edgeType: string;
  contested?: boolean;
  color: string;
  size: number;
  type: string;
};

/** Above these sizes the viewer switches to the cheap rendering path. */
const LARGE_EDGES = 20_000;
const LARGE_NODES = 10_000;
/**
 * Above this, the layout is not redrawn while it runs: the worker paints a preview of the nodes
 * (layout-preview.ts) and sigma gets the final positions once, in slices (sliced-position-sync.ts).
 */
const HUGE_NODES = 20_000;
/** Above this, nodes get smaller (by sqrt(SIZE_SCALE_FROM / order)): the drawn area stays bounded. */
const SIZE_SCALE_FROM = 5_000;

/** GraphView.load builds the graph in slices of this long, checking the clock every LOAD_CHUNK items. */
const LOAD_SLICE_MS = 16;
const LOAD_CHUNK = 500;

/** Large graphs: a highlight change of up to this many nodes redraws only them (see refreshNodes). */
const PARTIAL_REFRESH_MAX = 2000;

/** What sigma shows while the view's graph is rebuilt (see GraphView.load). */
const DETACHED = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();

/** Who brought a node into view: the overview/import, a query, or an expansion of another node. */
type Owner = string;
const BASE: Owner = 'base';
const QUERY: Owner = 'query';

export interface GraphViewEvents {
  onSelect(key: string | undefined): void;
  onExpandRequest(key: string): void;
  onCameraChange(camera: CameraState): void;
  onGraphChange(): void;
}

/** White-on-transparent pictograms as PNG data URLs (img-src 'self' data: under the server's CSP). */
function pictogramUrls(): Record<NodeLabel, string> {
  const out = {} as Record<NodeLabel, string>;
  for (const t of NODE_LABELS) {
    const canvas = document.createElement('canvas');
    canvas.width = 96;
    canvas.height = 96;
    const ctx = canvas.getContext('2d');
    if (ctx) {
      ctx.scale(4, 4);
      ctx.fillStyle = '#000';
      ctx.fill(new Path2D(NODE_ICONS[t]));
    }
    out[t] = canvas.toDataURL('image/png');
  }
  return out;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

export function nodeLabelText(attrs: Record<string, unknown>): string {
  const type = attrs['type'] ?? attrs['nodeType'];
  if (type === 'Quote') {
    return quoteDisplayText(str(attrs['text']) ?? str(attrs['name']) ?? '', attrs['kind'], 50);
  }
  const label =
    type === 'Article'
      ? (str(attrs['title']) ?? str(attrs['name']) ?? str(attrs['articleId']) ?? '')
      : (str(attrs['name']) ?? str(attrs['label']) ?? '');
  return label.length > 48 ? `${label.slice(0, 46).trimEnd()}…` : label;
}

export class GraphView {
  readonly graph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>({ allowSelfLoops: true });
  readonly sigma: Sigma<NodeAttrs, EdgeAttrs>;
  readonly layout: ForceLayout;
  private readonly preview: LayoutPreview;
  private readonly positionSync: SlicedPositionSync;
  /** Large graphs: camera moves shown by moving the last frame, the real frame drawn at rest. */
  readonly moveSnapshot: MoveSnapshot;
  /** Huge graphs: the edges, painted by a worker (sigma draws none). */
  readonly edgeLayer: EdgeLayer;
  private drawingSnapshot = false;
  private syncs = 0;
  private loads = 0;
  private readonly icons = pictogramUrls();
  private filters: FilterState;
  private hiddenNodes = new Set<string>();
  private hovered: string | undefined;
  private hoveredNeighbors = new Set<string>();
  private hoveredEdge: string | undefined;
  private selected: string | undefined;
  private marked = new Set<string>();
  private owners = new Map<string, Set<Owner>>();
  private expansions = new Map<string, string[]>();
  private large = false;

  constructor(
    readonly container: HTMLElement,
    filters: FilterState,
    private readonly events: GraphViewEvents,
  ) {
    this.filters = filters;
    // Non-instanced programs (see programs.ts); the pictogram and the arrow head draw over a disc and an
    // edge body that are already pickable, so they have no picking pass of their own.
    const circle = nonInstanced(NodeCircleProgram);
    const pictogram = createNodeDetailProgram<NodeAttrs, EdgeAttrs>(
      circle,
      nonInstanced(
        createNodeImageProgram<NodeAttrs, EdgeAttrs>({
          padding: 0.22,
          keepWithinCircle: true,
          drawingMode: 'color',
          colorAttribute: 'pictoColor',
          size: { mode: 'force', value: 96 },
          debounceTimeout: null,
        }),
        { picking: false },
      ),
    );
    const arrow = createEdgeCompoundProgram<NodeAttrs, EdgeAttrs>([
      nonInstanced(createEdgeClampedProgram()),
      nonInstanced(createEdgeArrowHeadProgram(), { picking: false }),
    ]);
    // Large graphs' discs; huge graphs' are not drawn while the layout preview stands in for them.
    const disc = createSkippableNodeProgram<NodeAttrs, EdgeAttrs>(circle, () => this.preview.isActive);
    this.sigma = new Sigma<NodeAttrs, EdgeAttrs>(this.graph, container, {
      nodeProgramClasses: { pictogram, circle: disc },
      edgeProgramClasses: {
        arrow,
        line: nonInstanced(EdgeRectangleProgram),
        // Large graphs only: no edge events there, so no picking pass; not drawn while the camera
        // moves, nor while the layout moves the nodes of a huge graph (150,000 edges cost seconds per
        // frame with software WebGL).
        fast: createSkippableEdgeProgram<NodeAttrs, EdgeAttrs>(
          nonInstanced(EdgeLineProgram, { picking: false }),
          () =>
            !this.drawingSnapshot &&
            (this.edgeLayer.isActive ||
              cameraMoving(this.sigma as unknown as Sigma) ||
              this.preview.isActive ||
              (this.graph.order > HUGE_NODES && this.layout.isRunning)),
        ),
      },
      defaultNodeType: 'pictogram',
      defaultEdgeType: 'arrow',
      renderEdgeLabels: true,
      enableEdgeEvents: true,
      labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      labelSize: 12,
      labelWeight: '500',
      labelColor: { color: '#1d232b' },
      edgeLabelSize: 11,
      edgeLabelColor: { color: '#555' },
      labelRenderedSizeThreshold: 7,
      labelDensity: 0.5,
      minCameraRatio: 0.01,
      maxCameraRatio: 20,
      stagePadding: 40,
      zIndex: true,
      nodeReducer: (key, data) => this.reduceNode(key, data),
      edgeReducer: (key, data) => this.reduceEdge(key, data),
    });
    const sigma = this.sigma as unknown as Sigma;
    this.preview = new LayoutPreview(container, sigma, HUGE_NODES, () => this.sigma.scheduleRender());
    this.positionSync = new SlicedPositionSync(sigma);
    this.edgeLayer = new EdgeLayer(container, sigma, this.graph, {
      edgeShown: (_edge, source, target, attrs) =>
        !this.hiddenNodes.has(source) &&
        !this.hiddenNodes.has(target) &&
        edgePasses(attrs as EdgeAttrs, this.filters, true, true),
      paused: () => this.preview.isActive,
    });
    this.moveSnapshot = new MoveSnapshot(sigma, {
      enabled: () => this.large,
      moving: () => cameraMoving(sigma),
    });
    this.layout = new ForceLayout(this.graph, {
      // Only the nodes moved: their display data and the programs are redone, not the edges' reducers.
      // After a preview: the final positions, given to sigma without blocking the main thread.
      onPositions: (nodes) => {
        if (this.layout.isPreviewing) void this.drawFinalPositions();
        else {
          this.sigma.refresh({ partialGraph: { nodes } });
          this.edgeLayer.sendData();
        }
      },
      busy: () => cameraMoving(sigma),
      visible: (node) => !this.hiddenNodes.has(node),
      preview: this.preview,
    });
    this.bindEvents();
  }

  private bindEvents(): void {
    const s = this.sigma;
    s.on('clickNode', ({ node }) => this.events.onSelect(node));
    s.on('clickStage', () => this.events.onSelect(undefined));
    s.on('doubleClickNode', (e) => {
      e.preventSigmaDefault();
      this.events.onExpandRequest(e.node);
    });
    s.on('enterNode', ({ node }) => this.setHovered(node));
    s.on('leaveNode', () => this.setHovered(undefined));
    s.on('enterEdge', ({ edge }) => {
      this.hoveredEdge = edge;
      s.refresh({ skipIndexation: true });
    });
    s.on('leaveEdge', () => {
      this.hoveredEdge = undefined;
      s.refresh({ skipIndexation: true });
    });
    s.getCamera().on('updated', (state) => {
      this.layout.updatePreviewView();
      this.events.onCameraChange({ x: state.x, y: state.y, ratio: state.ratio });
    });
    s.on('resize', () => this.layout.updatePreviewView());
  }

  /** The end of a previewed run: sigma gets the positions in slices, then the preview gives way to it. */
  private async drawFinalPositions(): Promise<void> {
    const sync = ++this.syncs;
    performance.mark('speakergraph:layout-final-positions');
    await this.positionSync.run();
    // A newer sync ends the preview itself; a restarted layout keeps it.
    if (sync !== this.syncs || this.layout.isRunning) return;
    this.edgeLayer.sendData();
    this.layout.endPreview();
    performance.mark('speakergraph:layout-drawn');
  }

  private setHovered(key: string | undefined): void {
    this.container.classList.toggle('hovering', key !== undefined);
    // Large graphs: sigma's own hover (the node and its label drawn on the hover layer) without the
    // dimming of the rest, which re-runs the reducers for every node and edge (seconds at 50k nodes).
    if (this.large) key = undefined;
    if (key === undefined && this.hovered === undefined) return;
    this.hovered = key;
    this.hoveredNeighbors = key && this.graph.hasNode(key) ? new Set(this.graph.neighbors(key)) : new Set();
    this.sigma.refresh({ skipIndexation: true });
  }

  // Reducers run for every node and edge on each refresh (and each layout batch): the common case returns
  // the attributes untouched (sigma copies them), without allocating.
  private reduceNode(key: string, data: NodeAttrs): Partial<NodeDisplayData> {
    if (this.hiddenNodes.size > 0 && this.hiddenNodes.has(key)) return { ...data, hidden: true };
    const special = key === this.selected || this.marked.has(key);
    if (this.hovered === undefined) {
      return special ? { ...data, highlighted: true, forceLabel: true, zIndex: 2 } : data;
    }
    if (key === this.hovered || this.hoveredNeighbors.has(key)) {
      return { ...data, forceLabel: true, highlighted: special, zIndex: special ? 2 : 1 };
    }
    return {
      ...data,
      color: DIMMED_NODE_COLOR,
      pictoColor: '#f7f7f7',
      label: '',
      forceLabel: false,
      highlighted: false,
      zIndex: 0,
    } as Partial<NodeDisplayData>;
  }

  private reduceEdge(key: string, data: EdgeAttrs): Partial<EdgeDisplayData> {
    // Edges with a hidden end are not drawn by sigma; here only the edge's own filters.
    if (!edgePasses(data, this.filters, true, true)) return { ...data, hidden: true };
    if (this.hovered !== undefined) {
      const g = this.graph;
      if (g.source(key) === this.hovered || g.target(key) === this.hovered) {
        return {
          ...data,
          label: edgeTypeName(data.edgeType) + (data.contested ? ' (contested)' : ''),
          forceLabel: true,
          zIndex: 1,
        };
      }
      return { ...data, color: DIMMED_EDGE_COLOR, label: null, zIndex: 0 };
    }
    if (key === this.hoveredEdge) {
      return {
        ...data,
        label: edgeTypeName(data.edgeType) + (data.contested ? ' (contested)' : ''),
        forceLabel: true,
      };
    }
    return data.label ? { ...data, label: null } : (data as Partial<EdgeDisplayData>);
  }

  // ---------------------------------------------------------------- data

  private toNodeAttrs(n: SerializedNode, position: { x: number; y: number }): NodeAttrs {
    const raw = n.attributes ?? {};
    const nodeType = str(raw['type']) ?? str(raw['nodeType']) ?? 'Unknown';
    const attrs: NodeAttrs = {
      ...raw,
      nodeType,
      label: nodeLabelText(raw),
      x: typeof raw['x'] === 'number' ? raw['x'] : position.x,
      y: typeof raw['y'] === 'number' ? raw['y'] : position.y,
      size: 5,
      color: nodeColor(nodeType),
      pictoColor: '#ffffff',
      type: 'pictogram',
    };
    if (isNodeLabel(nodeType)) attrs.image = this.icons[nodeType];
    const corroboration = raw['corroboration'];
    if (typeof corroboration === 'number') attrs.corroboration = corroboration;
    return attrs;
  }

  private toEdgeAttrs(e: SerializedEdge): EdgeAttrs {
    const raw = e.attributes ?? {};
    const edgeType = str(raw['type']) ?? str(raw['edgeType']) ?? 'RELATED';
    const contested = raw['contested'] === true;
    return {
      ...raw,
      edgeType,
      contested,
      color: edgeColor(edgeType, contested),
      size: contested ? 1.5 * CONTESTED_SIZE_FACTOR : 1.5,
      type: 'arrow',
    };
  }

  /**
   * Merges a subgraph into the view, owned by `owner`. New nodes start at positions seeded by their key
   * (around `anchor` when given). Returns the keys of the nodes that were not there before.
   */
  addSubgraph(sub: Subgraph, owner: Owner = BASE, anchor?: string): string[] {
    const merge = this.merger(sub, owner, anchor);
    merge.nodes(0, sub.nodes.length);
    merge.edges(0, sub.edges.length);
    this.afterGraphChange();
    return merge.added;
  }

  /** Adds a subgraph's nodes and edges by ranges (see addSubgraph and load). */
  private merger(
    sub: Subgraph,
    owner: Owner,
    anchor?: string,
  ): { added: string[]; nodes(from: number, to: number): void; edges(from: number, to: number): void } {
    const added: string[] = [];
    const g = this.graph;
    const anchorPos =
      anchor && g.hasNode(anchor)
        ? { x: g.getNodeAttribute(anchor, 'x'), y: g.getNodeAttribute(anchor, 'y') }
        : undefined;
    const radius = 30 * Math.sqrt(Math.max(sub.nodes.length, 1) + g.order);
    return {
      added,
      nodes: (from, to) => {
        for (let i = from; i < to; i++) {
          const n = sub.nodes[i]!;
          let owners = this.owners.get(n.key);
          if (!owners) this.owners.set(n.key, (owners = new Set()));
          owners.add(owner);
          if (g.hasNode(n.key)) {
            const { x, y } = g.getNodeAttributes(n.key);
            g.replaceNodeAttributes(n.key, {
              ...g.getNodeAttributes(n.key),
              ...this.toNodeAttrs(n, { x, y }),
              x,
              y,
            });
          } else {
            const pos = anchorPos ? seededNear(n.key, anchorPos, 25) : seededPosition(n.key, radius);
            g.addNode(n.key, this.toNodeAttrs(n, pos));
            added.push(n.key);
          }
        }
      },
      edges: (from, to) => {
        for (let i = from; i < to; i++) {
          const e = sub.edges[i]!;
          if (!g.hasNode(e.source) || !g.hasNode(e.target)) continue;
          const attrs = this.toEdgeAttrs(e);
          const key = e.key ?? `${attrs.edgeType}|${e.source}|${e.target}`;
          if (g.hasEdge(key)) g.replaceEdgeAttributes(key, attrs);
          else g.addDirectedEdgeWithKey(key, e.source, e.target, attrs);
        }
      },
    };
  }

  /**
   * Replaces everything (a new overview or an imported file). Sigma is given an empty graph meanwhile:
   * attached, it would handle each added node and edge on its own (twice), then index the whole graph
   * again anyway; given the graph back, it indexes and draws it once (seconds saved at 50,000 nodes).
   * The graph is built in slices of about 16 ms with yields to the browser in between, and sigma draws
   * it in the animation frame after indexing it, so a huge graph is no single long task: the page
   * answers while it loads. Resolves once sigma holds the graph (its first frame is scheduled).
   */
  async load(sub: Subgraph): Promise<void> {
    this.layout.stop();
    const load = ++this.loads;
    this.sigma.setGraph(DETACHED);
    try {
      this.graph.clear();
      this.owners.clear();
      this.expansions.clear();
      this.marked.clear();
      const merge = this.merger(sub, BASE);
      for (const [count, step] of [
        [sub.nodes.length, merge.nodes],
        [sub.edges.length, merge.edges],
      ] as const) {
        for (let at = 0; at < count;) {
          const end = performance.now() + LOAD_SLICE_MS;
          while (at < count && performance.now() < end) {
            const to = Math.min(count, at + LOAD_CHUNK);
            step(at, to);
            at = to;
          }
          if (at < count) await yieldToBrowser();
          if (load !== this.loads) return;
        }
      }
      performance.mark('speakergraph:graph-built');
      this.afterGraphChange();
      await yieldToBrowser();
      if (load !== this.loads) return;
    } finally {
      // The newest load attaches its graph; one given up on leaves that to it.
      if (load === this.loads) this.moveSnapshot.deferRender(() => this.sigma.setGraph(this.graph));
    }
    performance.mark('speakergraph:graph-indexed');
  }

  /** Degree sizes, contested quotes, rendering mode by size; then filters and a redraw. */
  private afterGraphChange(): void {
    const g = this.graph;
    const large = g.size > LARGE_EDGES || g.order > LARGE_NODES;
    if (large !== this.large) this.applySizeMode(large);
    const edgeProgram = large ? 'fast' : g.size > 5000 ? 'line' : 'arrow';
    // Large graphs: plain discs (pictograms are a few pixels wide there, and cost a second pass).
    const nodeProgram = large ? 'circle' : 'pictogram';
    const sizeScale = Math.min(1, Math.sqrt(SIZE_SCALE_FROM / Math.max(g.order, 1)));
    // Written in place, without graph events: each would make sigma re-index the whole graph, and the
    // refresh in recomputeVisibility below re-indexes it once.
    g.forEachEdge((_k, a) => {
      a.type = edgeProgram;
    });
    g.forEachNode((key, a) => {
      a['type'] = nodeProgram;
      a.size = nodeSize(g.degree(key)) * sizeScale;
      if (a.nodeType === 'Quote') {
        let contested = a['contested'] === true;
        if (!contested) {
          g.forEachInboundEdge(key, (_e, ea) => {
            if (ea.edgeType === 'SAID' && ea.contested) contested = true;
          });
        }
        a.contested = contested;
      }
    });
    this.layout.invalidate();
    this.recomputeVisibility();
    // Huge graphs: the edges painted by the worker, with the graph's new shape.
    this.edgeLayer.setActive(large && g.order > HUGE_NODES);
    this.events.onGraphChange();
  }

  /**
   * Large graphs: labels hidden while the camera moves (edges too, by their program), no edge hover nor
   * edge labels, no z-ordering, fewer and bigger labels (sigma's label grid culls the rest). One
   * setSettings: each setting change re-indexes the graph.
   */
  private applySizeMode(large: boolean): void {
    this.large = large;
    // Edges hidden on move by their program ('fast', see the constructor): sigma's hideEdgesOnMove
    // re-indexes the whole graph after every drag.
    // Edge labels: large graphs show none (no edge hover, no hover dimming), and sigma looks for the
    // edges to label among all the edges at every render (0.1-0.6 s at 150,000 edges).
    this.sigma.setSettings({
      hideLabelsOnMove: large,
      renderEdgeLabels: !large,
      enableEdgeEvents: !large,
      zIndex: !large,
      labelRenderedSizeThreshold: large ? 12 : 7,
      labelDensity: large ? 0.15 : 0.5,
    });
  }

  // ---------------------------------------------------------------- filters, selection, marks

  setFilters(filters: FilterState): void {
    this.filters = filters;
    this.recomputeVisibility();
  }

  private recomputeVisibility(): void {
    const hidden = new Set<string>();
    this.graph.forEachNode((key, a) => {
      if (!nodePasses(a, this.filters)) hidden.add(key);
    });
    this.hiddenNodes = hidden;
    this.layout.updatePreviewColors();
    this.edgeLayer.sendColors();
    this.sigma.refresh({ skipIndexation: true });
  }

  isVisible(key: string): boolean {
    return this.graph.hasNode(key) && !this.hiddenNodes.has(key);
  }

  /** Keys of the nodes the filters let through (the current view). */
  visibleNodes(): string[] {
    return this.graph.filterNodes((key) => !this.hiddenNodes.has(key));
  }

  /** Count of nodes per type in the graph and how many of them are visible. */
  typeCounts(): Map<string, { total: number; visible: number }> {
    const counts = new Map<string, { total: number; visible: number }>();
    this.graph.forEachNode((key, a) => {
      let c = counts.get(a.nodeType);
      if (!c) counts.set(a.nodeType, (c = { total: 0, visible: 0 }));
      c.total++;
      if (!this.hiddenNodes.has(key)) c.visible++;
    });
    return counts;
  }

  edgeTypeCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    this.graph.forEachEdge((_k, a) => counts.set(a.edgeType, (counts.get(a.edgeType) ?? 0) + 1));
    return counts;
  }

  setSelected(key: string | undefined): void {
    const previous = this.selected;
    this.selected = key;
    this.refreshNodes([previous, key]);
  }

  /** Marks the nodes of a query result (drawn highlighted with their labels). */
  setMarked(keys: Iterable<string>): void {
    const previous = this.marked;
    this.marked = new Set(keys);
    this.refreshNodes([...previous, ...this.marked]);
  }

  /**
   * Redraws after a change of these nodes' highlight (selection, marks). Large graphs (no z-ordering,
   * no hover dimming): only these nodes' display data is redone, not the whole graph's (a full refresh
   * runs the reducers of every node and edge and sigma's process(): a second or more at 50,000 nodes).
   * A node sigma has not indexed yet makes it a full refresh.
   */
  private refreshNodes(keys: (string | undefined)[]): void {
    const nodes = [...new Set(keys)].filter((k): k is string => k !== undefined && this.graph.hasNode(k));
    if (this.large && nodes.length <= PARTIAL_REFRESH_MAX) {
      try {
        this.sigma.refresh({ partialGraph: { nodes }, skipIndexation: true });
        return;
      } catch {
        // Not indexed by sigma yet ("can't be repaint"): the full refresh below indexes it.
      }
    }
    this.sigma.refresh({ skipIndexation: true });
  }

  // ---------------------------------------------------------------- expansion

  isExpanded(key: string): boolean {
    return this.expansions.has(key);
  }

  expandedKeys(): string[] {
    return [...this.expansions.keys()];
  }

  /** Adds a node's neighbourhood; remembers what it brought so collapse can take it away again. */
  expand(key: string, sub: Subgraph): string[] {
    const owner = `expand:${key}`;
    const added = this.addSubgraph(sub, owner, key);
    this.expansions.set(
      key,
      sub.nodes.map((n) => n.key).filter((k) => k !== key),
    );
    return added;
  }

  /** Removes what an expansion brought that nothing else (overview, query, other expansions) holds. */
  collapse(key: string): string[] {
    const owner = `expand:${key}`;
    const brought = this.expansions.get(key) ?? [];
    this.expansions.delete(key);
    const removed: string[] = [];
    for (const k of brought) {
      const owners = this.owners.get(k);
      if (!owners) continue;
      owners.delete(owner);
      if (owners.size === 0 && k !== this.selected && this.graph.hasNode(k)) {
        this.graph.dropNode(k);
        this.owners.delete(k);
        removed.push(k);
      }
    }
    this.afterGraphChange();
    return removed;
  }

  /** Adds a query's subgraph (owned by the query, so a new query replaces what the last one brought). */
  showQueryResult(sub: Subgraph): string[] {
    for (const [k, owners] of this.owners) {
      if (owners.delete(QUERY) && owners.size === 0 && this.graph.hasNode(k) && k !== this.selected) {
        this.graph.dropNode(k);
        this.owners.delete(k);
      }
    }
    this.addSubgraph(sub, QUERY);
    const keys = sub.nodes.map((n) => n.key);
    this.setMarked(keys);
    return keys;
  }

  // ---------------------------------------------------------------- camera

  getCamera(): CameraState {
    const s = this.sigma.getCamera().getState();
    return { x: s.x, y: s.y, ratio: s.ratio };
  }

  setCamera(c: CameraState, animate = false): void {
    const camera = this.sigma.getCamera();
    if (animate) void camera.animate(c, { duration: 400 });
    else camera.setState(c);
  }

  /** Centres the camera on a node (zooming in, never out past the whole graph). */
  focusNode(key: string, animate = true): void {
    const display = this.sigma.getNodeDisplayData(key);
    if (!display) return;
    const ratio = Math.min(this.sigma.getCamera().getState().ratio, this.graph.order > 200 ? 0.15 : 0.6);
    const target = { x: display.x, y: display.y, ratio };
    if (animate) void this.sigma.getCamera().animate(target, { duration: 500 });
    else this.sigma.getCamera().setState(target);
  }

  resetCamera(): void {
    void this.sigma.getCamera().animatedReset({ duration: 300 });
  }

  zoom(factor: number): void {
    const camera = this.sigma.getCamera();
    void camera.animate({ ratio: camera.getState().ratio / factor }, { duration: 200 });
  }

  // ---------------------------------------------------------------- snapshot

  /** Composes sigma's layers (edges, nodes, labels, hovers) over a white background as a PNG blob. */
  snapshot(): Promise<Blob> {
    // Huge graphs' edges are drawn by sigma for this one render (the worker's canvas cannot be read).
    this.drawingSnapshot = true;
    try {
      this.moveSnapshot.refreshNow();
    } finally {
      this.drawingSnapshot = false;
    }
    const { width, height } = this.sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    const out = document.createElement('canvas');
    out.width = Math.round(width * ratio);
    out.height = Math.round(height * ratio);
    const ctx = out.getContext('2d');
    if (!ctx) return Promise.reject(new Error('no 2d context'));
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, out.width, out.height);
    // Drawn in the same task as the render above, so the WebGL buffers are still there.
    const canvases = this.sigma.getCanvases();
    for (const id of ['edges', 'nodes', 'edgeLabels', 'labels', 'hovers', 'hoverNodes', 'mouse']) {
      const c = canvases[id];
      if (c && id !== 'mouse') ctx.drawImage(c, 0, 0, out.width, out.height);
    }
    // The frame on screen again without sigma's own edges.
    if (this.edgeLayer.isActive) this.sigma.scheduleRender();
    return new Promise((resolve, reject) =>
      out.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded'))), 'image/png'),
    );
  }

  kill(): void {
    this.moveSnapshot.kill();
    this.edgeLayer.kill();
    this.layout.kill();
    this.sigma.kill();
  }
}
