/**
 * The Express application: JSON API under /api and the built viewer everywhere else. createApp only
 * builds it (nothing listens), so tests and benchmarks mount it on their own ephemeral port.
 *
 * Order: request log, security headers, compression, API routes (each with its own validation, limits
 * and body parser), API 404, viewer, and last the error handler that turns anything thrown into
 * `{error: {code, message}}` without a stack.
 */
import { join } from 'node:path';
import express, { type ErrorRequestHandler, type Express } from 'express';
import compression from 'compression';
import type { Driver } from 'neo4j-driver';
import { pinoHttp } from 'pino-http';
import { DEFAULT_API_CACHE_MEGABYTES, DEFAULT_NEIGHBOUR_INDEX_ROWS, type ServerConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { createGraphReads, type GraphReads } from '../store/graph-reads.js';
import { HttpError, toHttpError } from './http-error.js';
import { buildOpenApiDocument } from './openapi.js';
import { cypherRouter } from './routes/cypher.js';
import { exportRouter } from './routes/export.js';
import { graphRouter } from './routes/graph.js';
import { savedQueriesRouter } from './routes/queries.js';
import { ResponseCache, VersionProbe } from './response-cache.js';
import { perMinuteLimit, securityHeaders } from './security.js';
import { viewerRouter } from './viewer.js';

export const API_VERSION = '0.1.0';

export interface AppDeps {
  driver: Driver;
  database?: string;
  config: Pick<
    ServerConfig,
    | 'cypherTimeoutMs'
    | 'cypherMaxRows'
    | 'cypherMaxLength'
    | 'rateLimitCypherPerMinute'
    | 'rateLimitSearchPerMinute'
  > &
    Partial<Pick<ServerConfig, 'apiCacheMegabytes' | 'apiNeighbourIndexRows'>>;
  log: Logger;
  /** The built viewer; default <projectRoot>/web/dist. */
  webDist?: string;
  projectRoot: string;
}

export function createApp(deps: AppDeps): Express {
  const { config, log } = deps;
  const reads: GraphReads = createGraphReads(deps.driver, {
    database: deps.database,
    cypher: { timeoutMs: config.cypherTimeoutMs, maxRows: config.cypherMaxRows },
    neighbourIndexRows: config.apiNeighbourIndexRows ?? DEFAULT_NEIGHBOUR_INDEX_ROWS,
  });
  // Answers of the pure reads, kept while the graph version (last committed transaction) is unchanged.
  const cache = new ResponseCache((config.apiCacheMegabytes ?? DEFAULT_API_CACHE_MEGABYTES) * 1024 * 1024);
  const versions = new VersionProbe(() => reads.version());
  const app = express();
  app.disable('x-powered-by');
  // Weak: compression changes the bytes but not the validator, which a strong ETag would promise.
  app.set('etag', 'weak');
  // Repeated parameters become arrays, nothing nests: `?a[b]=c` stays a literal key.
  app.set('query parser', 'simple');

  app.use(
    pinoHttp({
      logger: log,
      // Query strings may carry search text; the path and status are what operations need.
      serializers: {
        req: (req: { method: string; url: string; id: unknown }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    }),
  );
  app.use(securityHeaders());
  app.use(compression());

  const api = express.Router();
  api.use((_req, res, next) => {
    // API answers revalidate with their ETag: cheap 304s, never stale data after an ingest.
    res.setHeader('Cache-Control', 'no-cache');
    next();
  });
  const openapi = buildOpenApiDocument(API_VERSION);
  api.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  for (const [path, limiter] of [
    ['/search', perMinuteLimit(config.rateLimitSearchPerMinute, 'search')],
    ['/cypher', perMinuteLimit(config.rateLimitCypherPerMinute, 'Cypher')],
    // An export can run a user's query too: same budget as /api/cypher, counted separately.
    ['/export', perMinuteLimit(config.rateLimitCypherPerMinute, 'export')],
  ] as const) {
    if (limiter) api.use(path, limiter);
  }
  api.use(graphRouter(reads, cache, versions));
  api.use(cypherRouter(reads, { maxQueryLength: config.cypherMaxLength }));
  api.use(savedQueriesRouter());
  api.use(
    exportRouter({
      driver: deps.driver,
      database: deps.database,
      cypherTimeoutMs: config.cypherTimeoutMs,
      cypherMaxLength: config.cypherMaxLength,
    }),
  );
  api.use(() => {
    throw new HttpError(404, 'NOT_FOUND', 'no such API endpoint');
  });
  app.use('/api', api);

  app.use(viewerRouter(deps.webDist ?? join(deps.projectRoot, 'web', 'dist')));
  app.use(() => {
    throw new HttpError(404, 'NOT_FOUND', 'not found');
  });

  const onError: ErrorRequestHandler = (err, req, res, next) => {
    const { status, body, internal } = toHttpError(err);
    if (internal) req.log.error({ err }, 'request failed');
    if (res.headersSent) {
      next(err);
      return;
    }
    res.status(status).set('Cache-Control', 'no-store').json(body);
  };
  app.use(onError);
  return app;
}
