/**
 * Lifecycle of the project's own Neo4j: start (detached JVM, waits until Bolt answers with our
 * credentials), stop (SIGTERM, which runs Neo4j's own clean shutdown; never SIGKILL), status.
 * State lives in the data dir: neo4j.pid, neo4j.out (launcher output) and Neo4j's logs/.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppConfig } from '../config.js';
import { InternalError, UserError } from '../errors.js';
import type { Logger } from '../logger.js';
import { identifyServer, type ServerIdentity } from '../store/connection.js';
import { ensureInstalled } from './install.js';

const LAUNCHER_CLASS = 'speakergraph.Launcher';

export type LocalState = 'running' | 'stopped' | 'unresponsive';

export interface LocalStatus {
  state: LocalState;
  pid?: number;
  uri: string;
  homeDir: string;
  server?: ServerIdentity;
}

const pidFile = (homeDir: string) => join(homeDir, 'neo4j.pid');
const outFile = (homeDir: string) => join(homeDir, 'neo4j.out');

/** The pid of our launcher for this data dir, if it is alive (guards against a reused pid). */
export function runningPid(homeDir: string): number | undefined {
  const file = pidFile(homeDir);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(LAUNCHER_CLASS) && cmdline.includes(homeDir) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

async function portFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

function tail(file: string, lines = 15): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

export async function localStatus(config: AppConfig): Promise<LocalStatus> {
  const { homeDir } = config.local;
  const pid = runningPid(homeDir);
  const base = { uri: config.neo4j.uri, homeDir };
  if (pid === undefined) return { state: 'stopped', ...base };
  try {
    return { state: 'running', pid, server: await identifyServer(config.neo4j), ...base };
  } catch {
    return { state: 'unresponsive', pid, ...base };
  }
}

/**
 * Serialises concurrent starts on one data dir (two terminals, two test runs): the second waits for the
 * first and then finds the server running. A lock left by a dead process is taken over.
 */
async function withStartLock<T>(homeDir: string, timeoutSeconds: number, fn: () => Promise<T>): Promise<T> {
  mkdirSync(homeDir, { recursive: true });
  const lock = join(homeDir, 'start.lock');
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    try {
      writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch {
      const holder = Number(readFileSync(lock, 'utf8').trim() || 0);
      if (!holder || !processAlive(holder)) rmSync(lock, { force: true });
      else if (Date.now() > deadline) {
        throw new UserError('NEO4J_START_LOCKED', `another start (pid ${holder}) holds ${lock}`, { holder });
      } else await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Starts the local server and waits for Bolt. A second start while it runs is a no-op. */
export async function startLocal(
  config: AppConfig,
  log: Logger,
): Promise<{ alreadyRunning: boolean; status: LocalStatus }> {
  return withStartLock(config.local.homeDir, config.local.startTimeoutSeconds, () =>
    startUnlocked(config, log),
  );
}

async function startUnlocked(
  config: AppConfig,
  log: Logger,
): Promise<{ alreadyRunning: boolean; status: LocalStatus }> {
  const { local, neo4j } = config;
  const existing = runningPid(local.homeDir);
  if (existing !== undefined) {
    log.debug({ pid: existing }, 'Neo4j already running');
    const status = await waitForBolt(config, existing, log);
    return { alreadyRunning: true, status };
  }
  if (!(await portFree(local.host, local.boltPort))) {
    throw new UserError(
      'PORT_IN_USE',
      `port ${local.boltPort} on ${local.host} is already in use by another program; stop it or set SPEAKERGRAPH_BOLT_PORT`,
      { port: local.boltPort },
    );
  }
  const install = await ensureInstalled(local, config.projectRoot, log);
  mkdirSync(local.homeDir, { recursive: true });
  const out = openSync(outFile(local.homeDir), 'a');
  const child = spawn(
    'java',
    [
      `-Xmx${local.heap}`,
      '-XX:+UseG1GC',
      '-XX:+ExitOnOutOfMemoryError',
      '-Dfile.encoding=UTF-8',
      '-cp',
      install.classpath,
      LAUNCHER_CLASS,
      '--home',
      local.homeDir,
      '--host',
      local.host,
      '--port',
      String(local.boltPort),
      '--pagecache',
      local.pageCache,
    ],
    {
      detached: true,
      stdio: ['ignore', out, out],
      // The password travels in the environment, never on the command line where other users could read it.
      env: { ...process.env, SPEAKERGRAPH_NEO4J_PASSWORD: neo4j.password },
    },
  );
  closeSync(out);
  if (child.pid === undefined) throw new InternalError('NEO4J_SPAWN', 'could not start java');
  writeFileSync(pidFile(local.homeDir), `${child.pid}\n`);
  child.unref();
  log.info({ pid: child.pid, uri: neo4j.uri, home: local.homeDir }, 'starting Neo4j');
  const status = await waitForBolt(config, child.pid, log);
  return { alreadyRunning: false, status };
}

async function waitForBolt(config: AppConfig, pid: number, log: Logger): Promise<LocalStatus> {
  const deadline = Date.now() + config.local.startTimeoutSeconds * 1000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) {
      rmSync(pidFile(config.local.homeDir), { force: true });
      throw new UserError(
        'NEO4J_EXITED',
        `Neo4j exited during start; last output:\n${tail(outFile(config.local.homeDir))}`,
        { pid },
      );
    }
    try {
      const server = await identifyServer(config.neo4j);
      return { state: 'running', pid, uri: config.neo4j.uri, homeDir: config.local.homeDir, server };
    } catch (err) {
      lastError = err;
      await sleep(500);
    }
  }
  log.error({ err: lastError }, 'Neo4j did not answer in time');
  throw new UserError(
    'NEO4J_START_TIMEOUT',
    `Neo4j did not answer on ${config.neo4j.uri} within ${config.local.startTimeoutSeconds}s (see ${outFile(config.local.homeDir)})`,
    { pid },
  );
}

/** Sends SIGTERM and waits for Neo4j's clean shutdown. Stopping a stopped server is a no-op. */
export async function stopLocal(
  config: AppConfig,
  log: Logger,
  timeoutSeconds = 120,
): Promise<{ wasRunning: boolean }> {
  const { homeDir } = config.local;
  const pid = runningPid(homeDir);
  if (pid === undefined) {
    rmSync(pidFile(homeDir), { force: true });
    return { wasRunning: false };
  }
  log.info({ pid }, 'stopping Neo4j');
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutSeconds * 1000;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) {
      rmSync(pidFile(homeDir), { force: true });
      return { wasRunning: true };
    }
    await sleep(200);
  }
  throw new UserError(
    'NEO4J_STOP_TIMEOUT',
    `Neo4j (pid ${pid}) is still shutting down after ${timeoutSeconds}s; it was not killed, to protect the store`,
    { pid },
  );
}
