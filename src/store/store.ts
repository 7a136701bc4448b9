/** Opening the store for a command: connect, check credentials, run, always close; errors as UserErrors. */
import type { Driver } from 'neo4j-driver';
import type { Neo4jConnection } from '../config.js';
import { openDriver } from './connection.js';
import { toStoreError } from './neo4j-errors.js';

export async function withStore<T>(conn: Neo4jConnection, run: (driver: Driver) => Promise<T>): Promise<T> {
  const driver = openDriver(conn);
  try {
    // Fails fast, with the one-line message, when the server is down or the password is wrong.
    await driver.getServerInfo({ database: conn.database });
    return await run(driver);
  } catch (err) {
    throw toStoreError(err, conn);
  } finally {
    await driver.close();
  }
}
