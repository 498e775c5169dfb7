import { describe, expect, it } from "vitest";
// Lives beside the import code rather than in lib/domain/deidentify because lib/domain may not import
// tests/fixtures (house rule 1); the labelled set is a fixture shared with future evaluation scripts.
import { DEID_DEV, DEID_HOLDOUT, DEID_ORGS, DEID_SESSIONS, type LabelledSentence, type LabelledTurn } from "../../tests/fixtures/import/deid-labelled";
import { findIdentifiers } from "../domain/deidentify/findIdentifiers";
import { STRUCTURED_KINDS, type DeidTurn, type IdentifierCandidate } from "../domain/deidentify/types";

/** A transcript to score: its turns as the detector reads them, and the labels per turn. */
interface Transcript {
  turns: DeidTurn[];
  labelled: readonly LabelledSentence[];
}

interface Located {
  category: string;
  kind: string;
  turnIndex: number;
  start: number;
  end: number;
}

/** The reported categories: each structured kind, numbered people, places, organisations, and the client's and therapist's names. */
const CATEGORIES = ["email", "phone", "url", "date", "id_number", "person", "place", "org", "client", "therapist"] as const;

const labelCategory = (kind: string, pseudonym: string | undefined): string => (pseudonym === "[CLIENT]" ? "client" : pseudonym === "[THERAPIST]" ? "therapist" : kind);
const candidateCategory = (c: IdentifierCandidate): string => labelCategory(c.kind, c.proposal === "[CLIENT]" || c.proposal === "[THERAPIST]" ? c.proposal : undefined);
const isStructured = (kind: string): boolean => (STRUCTURED_KINDS as readonly string[]).includes(kind);

function locate(set: readonly LabelledSentence[]): Located[] {
  return set.flatMap((sentence, turnIndex) =>
    sentence.labels.map((label) => {
      let start = -1;
      for (let k = 0; k < (label.nth ?? 1); k++) start = sentence.text.indexOf(label.text, start + 1);
      return { category: labelCategory(label.kind, label.pseudonym), kind: label.kind, turnIndex, start, end: start + label.text.length };
    }),
  );
}

/** Each sentence set is one transcript without speakers; each session is one transcript with its speakers and roles. */
const sentences = (set: readonly LabelledSentence[]): Transcript => ({ turns: set.map((s) => ({ text: s.text })), labelled: set });
const session = (turns: readonly LabelledTurn[]): Transcript => ({ turns: turns.map((t) => ({ text: t.text, speaker: t.speaker, role: t.role })), labelled: turns });

interface Tally {
  labels: number;
  found: number;
  candidates: number;
  truePositives: number;
  notes: string[];
}

const empty = (): Tally => ({ labels: 0, found: 0, candidates: 0, truePositives: 0, notes: [] });

/**
 * Per category: recall counts a label as found when a candidate of the same category covers it whole;
 * precision counts candidates of the category that overlap a label of that category. "any" ignores the
 * category (a name replaced as a place is still replaced), as the original figures did.
 */
function tally(transcripts: readonly Transcript[]): Map<string, Tally> {
  const out = new Map<string, Tally>();
  const get = (key: string): Tally => {
    const t = out.get(key) ?? empty();
    out.set(key, t);
    return t;
  };
  for (const { turns, labelled } of transcripts) {
    const candidates = findIdentifiers(turns);
    const labels = locate(labelled);
    const text = (c: { turnIndex: number; start: number; end: number }) => labelled[c.turnIndex]?.text.slice(c.start, c.end) ?? "";
    const covers = (c: IdentifierCandidate, l: Located) => c.turnIndex === l.turnIndex && c.start <= l.start && c.end >= l.end;
    const overlaps = (c: IdentifierCandidate, l: Located) => c.turnIndex === l.turnIndex && c.start < l.end && c.end > l.start;
    for (const l of labels) {
      for (const key of [l.category, isStructured(l.kind) ? "any structured" : "any name"]) {
        const t = get(key);
        t.labels++;
        const hit = key.startsWith("any") ? candidates.some((c) => covers(c, l)) : candidates.some((c) => covers(c, l) && candidateCategory(c) === l.category);
        if (hit) t.found++;
        else if (!key.startsWith("any")) {
          const other = candidates.find((c) => covers(c, l));
          t.notes.push(`missed "${text(l)}"${other ? ` (found as ${other.proposal})` : ""}`);
        }
      }
    }
    for (const c of candidates) {
      for (const key of [candidateCategory(c), isStructured(c.kind) ? "any structured" : "any name"]) {
        const t = get(key);
        t.candidates++;
        const hit = key.startsWith("any") ? labels.some((l) => overlaps(c, l)) : labels.some((l) => overlaps(c, l) && l.category === key);
        if (hit) t.truePositives++;
        else if (!key.startsWith("any")) t.notes.push(`false positive "${c.text}" → ${c.proposal}`);
      }
    }
  }
  return out;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const pct = (a: number, b: number) => (b === 0 ? "   n/a       " : `${(100 * ratio(a, b)).toFixed(1).padStart(5)}% (${a}/${b})`.padEnd(13));

function report(name: string, transcripts: readonly Transcript[]): Map<string, Tally> {
  const result = tally(transcripts);
  const lines = [`de-identification on ${name}: recall · precision per category`];
  for (const key of [...CATEGORIES, "any structured", "any name"]) {
    const t = result.get(key);
    if (!t) continue;
    lines.push(`  ${key.padEnd(15)} recall ${pct(t.found, t.labels)}  precision ${pct(t.truePositives, t.candidates)}`, ...t.notes.map((n) => `      ${n}`));
  }
  console.log(lines.join("\n"));
  return result;
}

const ALL: Record<string, Transcript[]> = {
  "the development set": [sentences(DEID_DEV)],
  "the held-out set": [sentences(DEID_HOLDOUT)],
  "the organisation set": [sentences(DEID_ORGS)],
  "the named-speaker sessions": DEID_SESSIONS.map(session),
};

const figure = (results: Map<string, Tally>[], key: string, what: "recall" | "precision"): number => {
  const sum = (f: (t: Tally) => number) => results.reduce((n, r) => n + f(r.get(key) ?? empty()), 0);
  return what === "recall" ? ratio(sum((t) => t.found), sum((t) => t.labels)) : ratio(sum((t) => t.truePositives), sum((t) => t.candidates));
};

describe("de-identification on the synthetic labelled set", () => {
  it("every label names text that is in its sentence, and the set has at least 40 sentences", () => {
    expect(DEID_DEV.length + DEID_HOLDOUT.length).toBeGreaterThanOrEqual(40);
    for (const set of [DEID_DEV, DEID_HOLDOUT, DEID_ORGS, ...DEID_SESSIONS]) for (const l of locate(set)) expect(l.start).toBeGreaterThanOrEqual(0);
  });

  it("finds at least 95% of structured identifiers, the client's and therapist's names and their short forms, and organisations as organisations", () => {
    const results = Object.entries(ALL).map(([name, transcripts]) => report(name, transcripts));
    const overall = tally(Object.values(ALL).flat());
    console.log(
      `de-identification overall: ${[...CATEGORIES, "any structured", "any name"]
        .filter((k) => overall.has(k))
        .map((k) => {
          const t = overall.get(k) ?? empty();
          return `${k} recall ${pct(t.found, t.labels).trim()} precision ${pct(t.truePositives, t.candidates).trim()}`;
        })
        .join("; ")}`,
    );
    expect(figure(results, "any structured", "recall")).toBeGreaterThanOrEqual(0.95);
    expect(figure(results.slice(0, 1), "any structured", "recall")).toBeGreaterThanOrEqual(0.95);
    expect(figure(results, "any structured", "precision")).toBeGreaterThanOrEqual(0.9);
    // Floors against regressions, not claims: the heuristics for names are reported above, not promised.
    expect(figure(results, "any name", "recall")).toBeGreaterThanOrEqual(0.8);
    expect(figure(results, "client", "recall")).toBeGreaterThanOrEqual(0.95);
    expect(figure(results, "therapist", "recall")).toBeGreaterThanOrEqual(0.95);
    expect(figure(results, "org", "recall")).toBeGreaterThanOrEqual(0.8);
  });
});
