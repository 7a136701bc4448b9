/** The graph read endpoints: health, stats, search, a node, its neighbours, the overview, quotes. */
import { Router } from 'express';
import type { GraphReads } from '../../store/graph-reads.js';
import { HttpError } from '../http-error.js';
import { cachedJson, jsonBody, type ResponseCache, type VersionProbe } from '../response-cache.js';
import {
  neighboursQuery,
  nodeParams,
  overviewQuery,
  parseRequest,
  quotesQuery,
  searchQuery,
} from '../schemas.js';

/** The pure reads (but search) are answered from the response cache while the graph version is unchanged. */
export function graphRouter(reads: GraphReads, cache: ResponseCache, versions: VersionProbe): Router {
  const router = Router();
  const cached = (compute: Parameters<typeof cachedJson>[2], versioned = false) =>
    cachedJson(cache, versions, compute, versioned);

  router.get('/health', async (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok', ...(await reads.health()) });
  });

  router.get('/stats', async (_req, res) => {
    res.json(await reads.stats());
  });

  // Not cached: the full-text index catches up with a commit later, without a commit of its own, so
  // an answer cached under the new graph version could miss what that commit added.
  router.get('/search', async (req, res) => {
    const { q, types, limit } = parseRequest(searchQuery, req.query, 'search parameters');
    res.json({ query: q, hits: await reads.search(q, { types, limit }) });
  });

  router.get(
    '/nodes/:id',
    cached((req) => {
      const { id } = parseRequest(nodeParams, req.params, 'node id');
      return async () => {
        const node = await reads.node(id);
        if (!node) throw new HttpError(404, 'NODE_NOT_FOUND', 'no node with that id');
        return node;
      };
    }),
  );

  router.get(
    '/nodes/:id/neighbors',
    cached((req, res) => {
      const { id } = parseRequest(nodeParams, req.params, 'node id');
      const options = parseRequest(neighboursQuery, req.query, 'neighbour parameters');
      return async (version) => {
        const found = await reads.neighbours(id, { ...options, version });
        if (!found) throw new HttpError(404, 'NODE_NOT_FOUND', 'no node with that id');
        res.set('X-Neighbours', found.source);
        return found.json ? jsonBody(found.json()) : found.graph;
      };
    }, reads.neighbourIndex().state !== 'off'),
  );

  router.get(
    '/graph',
    cached((req) => {
      const options = parseRequest(overviewQuery, req.query, 'graph parameters');
      return () => reads.overview(options);
    }),
  );

  router.get(
    '/quotes',
    cached((req) => {
      const filter = parseRequest(quotesQuery, req.query, 'quote filters');
      return () => reads.quotes(filter);
    }),
  );

  return router;
}
