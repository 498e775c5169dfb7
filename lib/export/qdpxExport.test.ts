import { describe, expect, it } from "vitest";
import { DIMENSIONS, POLARITIES } from "../domain/codebook";
import { sliceCodePoints } from "../qdpx/positions";
import { readQdpx } from "../../tests/support/qdpx/reader";
import { CODER_A, CODER_B, fixtureData } from "./__fixtures__/exerciseFixture";
import { codeGuid, dimensionGuid, qdpxBytes, sourceGuid, userGuid } from "./qdpxExport";

describe("exercise as a REFI-QDA project", () => {
  it("holds the transcript as one text source, a line per turn as 'Speaker: text'", async () => {
    const data = fixtureData();
    const read = await readQdpx(await qdpxBytes(data));
    expect(read.sources).toHaveLength(1);
    expect(read.sources[0]!.guid).toBe(sourceGuid("tx-1"));
    expect(read.sources[0]!.name).toBe("Synthetic session");
    expect(read.sources[0]!.text.split("\n")).toEqual(data.transcript.turns.map((t) => `${t.speaker}: ${t.text}`));
  });

  it("holds the codebook as a parent per dimension with its two poles, named and coloured from the codebook", async () => {
    const data = fixtureData();
    const read = await readQdpx(await qdpxBytes(data));
    expect(read.codes).toHaveLength(DIMENSIONS.length * 3);
    for (const dimension of DIMENSIONS) {
      const entry = data.codebook.entries.find((e) => e.dimension === dimension)!;
      expect(read.codes.find((c) => c.guid === dimensionGuid(dimension))).toMatchObject({ name: entry.label, isCodable: false, parentGuid: null, color: entry.colour });
      for (const polarity of POLARITIES) {
        const code = read.codes.find((c) => c.guid === codeGuid(dimension, polarity))!;
        expect(code).toMatchObject({ isCodable: true, parentGuid: dimensionGuid(dimension), color: entry.colour, description: entry[polarity].definition });
      }
    }
    expect(read.codes.find((c) => c.guid === codeGuid("cognition", "inflexible"))!.name).toBe("Cognition — inflexible (cognitive fusion)");
  });

  it("has a user per coder (plus the exporter) and a selection per placed code, coded by its coder", async () => {
    const data = fixtureData();
    const read = await readQdpx(await qdpxBytes(data));
    expect(read.users).toEqual([
      { guid: userGuid(CODER_A.id), name: CODER_A.name },
      { guid: userGuid(CODER_B.id), name: CODER_B.name },
    ]);
    const placed = data.codes.filter((c) => !c.orphaned);
    expect(read.selections).toHaveLength(placed.length);
    for (const code of placed) {
      const selection = read.selections.find((s) => s.codings[0]!.creatingUser === userGuid(code.coderId) && s.codings[0]!.codeGuid === codeGuid(code.dimension, code.polarity))!;
      expect(selection.creatingUser).toBe(userGuid(code.coderId));
      expect(selection.creationDateTime).toBe(code.createdAt);
    }
  });

  it("places every selection on exactly its quote in the source text (code points, past the emoji)", async () => {
    const data = fixtureData();
    const read = await readQdpx(await qdpxBytes(data));
    const text = read.sources[0]!.text;
    const quotes = read.selections.map((s) => sliceCodePoints(text, s.startPosition, s.endPosition));
    expect(quotes).toEqual(data.codes.filter((c) => !c.orphaned).map((c) => c.quote));
    expect(quotes).toContain("open my phone 📱 and scroll");
    expect(quotes).toContain("Café first");
  });

  it("keeps process and note in the selection's description, and says how many orphans were left out", async () => {
    const read = await readQdpx(await qdpxBytes(fixtureData()));
    expect(read.selections.some((s) => s.description === "Process: Harsh self-story (self.inflexible.harsh-self-story)\nNote: harsh, global")).toBe(true);
    expect(read.project.description).toContain("1 code is left out");
    expect(read.project.name).toBe('Séance 3 / "blind" round');
  });

  it("is byte-for-byte reproducible", async () => {
    expect(await qdpxBytes(fixtureData())).toEqual(await qdpxBytes(fixtureData()));
  });

  it("says when it holds only the exporting user's layer", async () => {
    const read = await readQdpx(await qdpxBytes(fixtureData({ coders: "a" })));
    expect(read.project.description).toContain("only the layers visible to the exporting user");
    expect(read.users.map((u) => u.name)).toEqual([CODER_A.name]);
  });
});
