/** GET /api/queries: the saved queries of graph/queries/ (title, description, parameters, Cypher). */
import { Router } from 'express';
import { listSavedQueries } from '../../store/saved-queries.js';

export function savedQueriesRouter(): Router {
  const router = Router();
  router.get('/queries', (_req, res) => {
    const queries = listSavedQueries().map(({ name, title, description, params, cypher }) => ({
      name,
      title,
      description,
      params,
      cypher,
    }));
    res.json({ queries });
  });
  return router;
}
