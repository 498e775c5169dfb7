import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { CurrentUser } from "../../lib/auth/currentUser";
import { transcriptRoom } from "../../lib/collab/roomName";
import { insertAgreementRun } from "../../lib/db/queries/agreement";
import { listCohortAudit } from "../../lib/db/queries/auditRead";
import { setCohortHeadline } from "../../lib/db/queries/cohortHeadline";
import { createExercise, revealExercise } from "../../lib/db/queries/exercises";
import { addMembership, createUser, loadSubject } from "../../lib/db/queries/users";
import { appendUpdate, loadRoomDoc } from "../../lib/db/queries/yjsLog";
import { anchorSpan } from "../../lib/domain/anchoring";
import { putCode, setReviewed } from "../../lib/domain/layerDoc";
import { readTurns, type Turn } from "../../lib/domain/transcriptDoc";
import { AGREEMENT_NOT_AVAILABLE, AppError } from "../../lib/errors";
import { buildExport } from "../../lib/export/buildExport";
import type { ExportFile, ExportFormat } from "../../lib/export/types";
import { sliceCodePoints } from "../../lib/qdpx/positions";
import { readQdpx } from "../support/qdpx/reader";
import { seedTestWorld, type TestWorld } from "../support/seedTestWorld";
import { createTestDb, type TestDb } from "../support/testDb";

/**
 * The export route's core against a real database: a blind exercise where coder B's layer holds a
 * canary (a note, and B's own id and name) that coder A must not find in any export, in any format,
 * until the exercise is revealed — checked on the raw bytes and inside the .qdpx zip.
 */

let testDb: TestDb;
let world: TestWorld;
let exerciseId: string;
let coderA: CurrentUser;
let coderB: CurrentUser;
let instructor: CurrentUser;
let outsider: CurrentUser;
let turns: Turn[];

const CANARY_NOTE = "CANARY-b7e1-only-in-coder-B";
const A_NOTE = "coder A's own note";
const CODE_FORMATS: ExportFormat[] = ["csv", "json", "matrix", "qdpx"];
const NOW = new Date("2026-03-04T05:06:07Z");

async function currentUser(db: TestDb["db"], user: { id: string; name: string; email: string }): Promise<CurrentUser> {
  return { ...user, subject: await loadSubject(db, user.id) };
}

/** Writes a coder's layer as the collaboration server would: one Yjs update in the room's log. */
async function writeLayer(coderId: string, codes: Array<{ id: string; turn: Turn; quote: string; dimension: "self" | "cognition" | "attention" | "emotion"; polarity: "flexible" | "inflexible"; note?: string }>): Promise<void> {
  const db = testDb.db;
  const { doc: txDoc } = await loadRoomDoc(db, transcriptRoom(world.transcriptId));
  const layer = new Y.Doc();
  for (const code of codes) {
    const at = code.turn.text.indexOf(code.quote);
    if (at < 0) throw new Error("quote not in turn");
    putCode(layer, code.id, { ...anchorSpan(txDoc, code.turn.id, at, at + code.quote.length), dimension: code.dimension, polarity: code.polarity, ...(code.note ? { note: code.note } : {}), at: Date.parse("2026-03-01T10:00:00Z"), codebookVersion: 1 });
  }
  setReviewed(
    layer,
    turns.slice(0, 6).map((t) => t.id),
    true,
  );
  await appendUpdate(db, `layer:${exerciseId}:${coderId}`, Y.encodeStateAsUpdate(layer));
  layer.destroy();
  txDoc.destroy();
}

function exportAs(user: CurrentUser, format: ExportFormat): Promise<ExportFile> {
  return buildExport(testDb.db, user, exerciseId, format, format === "matrix" ? { variable: "self.inflexible", now: NOW } : { now: NOW });
}

/** Every readable text of an export: the raw bytes, and for a zip each entry inflated. */
async function everyText(file: ExportFile): Promise<string[]> {
  const texts = [Buffer.from(file.body).toString("utf8"), Buffer.from(file.body).toString("latin1")];
  if (file.contentType === "application/zip") {
    const zip = await JSZip.loadAsync(file.body);
    for (const entry of Object.values(zip.files)) if (!entry.dir) texts.push(await entry.async("string"));
  }
  return texts;
}

async function contains(file: ExportFile, needle: string): Promise<boolean> {
  return (await everyText(file)).some((t) => t.includes(needle));
}

async function expectAppError(promise: Promise<unknown>, kind: AppError["kind"]): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).kind).toBe(kind);
  return error as AppError;
}

beforeAll(async () => {
  testDb = await createTestDb();
  const db = testDb.db;
  world = await seedTestWorld(db);
  const tag = Math.random().toString(36).slice(2, 8);
  const second = { name: `Trainee Two ${tag}`, email: `trainee2-${tag}@coflex.test` };
  const secondId = await createUser(db, { ...second, passwordHash: "x" });
  await addMembership(db, world.cohortId, secondId, "trainee");
  coderA = await currentUser(db, world.trainee);
  coderB = await currentUser(db, { id: secondId, ...second });
  instructor = await currentUser(db, world.instructor);
  outsider = await currentUser(db, world.outsider);
  exerciseId = await createExercise(db, {
    cohortId: world.cohortId,
    transcriptId: world.transcriptId,
    title: 'Séance "blind" / export check',
    mode: "blind",
    revealRule: "instructor",
    coderIds: [coderA.id, coderB.id],
    keyCoderId: null,
    codersSettle: false,
    codebookId: null,
    codebookVersion: 1,
    createdBy: world.instructor.id,
  });
  const { doc } = await loadRoomDoc(db, transcriptRoom(world.transcriptId));
  turns = readTurns(doc);
  doc.destroy();
  const client = turns.filter((t) => t.role === "client" && t.text.length > 20);
  const [first, second2] = [client[0]!, client[1]!];
  await writeLayer(coderA.id, [{ id: "a-code-1", turn: first, quote: first.text.slice(2, 14), dimension: "self", polarity: "inflexible", note: A_NOTE }]);
  await writeLayer(coderB.id, [
    { id: "b-code-1", turn: first, quote: first.text.slice(2, 14), dimension: "self", polarity: "inflexible" },
    { id: "b-canary", turn: second2, quote: second2.text.slice(0, 10), dimension: "attention", polarity: "flexible", note: CANARY_NOTE },
  ]);
});

afterAll(async () => {
  await testDb?.close();
});

describe("exports in a blind exercise before reveal", () => {
  it.each(CODE_FORMATS)("answer coder A's %s with the agreement API's 404, so not even their own layer leaves before the reveal", async (format) => {
    const error = await expectAppError(exportAs(coderA, format), "not_found");
    expect(error.publicMessage).toBe(AGREEMENT_NOT_AVAILABLE);
  });

  it("answer coder A's agreement files with the agreement API's 404, and audit every refusal", async () => {
    await expectAppError(exportAs(coderA, "agreement-csv"), "not_found");
    await expectAppError(exportAs(coderA, "agreement-json"), "not_found");
    const audit = await listCohortAudit(testDb.db, world.cohortId, { limit: 500 });
    for (const format of [...CODE_FORMATS, "agreement-csv"]) {
      expect(audit.some((r) => r.action === `exercise.export:${format}` && r.outcome === "denied" && r.userName === coderA.name)).toBe(true);
    }
  });

  it("give the non-coding instructor every layer", async () => {
    for (const format of ["csv", "json", "qdpx"] as const) expect(await contains(await exportAs(instructor, format), CANARY_NOTE)).toBe(true);
    expect(await contains(await exportAs(instructor, "matrix"), coderB.id)).toBe(true);
  });

  it("answer a clear 404 for agreement files while no run is stored", async () => {
    const error = await expectAppError(exportAs(instructor, "agreement-csv"), "not_found");
    expect(error.publicMessage).toMatch(/no agreement is available/i);
  });

  it("treat a stranger to the exercise as not found", async () => {
    await expectAppError(exportAs(outsider, "csv"), "not_found");
  });
});

describe("exports after reveal", () => {
  beforeAll(async () => {
    await revealExercise(testDb.db, exerciseId);
    await insertAgreementRun(testDb.db, {
      exerciseId,
      fingerprint: "test-fingerprint",
      trigger: "reveal",
      durationMs: 5,
      // A whole stored output (lib/agreement/runSchema), as the producer writes it: the export reads it as one.
      outputJson: JSON.stringify({
        engine: 3,
        settings: { bootstrap: { replicates: 50, seed: 1 }, pairCiMaxCoders: 3, keyCiKinds: ["dimension"], pairDetailMaxCoders: 10 },
        nUnits: 6,
        unitScope: "client_turns",
        unitDefinition: "Units are the 6 client turns; the other 6 turns (therapist and other speakers) are not units.",
        coders: [coderA.id, coderB.id],
        idleCoders: [],
        keyCoderId: null,
        variables: { "self.inflexible": { krippendorff_alpha: -0.0625, n_units: 6, n_coders: 2, n_pairable_units: 6, warnings: [] } },
        variableInfo: {},
        unitizing: null,
        pairs: [],
        vsKey: [],
        warnings: [],
      }),
      rows: [{ variable: "self.inflexible", coderA: coderA.id, coderB: coderB.id, statistic: "krippendorff_alpha", value: -0.0625, ciLow: null, ciHigh: null, nUnits: 6, nCoders: 2, prevalence: { "0": 0.9, "1": 0.1 }, warnings: null }],
    });
  });

  it.each(CODE_FORMATS)("give coder A coder B's layer too in %s", async (format) => {
    const file = await exportAs(coderA, format);
    if (format === "matrix") expect(await contains(file, coderB.id)).toBe(true);
    else expect(await contains(file, CANARY_NOTE)).toBe(true);
  });

  it("place every selection of the .qdpx on its quote in the transcript text", async () => {
    const read = await readQdpx((await exportAs(coderA, "qdpx")).body);
    const csv = Buffer.from((await exportAs(coderA, "json")).body).toString("utf8");
    const codes = (JSON.parse(csv) as { codes: Array<{ quote: string; orphaned: boolean }> }).codes.filter((c) => !c.orphaned);
    const text = read.sources[0]!.text;
    expect(read.selections.map((s) => sliceCodePoints(text, s.startPosition, s.endPosition)).sort()).toEqual(codes.map((c) => c.quote).sort());
    expect(read.selections).toHaveLength(3);
  });

  it("give coder A the stored agreement run as CSV and JSON", async () => {
    const csv = Buffer.from((await exportAs(coderA, "agreement-csv")).body).toString("utf8");
    // Coder B is another trainee, and this exercise does not show trainees each other's names.
    expect(csv).toContain(`self.inflexible,${coderA.id},${coderA.name},${coderB.id},Trainee 1,krippendorff_alpha,-0.0625`);
    expect(csv).not.toContain(coderB.name);
    const json = JSON.parse(Buffer.from((await exportAs(coderA, "agreement-json")).body).toString("utf8")) as { output: unknown; runId: string };
    expect(json.output).toMatchObject({ variables: { "self.inflexible": { krippendorff_alpha: -0.0625 } } });
  });

  it("open the agreement CSV with a header block: the cohort's headline statistic and its value, and what a unit is", async () => {
    const csv = Buffer.from((await exportAs(coderA, "agreement-csv")).body).toString("utf8");
    const block = csv.slice(1).split("\r\n").filter((line) => line.startsWith("# "));
    expect(block).toContain(`# Headline statistic (the cohort's setting): Krippendorff's α with Krippendorff bands, on the variable "pooled" (each turn's whole code set)`);
    expect(block.some((line) => line.startsWith("# Exercise headline, all compared coders: Krippendorff's α"))).toBe(true);
    expect(block).toContain("# Units: Units are the 6 client turns; the other 6 turns (therapist and other speakers) are not units.");
    // The cohort's setting, not a fixed one: switch it and the block follows.
    await setCohortHeadline(testDb.db, world.cohortId, { statistic: "kappa", bands: "landis-koch" });
    try {
      const again = Buffer.from((await exportAs(coderA, "agreement-csv")).body).toString("utf8");
      expect(again).toContain(`# Headline statistic (the cohort's setting): κ (Cohen / Fleiss) with Landis & Koch bands`);
      const json = JSON.parse(Buffer.from((await exportAs(coderA, "agreement-json")).body).toString("utf8")) as { headline: { name: string }; unitDefinition: string };
      expect(json.headline.name).toBe("κ (Cohen / Fleiss) with Landis & Koch bands");
      expect(json.unitDefinition).toMatch(/^Units are the 6 client turns/);
    } finally {
      await setCohortHeadline(testDb.db, world.cohortId, { statistic: "alpha", bands: "krippendorff" });
    }
  });

  it("name files safely and mark them as attachments of the right type", async () => {
    const csv = await exportAs(coderA, "csv");
    expect(csv.fileName).toBe("coflex-seance-blind-export-check-codes-2026-03-04.csv");
    expect(csv.contentType).toMatch(/^text\/csv; charset=utf-8/);
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await exportAs(coderA, "matrix")).fileName).toBe("coflex-seance-blind-export-check-matrix-self-inflexible-2026-03-04.csv");
    expect((await exportAs(coderA, "qdpx")).contentType).toBe("application/zip");
  });

  it("write an audit row for every export handed out", async () => {
    const audit = await listCohortAudit(testDb.db, world.cohortId, { limit: 500 });
    const ok = audit.filter((r) => r.outcome === "ok" && r.resource === `exercise:${exerciseId}`);
    for (const format of ["csv", "json", "matrix", "qdpx", "agreement-csv", "agreement-json"]) {
      expect(ok.some((r) => r.action === `exercise.export:${format}` && r.userName === coderA.name)).toBe(true);
    }
    expect(ok.some((r) => r.action === "exercise.export:csv" && r.userName === instructor.name)).toBe(true);
    // Audit rows name the resource, never its content.
    expect(JSON.stringify(audit)).not.toContain(CANARY_NOTE);
  });
});
