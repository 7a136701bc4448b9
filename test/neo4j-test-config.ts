import { join } from 'node:path';
import { PROJECT_ROOT, type ConfigOverrides } from '../src/config.js';

/**
 * The test server's own data dir and port, so tests never touch the development database.
 * SPEAKERGRAPH_TEST_BOLT_PORT moves it (and its data dir), e.g. to run a second test run beside this one.
 */
export function testNeo4jOverrides(): ConfigOverrides {
  const port = Number(process.env.SPEAKERGRAPH_TEST_BOLT_PORT ?? 17687);
  // A moved port gets its own store too: two servers cannot share one data dir (Neo4j locks it).
  const dataDir = port === 17687 ? 'test' : `test-${port}`;
  return { dataDir: join(PROJECT_ROOT, '.neo4j', dataDir), boltPort: port, logLevel: 'warn' };
}
