/**
 * The ontology is the contract: every attribute the graph builder writes is declared for its node label
 * or edge type, every label and type used is one of the ontology's, and every edge joins the node types
 * its type documents. Checked on the graph of the sample corpus, built by the real pipeline.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../config.js';
import { extractDocument } from '../extract/index.js';
import { resolveCorpus } from '../resolve/index.js';
import {
  EDGE_PROPERTIES,
  EDGE_TYPES,
  NODE_LABELS,
  NODE_PROPERTIES,
  type EdgeType,
  type NodeLabel,
} from './ontology.js';

const dir = join(PROJECT_ROOT, 'graph', 'articles');
const graph = resolveCorpus(
  readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((f) => extractDocument({ id: f.replace(/\.[^.]+$/, ''), text: readFileSync(join(dir, f), 'utf8') })),
);

/** Which node types each edge type may join (source, target), as the ontology's comments say. */
const ENDPOINTS: Readonly<Record<EdgeType, readonly [readonly NodeLabel[], readonly NodeLabel[]]>> = {
  SAID: [['Person', 'Organization'], ['Quote']],
  MEDIATED: [['Person', 'Country', 'Organization'], ['Event']],
  MET_IN: [['Event'], ['Place', 'Country']],
  OCCURRED_IN: [['Event'], ['Place', 'Country']],
  PARTICIPATED_IN: [['Person', 'Country', 'Organization'], ['Event']],
  HOLDS_OFFICE: [['Person'], ['Country', 'Organization']],
  LOCATED_IN: [['Place', 'Organization'], ['Country']],
  REPORTED_IN: [['Quote'], ['Article']],
  MENTIONED_IN: [['Person', 'Country', 'Place', 'Organization', 'Event'], ['Article']],
  NATIONAL_OF: [['Person'], ['Country']],
  ADDRESSED_TO: [['Quote'], ['Person', 'Organization', 'Country']],
  SAID_AT: [['Quote'], ['Place', 'Country', 'Event']],
};

describe('the ontology as the contract of the built graph', () => {
  it('declares every node attribute the builder writes, per label', () => {
    const undeclared = new Set<string>();
    graph.forEachNode((_key, attr) => {
      expect(NODE_LABELS).toContain(attr.type);
      for (const name of Object.keys(attr)) {
        if (!NODE_PROPERTIES[attr.type].includes(name)) undeclared.add(`${attr.type}.${name}`);
      }
    });
    expect([...undeclared]).toEqual([]);
  });

  it('declares every edge attribute, and joins only the node types each edge type allows', () => {
    const problems = new Set<string>();
    const seen = new Set<string>();
    graph.forEachEdge((_key, attr, source, target, sourceAttr, targetAttr) => {
      expect(EDGE_TYPES).toContain(attr.type);
      seen.add(attr.type);
      for (const name of Object.keys(attr)) {
        if (!EDGE_PROPERTIES[attr.type].includes(name)) problems.add(`${attr.type}.${name} undeclared`);
      }
      const [from, to] = ENDPOINTS[attr.type];
      if (!from.includes(sourceAttr.type) || !to.includes(targetAttr.type)) {
        problems.add(`${attr.type}: ${sourceAttr.type} ${source} -> ${targetAttr.type} ${target}`);
      }
    });
    expect([...problems]).toEqual([]);
    // The sample corpus exercises the quote relations, so the check above is not vacuous for them.
    expect([...seen]).toEqual(
      expect.arrayContaining(['SAID', 'REPORTED_IN', 'ADDRESSED_TO', 'SAID_AT', 'MEDIATED']),
    );
  });
});
