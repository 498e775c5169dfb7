/**
 * `npm run bench:coding`: the coding page's editor in Chromium (Playwright, /usr/bin/chromium), 400 turns
 * and 5,000 codes from 20 coders by default. Bundles bench/codingHarness.ts with esbuild, loads it in a page
 * with the app's CSS, and reports:
 *   - cold load: editor created → every turn and every code decoration in the DOM and laid out;
 *   - per remote keystroke: Y.applyUpdate of one remote character → ySync transaction → decorations
 *     updated → DOM patched (JS), and the same plus a forced layout; p50/p95/max.
 * Each is also run without the code decorations, so the plugin's own share is visible.
 * Target: a remote keystroke costs the editor < 10 ms with 5,000 codes.
 *
 * Options (env): BENCH_TURNS (400), BENCH_CODES (5000), BENCH_CODERS (20), BENCH_KEYSTROKES (200),
 * COFLEX_CHROMIUM (/usr/bin/chromium).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "@playwright/test";
import type { BenchOptions, BenchResult } from "./codingHarness";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const options: Omit<BenchOptions, "decorations"> = {
  turns: Number(process.env.BENCH_TURNS ?? 400),
  codes: Number(process.env.BENCH_CODES ?? 5000),
  coders: Number(process.env.BENCH_CODERS ?? 20),
  keystrokes: Number(process.env.BENCH_KEYSTROKES ?? 200),
  seed: 20260515,
};

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function summary(values: number[]): string {
  return `p50 ${quantile(values, 0.5).toFixed(2)} ms · p95 ${quantile(values, 0.95).toFixed(2)} ms · max ${Math.max(...values).toFixed(2)} ms`;
}

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** BENCH_PROFILE=1: where the time of the measured run went (self time by function). */
function printProfile(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const key = `${node.callFrame.functionName || "(anonymous)"} ${path.basename(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  for (const [key, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms.toFixed(1).padStart(9)} ms  ${key}`);
  // Inclusive time of the functions that matter, to split the plugin's share from the view's.
  const selfOf = new Map<number, number>();
  (profile.samples ?? []).forEach((id, i) => selfOf.set(id, (selfOf.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000));
  const inclusive = new Map<string, number>();
  const total = (node: ProfileNode, active: Set<string>): number => {
    const name = node.callFrame.functionName;
    let sum = selfOf.get(node.id) ?? 0;
    const entered = !active.has(name);
    if (entered) active.add(name);
    for (const child of node.children ?? []) {
      const c = byId.get(child);
      if (c) sum += total(c, active);
    }
    if (entered) {
      active.delete(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + sum);
    }
    return sum;
  };
  const rootNode = profile.nodes[0];
  if (rootNode) total(rootNode, new Set());
  for (const name of ["sameTurnList", "find", "remove", "map", "add", "resolveAnchor", "segments", "underlineAttrs", "visibleForTurn", "touchedByYjs", "turnAtSelection", "matchesNode", "findNodeMatch", "updateNextNode", "forChild", "iterDeco", "addNode", "sameOuterDeco", "preMatch", "destroyBetween", "syncToMarks", "createNodeFromYElement", "updateOuterDeco", "updateInner", "update", "_typeChanged", "dispatch", "applyRemote", "paint", "paintAll", "repaintTurns", "updateStateInner", "updateChildren", "hasSelection", "selectionToDOM", "runBench"]) {
    console.log(`inclusive ${name}: ${(inclusive.get(name) ?? 0).toFixed(1)} ms`);
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "coflex-bench-coding-"));
  await build({
    entryPoints: [path.join(root, "bench/codingHarness.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: !process.env.BENCH_PROFILE,
    define: { "process.env.NODE_ENV": '"production"' },
    tsconfig: path.join(root, "tsconfig.json"),
    outfile: path.join(dir, "harness.js"),
    logLevel: "warning",
  });
  writeFileSync(path.join(dir, "app.css"), readFileSync(path.join(root, "app/globals.css")));
  writeFileSync(
    path.join(dir, "index.html"),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="app.css"></head><body><div class="coding-main"><div class="transcript-scroll"></div></div><script src="harness.js"></script></body></html>`,
  );

  const browser = await chromium.launch({ executablePath: process.env.COFLEX_CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on("pageerror", (error) => console.error("page error:", error.message));
  await page.goto(`file://${path.join(dir, "index.html")}`);
  const run = (decorations: boolean) => page.evaluate((o) => window.runBench(o), { ...options, decorations }) as Promise<BenchResult>;

  await run(true); // warm-up: JIT and style caches, as after a page's first second
  const plain = await run(false);
  const profiler = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
  if (profiler) {
    await profiler.send("Profiler.enable");
    await profiler.send("Profiler.setSamplingInterval", { interval: 100 });
    await profiler.send("Profiler.start");
  }
  const coded = await run(true);
  if (profiler) printProfile((await profiler.send("Profiler.stop")).profile);
  await browser.close();

  console.log(`coding editor — ${options.turns} turns, ${options.codes} codes from ${options.coders} coders, ${options.keystrokes} remote keystrokes (Chromium)`);
  console.log(`  code index (CodeStore.setLayers): ${coded.storeMs.toFixed(1)} ms`);
  console.log(`  cold load, transcript only:       ${plain.coldMs.toFixed(1)} ms`);
  console.log(`  cold load, with all codes drawn:  ${coded.coldMs.toFixed(1)} ms  (${coded.spansInDom} underline spans, ${coded.chipsInDom} chips in the DOM)`);
  console.log(`  remote keystroke, transcript only: JS ${summary(plain.keystrokeJsMs)}; with layout ${summary(plain.keystrokeLayoutMs)}`);
  console.log(`  remote keystroke, with codes:      JS ${summary(coded.keystrokeJsMs)}; with layout ${summary(coded.keystrokeLayoutMs)}`);
  console.log(`  decorations after ${options.keystrokes} remote keystrokes equal a full repaint: ${coded.incrementalMatchesRepaint ? "yes" : "NO"}`);
  const p95 = quantile(coded.keystrokeLayoutMs, 0.95);
  console.log(`  target < 10 ms per remote keystroke (p95 incl. layout): ${p95 < 10 ? "met" : "NOT met"}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
