/**
 * What every exporter reads: a graph as two re-iterable streams, nodes first, then edges. Writers never
 * hold the whole graph; a source may be walked more than once (a first pass learns the property schema
 * that CSV headers and GEXF/GraphML declarations need before the first row).
 *
 * Conventions shared by all formats (documented in src/export/README.md):
 * - a node's key is its `id` property; an edge's key is its `id` property. Neither is repeated among the
 *   properties.
 * - `type` is the node label / relationship type.
 * - a property named `id`, `type`, `source` or `target`, or starting with `_`, is written with one more
 *   leading `_` (`type` -> `_type`, `_x` -> `__x`), so it never collides with those columns; readers strip
 *   one `_` from any name that starts with one.
 */

export type Scalar = string | number | boolean;
/** Neo4j property values: primitives and homogeneous lists of primitives. */
export type PropertyValue = Scalar | Scalar[];
export type Properties = Record<string, PropertyValue>;

export interface ExportNode {
  id: string;
  type: string;
  properties: Properties;
}

export interface ExportEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  /** Types of the endpoints, so a Cypher script can MATCH them through the label's index. */
  sourceType: string;
  targetType: string;
  properties: Properties;
}

export interface GraphSource {
  nodes(): AsyncIterable<ExportNode>;
  /** Only edges whose both endpoints are among nodes(). */
  edges(): AsyncIterable<ExportEdge>;
}

export interface ExportStats {
  nodes: number;
  edges: number;
}

const RESERVED = new Set(['id', 'type', 'source', 'target']);

/** Property name -> attribute/column name (see the convention above). */
export function attributeName(property: string): string {
  return RESERVED.has(property) || property.startsWith('_') ? `_${property}` : property;
}

/** Attribute/column name -> property name: the inverse of attributeName. */
export function propertyName(attribute: string): string {
  return attribute.startsWith('_') ? attribute.slice(1) : attribute;
}

/**
 * A value as one flat cell (CSV, GEXF and GraphML attributes): scalars stay as they are, lists become
 * their JSON text (`["a","b"]`). JSON text is the one encoding every spreadsheet, Gephi, yEd and
 * notebook can read back without ambiguity (GEXF's own list syntax breaks on commas inside strings).
 */
export function flatValue(value: PropertyValue): Scalar {
  return Array.isArray(value) ? JSON.stringify(value) : value;
}

export type FlatType = 'boolean' | 'integer' | 'long' | 'double' | 'string';

export function flatType(value: Scalar): FlatType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (Number.isInteger(value)) return Math.abs(value) <= 0x7fffffff ? 'integer' : 'long';
  return 'double';
}

/** The declared type of a column that has seen both `a` and `b`: the narrowest type holding both. */
export function widenType(a: FlatType, b: FlatType): FlatType {
  if (a === b) return a;
  const numeric: FlatType[] = ['integer', 'long', 'double'];
  const ia = numeric.indexOf(a);
  const ib = numeric.indexOf(b);
  if (ia >= 0 && ib >= 0) return numeric[Math.max(ia, ib)] as FlatType;
  return 'string';
}

export interface ExportSchema {
  /** Property name -> declared flat type, in first-seen order. */
  nodeProperties: Map<string, FlatType>;
  edgeProperties: Map<string, FlatType>;
  nodeTypes: Set<string>;
  edgeTypes: Set<string>;
  nodes: number;
  edges: number;
}

function learn(target: Map<string, FlatType>, props: Properties): void {
  for (const [name, value] of Object.entries(props)) {
    const t = flatType(flatValue(value));
    const seen = target.get(name);
    target.set(name, seen === undefined ? t : widenType(seen, t));
  }
}

/** One pass over the source to learn property names and types (memory: one entry per distinct name). */
export async function collectSchema(source: GraphSource): Promise<ExportSchema> {
  const schema: ExportSchema = {
    nodeProperties: new Map(),
    edgeProperties: new Map(),
    nodeTypes: new Set(),
    edgeTypes: new Set(),
    nodes: 0,
    edges: 0,
  };
  for await (const node of source.nodes()) {
    schema.nodes++;
    schema.nodeTypes.add(node.type);
    learn(schema.nodeProperties, node.properties);
  }
  for await (const edge of source.edges()) {
    schema.edges++;
    schema.edgeTypes.add(edge.type);
    learn(schema.edgeProperties, edge.properties);
  }
  return schema;
}

/** A value written under a declared type: a `string` column turns numbers and booleans into text. */
export function castFlat(value: Scalar, declared: FlatType): Scalar {
  return declared === 'string' && typeof value !== 'string' ? String(value) : value;
}

/** Groups an async stream into arrays of at most `size` items. */
export async function* pages<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let page: T[] = [];
  for await (const item of items) {
    page.push(item);
    if (page.length >= size) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}
