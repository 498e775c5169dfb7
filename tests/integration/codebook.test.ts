import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCodebookVersion, isUniqueViolation, listCodebookVersions } from "../../lib/db/queries/codebookVersions";
import { codebookVersion, cohortCodebook, saveCodebookVersion } from "../../lib/db/queries/codebooks";
import { codebooks } from "../../lib/db/schema";
import { type Codebook, defaultCodebook } from "../../lib/domain/codebook";
import { fixedPartsChanged, sameContent, validateCodebook } from "../../lib/validation/codebook";
import { createTestDb, type TestDb } from "../support/testDb";
import { seedTestWorld, type TestWorld } from "../support/seedTestWorld";

let testDb: TestDb;
let world: TestWorld;

beforeAll(async () => {
  testDb = await createTestDb();
  world = await seedTestWorld(testDb.db);
});
afterAll(async () => {
  await testDb?.close();
});

/** A copy of `codebook` with one pole's definition replaced. */
function withDefinition(codebook: Codebook, dimension: string, definition: string): Codebook {
  return {
    ...codebook,
    entries: codebook.entries.map((e) => (e.dimension === dimension ? { ...e, inflexible: { ...e.inflexible, definition } } : e)),
  };
}

async function storedRows(cohortId: string): Promise<number> {
  return (await testDb.db.select({ id: codebooks.id }).from(codebooks).where(eq(codebooks.cohortId, cohortId))).length;
}

describe("cohort codebooks", () => {
  it("stores the default codebook as version 1 on first use, once", async () => {
    const first = await cohortCodebook(testDb.db, world.cohortId);
    const again = await cohortCodebook(testDb.db, world.cohortId);
    expect(first.codebook.version).toBe(1);
    expect(again.id).toBe(first.id);
    expect(await storedRows(world.cohortId)).toBe(1);
  });

  it("saves an edited copy as the next version and keeps every older version unchanged", async () => {
    const v1 = (await cohortCodebook(testDb.db, world.cohortId)).codebook;
    const edited = withDefinition(v1, "cognition", "Taking thoughts as literal commands (edited for the course).");
    const saved = await saveCodebookVersion(testDb.db, world.cohortId, edited, world.instructor.id);
    expect(saved.version).toBe(2);

    const old = await codebookVersion(testDb.db, world.cohortId, 1);
    const next = await codebookVersion(testDb.db, world.cohortId, 2);
    expect(old?.entries.find((e) => e.dimension === "cognition")?.inflexible.definition).toBe(defaultCodebook.entries[1]?.inflexible.definition);
    expect(next?.entries.find((e) => e.dimension === "cognition")?.inflexible.definition).toBe("Taking thoughts as literal commands (edited for the course).");

    const history = await listCodebookVersions(testDb.db, world.cohortId);
    expect(history.map((v) => [v.version, v.createdByName])).toEqual([
      [2, world.instructor.name],
      [1, null],
    ]);
  });

  it("answers the newest version as the cohort's current codebook, and other cohorts keep their own", async () => {
    const v2 = (await cohortCodebook(testDb.db, world.cohortId)).codebook;
    expect(v2.version).toBe(2);
    const renamed: Codebook = {
      ...v2,
      entries: v2.entries.map((e) =>
        e.dimension === "emotion" ? { ...e, flexible: { ...e.flexible, process: "Willingness", tags: [...e.flexible.tags, { id: "emotion.flexible.curiosity", label: "Curiosity", polarity: "flexible" }] } } : e,
      ),
    };
    const saved = await saveCodebookVersion(testDb.db, world.cohortId, renamed, world.instructor.id);
    expect(saved.version).toBe(3);

    const current = await cohortCodebook(testDb.db, world.cohortId);
    expect(current.id).toBe(saved.id);
    expect(current.codebook.version).toBe(3);
    const emotion = current.codebook.entries.find((e) => e.dimension === "emotion");
    expect(emotion?.flexible.process).toBe("Willingness");
    expect(emotion?.flexible.tags.map((t) => t.label)).toContain("Curiosity");
    // Version 2's edit carried over into version 3.
    expect(current.codebook.entries.find((e) => e.dimension === "cognition")?.inflexible.definition).toMatch(/edited for the course/);

    const other = await cohortCodebook(testDb.db, world.otherCohortId);
    expect(other.codebook.version).toBe(1);
    expect(other.codebook.entries.find((e) => e.dimension === "emotion")?.flexible.process).toBe("Acceptance / willingness");
  });

  it("refuses invalid codebooks and stores nothing", async () => {
    const current = (await cohortCodebook(testDb.db, world.cohortId)).codebook;
    const before = await storedRows(world.cohortId);

    const emptyDefinition = withDefinition(current, "self", "   ");
    const duplicateTag: Codebook = {
      ...current,
      entries: current.entries.map((e) =>
        e.dimension === "attention" ? { ...e, flexible: { ...e.flexible, tags: [...e.flexible.tags, { ...e.flexible.tags[0]!, label: "Copy" }] } } : e,
      ),
    };
    const missingDimension: Codebook = { ...current, entries: current.entries.filter((e) => e.dimension !== "motivation") };
    const wrongPole: Codebook = {
      ...current,
      entries: current.entries.map((e) =>
        e.dimension === "self" ? { ...e, flexible: { ...e.flexible, tags: [{ id: "self.flexible.odd", label: "Odd", polarity: "inflexible" }] } } : e,
      ),
    };
    for (const invalid of [emptyDefinition, duplicateTag, missingDimension, wrongPole, { name: "no entries" }]) {
      await expect(saveCodebookVersion(testDb.db, world.cohortId, invalid, world.instructor.id)).rejects.toThrow();
      await expect(insertCodebookVersion(testDb.db, world.cohortId, { ...(invalid as Codebook), version: current.version + 1 }, world.instructor.id)).rejects.toThrow();
    }

    expect(await storedRows(world.cohortId)).toBe(before);
    expect((await cohortCodebook(testDb.db, world.cohortId)).codebook).toEqual(current);
  });

  it("lets only one of two saves made from the same version land; the other is a unique-index conflict", async () => {
    const current = (await cohortCodebook(testDb.db, world.cohortId)).codebook;
    const next = current.version + 1;
    const results = await Promise.allSettled([
      insertCodebookVersion(testDb.db, world.cohortId, { ...withDefinition(current, "motivation", "Edit A."), version: next }, world.instructor.id),
      insertCodebookVersion(testDb.db, world.cohortId, { ...withDefinition(current, "motivation", "Edit B."), version: next }, world.instructor.id),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected");
    expect(isUniqueViolation(refused?.status === "rejected" ? refused.reason : null)).toBe(true);
    const versions = (await listCodebookVersions(testDb.db, world.cohortId)).map((v) => v.version);
    expect(versions.filter((v) => v === next)).toHaveLength(1);
    expect((await cohortCodebook(testDb.db, world.cohortId)).codebook.version).toBe(next);
  });

  it("words each problem so an instructor can find and fix it", () => {
    const result = validateCodebook(withDefinition(defaultCodebook, "self", ""));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([{ field: "self.inflexible.definition", text: "Self, inflexible pole — definition is empty." }]);

    const tags = validateCodebook({
      ...defaultCodebook,
      entries: defaultCodebook.entries.map((e) =>
        e.dimension === "emotion" ? { ...e, inflexible: { ...e.inflexible, tags: [...e.inflexible.tags, { id: "emotion.inflexible.escape", label: "Escape again", polarity: "inflexible" }] } } : e,
      ),
    });
    expect(tags.ok).toBe(false);
    if (!tags.ok) expect(tags.problems[0]?.text).toMatch(/^Emotion, inflexible pole — tag “Escape again”: tag id emotion\.inflexible\.escape is not unique\.$/);
  });

  it("treats dimension names, abbreviations and colours as fixed, and spots an edit that changes nothing", () => {
    const recoloured: Codebook = { ...defaultCodebook, entries: defaultCodebook.entries.map((e) => (e.dimension === "self" ? { ...e, colour: "#000000" } : e)) };
    expect(fixedPartsChanged(defaultCodebook, recoloured)).toMatch(/Self: .*fixed/);
    expect(fixedPartsChanged(defaultCodebook, structuredClone(defaultCodebook))).toBeNull();
    expect(sameContent(defaultCodebook, { ...structuredClone(defaultCodebook), version: 9 })).toBe(true);
    expect(sameContent(defaultCodebook, withDefinition(defaultCodebook, "self", "Different."))).toBe(false);
  });
});
