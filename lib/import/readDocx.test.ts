import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildBinaryFixtures, FIXTURE_DIR } from "../../tests/fixtures/import/binaryFixtures";
import { DEFAULT_IMPORT_LIMITS } from "../domain/import/limits";
import { readZipDirectory } from "../domain/import/zipDirectory";
import { parseTranscriptFile } from "./parseTranscriptFile";
import { readDocxText } from "./readDocx";

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURE_DIR, name)));
const DATE = new Date(Date.UTC(2024, 0, 1));

async function zip(files: Record<string, string | Uint8Array>, compression: "DEFLATE" | "STORE" = "DEFLATE"): Promise<Uint8Array> {
  const archive = new JSZip();
  for (const [name, content] of Object.entries(files)) archive.file(name, content, { date: DATE, createFolders: false });
  return archive.generateAsync({ type: "uint8array", compression });
}

const WORD_SKELETON = {
  "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  "_rels/.rels":
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
};

function documentXml(paragraphs: string[]): string {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join("");
  return `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}

/** Overwrites every declared uncompressed size (central directory and local headers) of a jszip archive. */
function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const encoded = new TextEncoder().encode(name);
  for (let at = 0; at + 46 < out.length; at++) {
    const signature = view.getUint32(at, true);
    const offset = signature === 0x02014b50 ? 24 : signature === 0x04034b50 ? 22 : -1;
    const nameAt = signature === 0x02014b50 ? 46 : 30;
    if (offset < 0) continue;
    const nameLength = view.getUint16(at + (signature === 0x02014b50 ? 28 : 26), true);
    if (nameLength === encoded.length && encoded.every((b, i) => out[at + nameAt + i] === b)) view.setUint32(at + offset, size, true);
  }
  return out;
}

describe("reading .docx files safely", () => {
  it("the committed binary fixtures are exactly what the generator script writes", async () => {
    const built = await buildBinaryFixtures();
    for (const [name, bytes] of Object.entries(built)) expect(Buffer.compare(Buffer.from(bytes), Buffer.from(fixture(name))), name).toBe(0);
  });

  it("the zip-bomb fixture is small on disk but declares 64 MB, and is refused before anything is inflated", async () => {
    const bomb = fixture("zip-bomb.docx");
    expect(bomb.length).toBeLessThan(100 * 1024);
    const directory = readZipDirectory(bomb, { ...DEFAULT_IMPORT_LIMITS, maxDocxUncompressedBytes: Number.MAX_SAFE_INTEGER, maxDocxRatio: Infinity });
    expect(directory.ok && directory.entries.find((e) => e.name === "word/document.xml")?.uncompressedSize).toBe(64 * 1024 * 1024);
    expect(await readDocxText(bomb)).toMatchObject({ ok: false, error: expect.stringMatching(/would expand to more than 50 MB/) });
  });

  it("refuses a part whose compression ratio is absurd even when the total is under the limit", async () => {
    const bytes = await zip({ ...WORD_SKELETON, "word/document.xml": new Uint8Array(4 * 1024 * 1024) });
    expect(await readDocxText(bytes)).toMatchObject({ ok: false, error: expect.stringMatching(/expands hundreds of times/) });
  });

  it("refuses an archive that declares a small size but inflates to more (a forged bomb)", async () => {
    const honest = await zip({ ...WORD_SKELETON, "word/document.xml": documentXml(["T: ".concat("a".repeat(200_000))]) });
    const forged = declareSize(honest, "word/document.xml", 1000);
    expect(await readDocxText(forged)).toMatchObject({ ok: false, error: expect.stringMatching(/would expand to more than/) });
  });

  it("refuses an archive with more parts than any Word document has", async () => {
    const files: Record<string, string> = { ...WORD_SKELETON, "word/document.xml": documentXml(["T: hi"]) };
    for (let i = 0; i < 1001; i++) files[`word/media/p${i}.txt`] = "x";
    expect(await readDocxText(await zip(files))).toMatchObject({ ok: false, error: expect.stringMatching(/holds 1,004 parts/) });
  });

  it("refuses an old .doc renamed .docx, a zip that is not a Word document, and a password-protected archive", async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await readDocxText(ole)).toMatchObject({ ok: false, error: expect.stringMatching(/older Word \.doc file/) });
    expect(await readDocxText(await zip({ "notes.txt": "T: hi" }))).toMatchObject({ ok: false, error: expect.stringMatching(/zip archive but not a Word document/) });
    const encrypted = (await zip({ ...WORD_SKELETON, "word/document.xml": documentXml(["T: hi"]) })).slice();
    const view = new DataView(encrypted.buffer);
    for (let at = 0; at + 4 < encrypted.length; at++) if (view.getUint32(at, true) === 0x02014b50) view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true);
    expect(await readDocxText(encrypted)).toMatchObject({ ok: false, error: expect.stringMatching(/password-protected/) });
  });

  it("refuses a truncated archive as damaged", async () => {
    const whole = await zip({ ...WORD_SKELETON, "word/document.xml": documentXml(["T: hi"]) });
    expect(await readDocxText(whole.subarray(0, whole.length - 30))).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) });
  });

  it("reads stored (uncompressed) parts too", async () => {
    const stored = await zip({ ...WORD_SKELETON, "word/document.xml": documentXml(["Therapist: Hello &amp; welcome.", "Client: Hi."]) }, "STORE");
    expect(await readDocxText(stored)).toEqual({ ok: true, text: "Therapist: Hello & welcome.\nClient: Hi." });
  });

  it("refuses a Word document without text", async () => {
    expect(await readDocxText(await zip({ ...WORD_SKELETON, "word/document.xml": documentXml([]) }))).toEqual({ ok: false, error: "This Word document contains no text." });
  });

  it("refuses an Excel workbook renamed .csv with a hint to export CSV", async () => {
    const xlsx = await zip({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" });
    expect(await parseTranscriptFile(xlsx, "session.csv")).toMatchObject({ ok: false, error: expect.stringMatching(/^This file is an Excel workbook, not a CSV file/) });
  });
});
