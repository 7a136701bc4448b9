/**
 * Running a user's Cypher read-only: a READ access-mode session and executeRead (the server refuses
 * writes), a transaction timeout, and a row cap (rows past it are not fetched; the result says
 * truncated). Nodes, relationships and paths in the rows also come back as a graphology subgraph.
 * The static guard (src/server/cypher-guard.ts) runs before this; this file is what actually enforces.
 */
import neo4j, { type Driver, type ManagedTransaction, Neo4jError, type Node } from 'neo4j-driver';
import { UserError } from '../errors.js';
import { SubgraphBuilder, toJson, type JsonValue, type SerializedSubgraph } from './graph-json.js';

export interface ReadOnlyQueryOptions {
  timeoutMs: number;
  maxRows: number;
  database?: string;
}

export interface ReadOnlyQueryResult {
  columns: string[];
  rows: Array<Record<string, JsonValue>>;
  /** True when the query had more rows than maxRows (the rest were not fetched). */
  truncated: boolean;
  /** Present when the rows hold nodes, relationships or paths. */
  graph?: SerializedSubgraph;
  elapsedMs: number;
}

/**
 * Why a user query failed, as a typed error the API maps to a status: CYPHER_TIMEOUT, CYPHER_WRITE
 * (refused by the server's read mode), CYPHER_INVALID (syntax, types, missing parameters),
 * CYPHER_RESOURCES (memory), or NEO4J_* from the connection layer.
 */
export class CypherExecutionError extends UserError {
  constructor(code: string, message: string, neo4jCode: string) {
    super(code, message, { neo4jCode });
    this.name = 'CypherExecutionError';
  }
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').slice(0, 500);
}

export function classifyCypherError(err: unknown, timeoutMs: number): unknown {
  if (!(err instanceof Neo4jError)) return err;
  const code = err.code;
  if (
    code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
    code.includes('TransactionTimedOut')
  ) {
    return new CypherExecutionError(
      'CYPHER_TIMEOUT',
      `the query ran longer than ${timeoutMs} ms and was stopped`,
      code,
    );
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || code.startsWith('Neo.ClientError.Security.')) {
    return new CypherExecutionError(
      'CYPHER_WRITE',
      'the query tried to write or administer; it is read-only',
      code,
    );
  }
  if (code.startsWith('Neo.ClientError.Statement.') || code.startsWith('Neo.ClientError.Procedure.')) {
    return new CypherExecutionError('CYPHER_INVALID', firstLine(err.message), code);
  }
  if (code.includes('MemoryPoolOutOfMemory') || code.includes('OutOfMemory')) {
    return new CypherExecutionError(
      'CYPHER_RESOURCES',
      'the query needed more memory than the server allows',
      code,
    );
  }
  if (code.startsWith('Neo.ClientError.')) {
    return new CypherExecutionError('CYPHER_INVALID', firstLine(err.message), code);
  }
  return err;
}

/**
 * JSON numbers that are whole become Cypher integers (so `LIMIT $n` works); everything else passes as is.
 * The driver would otherwise send every JS number as a float.
 */
export function toCypherParams(params: Record<string, unknown>): Record<string, unknown> {
  const convert = (v: unknown): unknown => {
    if (typeof v === 'number' && Number.isSafeInteger(v)) return neo4j.int(v);
    if (Array.isArray(v)) return v.map(convert);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, convert(x)]));
    }
    return v;
  };
  return convert(params) as Record<string, unknown>;
}

/**
 * Carries a failure out of the transaction function untouched. executeRead retries transient errors (a
 * memory-pool refusal is one) for up to 30 s; a user's query that ran out of memory once will again, so it
 * must fail at once instead of being re-run.
 */
class DoNotRetry extends Error {
  constructor(readonly original: unknown) {
    super('query failed');
  }
}

export async function runReadOnlyCypher(
  driver: Driver,
  query: string,
  params: Record<string, unknown>,
  options: ReadOnlyQueryOptions,
): Promise<ReadOnlyQueryResult> {
  const started = performance.now();
  const session = driver.session({ defaultAccessMode: neo4j.session.READ, database: options.database });
  try {
    return await session.executeRead(
      async (tx) => {
        try {
          return await readRows(tx, query, params, options, started);
        } catch (err) {
          throw new DoNotRetry(err);
        }
      },
      { timeout: options.timeoutMs, metadata: { app: 'speakergraph-api-cypher' } },
    );
  } catch (err) {
    throw classifyCypherError(err instanceof DoNotRetry ? err.original : err, options.timeoutMs);
  } finally {
    await session.close();
  }
}

async function readRows(
  tx: ManagedTransaction,
  query: string,
  params: Record<string, unknown>,
  options: ReadOnlyQueryOptions,
  started: number,
): Promise<ReadOnlyQueryResult> {
  const builder = new SubgraphBuilder();
  const rows: Array<Record<string, JsonValue>> = [];
  let columns: string[] = [];
  let truncated = false;
  const result = tx.run(query, toCypherParams(params));
  for await (const record of result) {
    if (rows.length === 0) columns = [...record.keys].map(String);
    if (rows.length >= options.maxRows) {
      truncated = true;
      break; // ends the stream: the server stops producing rows
    }
    const row: Record<string, JsonValue> = {};
    for (const key of record.keys) {
      const value: unknown = record.get(key);
      row[String(key)] = toJson(value);
      builder.addValue(value);
    }
    rows.push(row);
  }
  if (rows.length === 0) columns = [...(await result.keys())].map(String);
  let graph: SerializedSubgraph | undefined;
  if (!builder.isEmpty) {
    // Relationships whose end nodes the query did not return: fetch those nodes so edges are drawable.
    const missing = builder.missingEndpoints();
    if (missing.length > 0) {
      const ends = await tx.run('MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids: missing });
      for (const r of ends.records) builder.addNode(r.get('n') as Node);
    }
    graph = builder.export();
  }
  return { columns, rows, truncated, graph, elapsedMs: Math.round(performance.now() - started) };
}
