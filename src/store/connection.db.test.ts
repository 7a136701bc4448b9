import { describe, expect, inject, it } from 'vitest';
import { UserError } from '../errors.js';
import { identifyServer } from './connection.js';

describe('identifyServer against the real test Neo4j', () => {
  const conn = inject('neo4j');

  it('reports version and edition', async () => {
    const id = await identifyServer(conn);
    expect(id.version).toMatch(/^5\.\d+\.\d+/);
    expect(['community', 'enterprise']).toContain(id.edition);
  });

  it('turns wrong credentials into a UserError that names the variables to check', async () => {
    const err = await identifyServer({ ...conn, password: 'wrong-password' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('NEO4J_AUTH');
    expect((err as UserError).message).toMatch(/NEO4J_PASSWORD/);
  });

  it('turns an unreachable server into a UserError', async () => {
    const err = await identifyServer({ ...conn, uri: 'bolt://127.0.0.1:1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('NEO4J_UNREACHABLE');
  });
});
