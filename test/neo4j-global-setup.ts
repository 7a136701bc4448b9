/**
 * Vitest global setup: one real Neo4j for the whole run. Uses NEO4J_URI when set; otherwise starts the
 * project's own server on a test port with a test data dir (never the user's dev data).
 *
 * Several vitest runs may share that server (e.g. two developers' runs in one checkout), so each run
 * registers itself in <dataDir>/users/<pid>; the last one out stops the server cleanly.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function otherLiveUsers(usersDir: string): number[] {
  return readdirSync(usersDir)
    .map(Number)
    .filter((pid) => pid !== process.pid)
    .filter((pid) => {
      if (alive(pid)) return true;
      rmSync(join(usersDir, String(pid)), { force: true });
      return false;
    });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig(testNeo4jOverrides());
  project.provide('neo4j', config.neo4j);
  if (!config.managedNeo4j) return async () => undefined;

  const log = createLogger('warn');
  const usersDir = join(config.local.homeDir, 'users');
  mkdirSync(usersDir, { recursive: true });
  writeFileSync(join(usersDir, String(process.pid)), '');
  await startLocal(config, log);
  return async () => {
    rmSync(join(usersDir, String(process.pid)), { force: true });
    if (otherLiveUsers(usersDir).length === 0) await stopLocal(config, log);
  };
}
