import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure code, runs in parallel) and `db` (anything touching the real Neo4j or a
 * real browser: *.db.test.ts and *.e2e.test.ts), which shares one database and so runs file by file.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'web/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/*.e2e.test.ts', 'node_modules/**', 'dist/**'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts', 'scripts/**/*.db.test.ts', 'web/**/*.e2e.test.ts', 'test/**/*.e2e.test.ts'],
          globalSetup: ['test/neo4j-global-setup.ts'],
          // One fork runs the files one after another: they share one database.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
