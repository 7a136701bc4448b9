/**
 * Browser-facing hardening: helmet with a strict Content-Security-Policy (scripts only from this origin,
 * no inline script or style blocks, no framing), and per-client rate limits for the expensive endpoints.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { HttpError } from './http-error.js';

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        // ForceAtlas2 runs in a worker that graphology builds from a Blob URL.
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Served over plain HTTP on loopback: HSTS would only confuse a later HTTPS deployment on the same host.
    strictTransportSecurity: false,
  });
}

/** `perMinute` requests per minute per client address; 0 means no limit (returns undefined). */
export function perMinuteLimit(perMinute: number, what: string): RequestHandler | undefined {
  if (perMinute <= 0) return undefined;
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => {
      next(new HttpError(429, 'RATE_LIMITED', `too many ${what} requests; at most ${perMinute} a minute`));
    },
  });
}
