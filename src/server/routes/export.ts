/**
 * GET /api/export: the export issue's endpoint (src/export) plugs in here; app.ts mounts this router
 * under /api. Until the exporters land it answers 501 so clients can tell "not yet" from "not found".
 */
import { Router } from 'express';
import type { Driver } from 'neo4j-driver';
import { HttpError } from '../http-error.js';

export interface ExportDeps {
  driver: Driver;
  database?: string;
}

export function exportRouter(_deps: ExportDeps): Router {
  const router = Router();
  router.get('/export', () => {
    throw new HttpError(501, 'NOT_IMPLEMENTED', 'export is not available yet');
  });
  return router;
}
