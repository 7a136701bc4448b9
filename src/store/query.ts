/**
 * Read-only Cypher from the terminal (and anyone else who needs it): a READ access-mode session and
 * executeRead, so Neo4j itself refuses any write; that refusal becomes a clear UserError. Results are
 * turned into plain JSON values (nodes and relationships with decoded properties).
 */
import neo4j, { isNode, isPath, isRelationship, type Driver } from 'neo4j-driver';
import type { Neo4jConnection } from '../config.js';
import { UserError } from '../errors.js';
import { toStoreError } from './neo4j-errors.js';
import { decodeNode } from './read.js';
import { fromNeo4jProps } from './properties.js';

export interface QueryResult {
  columns: string[];
  rows: Array<Record<string, unknown>>;
}

/** Driver values to plain JSON values. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isNode(value)) return decodeNode(value);
  if (isRelationship(value)) {
    const properties = fromNeo4jProps(value.properties as Record<string, unknown>);
    return { id: properties.id ?? value.elementId, type: value.type, properties };
  }
  if (isPath(value)) {
    return {
      nodes: [value.start, ...value.segments.map((s) => s.end)].map(toPlain),
      relationships: value.segments.map((s) => toPlain(s.relationship)),
    };
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'object') {
    // Temporal and spatial values print as their ISO/WKT-like strings.
    const proto = Object.getPrototypeOf(value) as object | null;
    if (
      proto !== Object.prototype &&
      proto !== null &&
      typeof (value as { toString?: unknown }).toString === 'function'
    ) {
      return String(value);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}

/** Integral JSON numbers become Neo4j integers (so `LIMIT $n` and integer comparisons work). */
export function toQueryParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toQueryParams);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toQueryParams(v)]));
  }
  return value;
}

export function parseParamsJson(json: string | undefined): Record<string, unknown> {
  if (json === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (err) {
    throw new UserError('BAD_PARAMS', `--params is not valid JSON: ${(err as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UserError('BAD_PARAMS', '--params must be a JSON object, e.g. {"name": "Smith"}');
  }
  return parsed as Record<string, unknown>;
}

export async function runReadQuery(
  driver: Driver,
  conn: Neo4jConnection,
  cypher: string,
  params: Record<string, unknown> = {},
  options: { timeoutMs?: number } = {},
): Promise<QueryResult> {
  const session = driver.session({ database: conn.database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(
      async (tx) => {
        const res = await tx.run(cypher, toQueryParams(params) as Record<string, unknown>);
        const columns = res.records[0]?.keys.map(String) ?? [];
        const rows = res.records.map((r) =>
          Object.fromEntries(r.keys.map((k) => [String(k), toPlain(r.get(k))])),
        );
        return { columns, rows };
      },
      options.timeoutMs !== undefined ? { timeout: options.timeoutMs } : {},
    );
  } catch (err) {
    throw toStoreError(err, conn);
  } finally {
    await session.close();
  }
}
