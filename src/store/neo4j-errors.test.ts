import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { toStoreError } from './neo4j-errors.js';

const conn = { uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', database: undefined };

describe('toStoreError', () => {
  it('maps a full disk to a one-line UserError', () => {
    const cause = new Neo4jError(
      'Could not apply the transaction: java.io.IOException: No space left on device',
      'Neo.DatabaseError.Transaction.TransactionCommitFailed',
      'N/A',
      'N/A',
    );
    const err = toStoreError(cause, conn);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('NEO4J_DISK_FULL');
    expect(err.message).not.toContain('\n');
  });

  it('maps a write in a read transaction to QUERY_WRITE_REFUSED', () => {
    const cause = new Neo4jError(
      'Writing in read access mode not allowed.',
      'Neo.ClientError.Statement.AccessMode',
      'N/A',
      'N/A',
    );
    expect((toStoreError(cause, conn) as UserError).code).toBe('QUERY_WRITE_REFUSED');
  });

  it('maps wrong credentials and connection failures like connection.ts does', () => {
    const auth = new Neo4jError('bad', 'Neo.ClientError.Security.Unauthorized', 'N/A', 'N/A');
    expect((toStoreError(auth, conn) as UserError).code).toBe('NEO4J_AUTH');
    expect((toStoreError(new Error('connect ECONNREFUSED 127.0.0.1:1'), conn) as UserError).code).toBe(
      'NEO4J_UNREACHABLE',
    );
  });
});
