import { join } from 'node:path';
import { PROJECT_ROOT, type ConfigOverrides } from '../src/config.js';

/** The test server's own data dir and port, so tests never touch the development database. */
export function testNeo4jOverrides(): ConfigOverrides {
  return { dataDir: join(PROJECT_ROOT, '.neo4j', 'test'), boltPort: 17687, logLevel: 'warn' };
}
