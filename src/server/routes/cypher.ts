/**
 * POST /api/cypher {query, params}: one read-only statement. The guard refuses anything that looks like
 * a write or an admin call before it reaches Neo4j; the store then runs it in a READ transaction with a
 * timeout and a row cap, which is the real enforcement.
 */
import { json, Router } from 'express';
import type { GraphReads } from '../../store/graph-reads.js';
import { assertReadOnlyCypher } from '../cypher-guard.js';
import { HttpError } from '../http-error.js';
import { cypherBody, parseRequest } from '../schemas.js';

export const CYPHER_BODY_LIMIT = '64kb';

export function cypherRouter(reads: GraphReads, options: { maxQueryLength: number }): Router {
  const router = Router();
  router.post(
    '/cypher',
    (req, _res, next) => {
      if (!req.is('application/json')) {
        next(new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the query as application/json'));
      } else next();
    },
    json({ limit: CYPHER_BODY_LIMIT, strict: true }),
    async (req, res) => {
      const { query, params } = parseRequest(cypherBody, req.body, 'request body');
      const checked = assertReadOnlyCypher(query, { maxLength: options.maxQueryLength });
      res.set('Cache-Control', 'no-store').json(await reads.cypher(checked, params));
    },
  );
  return router;
}
