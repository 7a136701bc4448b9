/**
 * Vitest global setup: one real Neo4j for the whole run. Uses NEO4J_URI when set; otherwise starts the
 * project's own server on a test port with a test data dir (never the user's dev data), and stops it
 * cleanly afterwards if this run started it.
 */
import type { TestProject } from 'vitest/node';
import { loadConfig, type Neo4jConnection } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startLocal, stopLocal } from '../src/neo4j-local/server.js';
import { testNeo4jOverrides } from './neo4j-test-config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jConnection;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig(testNeo4jOverrides());
  const log = createLogger('warn');
  let startedHere = false;
  if (config.managedNeo4j) {
    const { alreadyRunning } = await startLocal(config, log);
    startedHere = !alreadyRunning;
  }
  project.provide('neo4j', config.neo4j);
  return async () => {
    if (startedHere) await stopLocal(config, log);
  };
}
