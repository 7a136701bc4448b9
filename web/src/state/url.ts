/**
 * The view state that lives in the URL, so a view can be shared as a link and back/forward work:
 * selected node, filters, camera, expanded nodes, the console's query and (for imported graphs) the data
 * source. Pure: encode to / decode from a query string; unknown or malformed values are dropped, never
 * thrown on (a hand-edited link must still open).
 */
import { EDGE_TYPES, NODE_LABELS, type EdgeType, type NodeLabel } from '../theme.js';

export interface CameraState {
  x: number;
  y: number;
  ratio: number;
}

export interface FilterState {
  hiddenNodeTypes: NodeLabel[];
  hiddenEdgeTypes: EdgeType[];
  /** Inclusive ISO dates (YYYY-MM-DD) bounding dated nodes (events, articles). */
  from?: string;
  to?: string;
  /** Quotes reported by fewer distinct articles are hidden (1 = no filter). */
  minCorroboration: number;
  /** Only contested quotes (and contested SAID edges) are shown. */
  contestedOnly: boolean;
}

export interface ViewState {
  filters: FilterState;
  selected?: string;
  camera?: CameraState;
  /** Nodes whose neighbours were expanded, in order. */
  expanded: string[];
  /** Cypher text in the console, when the view shows a query's result. */
  cypher?: string;
  /** A graphology JSON file (same origin) shown instead of the database overview. */
  data?: string;
  /** Most nodes in the overview (the most connected first); the server's default when unset. */
  overviewLimit?: number;
  /** Quotes the panel shows at first and adds per "Show more quotes"; the panel's default when unset. */
  quotePageSize?: number;
}

/** The API's largest quotes page (`limit` of /api/quotes). */
export const MAX_QUOTE_PAGE_SIZE = 500;

export const DEFAULT_FILTERS: Readonly<FilterState> = Object.freeze({
  hiddenNodeTypes: [],
  hiddenEdgeTypes: [],
  minCorroboration: 1,
  contestedOnly: false,
});

export function defaultViewState(): ViewState {
  return { filters: { ...DEFAULT_FILTERS, hiddenNodeTypes: [], hiddenEdgeTypes: [] }, expanded: [] };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_CYPHER = 4000;

function isValidDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function round(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

function list<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  if (!value) return [];
  const out: T[] = [];
  for (const part of value.split(',')) {
    const v = part.trim();
    if ((allowed as readonly string[]).includes(v) && !out.includes(v as T)) out.push(v as T);
  }
  return out;
}

/** Encodes the state as a query string (without "?"), omitting defaults so links stay short. */
export function encodeViewState(state: ViewState): string {
  const p = new URLSearchParams();
  if (state.data) p.set('data', state.data);
  if (state.overviewLimit) p.set('max', String(state.overviewLimit));
  if (state.quotePageSize) p.set('quotePageSize', String(state.quotePageSize));
  if (state.selected) p.set('node', state.selected);
  const f = state.filters;
  if (f.hiddenNodeTypes.length) p.set('hide', [...f.hiddenNodeTypes].sort().join(','));
  if (f.hiddenEdgeTypes.length) p.set('hideEdges', [...f.hiddenEdgeTypes].sort().join(','));
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.minCorroboration > 1) p.set('min', String(f.minCorroboration));
  if (f.contestedOnly) p.set('contested', '1');
  for (const key of state.expanded) p.append('expand', key);
  if (state.cypher) p.set('cypher', state.cypher);
  if (state.camera) {
    const c = state.camera;
    p.set('cam', `${round(c.x, 4)},${round(c.y, 4)},${round(c.ratio, 4)}`);
  }
  return p.toString();
}

/** Decodes a query string (with or without "?"); anything invalid falls back to the default. */
export function decodeViewState(search: string): ViewState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const state = defaultViewState();
  const data = p.get('data');
  // Only same-origin relative paths: the viewer never fetches from elsewhere.
  if (data && data.startsWith('/') && !data.startsWith('//')) state.data = data;
  const max = Number(p.get('max'));
  if (Number.isInteger(max) && max >= 1 && max <= 5000) state.overviewLimit = max;
  const quotePageSize = Number(p.get('quotePageSize'));
  if (Number.isInteger(quotePageSize) && quotePageSize >= 1 && quotePageSize <= MAX_QUOTE_PAGE_SIZE) {
    state.quotePageSize = quotePageSize;
  }
  const node = p.get('node');
  if (node) state.selected = node;
  state.filters.hiddenNodeTypes = list(p.get('hide'), NODE_LABELS);
  state.filters.hiddenEdgeTypes = list(p.get('hideEdges'), EDGE_TYPES);
  const from = p.get('from');
  if (from && isValidDate(from)) state.filters.from = from;
  const to = p.get('to');
  if (to && isValidDate(to)) state.filters.to = to;
  const min = Number(p.get('min'));
  if (Number.isInteger(min) && min > 1 && min <= 1000) state.filters.minCorroboration = min;
  state.filters.contestedOnly = p.get('contested') === '1';
  state.expanded = [...new Set(p.getAll('expand').filter((k) => k.length > 0 && k.length < 500))];
  const cypher = p.get('cypher');
  if (cypher && cypher.length <= MAX_CYPHER) state.cypher = cypher;
  const cam = p.get('cam');
  if (cam) {
    const parts = cam.split(',').map(Number);
    const [x, y, ratio] = parts;
    if (
      parts.length === 3 &&
      x !== undefined &&
      y !== undefined &&
      ratio !== undefined &&
      Number.isFinite(x) &&
      Number.isFinite(y) &&
      Number.isFinite(ratio) &&
      ratio > 0
    ) {
      state.camera = { x, y, ratio };
    }
  }
  return state;
}

/** True when two states differ in more than the camera (so the change deserves a history entry). */
export function differsBeyondCamera(a: ViewState, b: ViewState): boolean {
  const strip = (s: ViewState): string => encodeViewState({ ...s, camera: undefined });
  return strip(a) !== strip(b);
}
