#!/usr/bin/env node
// `npm start`: build the Next app when there is no build or the sources are newer than it, then run the
// one-process server (Next + collaboration) in production mode. Keeps the two-command quick start true.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const buildId = path.join(root, ".next", "BUILD_ID");

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (/\.(tsx?|css|mjs|json)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const sources = Math.max(
  ...["app", "components", "lib"].map((d) => newestMtime(path.join(root, d))),
  ...["next.config.mjs", "package.json"].map((f) => (existsSync(path.join(root, f)) ? statSync(path.join(root, f)).mtimeMs : 0)),
);
const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };

if (!existsSync(buildId) || statSync(buildId).mtimeMs < sources) {
  console.log("Building Coflex (first start or changed sources)…");
  const build = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The server runs in this child directly (tsx as a loader, not tsx's CLI, which would add a process).
// Memory (issue 8, measured with 100 coders on PGlite, bench:classroom): V8's young generation is capped at
// 4 MB per semi-space (its default, 16 MB, is held by each of the server's three isolates), and the old
// generation grows by 20% between collections instead of up to 4× (a class's server holds ~150 MB of live
// heap, and the default let it reach twice that); glibc keeps two malloc arenas instead of one per thread,
// and serves every block above 128 KB from its own mapping, which goes back to the system when freed (by
// default the threshold rises after such a free, and the megabytes of a stored run then stay in the heap).
// Together with the run's pair summaries stored as rows: peak RSS 934–1,264 MB → ~545 MB. We used V8's
// --optimize-for-size before the growth setting: ~30 MB less, but twice the collector time, which put the
// 100-coder progress page at 270–500 ms instead of 180–215 ms and saved-ack p99 at 30–85 ms (README).
const v8Flags = ["--max-semi-space-size=4", "--heap-growing-percent=20"];
const child = spawn(process.execPath, [...v8Flags, "--import", "tsx", path.join(root, "server", "index.ts"), ...process.argv.slice(2)], {
  cwd: root,
  env: { ...env, MALLOC_ARENA_MAX: "2", MALLOC_MMAP_THRESHOLD_: "131072" },
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
