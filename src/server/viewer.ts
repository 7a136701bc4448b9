/**
 * Serving the built viewer (web/dist): hashed assets cached for a year, index.html always revalidated
 * (ETag), and any other non-API GET that wants HTML answered with index.html so client-side routes work.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import { HttpError } from './http-error.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export function viewerRouter(distDir: string): Router {
  const router = express.Router();
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) {
    router.get('/', () => {
      throw new HttpError(404, 'VIEWER_NOT_BUILT', 'the viewer is not built (build web/ with Vite first)');
    });
    return router;
  }
  router.use(
    express.static(distDir, {
      etag: true,
      index: false,
      dotfiles: 'ignore',
      setHeaders(res, path) {
        // Vite puts content-hashed files under assets/: their URL changes when they do.
        res.setHeader('Cache-Control', path.includes(`${join(distDir, 'assets')}`) ? IMMUTABLE : 'no-cache');
      },
    }),
  );
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api/') || !req.accepts('html')) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, { etag: true, lastModified: true }, (err) => {
      if (err) next(err);
    });
  });
  return router;
}
