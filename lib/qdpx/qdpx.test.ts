import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { uuidV5 } from "./guid";
import { codePointTable, sliceCodePoints } from "./positions";
import { readQdpx, QdpxReadError } from "../../tests/support/qdpx/reader";
import type { QdaProject } from "./types";
import { projectXml, writeQdpx } from "./writer";

const TEXT = "Therapist: What shows up?\nClient: I reach for my phone 📱 & feel \"numb\" <again>.\nClient: Café, then the desk.";

function project(): QdaProject {
  const phone = TEXT.indexOf("phone 📱");
  const cafe = TEXT.indexOf("Café");
  const table = codePointTable(TEXT);
  return {
    name: 'Round "trip" & <test>',
    origin: "Coflex",
    creatingUserGuid: uuidV5("user:u1"),
    creationDateTime: "2026-03-04T05:06:07.000Z",
    description: "Line one\nLine two & more",
    users: [
      { guid: uuidV5("user:u1"), name: "Anaïs" },
      { guid: uuidV5("user:u2"), name: 'Bob "B" <b>' },
    ],
    codes: [
      {
        guid: uuidV5("dimension:emotion"),
        name: "Emotion",
        isCodable: false,
        color: "#D55E00",
        children: [
          { guid: uuidV5("code:emotion.inflexible"), name: "Emotion — inflexible (experiential avoidance)", isCodable: true, color: "#D55E00", description: "Suppress, escape, control." },
          { guid: uuidV5("code:emotion.flexible"), name: "Emotion — flexible (acceptance)", isCodable: true, color: "#D55E00" },
        ],
      },
    ],
    sources: [
      {
        guid: uuidV5("transcript:t1"),
        name: "Session 1",
        text: TEXT,
        creationDateTime: "2026-03-04T05:06:07.000Z",
        selections: [
          {
            guid: uuidV5("selection:1"),
            name: "phone 📱",
            startPosition: table[phone]!,
            endPosition: table[phone + "phone 📱".length]!,
            creatingUser: uuidV5("user:u1"),
            creationDateTime: "2023-11-14T22:13:20.000Z",
            description: "Process: emotion.inflexible.escape\nNote: =risky",
            codings: [{ guid: uuidV5("coding:1"), codeGuid: uuidV5("code:emotion.inflexible"), creatingUser: uuidV5("user:u1"), creationDateTime: "2023-11-14T22:13:20.000Z" }],
          },
          {
            guid: uuidV5("selection:2"),
            startPosition: table[cafe]!,
            endPosition: table[cafe + 4]!,
            creatingUser: uuidV5("user:u2"),
            codings: [{ guid: uuidV5("coding:2"), codeGuid: uuidV5("code:emotion.flexible"), creatingUser: uuidV5("user:u2") }],
          },
        ],
      },
    ],
  };
}

describe("uuidV5", () => {
  it("is deterministic, version 5, RFC 4122 variant, and matches the RFC's DNS example", () => {
    expect(uuidV5("python.org", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
    expect(uuidV5("user:1")).toBe(uuidV5("user:1"));
    expect(uuidV5("user:1")).not.toBe(uuidV5("user:2"));
    expect(uuidV5("user:1")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("code-point positions", () => {
  it("count an emoji as one character, as REFI-QDA (and Python) do", () => {
    const text = "a📱b";
    const table = codePointTable(text);
    expect([...table]).toEqual([0, 1, 1, 2, 3]);
    expect(sliceCodePoints(text, 1, 3)).toBe("📱b");
  });
});

describe("REFI-QDA writer and reader", () => {
  it("write project.qde in the REFI-QDA namespace with the schema's element names", async () => {
    const xml = projectXml(project());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0"')).toBe(true);
    for (const element of ["<Users>", "<User ", "<CodeBook>", "<Codes>", "<Code ", "<Sources>", "<TextSource ", "<PlainTextSelection ", "<Coding ", "<CodeRef targetGUID="]) {
      expect(xml).toContain(element);
    }
    expect(xml).toContain(`plainTextPath="internal://${uuidV5("transcript:t1")}.txt"`);
    // Schema order: Users, CodeBook, Sources, Description.
    const order = ["\n  <Users>", "\n  <CodeBook>", "\n  <Sources>", "\n  <Description>"].map((t) => xml.indexOf(t));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("zip project.qde and the source text under sources/ (UTF-8, no BOM)", async () => {
    const zip = await JSZip.loadAsync(await writeQdpx(project(), new Date("2026-03-04T05:06:07Z")));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(["project.qde", `sources/${uuidV5("transcript:t1")}.txt`]);
    const bytes = await zip.file(`sources/${uuidV5("transcript:t1")}.txt`)!.async("uint8array");
    expect(bytes[0]).not.toBe(0xef);
    expect(new TextDecoder().decode(bytes)).toBe(TEXT);
  });

  it("read back everything written: project, users, codes with parents, source text and every selection", async () => {
    const written = project();
    const read = await readQdpx(await writeQdpx(written, new Date("2026-03-04T05:06:07Z")));
    expect(read.project).toEqual({ name: written.name, origin: "Coflex", creatingUserGuid: written.creatingUserGuid, creationDateTime: written.creationDateTime, description: written.description });
    expect(read.users).toEqual(written.users);
    const emotion = written.codes[0]!;
    expect(read.codes).toEqual([
      { guid: emotion.guid, name: "Emotion", isCodable: false, color: "#D55E00", parentGuid: null },
      { ...emotion.children![0]!, parentGuid: emotion.guid },
      { ...emotion.children![1]!, parentGuid: emotion.guid },
    ]);
    const source = written.sources[0]!;
    expect(read.sources).toEqual([{ guid: source.guid, name: source.name, text: TEXT, plainTextPath: `internal://${source.guid}.txt`, creationDateTime: source.creationDateTime }]);
    expect(read.selections).toEqual(source.selections.map((s) => ({ ...s, sourceGuid: source.guid })));
  });

  it("selection positions index the selected text in the source", async () => {
    const read = await readQdpx(await writeQdpx(project(), new Date("2026-03-04T05:06:07Z")));
    const text = read.sources[0]!.text;
    expect(read.selections.map((s) => sliceCodePoints(text, s.startPosition, s.endPosition))).toEqual(["phone 📱", "Café"]);
  });

  it("give identical bytes for identical input", async () => {
    const date = new Date("2026-03-04T05:06:07Z");
    expect(await writeQdpx(project(), date)).toEqual(await writeQdpx(project(), date));
  });

  it("reject what is not a project", async () => {
    await expect(readQdpx(new TextEncoder().encode("not a zip"))).rejects.toThrow(QdpxReadError);
    const empty = new JSZip();
    empty.file("readme.txt", "hello");
    await expect(readQdpx(await empty.generateAsync({ type: "uint8array" }))).rejects.toThrow(/no project.qde/);
    const escape = new JSZip();
    escape.file("project.qde", `<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="g" plainTextPath="internal://../../etc/passwd"/></Sources></Project>`);
    await expect(readQdpx(await escape.generateAsync({ type: "uint8array" }))).rejects.toThrow(/leaves the sources folder/);
  });

  it("stop inflating an entry that outgrows the size limit", async () => {
    const bomb = new JSZip();
    bomb.file("project.qde", `<Project name="x">${" ".repeat(200_000)}</Project>`);
    const bytes = await bomb.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    await expect(readQdpx(bytes, { maxEntryBytes: 10_000 })).rejects.toThrow(/too large/);
  });
});
