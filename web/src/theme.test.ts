import { describe, expect, it } from 'vitest';
import {
  CONTESTED_COLOR,
  EDGE_COLORS,
  EDGE_TYPES,
  NODE_COLORS,
  NODE_ICONS,
  NODE_LABELS,
  contrastWithWhite,
  edgeColor,
  nodeColor,
  nodeSize,
} from './theme.js';
import { hashString, seededPosition } from './seed.js';

describe('colour scheme', () => {
  it('gives every ontology type a distinct colour and an icon', () => {
    for (const t of NODE_LABELS) {
      expect(NODE_COLORS[t]).toMatch(/^#[0-9A-F]{6}$/i);
      expect(NODE_ICONS[t].length).toBeGreaterThan(10);
    }
    expect(new Set(NODE_LABELS.map((t) => NODE_COLORS[t])).size).toBe(NODE_LABELS.length);
    for (const t of EDGE_TYPES) expect(EDGE_COLORS[t]).toMatch(/^#[0-9A-F]{6}$/i);
  });

  it('keeps white pictograms readable on every node colour', () => {
    for (const t of NODE_LABELS) expect(contrastWithWhite(NODE_COLORS[t])).toBeGreaterThan(1.9);
  });

  it('marks contested edges with a colour no edge type uses', () => {
    expect(Object.values(EDGE_COLORS)).not.toContain(CONTESTED_COLOR);
    expect(edgeColor('SAID', true)).toBe(CONTESTED_COLOR);
    expect(edgeColor('SAID', false)).toBe(EDGE_COLORS.SAID);
    expect(nodeColor('Nope')).not.toBe(NODE_COLORS.Person);
  });

  it('sizes by degree, monotonic and bounded', () => {
    expect(nodeSize(0)).toBeLessThan(nodeSize(4));
    expect(nodeSize(4)).toBeLessThan(nodeSize(40));
    expect(nodeSize(1e6)).toBe(22);
  });
});

describe('seeded positions', () => {
  it('are fixed per key and differ between keys', () => {
    expect(seededPosition('person:a')).toEqual(seededPosition('person:a'));
    expect(seededPosition('person:a')).not.toEqual(seededPosition('person:b'));
    expect(hashString('abc')).toBe(hashString('abc'));
    const p = seededPosition('x', 10);
    expect(Math.hypot(p.x, p.y)).toBeLessThanOrEqual(10);
  });
});
