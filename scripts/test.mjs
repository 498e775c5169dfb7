#!/usr/bin/env node
// `npm test`: the whole suite. Vitest (unit + integration, on PGlite or on DATABASE_URL), then the
// Playwright tier against the production build when a Chromium is installed (COFLEX_REQUIRE_E2E=1, as in
// CI, makes a missing browser a failure). Prints one closing line "N passed, N failed" and fails on any
// skipped test: a skipped test proves nothing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const args = process.argv.slice(2);
const vitestOnly = args.includes("--vitest-only");
const projectArg = args.find((a) => a.startsWith("--project="));
const tmp = mkdtempSync(path.join(os.tmpdir(), "coflex-test-"));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const totals = { passed: 0, failed: 0, skipped: 0 };
let crashed = false;

function run(cmd, cmdArgs, extraEnv = {}) {
  const result = spawnSync(cmd, cmdArgs, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" });
  return result.status ?? 1;
}

const vitestJson = path.join(tmp, "vitest.json");
const vitestArgs = ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`];
if (projectArg) vitestArgs.push("--project", projectArg.split("=")[1]);
const vitestStatus = run("npx", vitestArgs);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, "utf8"));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (vitestStatus !== 0 && (report.numFailedTests ?? 0) === 0) crashed = true;
} else crashed = true;

const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
if (!vitestOnly) {
  if (!chromium) {
    const msg = "Browser tier (Playwright) not run: no Chromium at /usr/bin/chromium. Install it with `apt-get install chromium` to run it.";
    if (env.COFLEX_REQUIRE_E2E === "1") {
      console.error(msg);
      crashed = true;
    } else console.warn(msg);
  } else {
    const build = run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"]);
    if (build !== 0) crashed = true;
    else {
      const pwJson = path.join(tmp, "playwright.json");
      const status = run("npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
      if (existsSync(pwJson)) {
        const stats = JSON.parse(readFileSync(pwJson, "utf8")).stats ?? {};
        totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
        totals.failed += stats.unexpected ?? 0;
        totals.skipped += stats.skipped ?? 0;
        if (status !== 0 && (stats.unexpected ?? 0) === 0) crashed = true;
      } else crashed = true;
    }
  }
}

if (env.COFLEX_TEST_SUMMARY) writeFileSync(env.COFLEX_TEST_SUMMARY, JSON.stringify({ ...totals, crashed }));
if (totals.skipped > 0) console.error(`${totals.skipped} test(s) were skipped; every test must run.`);
if (crashed) console.error("A test runner or the build failed outside of any test (see above).");
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 || totals.skipped > 0 || crashed ? 1 : 0);
