import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixture = (name: string): string => path.join(root, "tests/fixtures/agreement", name);

function cli(args: string[], stdin?: string) {
  const result = spawnSync("npx", ["tsx", "scripts/agreement.ts", ...args], {
    cwd: root,
    input: stdin,
    encoding: "utf8",
    timeout: 30_000,
  });
  const lines = (s: string) => s.split("\n").filter((l) => l.length > 0);
  return { status: result.status, stdout: result.stdout, stderrLines: lines(result.stderr), stdoutLines: lines(result.stdout) };
}

describe("agreement CLI (CONTRACTS §6)", () => {
  it("prints one JSON object for coded units, reproducing Krippendorff (2011): α = 0.743 with a seeded CI", () => {
    const run = cli([fixture("krippendorff-2011.json")]);
    expect(run.status).toBe(0);
    expect(run.stderrLines).toEqual([]);
    expect(run.stdoutLines).toHaveLength(1);
    const out = JSON.parse(run.stdout) as { krippendorff_alpha: number; ci: { krippendorff_alpha: [number, number] } };
    expect(out.krippendorff_alpha).toBeCloseTo(0.743, 3);
    expect(out.ci.krippendorff_alpha[0]).toBeLessThan(0.743);
    expect(cli([fixture("krippendorff-2011.json")]).stdout).toBe(run.stdout);
  });

  it("prints u-α for unitized spans, reproducing Krippendorff (2004, p. 254): c = .7286", () => {
    const run = cli([fixture("unitizing-krippendorff-2004.json")]);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { krippendorff_unitizing_alpha_by_category: Record<string, number> };
    expect(out.krippendorff_unitizing_alpha_by_category.c).toBeCloseTo(0.7286, 4);
  });

  it("reads stdin when FILE is -", () => {
    const run = cli(["-"], JSON.stringify({ level: "nominal", data: { a: [1, 2, 1], b: [1, 2, 2] } }));
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { po: number }).po).toBeCloseTo(2 / 3, 12);
  });

  it.each([
    ["invalid JSON", ["-"], "{not json", /invalid JSON/],
    ["a schema violation", [fixture("invalid-unequal-lengths.json")], undefined, /data\.B: has 2 values but "A" has 3/],
    ["an unreadable file", [fixture("does-not-exist.json")], undefined, /cannot read .*ENOENT/],
    ["a missing FILE argument", [], undefined, /usage/],
  ])("exits 2 with exactly one stderr line on %s", (_name, args, stdin, message) => {
    const run = cli(args, stdin);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderrLines).toHaveLength(1);
    expect(run.stderrLines[0]).toMatch(message);
  });
});
