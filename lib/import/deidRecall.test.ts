import { describe, expect, it } from "vitest";
// Lives beside the import code rather than in lib/domain/deidentify because lib/domain may not import
// tests/fixtures (house rule 1); the labelled set is a fixture shared with future evaluation scripts.
import { DEID_DEV, DEID_HOLDOUT, type LabelledSentence } from "../../tests/fixtures/import/deid-labelled";
import { findIdentifiers } from "../domain/deidentify/findIdentifiers";
import { STRUCTURED_KINDS, type IdentifierCandidate, type IdentifierKind } from "../domain/deidentify/types";

interface Located {
  kind: IdentifierKind;
  turnIndex: number;
  start: number;
  end: number;
}

interface Score {
  labels: number;
  found: number;
  foundRightKind: number;
  candidates: number;
  truePositives: number;
  misses: string[];
  falsePositives: string[];
}

function locate(set: readonly LabelledSentence[]): Located[] {
  return set.flatMap((sentence, turnIndex) =>
    sentence.labels.map((label) => {
      let start = -1;
      for (let k = 0; k < (label.nth ?? 1); k++) start = sentence.text.indexOf(label.text, start + 1);
      return { kind: label.kind, turnIndex, start, end: start + label.text.length };
    }),
  );
}

const isStructured = (kind: IdentifierKind): boolean => STRUCTURED_KINDS.includes(kind);

/** Recall counts a label as found when one candidate of its group covers it whole; precision counts candidates that touch no label. */
function score(set: readonly LabelledSentence[], group: "structured" | "names"): Score {
  const inGroup = (kind: IdentifierKind) => (group === "structured" ? isStructured(kind) : !isStructured(kind));
  const candidates = findIdentifiers(set.map((s) => ({ text: s.text }))).filter((c) => inGroup(c.kind));
  const labels = locate(set).filter((l) => inGroup(l.kind));
  const covering = (l: Located) => candidates.filter((c) => c.turnIndex === l.turnIndex && c.start <= l.start && c.end >= l.end);
  const touches = (c: IdentifierCandidate) => locate(set).some((l) => l.turnIndex === c.turnIndex && c.start < l.end && c.end > l.start);
  const text = (i: number, start: number, end: number) => set[i]?.text.slice(start, end) ?? "";
  return {
    labels: labels.length,
    found: labels.filter((l) => covering(l).length > 0).length,
    foundRightKind: labels.filter((l) => covering(l).some((c) => c.kind === l.kind)).length,
    candidates: candidates.length,
    truePositives: candidates.filter(touches).length,
    misses: labels.filter((l) => !covering(l).some((c) => c.kind === l.kind)).map((l) => `${l.kind} "${text(l.turnIndex, l.start, l.end)}"${covering(l)[0] ? ` (found as ${covering(l)[0]?.kind})` : ""}`),
    falsePositives: candidates.filter((c) => !touches(c)).map((c) => `${c.kind} "${c.text}"`),
  };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const pct = (a: number, b: number) => `${(100 * ratio(a, b)).toFixed(1)}% (${a}/${b})`;

function report(name: string, set: readonly LabelledSentence[]): Record<"structured" | "names", Score> {
  const result = { structured: score(set, "structured"), names: score(set, "names") };
  const lines = [`de-identification on ${name} (${set.length} sentences):`];
  for (const group of ["structured", "names"] as const) {
    const s = result[group];
    lines.push(
      `  ${group.padEnd(10)} recall ${pct(s.found, s.labels)}, right kind ${pct(s.foundRightKind, s.labels)}, precision ${pct(s.truePositives, s.candidates)}`,
      ...s.misses.map((m) => `    missed/mis-kinded: ${m}`),
      ...s.falsePositives.map((f) => `    false positive: ${f}`),
    );
  }
  console.log(lines.join("\n"));
  return result;
}

describe("de-identification on the synthetic labelled set", () => {
  it("every label names text that is in its sentence, and the set has at least 40 sentences", () => {
    expect(DEID_DEV.length + DEID_HOLDOUT.length).toBeGreaterThanOrEqual(40);
    for (const l of locate([...DEID_DEV, ...DEID_HOLDOUT])) expect(l.start).toBeGreaterThanOrEqual(0);
  });

  it("finds at least 95% of structured identifiers (email, phone, URL, date, ID) and reports names and places", () => {
    const dev = report("the development set", DEID_DEV);
    const holdout = report("the held-out set", DEID_HOLDOUT);
    const both = (group: "structured" | "names", key: "found" | "labels" | "truePositives" | "candidates") => dev[group][key] + holdout[group][key];
    console.log(
      `de-identification overall: structured recall ${pct(both("structured", "found"), both("structured", "labels"))}, precision ${pct(both("structured", "truePositives"), both("structured", "candidates"))}; ` +
        `names/places recall ${pct(both("names", "found"), both("names", "labels"))}, precision ${pct(both("names", "truePositives"), both("names", "candidates"))}`,
    );
    expect(ratio(both("structured", "found"), both("structured", "labels"))).toBeGreaterThanOrEqual(0.95);
    expect(ratio(dev.structured.found, dev.structured.labels)).toBeGreaterThanOrEqual(0.95);
    // Floors against regressions, not claims: the heuristics for names are reported above, not promised.
    expect(ratio(both("names", "found"), both("names", "labels"))).toBeGreaterThanOrEqual(0.8);
    expect(ratio(both("structured", "truePositives"), both("structured", "candidates"))).toBeGreaterThanOrEqual(0.9);
  });
});
