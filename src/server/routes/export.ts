/**
 * GET /api/export?format=&[query=&params= | node=&depth= | ids=]&types=&edgeTypes=  (and POST with the
 * same fields as a JSON body, for selections too long for a URL): the subgraph in the chosen format,
 * streamed as it is read from Neo4j, as an attachment with a descriptive file name.
 *
 * Everything that can be refused (validation, the Cypher guard, unknown types, a missing or ambiguous
 * node, the user's query failing) is refused before the first byte, as the API's usual JSON error. A
 * failure after that can only cut the download short: the connection is destroyed, so the client sees an
 * incomplete transfer rather than a truncated file that looks whole.
 */
import { json, Router, type Request, type Response } from 'express';
import type { Driver } from 'neo4j-driver';
import { UserError } from '../../errors.js';
import { FORMAT_INFO, writeExport } from '../../export/index.js';
import { exportFileName, parseExportRequest } from '../../export/selector.js';
import { openNeo4jExport } from '../../store/export-reads.js';
import { HttpError } from '../http-error.js';

export interface ExportDeps {
  driver: Driver;
  database?: string;
  /** Timeout of a `query` selector (default 30 s). */
  cypherTimeoutMs?: number;
  /** Longest accepted `query` (default: the guard's). */
  cypherMaxLength?: number;
}

export const EXPORT_BODY_LIMIT = '2mb';

function contentDisposition(fileName: string): string {
  // The name is ASCII by construction (exportFileName); filename* is there for clients that prefer it.
  return `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function exportRouter(deps: ExportDeps): Router {
  const router = Router();
  const handle = async (input: unknown, req: Request, res: Response): Promise<void> => {
    const request = parseExportRequest(input, { maxQueryLength: deps.cypherMaxLength });
    let source;
    try {
      source = await openNeo4jExport(deps.driver, request.selector, {
        database: deps.database,
        queryTimeoutMs: deps.cypherTimeoutMs ?? 30_000,
      });
    } catch (err) {
      if (err instanceof UserError && err.code === 'EXPORT_NODE_NOT_FOUND') throw new HttpError(404, err.code, err.message);
      throw err;
    }
    const info = FORMAT_INFO[request.format];
    res.status(200).set({
      'Content-Type': info.contentType,
      'Content-Disposition': contentDisposition(exportFileName(request, info.extension)),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    try {
      const stats = await writeExport(request.format, source, res);
      req.log.info({ format: request.format, ...stats }, 'export sent');
    } catch (err) {
      req.log.warn({ err }, 'export cut short');
      res.destroy();
    }
  };
  router.get('/export', (req, res) => handle(req.query, req, res));
  router.post(
    '/export',
    (req, _res, next) => {
      if (!req.is('application/json')) next(new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the selection as application/json'));
      else next();
    },
    json({ limit: EXPORT_BODY_LIMIT, strict: true }),
    (req, res) => {
      // JSON bodies may give lists as arrays and depth as a number; the schema takes strings like a URL.
      const body = (req.body ?? {}) as Record<string, unknown>;
      const input = Object.fromEntries(
        Object.entries(body).map(([k, v]) => [k, typeof v === 'number' ? String(v) : k === 'params' && typeof v === 'object' ? JSON.stringify(v) : v]),
      );
      return handle(input, req, res);
    },
  );
  return router;
}
