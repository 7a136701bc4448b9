/**
 * The one place configuration comes from: environment variables, overridden by CLI flags, validated with
 * zod and handed down as a typed object. Nothing else in the code reads process.env.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { UserError } from './errors.js';

/** Root of the installed package (works from src/ under tsx and from dist/ once built). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const port = z.coerce.number().int().min(1).max(65535);
const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
const memorySize = z.string().regex(/^\d+[kmgKMG]?$/, 'a size such as 512m or 2g');
/** Default memory for cached API answers (SPEAKERGRAPH_API_CACHE_MB). */
export const DEFAULT_API_CACHE_MEGABYTES = 64;
/**
 * Default bound on the in-memory neighbour snapshot (SPEAKERGRAPH_API_NEIGHBOUR_INDEX_ROWS), in nodes plus
 * relationships: the 2,225-article BBC graph is 77k rows and 66-78 MB of heap (about 1 kB a row), and a
 * rebuild holds the old snapshot beside the new one, so 500k rows can take 1 GB while it runs.
 */
export const DEFAULT_NEIGHBOUR_INDEX_ROWS = 500_000;

const envSchema = z.object({
  NEO4J_URI: z.string().url().optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z.string().min(1).optional(),
  SPEAKERGRAPH_DATA_DIR: z.string().min(1).optional(),
  SPEAKERGRAPH_CACHE_DIR: z.string().min(1).optional(),
  XDG_CACHE_HOME: z.string().min(1).optional(),
  SPEAKERGRAPH_NEO4J_VERSION: z
    .string()
    .regex(/^5\.\d+\.\d+$/, 'a Neo4j 5.x version such as 5.26.20')
    .default('5.26.20'),
  SPEAKERGRAPH_BOLT_PORT: port.default(7687),
  // A write burst (an ingest) fills the young generation fast: measured on the BBC graph write, 1g gave
  // 26-32 young collections and 2.4-3.6 s of GC per full write, 3g 13 and 1.3 s. It is a cap, not a reservation.
  SPEAKERGRAPH_NEO4J_HEAP: memorySize.default('3g'),
  SPEAKERGRAPH_NEO4J_PAGECACHE: memorySize.default('512m'),
  SPEAKERGRAPH_NEO4J_START_TIMEOUT: z.coerce.number().int().positive().default(180),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  SPEAKERGRAPH_CYPHER_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  SPEAKERGRAPH_CYPHER_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(1_000),
  SPEAKERGRAPH_CYPHER_MAX_LENGTH: z.coerce.number().int().min(100).max(1_000_000).default(10_000),
  SPEAKERGRAPH_RATE_LIMIT_CYPHER: z.coerce.number().int().min(0).default(60),
  SPEAKERGRAPH_RATE_LIMIT_SEARCH: z.coerce.number().int().min(0).default(600),
  SPEAKERGRAPH_API_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(DEFAULT_API_CACHE_MEGABYTES),
  SPEAKERGRAPH_API_NEIGHBOUR_INDEX_ROWS: z.coerce.number().int().min(0).max(100_000_000).default(DEFAULT_NEIGHBOUR_INDEX_ROWS),
  LOG_LEVEL: logLevel.default('info'),
});

/** Flags a command may pass to override the environment. */
export interface ConfigOverrides {
  dataDir?: string;
  boltPort?: number;
  host?: string;
  port?: number;
  logLevel?: string;
}

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
}

export interface LocalNeo4jConfig {
  /** Neo4j version fetched from the Maven registry. */
  version: string;
  /** Where the downloaded jars and the compiled launcher are cached (outside the repository). */
  cacheDir: string;
  /** Store files, logs, pid and generated password of the project's own server. */
  homeDir: string;
  host: '127.0.0.1';
  boltPort: number;
  heap: string;
  pageCache: string;
  startTimeoutSeconds: number;
}

/** The web server and its API (src/server). */
export interface ServerConfig {
  host: string;
  port: number;
  /** Transaction timeout of a user's /api/cypher query. */
  cypherTimeoutMs: number;
  /** Rows returned by /api/cypher before the result is cut and flagged truncated. */
  cypherMaxRows: number;
  /** Longest accepted /api/cypher query, in UTF-16 code units. */
  cypherMaxLength: number;
  /** Requests per minute per client address on /api/cypher and /api/search; 0 turns the limit off. */
  rateLimitCypherPerMinute: number;
  rateLimitSearchPerMinute: number;
  /** Memory for cached API answers (valid until the graph changes); 0 turns the cache off. */
  apiCacheMegabytes: number;
  /**
   * Most nodes+relationships held in the in-memory neighbour snapshot that answers neighbour expansion
   * without a Neo4j query (rebuilt in the background for each new graph version); 0 turns it off.
   */
  apiNeighbourIndexRows: number;
}

export interface AppConfig {
  /** True when the project runs its own local Neo4j; false when NEO4J_URI points elsewhere. */
  managedNeo4j: boolean;
  neo4j: Neo4jConnection;
  local: LocalNeo4jConfig;
  server: ServerConfig;
  logLevel: z.infer<typeof logLevel>;
  projectRoot: string;
}

/** `path: message; path: message` — zod's issues as one line for a UserError. */
export function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
}

/** The managed server's password: NEO4J_PASSWORD if given, else one generated once and kept in the data dir. */
function localPassword(homeDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = join(homeDir, 'password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(homeDir, { recursive: true });
  const generated = randomBytes(18).toString('base64url');
  writeFileSync(file, `${generated}\n`, { mode: 0o600 });
  return generated;
}

export function loadConfig(overrides: ConfigOverrides = {}, env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new UserError('CONFIG_INVALID', `invalid configuration: ${formatIssues(parsed.error)}`);
  }
  const e = parsed.data;
  const flags = z
    .object({
      dataDir: z.string().min(1).optional(),
      boltPort: port.optional(),
      host: z.string().min(1).optional(),
      port: port.optional(),
      logLevel: logLevel.optional(),
    })
    .safeParse(overrides);
  if (!flags.success) throw new UserError('CONFIG_INVALID', `invalid option: ${formatIssues(flags.error)}`);
  const f = flags.data;

  const cacheDir = resolve(
    e.SPEAKERGRAPH_CACHE_DIR ?? join(e.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'speakergraph'),
  );
  const homeDir = resolve(f.dataDir ?? e.SPEAKERGRAPH_DATA_DIR ?? join(PROJECT_ROOT, '.neo4j', 'local'));
  const boltPort = f.boltPort ?? e.SPEAKERGRAPH_BOLT_PORT;
  const managedNeo4j = e.NEO4J_URI === undefined;
  if (!managedNeo4j && !e.NEO4J_PASSWORD) {
    throw new UserError('CONFIG_INVALID', 'NEO4J_URI is set but NEO4J_PASSWORD is not');
  }

  return {
    managedNeo4j,
    neo4j: {
      uri: e.NEO4J_URI ?? `bolt://127.0.0.1:${boltPort}`,
      user: managedNeo4j ? 'neo4j' : e.NEO4J_USER,
      password: managedNeo4j ? localPassword(homeDir, e.NEO4J_PASSWORD) : (e.NEO4J_PASSWORD as string),
      database: e.NEO4J_DATABASE,
    },
    local: {
      version: e.SPEAKERGRAPH_NEO4J_VERSION,
      cacheDir,
      homeDir,
      host: '127.0.0.1',
      boltPort,
      heap: e.SPEAKERGRAPH_NEO4J_HEAP,
      pageCache: e.SPEAKERGRAPH_NEO4J_PAGECACHE,
      startTimeoutSeconds: e.SPEAKERGRAPH_NEO4J_START_TIMEOUT,
    },
    server: {
      host: f.host ?? e.HOST,
      port: f.port ?? e.PORT,
      cypherTimeoutMs: e.SPEAKERGRAPH_CYPHER_TIMEOUT_MS,
      cypherMaxRows: e.SPEAKERGRAPH_CYPHER_MAX_ROWS,
      cypherMaxLength: e.SPEAKERGRAPH_CYPHER_MAX_LENGTH,
      rateLimitCypherPerMinute: e.SPEAKERGRAPH_RATE_LIMIT_CYPHER,
      rateLimitSearchPerMinute: e.SPEAKERGRAPH_RATE_LIMIT_SEARCH,
      apiCacheMegabytes: e.SPEAKERGRAPH_API_CACHE_MB,
      apiNeighbourIndexRows: e.SPEAKERGRAPH_API_NEIGHBOUR_INDEX_ROWS,
    },
    logLevel: f.logLevel ?? e.LOG_LEVEL,
    projectRoot: PROJECT_ROOT,
  };
}
