/**
 * A Cypher script that recreates the subgraph in an empty (or any) Neo4j: constraints first, then
 * `UNWIND [<literal rows>] AS row MERGE ...` statements in batches of BATCH rows, nodes before
 * relationships. No `:param` lines, so the same text runs in cypher-shell (`cypher-shell -f file`) and,
 * statement by statement, through any driver.
 *
 * Layout contract (splitCypherStatements relies on it): exactly one statement per line, ending in `;`,
 * and comment lines starting with `//`. That holds because every string literal escapes its newlines.
 *
 * Values are written as literals: strings single-quoted with backslash escapes for \ ' and control
 * characters (other Unicode is written as is, in UTF-8), numbers as integer or float literals (NaN and
 * infinities as 0.0/0.0 and ±1.0/0.0), names in backticks with backticks doubled.
 * Nodes MERGE on (label, id) and relationships on (type, id) between their endpoints, so running the
 * script twice changes nothing.
 */
import { collectSchema, type ExportEdge, type ExportNode, type ExportStats, type GraphSource, type PropertyValue } from './model.js';
import type { TextSink } from './sink.js';

const BATCH = 500;

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

// Matching control characters is the point here.
const TO_ESCAPE =
  // eslint-disable-next-line no-control-regex
  /[\\'\u0000-\u001F\u007F\u0085\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cypherString(text: string): string {
  const body = text.replace(
    TO_ESCAPE,
    (c) => ESCAPES[c] ?? `\\u${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return `'${body}'`;
}

export function cypherName(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

export function cypherNumber(n: number): string {
  if (Number.isNaN(n)) return '0.0/0.0';
  if (n === Infinity) return '1.0/0.0';
  if (n === -Infinity) return '-1.0/0.0';
  if (Number.isSafeInteger(n)) return String(n);
  // Floats (and integral numbers too large to be exact integers): always with a '.' or an exponent.
  const text = String(n).replace('e+', 'e');
  return /[.e]/.test(text) ? text : `${text}.0`;
}

export function cypherValue(value: PropertyValue | Record<string, PropertyValue>): string {
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'number') return cypherNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map((v) => cypherValue(v)).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${cypherName(k)}: ${cypherValue(v)}`)
    .join(', ')}}`;
}

function row(fields: Record<string, string>): string {
  return `{${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')}}`;
}

function nodeRow(node: ExportNode): string {
  return row({ id: cypherString(node.id), props: cypherValue(node.properties) });
}

function edgeRow(edge: ExportEdge): string {
  return row({
    id: cypherString(edge.id),
    source: cypherString(edge.source),
    target: cypherString(edge.target),
    props: cypherValue(edge.properties),
  });
}

function nodeStatement(label: string, rows: string[]): string {
  return `UNWIND [${rows.join(', ')}] AS row MERGE (n:${cypherName(label)} {id: row.id}) SET n += row.props;\n`;
}

function edgeStatement(type: string, sourceType: string, targetType: string, rows: string[]): string {
  return (
    `UNWIND [${rows.join(', ')}] AS row ` +
    `MATCH (a:${cypherName(sourceType)} {id: row.source}) MATCH (b:${cypherName(targetType)} {id: row.target}) ` +
    `MERGE (a)-[r:${cypherName(type)} {id: row.id}]->(b) SET r += row.props;\n`
  );
}

/** Rows grouped by a statement key and flushed BATCH at a time: memory is bounded by groups x BATCH. */
class Batcher<K> {
  private readonly groups = new Map<string, { key: K; rows: string[] }>();
  constructor(private readonly emit: (key: K, rows: string[]) => Promise<void>) {}
  async add(id: string, key: K, rowText: string): Promise<void> {
    let group = this.groups.get(id);
    if (!group) {
      group = { key, rows: [] };
      this.groups.set(id, group);
    }
    group.rows.push(rowText);
    if (group.rows.length >= BATCH) {
      await this.emit(group.key, group.rows);
      group.rows = [];
    }
  }
  async flush(): Promise<void> {
    for (const group of this.groups.values()) {
      if (group.rows.length > 0) await this.emit(group.key, group.rows);
      group.rows = [];
    }
  }
}

export async function writeCypher(source: GraphSource, out: TextSink): Promise<ExportStats> {
  // Constraints come first, so the first pass only needs the labels (and gives the counts for the header).
  const schema = await collectSchema(source);
  await out.write(
    `// speakergraph export: ${schema.nodes} nodes, ${schema.edges} relationships.\n` +
      `// Run with: cypher-shell -f <this file>; or send each line that does not start with // as one statement.\n`,
  );
  for (const label of [...schema.nodeTypes].sort()) {
    await out.write(`CREATE CONSTRAINT IF NOT EXISTS FOR (n:${cypherName(label)}) REQUIRE n.id IS UNIQUE;\n`);
  }
  for (const type of [...schema.edgeTypes].sort()) {
    await out.write(`CREATE CONSTRAINT IF NOT EXISTS FOR ()-[r:${cypherName(type)}]-() REQUIRE r.id IS UNIQUE;\n`);
  }
  const stats: ExportStats = { nodes: 0, edges: 0 };
  const nodes = new Batcher<string>((label, rows) => out.write(nodeStatement(label, rows)));
  for await (const node of source.nodes()) {
    await nodes.add(node.type, node.type, nodeRow(node));
    stats.nodes++;
  }
  await nodes.flush();
  const edges = new Batcher<[string, string, string]>(([t, s, g], rows) => out.write(edgeStatement(t, s, g, rows)));
  for await (const edge of source.edges()) {
    const key: [string, string, string] = [edge.type, edge.sourceType, edge.targetType];
    await edges.add(key.join('\u0000'), key, edgeRow(edge));
    stats.edges++;
  }
  await edges.flush();
  await out.flush();
  return stats;
}

/** The statements of a script written by writeCypher (one per line, `//` lines are comments). */
export function splitCypherStatements(script: string): string[] {
  return script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('//'))
    .map((line) => line.replace(/;$/, ''));
}
