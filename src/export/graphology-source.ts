/**
 * A GraphSource over an in-memory graphology graph (what the viewer and the graph builder hold), using
 * the same conventions as the Neo4j reads: attribute `type` is the label, the other attributes are the
 * properties (null/undefined dropped; nested objects as JSON text, as the store keeps them).
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { propertyName, type ExportEdge, type ExportNode, type GraphSource, type Properties, type Scalar } from './model.js';

function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

export function toProperties(attrs: Attributes): Properties {
  const props: Properties = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'type' || value === null || value === undefined) continue;
    const prop = propertyName(name);
    if (isScalar(value)) props[prop] = value;
    else if (Array.isArray(value) && value.every(isScalar)) props[prop] = value;
    else props[prop] = JSON.stringify(value);
  }
  return props;
}

function typeOf(attrs: Attributes): string {
  return typeof attrs.type === 'string' ? attrs.type : 'Node';
}

export function graphologySource(graph: AbstractGraph): GraphSource {
  return {
    async *nodes(): AsyncGenerator<ExportNode> {
      for (const { node, attributes } of graph.nodeEntries()) {
        yield { id: node, type: typeOf(attributes), properties: toProperties(attributes) };
      }
    },
    async *edges(): AsyncGenerator<ExportEdge> {
      for (const { edge, attributes, source, target, sourceAttributes, targetAttributes } of graph.edgeEntries()) {
        yield {
          id: edge,
          type: typeOf(attributes),
          source,
          target,
          sourceType: typeOf(sourceAttributes),
          targetType: typeOf(targetAttributes),
          properties: toProperties(attributes),
        };
      }
    },
  };
}
