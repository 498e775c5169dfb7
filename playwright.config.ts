import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// Workers re-read this file; the env var keeps one fresh data dir (a fresh embedded database) per run.
process.env.COFLEX_E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), "coflex-e2e-"));
const port = Number(process.env.COFLEX_E2E_PORT ?? 3107);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.COFLEX_CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
    viewport: { width: 1280, height: 720 },
    trace: "retain-on-failure",
  },
  webServer: {
    // The production build, started the way `npm start` starts it, on a fresh embedded database.
    // A class of 100 coders and a small cohort with no history are written into the fresh database first (tests/e2e/seedWorlds.ts), then the server starts.
    command: "node node_modules/tsx/dist/cli.mjs tests/e2e/seedWorlds.ts && node node_modules/tsx/dist/cli.mjs server/index.ts",
    url: `http://127.0.0.1:${port}/signin`,
    reuseExistingServer: false,
    // The class of 100 is seeded first (~20–60 s on a busy 2-core machine).
    timeout: 300_000,
    stdout: "pipe",
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      COFLEX_DATA_DIR: process.env.COFLEX_E2E_DATA_DIR,
      DATABASE_URL: "",
      COFLEX_LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
