import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The same "@/" alias as tsconfig paths, so route modules can be imported by tests.
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    // Skipped or focused tests prove nothing: CI fails on them (see .ci/run), and here `only` is an error.
    allowOnly: false,
    passWithNoTests: false,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // Projects with different worker limits must run in separate groups.
          sequence: { groupOrder: 0 },
          include: ["lib/**/*.test.ts", "server/**/*.test.ts", "components/**/*.test.ts", "tests/support/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          sequence: { groupOrder: 1 },
          include: ["tests/integration/**/*.test.ts"],
          // Multi-node fan-out needs a Redis; CI sets REDIS_URL, a fresh machine has none.
          // Cross-process cluster tests also need a shared PostgreSQL (an embedded database is one process's).
          exclude: [
            ...(process.env.REDIS_URL ? [] : ["tests/integration/redis*.test.ts"]),
            ...(process.env.REDIS_URL && process.env.DATABASE_URL ? [] : ["tests/integration/cluster*.test.ts"]),
          ],
          environment: "node",
          pool: "forks",
          // Each file opens its own database (PGlite costs ~0.8 GB RSS); two at a time keeps 2 cores busy.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      // The two-node tier (tests/cluster): two full server processes behind HAProxy on PostgreSQL and Redis.
      // Defined only when asked for (.ci/run sets COFLEX_CLUSTER_TIER=1 and runs it with --project=cluster),
      // so `npm test` on a fresh machine stays the embedded suite; once asked for, a missing HAProxy,
      // PostgreSQL or Redis fails it.
      ...(process.env.COFLEX_CLUSTER_TIER === "1"
        ? [
            {
              extends: true as const,
              test: {
                name: "cluster",
                sequence: { groupOrder: 2 },
                include: ["tests/cluster/**/*.test.ts"],
                environment: "node",
                pool: "forks" as const,
                // One cluster at a time: two Next processes and a balancer per file.
                maxWorkers: 1,
                testTimeout: 90_000,
                hookTimeout: 300_000,
              },
            },
          ]
        : []),
    ],
  },
});
