/** The graph read endpoints: health, stats, search, a node, its neighbours, the overview, quotes. */
import { Router } from 'express';
import type { GraphReads } from '../../store/graph-reads.js';
import { HttpError } from '../http-error.js';
import { neighboursQuery, nodeParams, overviewQuery, parseRequest, quotesQuery, searchQuery } from '../schemas.js';

export function graphRouter(reads: GraphReads): Router {
  const router = Router();

  router.get('/health', async (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok', ...(await reads.health()) });
  });

  router.get('/stats', async (_req, res) => {
    res.json(await reads.stats());
  });

  router.get('/search', async (req, res) => {
    const { q, types, limit } = parseRequest(searchQuery, req.query, 'search parameters');
    res.json({ query: q, hits: await reads.search(q, { types, limit }) });
  });

  router.get('/nodes/:id', async (req, res) => {
    const { id } = parseRequest(nodeParams, req.params, 'node id');
    const node = await reads.node(id);
    if (!node) throw new HttpError(404, 'NODE_NOT_FOUND', 'no node with that id');
    res.json(node);
  });

  router.get('/nodes/:id/neighbors', async (req, res) => {
    const { id } = parseRequest(nodeParams, req.params, 'node id');
    const options = parseRequest(neighboursQuery, req.query, 'neighbour parameters');
    const graph = await reads.neighbours(id, options);
    if (!graph) throw new HttpError(404, 'NODE_NOT_FOUND', 'no node with that id');
    res.json(graph);
  });

  router.get('/graph', async (req, res) => {
    res.json(await reads.overview(parseRequest(overviewQuery, req.query, 'graph parameters')));
  });

  router.get('/quotes', async (req, res) => {
    const filter = parseRequest(quotesQuery, req.query, 'quote filters');
    res.json({ quotes: await reads.quotes(filter) });
  });

  return router;
}
