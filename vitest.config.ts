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
    ],
  },
});
