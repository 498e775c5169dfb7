import { describe, it, expect } from "vitest";
import {
  DIMENSIONS,
  POLARITIES,
  codeLabel,
  defaultCodebook,
  dimensionAbbreviation,
  dimensionColour,
} from "./codebook";
import type { Codebook, CodebookEntry, Dimension } from "./codebook";
import { codebookSchema, parseCodebook } from "./codebookSchema";

function copyOfDefault(): Codebook {
  return structuredClone(defaultCodebook);
}

function entryOf(codebook: Codebook, d: Dimension): CodebookEntry {
  const found = codebook.entries.find((e) => e.dimension === d);
  if (!found) throw new Error(`no entry for ${d}`);
  return found;
}

describe("default FAD codebook", () => {
  it("has exactly one entry for each of the six dimensions, in canonical order", () => {
    expect(defaultCodebook.entries.map((e) => e.dimension)).toEqual([...DIMENSIONS]);
  });

  it("gives every dimension a flexible and an inflexible pole with a process, definition and example", () => {
    for (const entry of defaultCodebook.entries) {
      for (const pole of POLARITIES) {
        const p = entry[pole];
        expect(p.process.trim(), `${entry.dimension}.${pole}.process`).not.toBe("");
        expect(p.definition.trim().length, `${entry.dimension}.${pole}.definition`).toBeGreaterThan(20);
        expect(p.example.trim().length, `${entry.dimension}.${pole}.example`).toBeGreaterThan(10);
      }
    }
  });

  it("gives every pole two to four process tags whose polarity matches the pole", () => {
    for (const entry of defaultCodebook.entries) {
      for (const pole of POLARITIES) {
        const tags = entry[pole].tags;
        expect(tags.length).toBeGreaterThanOrEqual(2);
        expect(tags.length).toBeLessThanOrEqual(4);
        for (const t of tags) expect(t.polarity).toBe(pole);
      }
    }
  });

  it("uses process-tag ids that are unique across the whole codebook", () => {
    const ids = defaultCodebook.entries.flatMap((e) => [...e.flexible.tags, ...e.inflexible.tags].map((t) => t.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("uses the default process pairs from the FAD model", () => {
    const byDim = new Map(defaultCodebook.entries.map((e) => [e.dimension, e]));
    expect(byDim.get("emotion")?.inflexible.process).toMatch(/experiential avoidance/i);
    expect(byDim.get("emotion")?.flexible.process).toMatch(/acceptance/i);
    expect(byDim.get("cognition")?.inflexible.process).toMatch(/fusion/i);
    expect(byDim.get("cognition")?.flexible.process).toMatch(/defusion/i);
    expect(byDim.get("attention")?.flexible.process).toMatch(/present-moment/i);
    expect(byDim.get("self")?.flexible.process).toMatch(/self-as-context/i);
    expect(byDim.get("motivation")?.inflexible.process).toMatch(/pliance/i);
    expect(byDim.get("motivation")?.flexible.process).toMatch(/values/i);
    expect(byDim.get("overt_behavior")?.flexible.process).toMatch(/committed action/i);
    expect(byDim.get("overt_behavior")?.inflexible.process).toMatch(/inaction/i);
  });

  it("stores each entry's abbreviation and colour consistently with the helper functions", () => {
    for (const entry of defaultCodebook.entries) {
      expect(entry.abbreviation).toBe(dimensionAbbreviation(entry.dimension));
      expect(entry.colour).toBe(dimensionColour(entry.dimension));
    }
  });
});

describe("dimension abbreviations and colours", () => {
  it("abbreviates the dimensions as EMO, COG, ATT, SELF, MOT, BEH", () => {
    expect(DIMENSIONS.map(dimensionAbbreviation)).toEqual(["EMO", "COG", "ATT", "SELF", "MOT", "BEH"]);
  });

  it("gives every dimension a distinct abbreviation", () => {
    const abbreviations = DIMENSIONS.map(dimensionAbbreviation);
    expect(new Set(abbreviations).size).toBe(DIMENSIONS.length);
  });

  it("gives every dimension a distinct Okabe–Ito hex colour", () => {
    const colours = DIMENSIONS.map(dimensionColour);
    expect(new Set(colours.map((c) => c.toUpperCase())).size).toBe(DIMENSIONS.length);
    for (const c of colours) expect(c).toMatch(/^#[0-9A-F]{6}$/);
    expect(dimensionColour("emotion")).toBe("#D55E00");
    expect(dimensionColour("cognition")).toBe("#0072B2");
    expect(dimensionColour("attention")).toBe("#009E73");
    expect(dimensionColour("self")).toBe("#CC79A7");
    expect(dimensionColour("motivation")).toBe("#E69F00");
    expect(dimensionColour("overt_behavior")).toBe("#56B4E9");
  });
});

describe("codeLabel", () => {
  it("formats a code as abbreviation, middle dot, then F or I", () => {
    expect(codeLabel("cognition", "inflexible")).toBe("COG·I");
    expect(codeLabel("overt_behavior", "flexible")).toBe("BEH·F");
    expect(codeLabel("self", "flexible")).toBe("SELF·F");
  });

  it("produces twelve distinct labels for the six dimensions × two polarities", () => {
    const labels = DIMENSIONS.flatMap((d) => POLARITIES.map((p) => codeLabel(d, p)));
    expect(new Set(labels).size).toBe(12);
  });
});

describe("codebookSchema", () => {
  it("accepts the default codebook unchanged", () => {
    const result = codebookSchema.safeParse(defaultCodebook);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    expect(parseCodebook(defaultCodebook)).toEqual(defaultCodebook);
  });

  it("accepts an edited copy with a renamed process, an added tag and a bumped version", () => {
    const edited = copyOfDefault();
    edited.name = "Cohort 2025 codebook";
    edited.version = 2;
    const cognition = entryOf(edited, "cognition");
    cognition.flexible.process = "Defusion (noticing thoughts)";
    cognition.flexible.tags.push({ id: "cognition.flexible.humour", label: "Humour with thoughts", polarity: "flexible" });
    expect(codebookSchema.safeParse(edited).success).toBe(true);
  });

  it("rejects a codebook that is missing a dimension", () => {
    const edited = copyOfDefault();
    edited.entries = edited.entries.filter((e) => e.dimension !== "self");
    expect(codebookSchema.safeParse(edited).success).toBe(false);
  });

  it("rejects a codebook that lists a dimension twice", () => {
    const edited = copyOfDefault();
    edited.entries = edited.entries.map((e) =>
      e.dimension === "overt_behavior" ? { ...structuredClone(entryOf(edited, "emotion")), abbreviation: "X", colour: "#000000" } : e,
    );
    expect(codebookSchema.safeParse(edited).success).toBe(false);
  });

  it("rejects duplicate abbreviations or colours", () => {
    const dupAbbreviation = copyOfDefault();
    entryOf(dupAbbreviation, "cognition").abbreviation = "EMO";
    expect(codebookSchema.safeParse(dupAbbreviation).success).toBe(false);

    const dupColour = copyOfDefault();
    entryOf(dupColour, "cognition").colour = "#d55e00";
    expect(codebookSchema.safeParse(dupColour).success).toBe(false);
  });

  it("rejects a tag whose polarity contradicts the pole it is listed under", () => {
    const edited = copyOfDefault();
    entryOf(edited, "emotion").flexible.tags.push({ id: "emotion.flexible.odd", label: "Odd", polarity: "inflexible" });
    expect(codebookSchema.safeParse(edited).success).toBe(false);
  });

  it("rejects duplicate tag ids, empty definitions, non-hex colours and a non-positive version", () => {
    const dupTag = copyOfDefault();
    const existingId = entryOf(dupTag, "emotion").flexible.tags.map((t) => t.id)[0] ?? "emotion.flexible.acceptance";
    entryOf(dupTag, "attention").flexible.tags.push({ id: existingId, label: "Duplicate", polarity: "flexible" });
    expect(codebookSchema.safeParse(dupTag).success).toBe(false);

    const emptyDefinition = copyOfDefault();
    entryOf(emptyDefinition, "self").inflexible.definition = "   ";
    expect(codebookSchema.safeParse(emptyDefinition).success).toBe(false);

    const badColour = copyOfDefault();
    entryOf(badColour, "motivation").colour = "orange";
    expect(codebookSchema.safeParse(badColour).success).toBe(false);

    const badVersion = copyOfDefault();
    badVersion.version = 0;
    expect(codebookSchema.safeParse(badVersion).success).toBe(false);
  });

  it("rejects an unknown dimension", () => {
    const edited: unknown = { ...copyOfDefault(), entries: copyOfDefault().entries.map((e, i) => (i === 0 ? { ...e, dimension: "memory" } : e)) };
    expect(codebookSchema.safeParse(edited).success).toBe(false);
  });
});
