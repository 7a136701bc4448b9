import { describe, expect, it } from 'vitest';
import { runCli } from '../test/run-cli.js';

describe('speakergraph CLI', () => {
  it('prints help for the program and each db subcommand with exit 0', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Usage: speakergraph/);
    expect(top.stdout).toMatch(/\bdb\b/);
    for (const sub of ['start', 'stop', 'status']) {
      const r = await runCli(['db', sub, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`speakergraph db ${sub}`);
    }
  });

  it('exits 1 with a one-line message on a usage error', async () => {
    const r = await runCli(['no-such-command']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown command 'no-such-command'/);
  });

  it('exits 1 with a one-line message on invalid configuration', async () => {
    const r = await runCli(['db', 'status'], { ...process.env, SPEAKERGRAPH_BOLT_PORT: 'not-a-port' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^speakergraph: invalid configuration: SPEAKERGRAPH_BOLT_PORT/);
  });

  it('exits 1 with a clear message when NEO4J_URI points at nothing', async () => {
    const r = await runCli(['db', 'status'], {
      ...process.env,
      NEO4J_URI: 'bolt://127.0.0.1:1',
      NEO4J_PASSWORD: 'whatever',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1/);
  });
});
