import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { UserError } from './errors.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'sg-config-'));

describe('loadConfig', () => {
  it('defaults to a managed local Neo4j on 127.0.0.1 with a generated, persisted password', () => {
    const dataDir = tempDir();
    const config = loadConfig({ dataDir }, {});
    expect(config.managedNeo4j).toBe(true);
    expect(config.neo4j.uri).toBe('bolt://127.0.0.1:7687');
    expect(config.neo4j.user).toBe('neo4j');
    expect(config.neo4j.password.length).toBeGreaterThanOrEqual(20);
    expect(config.server).toMatchObject({ host: '127.0.0.1', port: 3000 });
    const file = join(dataDir, 'password');
    expect(readFileSync(file, 'utf8').trim()).toBe(config.neo4j.password);
    expect(statSync(file).mode & 0o077).toBe(0);
    // Same data dir, same password on the next run.
    expect(loadConfig({ dataDir }, {}).neo4j.password).toBe(config.neo4j.password);
  });

  it('uses NEO4J_URI and its credentials, and manages nothing, when set', () => {
    const config = loadConfig(
      {},
      { NEO4J_URI: 'neo4j://db.example:7687', NEO4J_USER: 'reader', NEO4J_PASSWORD: 'pw-from-env' },
    );
    expect(config.managedNeo4j).toBe(false);
    expect(config.neo4j).toMatchObject({ uri: 'neo4j://db.example:7687', user: 'reader', password: 'pw-from-env' });
  });

  it('refuses NEO4J_URI without a password', () => {
    expect(() => loadConfig({}, { NEO4J_URI: 'bolt://127.0.0.1:7687' })).toThrow(/NEO4J_PASSWORD/);
  });

  it('lets flags override the environment', () => {
    const config = loadConfig(
      { dataDir: tempDir(), boltPort: 17001, port: 4000, host: '0.0.0.0' },
      { SPEAKERGRAPH_BOLT_PORT: '9999', PORT: '5000' },
    );
    expect(config.neo4j.uri).toBe('bolt://127.0.0.1:17001');
    expect(config.server).toMatchObject({ host: '0.0.0.0', port: 4000 });
  });

  it('rejects invalid values with a UserError naming the variable', () => {
    const attempt = () => loadConfig({ dataDir: tempDir() }, { SPEAKERGRAPH_BOLT_PORT: 'seventy' });
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(/SPEAKERGRAPH_BOLT_PORT/);
    expect(() => loadConfig({ dataDir: tempDir() }, { LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ dataDir: tempDir(), port: 70000 }, {})).toThrow(/port/);
  });
});
