/**
 * Store-level mapping of Neo4j failures to one-line UserErrors, on top of connection.ts's
 * (credentials, unreachable): full disk and writes refused in a read-only transaction.
 */
import { Neo4jError } from 'neo4j-driver';
import type { Neo4jConnection } from '../config.js';
import { InternalError, UserError, isUserError } from '../errors.js';
import { describeNeo4jError } from './connection.js';

const DISK_FULL = /no space left on device|disk (?:is )?full|insufficient (?:disk )?space|OutOfDiskSpace/i;

function messages(err: unknown): string {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    parts.push(current.message);
    current = current.cause;
  }
  return parts.join(' | ');
}

export function isWriteRefused(err: unknown): boolean {
  return err instanceof Neo4jError && err.code === 'Neo.ClientError.Statement.AccessMode';
}

export function toStoreError(err: unknown, conn: Neo4jConnection): Error {
  if (isUserError(err) || err instanceof InternalError) return err;
  if (DISK_FULL.test(messages(err))) {
    return new UserError(
      'NEO4J_DISK_FULL',
      `Neo4j at ${conn.uri} ran out of disk space; the interrupted transaction was rolled back (free space and re-run)`,
      { uri: conn.uri },
      { cause: err },
    );
  }
  if (isWriteRefused(err)) {
    return new UserError(
      'QUERY_WRITE_REFUSED',
      'refused: this query writes to the database, and queries here are read-only',
      {},
      {
        cause: err,
      },
    );
  }
  if (
    err instanceof Neo4jError ||
    !(err instanceof Error) ||
    /connect|ECONNREFUSED|socket/i.test(err.message)
  ) {
    return describeNeo4jError(err, conn);
  }
  return err;
}
