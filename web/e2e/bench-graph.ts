/**
 * Seeded synthetic graphs for the viewer benchmarks: graphology serialized JSON with the ontology's node
 * and edge types, clustered like a news graph (communities around hub people, countries and events), so
 * layout and rendering see realistic structure. Same size and seed, same graph.
 */
import { EDGE_TYPES, NODE_LABELS } from '../../src/model/ontology.js';
import { mulberry32 } from '../src/seed.js';

export interface SerializedGraph {
  attributes: Record<string, unknown>;
  options: { type: 'directed'; multi: true; allowSelfLoops: false };
  nodes: Array<{ key: string; attributes: Record<string, unknown> }>;
  edges: Array<{ key: string; source: string; target: string; attributes: Record<string, unknown> }>;
}

/** Type mix: many quotes and articles, fewer people, few countries. */
const TYPE_WEIGHTS: Record<(typeof NODE_LABELS)[number], number> = {
  Person: 0.18,
  Country: 0.02,
  Place: 0.06,
  Organization: 0.08,
  Event: 0.08,
  Quote: 0.34,
  Article: 0.24,
};

export function generateGraph(nodeCount: number, edgeCount: number, seed = 42): SerializedGraph {
  const rnd = mulberry32(seed);
  const types = NODE_LABELS;
  const cumulative: number[] = [];
  let acc = 0;
  for (const t of types) cumulative.push((acc += TYPE_WEIGHTS[t]));
  const pickType = (): (typeof types)[number] => {
    const r = rnd() * acc;
    const i = cumulative.findIndex((c) => r < c);
    return types[i < 0 ? types.length - 1 : i] as (typeof types)[number];
  };
  const communities = Math.max(1, Math.round(Math.sqrt(nodeCount) / 2));
  const nodes: SerializedGraph['nodes'] = [];
  const members: number[][] = Array.from({ length: communities }, () => []);
  const communityOf = new Int32Array(nodeCount);
  for (let i = 0; i < nodeCount; i++) {
    const type = pickType();
    const c = Math.floor(rnd() * communities);
    members[c]?.push(i);
    communityOf[i] = c;
    const attributes: Record<string, unknown> = { type, name: `${type} ${i}` };
    if (type === 'Quote') {
      attributes['text'] = `Quote number ${i} from the generated benchmark graph`;
      attributes['corroboration'] = 1 + Math.floor(rnd() * rnd() * 5);
    }
    if (type === 'Article' || type === 'Event') {
      attributes['date'] = `2022-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    }
    nodes.push({ key: `n${i}`, attributes });
  }
  const edges: SerializedGraph['edges'] = [];
  const seen = new Set<string>();
  let guard = 0;
  while (edges.length < edgeCount && guard++ < edgeCount * 20) {
    const s = Math.floor(rnd() * nodeCount);
    let t: number;
    if (rnd() < 0.85) {
      // Within the source's community, skewed toward its first members (hubs).
      const c = members[communityOf[s] ?? 0] ?? [];
      const idx = Math.floor(c.length * rnd() * rnd());
      t = c[idx] ?? Math.floor(rnd() * nodeCount);
    } else t = Math.floor(rnd() * nodeCount);
    if (s === t) continue;
    const key = `${s}>${t}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const type = EDGE_TYPES[Math.floor(rnd() * EDGE_TYPES.length)] as string;
    const attributes: Record<string, unknown> = { type };
    if (type === 'SAID' && rnd() < 0.1) attributes['contested'] = true;
    edges.push({ key: `e${edges.length}`, source: `n${s}`, target: `n${t}`, attributes });
  }
  return {
    attributes: { generated: true, seed },
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    nodes,
    edges,
  };
}
