/**
 * Obtains Neo4j Community from the Maven registry and compiles the launcher, once, into a cache
 * outside the repository. The registry serves the database engine and Bolt server as jars (not the
 * server tarball), so we resolve them with Maven and run them through scripts/neo4j-launcher.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LocalNeo4jConfig } from '../config.js';
import { InternalError, UserError } from '../errors.js';
import type { Logger } from '../logger.js';

const run = promisify(execFile);

export interface Neo4jInstallation {
  dir: string;
  classpath: string;
  version: string;
}

function launcherSources(projectRoot: string): { pom: string; launcher: string } {
  const base = join(projectRoot, 'scripts', 'neo4j-launcher');
  return { pom: join(base, 'pom.xml'), launcher: join(base, 'src/main/java/speakergraph/Launcher.java') };
}

/** The cache folder name changes when the version or the launcher changes, so a stale build is never reused. */
function installDir(local: LocalNeo4jConfig, projectRoot: string): string {
  const { pom, launcher } = launcherSources(projectRoot);
  const hash = createHash('sha256')
    .update(readFileSync(pom))
    .update(readFileSync(launcher))
    .digest('hex')
    .slice(0, 10);
  return join(local.cacheDir, `neo4j-${local.version}-${hash}`);
}

async function requireTool(cmd: string, args: string[], hint: string): Promise<string> {
  try {
    const { stdout, stderr } = await run(cmd, args);
    return `${stdout}${stderr}`;
  } catch {
    throw new UserError('TOOL_MISSING', `${cmd} was not found: ${hint}`, { cmd });
  }
}

export async function checkJava(): Promise<void> {
  const out = await requireTool(
    'java',
    ['-version'],
    'Java 17 or newer is needed (Debian: apt-get install openjdk-17-jre-headless)',
  );
  const major = Number(/version "(\d+)/.exec(out)?.[1] ?? 0);
  if (major < 17) throw new UserError('JAVA_TOO_OLD', `Neo4j 5 needs Java 17 or newer; found ${major}`);
}

function classpathOf(dir: string): string {
  return `${join(dir, 'classes')}:${join(dir, 'lib', '*')}`;
}

export function findInstallation(
  local: LocalNeo4jConfig,
  projectRoot: string,
): Neo4jInstallation | undefined {
  const dir = installDir(local, projectRoot);
  return existsSync(join(dir, 'COMPLETE'))
    ? { dir, classpath: classpathOf(dir), version: local.version }
    : undefined;
}

/** Idempotent: returns at once when the cache is complete; otherwise builds it in a temp dir and renames. */
export async function ensureInstalled(
  local: LocalNeo4jConfig,
  projectRoot: string,
  log: Logger,
): Promise<Neo4jInstallation> {
  const existing = findInstallation(local, projectRoot);
  if (existing) return existing;

  await checkJava();
  await requireTool('mvn', ['-v'], 'Maven is needed to fetch Neo4j (Debian: apt-get install maven)');
  await requireTool(
    'javac',
    ['-version'],
    'a JDK is needed to compile the launcher (apt-get install openjdk-17-jdk-headless)',
  );

  const dir = installDir(local, projectRoot);
  const tmp = `${dir}.partial-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const { pom, launcher } = launcherSources(projectRoot);
  const started = Date.now();
  log.info(
    { version: local.version, cache: local.cacheDir },
    'fetching Neo4j Community from the Maven registry',
  );
  try {
    await run(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        pom,
        `-Dneo4j.version=${local.version}`,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${join(tmp, 'lib')}`,
        '-DincludeScope=runtime',
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    await run('javac', ['-d', join(tmp, 'classes'), '-cp', join(tmp, 'lib', '*'), launcher]);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    const detail = err instanceof Error && 'stdout' in err ? String((err as { stdout: unknown }).stdout) : '';
    const firstError = detail.split('\n').find((l) => l.includes('ERROR')) ?? (err as Error).message;
    throw new InternalError(
      'NEO4J_FETCH_FAILED',
      `could not fetch Neo4j ${local.version}: ${firstError.trim()}`,
      {
        version: local.version,
      },
    );
  }
  writeFileSync(join(tmp, 'COMPLETE'), `${new Date().toISOString()}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  log.info({ seconds: (Date.now() - started) / 1000, dir }, 'Neo4j cached');
  return { dir, classpath: classpathOf(dir), version: local.version };
}
