import { join } from 'node:path';
import { PROJECT_ROOT, type ConfigOverrides } from '../src/config.js';

/**
 * The test server's own data dir and port, so tests never touch the development database.
 * SPEAKERGRAPH_TEST_BOLT_PORT moves it, e.g. to run a second checkout's tests beside this one.
 */
export function testNeo4jOverrides(): ConfigOverrides {
  const port = Number(process.env.SPEAKERGRAPH_TEST_BOLT_PORT ?? 17687);
  return { dataDir: join(PROJECT_ROOT, '.neo4j', 'test'), boltPort: port, logLevel: 'warn' };
}
