/**
 * Neo4j values to plain JSON, and Neo4j nodes/relationships/paths found anywhere in query results to a
 * graphology-serialized subgraph ({attributes, options, nodes:[{key, attributes}], edges:[...]}), the
 * shape the viewer imports with graph.import(). Nodes and relationships are decoded exactly as read.ts
 * decodes them (key = the `id` property, JSON-encoded properties parsed, bookkeeping hidden), so
 * subgraphs from /api/cypher and from the other endpoints merge cleanly in the viewer.
 */
import neo4j, { type Node, type Path, type Relationship } from 'neo4j-driver';
import { decodeNode, decodeRelationship, toSerializedGraph, type SerializedSubgraph, type StoredEdge } from './read.js';

export type { SerializedSubgraph };
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Any value a Neo4j record can hold, as JSON: temporal values as ISO strings, graph values as objects. */
export function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number(value);
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isNode(value)) return nodeJson(value);
  if (neo4j.isRelationship(value)) return relationshipJson(value);
  if (neo4j.isPath(value)) return pathJson(value);
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isPoint(value)) {
    const p = { srid: toJson(value.srid), x: value.x, y: value.y } as { [key: string]: JsonValue };
    if (value.z !== undefined) p.z = value.z;
    return p;
  }
  if (Array.isArray(value)) return value.map(toJson);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
    return out;
  }
  return String(value);
}

function nodeJson(node: Node): JsonValue {
  return toJson(decodeNode(node));
}

function relationshipJson(rel: Relationship): JsonValue {
  const { id, type, properties } = decodeRelationship(rel, '', '');
  return toJson({ id, type, properties, startElementId: rel.startNodeElementId, endElementId: rel.endNodeElementId });
}

function pathJson(path: Path): JsonValue {
  return {
    nodes: [path.start, ...path.segments.map((s) => s.end)].map(nodeJson),
    relationships: path.segments.map((s) => relationshipJson(s.relationship)),
  };
}

/**
 * Collects the nodes and relationships held by result values and exports them as one subgraph. A
 * relationship is kept only once both of its end nodes are known (a subgraph never has dangling edges).
 */
export class SubgraphBuilder {
  private readonly nodes = new Map<string, ReturnType<typeof decodeNode>>();
  private readonly keyByElementId = new Map<string, string>();
  private readonly relationships = new Map<string, Relationship>();

  addNode(node: Node): void {
    if (this.keyByElementId.has(node.elementId)) return;
    const decoded = decodeNode(node);
    this.keyByElementId.set(node.elementId, decoded.id);
    this.nodes.set(decoded.id, decoded);
  }

  addRelationship(rel: Relationship): void {
    this.relationships.set(rel.elementId, rel);
  }

  /** Walks any record value (lists, maps, paths) and adds the graph values it holds. */
  addValue(value: unknown): void {
    if (neo4j.isNode(value)) this.addNode(value);
    else if (neo4j.isRelationship(value)) this.addRelationship(value);
    else if (neo4j.isPath(value)) {
      this.addNode(value.start);
      for (const s of value.segments) {
        this.addNode(s.end);
        this.addRelationship(s.relationship);
      }
    } else if (Array.isArray(value)) for (const v of value) this.addValue(v);
    else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (const v of Object.values(value)) this.addValue(v);
    }
  }

  /** Element ids of relationship end nodes not added yet (the caller fetches them). */
  missingEndpoints(): string[] {
    const missing = new Set<string>();
    for (const rel of this.relationships.values()) {
      for (const id of [rel.startNodeElementId, rel.endNodeElementId]) {
        if (!this.keyByElementId.has(id)) missing.add(id);
      }
    }
    return [...missing];
  }

  get isEmpty(): boolean {
    return this.nodes.size === 0 && this.relationships.size === 0;
  }

  export(): SerializedSubgraph {
    const edges = new Map<string, StoredEdge>();
    for (const rel of this.relationships.values()) {
      const source = this.keyByElementId.get(rel.startNodeElementId);
      const target = this.keyByElementId.get(rel.endNodeElementId);
      if (source === undefined || target === undefined) continue;
      const edge = decodeRelationship(rel, source, target);
      edges.set(edge.id, edge);
    }
    return toSerializedGraph([...this.nodes.values()], [...edges.values()]);
  }
}
