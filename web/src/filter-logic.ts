/**
 * Which nodes and edges the filters let through. Pure, so it is unit-tested and shared by the renderer's
 * reducers, the legend counts and the export of "the current view".
 */
import type { FilterState } from './state/url.js';

/** What the filters look at on a node (the render graph keeps these on every node). */
export interface FilterableNode {
  nodeType: string;
  date?: string;
  corroboration?: number;
  contested?: boolean;
}

export interface FilterableEdge {
  edgeType: string;
  contested?: boolean;
}

/** A possibly partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD) as the first and last day it covers. */
export function dateRange(date: string): { start: string; end: string } | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (d) return { start: `${y}-${mo}-${d}`, end: `${y}-${mo}-${d}` };
  if (mo) {
    const last = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    return { start: `${y}-${mo}-01`, end: `${y}-${mo}-${String(last).padStart(2, '0')}` };
  }
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/** True when a dated node overlaps [from, to]; undated nodes are never filtered by date. */
export function inDateRange(date: string | undefined, from: string | undefined, to: string | undefined): boolean {
  if (!date || (!from && !to)) return true;
  const r = dateRange(date);
  if (!r) return true;
  if (from && r.end < from) return false;
  if (to && r.start > to) return false;
  return true;
}

export function nodePasses(node: FilterableNode, f: FilterState): boolean {
  if ((f.hiddenNodeTypes as readonly string[]).includes(node.nodeType)) return false;
  if (!inDateRange(node.date, f.from, f.to)) return false;
  if (node.nodeType === 'Quote') {
    if (f.minCorroboration > 1 && (node.corroboration ?? 1) < f.minCorroboration) return false;
    if (f.contestedOnly && !node.contested) return false;
  }
  return true;
}

export function edgePasses(edge: FilterableEdge, f: FilterState, sourcePasses: boolean, targetPasses: boolean): boolean {
  if (!sourcePasses || !targetPasses) return false;
  if ((f.hiddenEdgeTypes as readonly string[]).includes(edge.edgeType)) return false;
  if (f.contestedOnly && edge.edgeType === 'SAID' && !edge.contested) return false;
  return true;
}

/** True when the filters hide nothing. */
export function filtersAreDefault(f: FilterState): boolean {
  return (
    f.hiddenNodeTypes.length === 0 &&
    f.hiddenEdgeTypes.length === 0 &&
    !f.from &&
    !f.to &&
    f.minCorroboration <= 1 &&
    !f.contestedOnly
  );
}
