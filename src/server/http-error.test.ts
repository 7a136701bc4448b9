import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { CypherRefusedError } from './cypher-guard.js';
import { HttpError, toHttpError } from './http-error.js';

describe('toHttpError', () => {
  it.each([
    [new HttpError(404, 'NODE_NOT_FOUND', 'no node'), 404, 'NODE_NOT_FOUND'],
    [new CypherRefusedError('write-clause', 'CREATE is not allowed'), 403, 'CYPHER_REFUSED'],
    [new UserError('CYPHER_TIMEOUT', 'too slow'), 408, 'CYPHER_TIMEOUT'],
    [new UserError('NEO4J_UNAVAILABLE', 'down'), 503, 'NEO4J_UNAVAILABLE'],
    [new UserError('SOMETHING_ELSE', 'bad input'), 400, 'SOMETHING_ELSE'],
    [Object.assign(new Error('Unexpected token'), { type: 'entity.parse.failed', status: 400 }), 400, 'MALFORMED_JSON'],
    [Object.assign(new Error('too large'), { type: 'entity.too.large', status: 413 }), 413, 'PAYLOAD_TOO_LARGE'],
    [Object.assign(new URIError('URI malformed'), { status: 400 }), 400, 'BAD_REQUEST'],
  ])('%s -> %i %s', (err, status, code) => {
    const mapped = toHttpError(err);
    expect(mapped.status).toBe(status);
    expect(mapped.body.error.code).toBe(code);
  });

  it('hides the details of unexpected errors', () => {
    const mapped = toHttpError(new TypeError('Cannot read properties of undefined (reading "secret")'));
    expect(mapped).toEqual({ status: 500, body: { error: { code: 'INTERNAL', message: 'internal error' } }, internal: true });
  });
});
