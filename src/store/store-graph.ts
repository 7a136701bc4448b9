/**
 * The graph as the store writes it: graphology's nodes and edges turned into rows with a validated label
 * or relationship type, Neo4j properties, a stable id and a content hash. The hash is what the diff sync
 * compares with the database, so it covers everything that is written.
 */
import type { AbstractGraph } from 'graphology-types';
import { InternalError } from '../errors.js';
import { isNodeLabel, isRelationshipType } from './labels.js';
import { contentHash, SYNC_HASH_PROPERTY, toNeo4jProps, type Neo4jProps } from './properties.js';

export interface StoreNode {
  id: string;
  label: string;
  /** Everything written to the node, including `id` and `syncHash`. */
  props: Neo4jProps;
  hash: string;
}

export interface StoreRel {
  id: string;
  type: string;
  source: string;
  sourceLabel: string;
  target: string;
  targetLabel: string;
  props: Neo4jProps;
  hash: string;
}

export interface StoreGraph {
  nodes: StoreNode[];
  rels: StoreRel[];
}

function withoutType(attrs: Record<string, unknown>): Record<string, unknown> {
  const { type: _type, ...rest } = attrs;
  return rest;
}

/**
 * Relationship ids are derived from type and endpoints (labels included, so an entity that changes label
 * gets new relationship ids). Parallel edges of one type between the same nodes are numbered in the order
 * of their content hashes, which keeps the numbering independent of insertion order.
 */
function relBaseId(
  type: string,
  sourceLabel: string,
  source: string,
  targetLabel: string,
  target: string,
): string {
  return `rel:${contentHash([type, sourceLabel, source, targetLabel, target])}`;
}

export function toStoreGraph(graph: AbstractGraph): StoreGraph {
  const labelOf = new Map<string, string>();
  const nodes: StoreNode[] = [];
  graph.forEachNode((key, attrs) => {
    const label = attrs.type;
    if (!isNodeLabel(label)) {
      throw new InternalError(
        'STORE_BAD_NODE',
        `node ${key} has type ${JSON.stringify(label)}, not an ontology label`,
        {
          node: key,
        },
      );
    }
    labelOf.set(key, label);
    const content = withoutType(attrs);
    const hash = contentHash([label, key, content]);
    nodes.push({
      id: key,
      label,
      hash,
      props: { ...toNeo4jProps(content), id: key, [SYNC_HASH_PROPERTY]: hash },
    });
  });

  const byBaseId = new Map<
    string,
    Array<Omit<StoreRel, 'id' | 'props'> & { content: Record<string, unknown> }>
  >();
  graph.forEachEdge((edge, attrs, source, target) => {
    const type = attrs.type;
    if (!isRelationshipType(type)) {
      throw new InternalError(
        'STORE_BAD_EDGE',
        `edge ${edge} has type ${JSON.stringify(type)}, not an ontology type`,
        {
          edge,
        },
      );
    }
    const sourceLabel = labelOf.get(source) as string;
    const targetLabel = labelOf.get(target) as string;
    const baseId = relBaseId(type, sourceLabel, source, targetLabel, target);
    const content = withoutType(attrs);
    const hash = contentHash([type, source, target, content]);
    const group = byBaseId.get(baseId) ?? [];
    group.push({ type, source, sourceLabel, target, targetLabel, hash, content });
    byBaseId.set(baseId, group);
  });

  const rels: StoreRel[] = [];
  for (const [baseId, group] of byBaseId) {
    group.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
    group.forEach(({ content, ...rel }, i) => {
      const id = i === 0 ? baseId : `${baseId}#${i}`;
      // The id is part of what is written, so it is part of the hash too.
      const hash = i === 0 ? rel.hash : contentHash([rel.hash, id]);
      rels.push({ ...rel, id, hash, props: { ...toNeo4jProps(content), id, [SYNC_HASH_PROPERTY]: hash } });
    });
  }
  return { nodes, rels };
}
