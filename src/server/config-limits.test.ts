import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { UserError } from '../errors.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'speakergraph-cfg-'));

describe('API limits in the configuration', () => {
  it('default to a 5 s Cypher timeout, 1000 rows, 10000 characters, 60 and 600 requests a minute, a 64 MB answer cache, a 500k-row neighbour snapshot', () => {
    expect(loadConfig({ dataDir: dataDir() }, {}).server).toEqual({
      host: '127.0.0.1',
      port: 3000,
      cypherTimeoutMs: 5_000,
      cypherMaxRows: 1_000,
      cypherMaxLength: 10_000,
      rateLimitCypherPerMinute: 60,
      rateLimitSearchPerMinute: 600,
      apiCacheMegabytes: 64,
      apiNeighbourIndexRows: 500_000,
    });
  });

  it('come from the environment, 0 turning a rate limit off', () => {
    const server = loadConfig(
      { dataDir: dataDir() },
      {
        SPEAKERGRAPH_CYPHER_TIMEOUT_MS: '2500',
        SPEAKERGRAPH_CYPHER_MAX_ROWS: '50',
        SPEAKERGRAPH_CYPHER_MAX_LENGTH: '2000',
        SPEAKERGRAPH_RATE_LIMIT_CYPHER: '0',
        SPEAKERGRAPH_RATE_LIMIT_SEARCH: '10',
        SPEAKERGRAPH_API_CACHE_MB: '0',
        SPEAKERGRAPH_API_NEIGHBOUR_INDEX_ROWS: '0',
      },
    ).server;
    expect(server).toMatchObject({
      cypherTimeoutMs: 2_500,
      cypherMaxRows: 50,
      cypherMaxLength: 2_000,
      rateLimitCypherPerMinute: 0,
      rateLimitSearchPerMinute: 10,
      apiCacheMegabytes: 0,
      apiNeighbourIndexRows: 0,
    });
  });

  it.each([
    ['SPEAKERGRAPH_CYPHER_TIMEOUT_MS', '0'],
    ['SPEAKERGRAPH_CYPHER_MAX_ROWS', 'lots'],
    ['SPEAKERGRAPH_RATE_LIMIT_SEARCH', '-1'],
    ['SPEAKERGRAPH_API_CACHE_MB', '-5'],
    ['SPEAKERGRAPH_API_NEIGHBOUR_INDEX_ROWS', 'many'],
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ dataDir: dataDir() }, { [name]: value })).toThrow(UserError);
    expect(() => loadConfig({ dataDir: dataDir() }, { [name]: value })).toThrow(name);
  });
});
