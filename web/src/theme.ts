/**
 * The colour scheme and pictograms of the viewer: one colour and one icon per node type, one colour per
 * edge type, and the look of contested SAID edges. Names come from the ontology (the one place they are
 * defined); the viewer adds only how they look.
 */
import { EDGE_TYPES, NODE_LABELS, type EdgeType, type NodeLabel } from '../../src/model/ontology.js';

export { EDGE_TYPES, NODE_LABELS };
export type { EdgeType, NodeLabel };

/** Okabe–Ito based palette: distinguishable with the common colour-vision deficiencies. */
export const NODE_COLORS: Readonly<Record<NodeLabel, string>> = {
  Person: '#0072B2',
  Country: '#009E73',
  Place: '#56B4E9',
  Organization: '#E69F00',
  Event: '#CC79A7',
  Quote: '#7A5C99',
  Article: '#6B6B6B',
};

export const EDGE_COLORS: Readonly<Record<EdgeType, string>> = {
  SAID: '#5B8DBE',
  MEDIATED: '#C27BA0',
  MET_IN: '#D4A0C0',
  OCCURRED_IN: '#D4A0C0',
  PARTICIPATED_IN: '#B58BB0',
  HOLDS_OFFICE: '#E0B060',
  LOCATED_IN: '#8CC7A8',
  REPORTED_IN: '#B8B8B8',
  MENTIONED_IN: '#D0D0D0',
  NATIONAL_OF: '#7FBF9F',
  ADDRESSED_TO: '#2F9E9E',
  SAID_AT: '#9C8ACB',
};

/** Contested SAID edges: a colour no other edge uses, drawn thicker. */
export const CONTESTED_COLOR = '#D7263D';
export const CONTESTED_SIZE_FACTOR = 2.5;

export const UNKNOWN_NODE_COLOR = '#999999';
export const UNKNOWN_EDGE_COLOR = '#CCCCCC';
export const DIMMED_NODE_COLOR = '#E4E4E4';
export const DIMMED_EDGE_COLOR = '#F0F0F0';
export const HIGHLIGHT_COLOR = '#FFB000';

/** Human labels for the legend. */
export const NODE_LABEL_NAMES: Readonly<Record<NodeLabel, string>> = {
  Person: 'Person',
  Country: 'Country',
  Place: 'Place',
  Organization: 'Organization',
  Event: 'Event',
  Quote: 'Quote',
  Article: 'Article',
};

export function edgeTypeName(type: string): string {
  return type
    .toLowerCase()
    .split('_')
    .map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/**
 * 24x24 pictograms (SVG path data, after Material Design Icons, Apache-2.0). Drawn with Path2D onto a
 * canvas for the WebGL node program, and as inline SVG in the legend.
 */
export const NODE_ICONS: Readonly<Record<NodeLabel, string>> = {
  Person:
    'M12 12c2.21 0 4-1.79 4-4s-1.79-4-4-4-4 1.79-4 4 1.79 4 4 4zm0 2c-2.67 0-8 1.34-8 4v2h16v-2c0-2.66-5.33-4-8-4z',
  Country: 'M14.4 6L14 4H5v17h2v-7h5.6l.4 2h7V6z',
  Place:
    'M12 2C8.13 2 5 5.13 5 9c0 5.25 7 13 7 13s7-7.75 7-13c0-3.87-3.13-7-7-7zm0 9.5c-1.38 0-2.5-1.12-2.5-2.5s1.12-2.5 2.5-2.5 2.5 1.12 2.5 2.5-1.12 2.5-2.5 2.5z',
  Organization:
    'M12 7V3H2v18h20V7H12zM6 19H4v-2h2v2zm0-4H4v-2h2v2zm0-4H4V9h2v2zm0-4H4V5h2v2zm4 12H8v-2h2v2zm0-4H8v-2h2v2zm0-4H8V9h2v2zm0-4H8V5h2v2zm10 12h-8v-2h2v-2h-2v-2h2v-2h-2V9h8v10zm-2-8h-2v2h2v-2zm0 4h-2v2h2v-2z',
  Event:
    'M17 12h-5v5h5v-5zM16 1v2H8V1H6v2H5c-1.11 0-1.99.9-1.99 2L3 19c0 1.1.89 2 2 2h14c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2h-1V1h-2zm3 18H5V8h14v11z',
  Quote: 'M6 17h3l2-4V7H5v6h3zm8 0h3l2-4V7h-6v6h3z',
  Article:
    'M19 3H5c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h14c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2zm-5 14H7v-2h7v2zm3-4H7v-2h10v2zm0-4H7V7h10v2z',
};

export function isNodeLabel(value: unknown): value is NodeLabel {
  return typeof value === 'string' && (NODE_LABELS as readonly string[]).includes(value);
}

export function isEdgeType(value: unknown): value is EdgeType {
  return typeof value === 'string' && (EDGE_TYPES as readonly string[]).includes(value);
}

export function nodeColor(type: string): string {
  return isNodeLabel(type) ? NODE_COLORS[type] : UNKNOWN_NODE_COLOR;
}

export function edgeColor(type: string, contested: boolean): string {
  if (contested) return CONTESTED_COLOR;
  return isEdgeType(type) ? EDGE_COLORS[type] : UNKNOWN_EDGE_COLOR;
}

/** Node size from degree: grows with the square root, bounded so hubs do not swallow the view. */
export function nodeSize(degree: number): number {
  return Math.min(4 + 1.6 * Math.sqrt(Math.max(0, degree)), 22);
}

/** Relative luminance contrast check used by tests: pictograms are white on the type colour. */
export function contrastWithWhite(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const lin = (c: string): number => {
    const v = parseInt(c, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(m[1] as string) + 0.7152 * lin(m[2] as string) + 0.0722 * lin(m[3] as string);
  return 1.05 / (l + 0.05);
}
