/**
 * Opening and checking Bolt connections. src/store is the only code that talks to Neo4j; everything
 * else asks it. Driver errors are turned into typed errors with a one-line message a user can act on.
 */
import neo4j, { type Driver, Neo4jError } from 'neo4j-driver';
import type { Neo4jConnection } from '../config.js';
import { UserError, errorMessage } from '../errors.js';

export function openDriver(conn: Neo4jConnection): Driver {
  return neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 30_000,
    maxConnectionPoolSize: 64,
    // Counts and offsets fit in a JS number; plain numbers keep the rest of the code simple.
    disableLosslessIntegers: true,
    logging: { level: 'error', logger: () => undefined },
  });
}

export interface ServerIdentity {
  address: string;
  agent: string;
  edition: string;
  version: string;
}

/** Maps a driver failure to a UserError the CLI can print as one line. */
export function describeNeo4jError(err: unknown, conn: Neo4jConnection): UserError {
  if (err instanceof Neo4jError) {
    if (err.code === 'Neo.ClientError.Security.Unauthorized') {
      return new UserError(
        'NEO4J_AUTH',
        `Neo4j at ${conn.uri} rejected the credentials of user "${conn.user}" (check NEO4J_USER/NEO4J_PASSWORD)`,
        { uri: conn.uri },
        { cause: err },
      );
    }
    if (err.code === 'ServiceUnavailable' || err.code === 'SessionExpired') {
      return new UserError(
        'NEO4J_UNREACHABLE',
        `cannot reach Neo4j at ${conn.uri} (is it running? start it with "speakergraph db start")`,
        { uri: conn.uri },
        { cause: err },
      );
    }
    return new UserError('NEO4J_ERROR', `Neo4j error ${err.code}: ${err.message.split('\n')[0]}`, {
      uri: conn.uri,
    });
  }
  return new UserError('NEO4J_UNREACHABLE', `cannot reach Neo4j at ${conn.uri}: ${errorMessage(err)}`, {
    uri: conn.uri,
  });
}

/** Connects, authenticates and reports what answered. Throws a UserError when it cannot. */
export async function identifyServer(conn: Neo4jConnection): Promise<ServerIdentity> {
  const driver = openDriver(conn);
  try {
    const info = await driver.getServerInfo();
    const { records } = await driver.executeQuery(
      'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
      {},
      { routing: neo4j.routing.READ, database: conn.database },
    );
    const row = records[0];
    return {
      address: info.address ?? conn.uri,
      agent: info.agent ?? 'unknown',
      edition: String(row?.get('edition') ?? 'unknown'),
      version: String(row?.get('version') ?? 'unknown'),
    };
  } catch (err) {
    throw describeNeo4jError(err, conn);
  } finally {
    await driver.close();
  }
}
