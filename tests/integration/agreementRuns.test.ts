import { and, eq, sql } from "drizzle-orm";
import { monitorEventLoopDelay, performance as nodePerformance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { type ExerciseFacts, type Subject, can } from "../../lib/auth/can";
import { rightsChanged } from "../../lib/collab/rightsBus";
import { roomName, transcriptRoom } from "../../lib/collab/roomName";
import { agreementRunRows, agreementView, exercisesNeedingRun, latestAgreementRun, latestRunWithPairsOf } from "../../lib/db/queries/agreement";
import { createExercise, exerciseFacts, getExercise, revealExercise } from "../../lib/db/queries/exercises";
import { createTranscript } from "../../lib/db/queries/transcripts";
import { addMembership, createUser, loadSubject } from "../../lib/db/queries/users";
import { appendUpdate, loadRoomDoc } from "../../lib/db/queries/yjsLog";
import { agreementPairSummaries, agreementRuns } from "../../lib/db/schema";
import { anchorContext, anchorSpan } from "../../lib/domain/anchoring";
import { DIMENSIONS, POLARITIES } from "../../lib/domain/codebook";
import { putCode, setReviewed } from "../../lib/domain/layerDoc";
import { readTurns } from "../../lib/domain/transcriptDoc";
import { type AgreementScheduler, type RunEvent, startAgreementScheduler, storedRunOf } from "../../server/jobs/agreementScheduler";
import { type TestClient, connectClient } from "../support/collabClient";
import { type CollabTestServer, startCollabTestServer } from "../support/collabTestServer";
import { seedTestWorld, type TestUser, type TestWorld } from "../support/seedTestWorld";
import { sessionCookie } from "../support/sessionCookie";
import { createTestDb, type TestDb } from "../support/testDb";
import { seededRandom } from "../support/transcriptText";

const canSeeAgreement = (subject: Subject, facts: ExerciseFacts) => can(subject, "exercise.agreement", { kind: "exercise", exercise: facts });

let t: TestDb;
let world: TestWorld;
let server: CollabTestServer;
let scheduler: AgreementScheduler;
const events: RunEvent[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestWorld(t.db);
  server = await startCollabTestServer(t.db);
  // The real scheduler and worker thread, listening to the collaboration server's commits in this process.
  // Layer edits alone wait for a quiet period in production (2 s); these tests time the store path itself.
  scheduler = startAgreementScheduler({ db: t.db, catchUp: false, layersQuietMs: 250, layersMaxDelayMs: 1500 });
  scheduler.onRun((event) => events.push(event));
  // A server starts its worker at boot; the timings below are about runs, not about loading the thread.
  await scheduler.ready();
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.close();
  await scheduler?.stop();
  await t?.close();
});

function layerRoom(exerciseId: string, coderId: string): string {
  return roomName({ kind: "layer", exerciseId, coderId });
}

async function newExercise(mode: "open" | "blind", coders: TestUser[], key: TestUser | null = null): Promise<string> {
  return createExercise(t.db, {
    cohortId: world.cohortId,
    transcriptId: world.transcriptId,
    title: `agreement ${mode}`,
    mode,
    revealRule: "instructor",
    coderIds: coders.map((c) => c.id),
    keyCoderId: key?.id ?? null,
    codersSettle: false,
    codebookId: null,
    codebookVersion: 1,
  createdBy: world.instructor.id,
  });
}

async function coderClient(exerciseId: string, user: TestUser): Promise<TestClient> {
  const c = connectClient(server.url, layerRoom(exerciseId, user.id), await sessionCookie(user));
  clients.push(c);
  await c.synced();
  return c;
}

async function allSaved(c: TestClient): Promise<void> {
  await vi.waitFor(() => expect(c.socket().saved).toBe(c.socket().writesSent), { timeout: 5_000, interval: 10 });
}

/** Codes every turn with a rule per coder, as a coder working through the transcript would. */
async function codeTurns(c: TestClient, tx: Y.Doc, pole: (i: number) => "flexible" | "inflexible"): Promise<void> {
  const turns = readTurns(tx);
  const context = anchorContext(tx);
  c.doc.transact(() => {
    setReviewed(
      c.doc,
      turns.map((turn) => turn.id),
      true,
    );
    turns.forEach((turn, i) => {
      if (turn.text.length < 4) return;
      const anchor = anchorSpan(tx, turn.id, 0, 4, context);
      // Half of the client turns (whichever parity they have), so self.inflexible varies across units and α is defined.
      if (i % 4 === 1 || i % 4 === 2) putCode(c.doc, `self-${i}`, { ...anchor, dimension: "self", polarity: "inflexible", at: i });
      if (i % 3 === 0) putCode(c.doc, `cog-${i}`, { ...anchor, dimension: "cognition", polarity: pole(i), at: i });
    });
  });
  await allSaved(c);
}

async function runCount(exerciseId: string): Promise<number> {
  const rows = await t.db.select({ n: sql<number>`count(*)::int` }).from(agreementRuns).where(eq(agreementRuns.exerciseId, exerciseId));
  return rows[0]?.n ?? 0;
}

function eventsFor(exerciseId: string): RunEvent[] {
  return events.filter((e) => e.exerciseId === exerciseId);
}

async function transcriptDoc(transcriptId = world.transcriptId): Promise<Y.Doc> {
  return (await loadRoomDoc(t.db, transcriptRoom(transcriptId))).doc;
}

describe("agreement runs", () => {
  it("stores a run within 3 s after two coders' layer edits are saved, with every variable, the pair and the key comparison", async () => {
    const exerciseId = await newExercise("open", [world.supervisor, world.trainee], world.supervisor);
    const tx = await transcriptDoc();
    const [a, b] = await Promise.all([coderClient(exerciseId, world.supervisor), coderClient(exerciseId, world.trainee)]);
    await Promise.all([codeTurns(a, tx, () => "inflexible"), codeTurns(b, tx, (i) => (i % 6 === 0 ? "flexible" : "inflexible"))]);
    const savedAt = performance.now();
    await vi.waitFor(async () => expect(await latestAgreementRun(t.db, exerciseId)).not.toBeNull(), { timeout: 10_000, interval: 25 });
    const elapsed = performance.now() - savedAt;
    await vi.waitFor(() => expect(eventsFor(exerciseId)).toHaveLength(1));
    expect(elapsed, `stored after ${Math.round(elapsed)} ms: ${JSON.stringify(eventsFor(exerciseId))}`).toBeLessThan(3_000);

    const run = (await latestAgreementRun(t.db, exerciseId))!;
    const coders = [world.supervisor.id, world.trainee.id].sort();
    expect(run.output.coders).toEqual(coders);
    expect(Object.keys(run.output.variables)).toHaveLength(19);
    expect(run.output.variables["self.inflexible"]).toMatchObject({ n_coders: 2, krippendorff_alpha: 1 });
    expect(run.output.variables.cognition?.ci?.krippendorff_alpha).toHaveLength(2);
    expect(run.output.pairs).toHaveLength(1);
    expect(run.output.vsKey).toEqual([{ coder: world.trainee.id, key: world.supervisor.id }]);
    expect(agreementView(run, []).vsKey[0]?.variables.cognition?.ci?.cohen_kappa).toHaveLength(2);
    expect(run.output.unitizing?.n_coders).toBe(2);
    const rows = await agreementRunRows(t.db, run.id);
    const overallAlpha = rows.find((r) => r.variable === "pooled" && r.coderA === null && r.statistic === "krippendorff_alpha");
    expect(overallAlpha).toMatchObject({ nCoders: 2 });
    expect(overallAlpha?.ciLow).not.toBeNull();
    expect(rows.some((r) => r.coderA === coders[0] && r.coderB === coders[1] && r.statistic === "cohen_kappa")).toBe(true);
    console.info(`[agreement] demo-size run (2 coders × ${run.output.nUnits} turns): stored ${Math.round(elapsed)} ms after the last save, worker compute ${run.durationMs} ms, ${rows.length} result rows`);
  });

  it("does not recompute identical inputs: a note edit or a rights change finds the stored fingerprint", async () => {
    const exerciseId = await newExercise("open", [world.supervisor, world.trainee]);
    const tx = await transcriptDoc();
    const [a, b] = await Promise.all([coderClient(exerciseId, world.supervisor), coderClient(exerciseId, world.trainee)]);
    await Promise.all([codeTurns(a, tx, () => "inflexible"), codeTurns(b, tx, () => "flexible")]);
    await vi.waitFor(() => expect(eventsFor(exerciseId).some((e) => e.outcome === "stored")).toBe(true), { timeout: 10_000, interval: 25 });
    const stored = eventsFor(exerciseId).find((e) => e.outcome === "stored")!;
    expect(await runCount(exerciseId)).toBe(1);

    // A note changes the document but no unit: the worker finds the same fingerprint.
    const codes = a.doc.getMap("codes");
    codes.set("self-1", { ...(codes.get("self-1") as Record<string, unknown>), note: "a second thought" });
    await allSaved(a);
    await vi.waitFor(() => expect(eventsFor(exerciseId).filter((e) => e.outcome === "unchanged")).toHaveLength(1), { timeout: 10_000, interval: 25 });
    rightsChanged({ kind: "exercise", exerciseId, transcriptId: world.transcriptId });
    await vi.waitFor(() => expect(eventsFor(exerciseId).filter((e) => e.outcome === "unchanged")).toHaveLength(2), { timeout: 10_000, interval: 25 });
    for (const e of eventsFor(exerciseId).filter((x) => x.outcome === "unchanged")) {
      expect(e.outcome === "unchanged" && e.fingerprint).toBe(stored.outcome === "stored" && stored.fingerprint);
    }
    expect(await runCount(exerciseId)).toBe(1);

    // A real change is computed and stored as a new run.
    codes.set("self-1", { ...(codes.get("self-1") as Record<string, unknown>), polarity: "flexible" });
    await allSaved(a);
    await vi.waitFor(async () => expect(await runCount(exerciseId)).toBe(2), { timeout: 10_000, interval: 25 });
  });

  it("hides agreement from a blind-mode trainee before reveal and shows it after (authorization rule + stored run the route serves)", async () => {
    const exerciseId = await newExercise("blind", [world.supervisor, world.trainee]);
    const tx = await transcriptDoc();
    const [a, b] = await Promise.all([coderClient(exerciseId, world.supervisor), coderClient(exerciseId, world.trainee)]);
    await Promise.all([codeTurns(a, tx, () => "inflexible"), codeTurns(b, tx, () => "inflexible")]);
    await vi.waitFor(async () => expect(await latestAgreementRun(t.db, exerciseId)).not.toBeNull(), { timeout: 10_000, interval: 25 });

    const facts = async () => exerciseFacts((await getExercise(t.db, exerciseId))!);
    const trainee = await loadSubject(t.db, world.trainee.id);
    const instructor = await loadSubject(t.db, world.instructor.id);
    expect(canSeeAgreement(trainee, await facts())).toBe(false);
    // Staff who do not code may watch a blind exercise live; a coding supervisor may not.
    expect(canSeeAgreement(instructor, await facts())).toBe(true);
    expect(canSeeAgreement(await loadSubject(t.db, world.supervisor.id), await facts())).toBe(false);

    expect(await revealExercise(t.db, exerciseId)).toBe(true);
    const before = eventsFor(exerciseId).length;
    rightsChanged({ kind: "exercise", exerciseId, transcriptId: world.transcriptId });
    expect(canSeeAgreement(trainee, await facts())).toBe(true);
    await vi.waitFor(() => expect(eventsFor(exerciseId).length).toBeGreaterThan(before), { timeout: 10_000, interval: 25 });
    const run = (await latestAgreementRun(t.db, exerciseId))!;
    const exercise = (await getExercise(t.db, exerciseId))!;
    const view = agreementView(run, exercise.coders);
    const clientTurns = readTurns(tx).filter((turn) => turn.role === "client").length;
    expect(view).toMatchObject({ runId: run.id, keyCoderId: null, nUnits: clientTurns });
    expect(view.unitDefinition).toMatch(new RegExp(`^Units are the ${clientTurns} client turns`));
    expect(view.coders.map((c) => c.name).sort()).toEqual([world.supervisor.name, world.trainee.name].sort());
    expect(view.variables.pooled?.krippendorff_alpha).toBe(1);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it("computes at start the exercises whose layers changed after their latest run (changes no scheduler heard)", async () => {
    const exerciseId = await newExercise("open", [world.supervisor, world.trainee]);
    const tx = await transcriptDoc();
    const turns = readTurns(tx);
    const write = async (user: TestUser, polarity: "flexible" | "inflexible") => {
      const doc = new Y.Doc();
      setReviewed(
        doc,
        turns.map((turn) => turn.id),
        true,
      );
      putCode(doc, "only", { ...anchorSpan(tx, turns[1]!.id, 0, 4), dimension: "attention", polarity, at: 1 });
      // Straight into the log: no collaboration server, so no room event reaches any scheduler.
      await appendUpdate(t.db, layerRoom(exerciseId, user.id), Y.encodeStateAsUpdate(doc));
    };
    await write(world.supervisor, "flexible");
    await write(world.trainee, "flexible");
    expect(await exercisesNeedingRun(t.db)).toContain(exerciseId);

    const restarted = startAgreementScheduler({ db: t.db, subscribe: false });
    try {
      const seen: RunEvent[] = [];
      restarted.onRun((e) => seen.push(e));
      await vi.waitFor(() => expect(seen.filter((e) => e.exerciseId === exerciseId).map((e) => e.outcome)).toEqual(["stored"]), { timeout: 20_000, interval: 25 });
      expect(seen.find((e) => e.exerciseId === exerciseId)?.trigger).toBe("startup");
      expect(await exercisesNeedingRun(t.db)).not.toContain(exerciseId);
      await write(world.trainee, "inflexible");
      expect(await exercisesNeedingRun(t.db)).toContain(exerciseId);
    } finally {
      await restarted.stop();
    }
  });

  // The event loop's delay meanwhile is printed, not asserted: speed targets live in the benchmarks
  // (bench:classroom measures what it costs the coders — their saved-acks — under a real class's load).
  it("computes a 30-coder × 400-turn run off the main thread and stores every pair and the key comparison", async () => {
    const random = seededRandom(42);
    const transcriptId = await createTranscript(t.db, {
      cohortId: world.cohortId,
      title: "large",
      createdBy: world.instructor.id,
      turns: Array.from({ length: 400 }, (_, i) => ({
        speaker: i % 2 ? "Client" : "Therapist",
        role: i % 2 ? ("client" as const) : ("therapist" as const),
        start: i * 10,
        end: i * 10 + 9,
        text: `Turn ${i}: a synthetic utterance long enough to highlight a part of it.`,
      })),
    });
    const coders: string[] = [];
    for (let i = 0; i < 30; i++) {
      const id = await createUser(t.db, { email: `bulk-${i}-${transcriptId}@coflex.test`, name: `Bulk ${i}`, passwordHash: "x" });
      await addMembership(t.db, world.cohortId, id, "trainee");
      coders.push(id);
    }
    const exerciseId = await createExercise(t.db, {
      cohortId: world.cohortId,
      transcriptId,
      title: "large cohort",
      mode: "open",
      revealRule: "instructor",
      coderIds: coders,
      keyCoderId: coders[0]!,
      codersSettle: false,
      codebookId: null,
      codebookVersion: 1,
      createdBy: world.instructor.id,
    });
    const tx = await transcriptDoc(transcriptId);
    const turns = readTurns(tx);
    const context = anchorContext(tx);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const truth = turns.map(() => (random() < 0.5 ? [{ dimension: pick(DIMENSIONS), polarity: pick(POLARITIES) }] : []));
    for (const coderId of coders) {
      const doc = new Y.Doc();
      setReviewed(
        doc,
        turns.filter(() => random() < 0.95).map((turn) => turn.id),
        true,
      );
      turns.forEach((turn, i) => {
        for (const code of truth[i]!) {
          if (random() > 0.85) continue;
          const anchor = anchorSpan(tx, turn.id, 0, 12, context);
          putCode(doc, `${i}-${code.dimension}`, { ...anchor, ...(random() < 0.85 ? code : { dimension: pick(DIMENSIONS), polarity: code.polarity }), at: i });
        }
      });
      await appendUpdate(t.db, layerRoom(exerciseId, coderId), Y.encodeStateAsUpdate(doc));
      doc.destroy();
    }

    // For the report: what this machine's event loop does with nothing of ours running (shared CI boxes are noisy).
    const baseline = monitorEventLoopDelay({ resolution: 5 });
    baseline.enable();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    baseline.disable();

    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const busyBefore = nodePerformance.eventLoopUtilization();
    const started = performance.now();
    scheduler.schedule(exerciseId, "layers");
    await vi.waitFor(() => expect(eventsFor(exerciseId).map((e) => e.outcome)).toContain("stored"), { timeout: 120_000, interval: 50 });
    delay.disable();
    const busy = nodePerformance.eventLoopUtilization(busyBefore).utilization;
    const wall = performance.now() - started;
    const event = eventsFor(exerciseId).find((e) => e.outcome === "stored")!;
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    console.info(
      `[agreement] 30 coders × 400 turns: wall ${Math.round(wall)} ms, ` +
        (event.outcome === "stored" ? `worker ${Math.round(event.durationMs)} ms, store ${Math.round(event.storeMs)} ms, ${event.rows} rows; ` : "") +
        `event-loop delay (5 ms timer) p50 ${ms(delay.percentile(50))} ms, p99 ${ms(delay.percentile(99))} ms, max ${ms(delay.max)} ms ` +
        `(idle baseline p99 ${ms(baseline.percentile(99))} ms, max ${ms(baseline.max)} ms); main thread busy ${Math.round(busy * 100)}% of the time`,
    );
    const run = (await latestAgreementRun(t.db, exerciseId))!;
    expect(run.output.coders).toHaveLength(30);
    expect(run.output.pairs).toHaveLength(435);
    // The 406 summary pairs (pairs without the key) are rows of their own, not part of the run's JSON…
    const summaryRows = await t.db.select({ n: sql<number>`count(*)::int` }).from(agreementPairSummaries).where(eq(agreementPairSummaries.runId, run.id));
    expect(summaryRows[0]?.n).toBe(406);
    const inJson = await t.db.select({ n: sql<number>`jsonb_array_length(${agreementRuns.output}->'pairs')` }).from(agreementRuns).where(eq(agreementRuns.id, run.id));
    expect(inJson[0]?.n).toBe(29);
    // …and reading the run back gives exactly what the live agreement was handed when it was stored.
    expect(event.outcome).toBe("stored");
    if (event.outcome === "stored") expect(run).toEqual(await storedRunOf(event));
    // One coder's pairs (here the key's 29, all full, from the run's JSON), the rest dropped by the database.
    const forReview = (await latestRunWithPairsOf(t.db, exerciseId, [coders[0]!]))!;
    expect(forReview.output.pairs).toHaveLength(29);
    expect(forReview.output.pairs.every((p) => p.coderA === coders[0] || p.coderB === coders[0])).toBe(true);
    expect({ ...forReview, output: { ...forReview.output, pairs: [] } }).toEqual({ ...run, output: { ...run.output, pairs: [] } });
    // What staff's group review reads: no pairs at all.
    expect((await latestRunWithPairsOf(t.db, exerciseId, []))!.output.pairs).toEqual([]);
    // What a trainee's review reads ("me vs key"): their 29 pairs, 28 of them summaries from their own rows.
    const forTrainee = (await latestRunWithPairsOf(t.db, exerciseId, [coders[5]!]))!;
    expect(forTrainee.output.pairs).toHaveLength(29);
    expect(forTrainee.output.pairs.filter((p) => p.detail === "summary")).toHaveLength(28);
    // What one pair's detail reads: the pairs of either coder (29 + 29 − their own, counted once).
    const forPair = (await latestRunWithPairsOf(t.db, exerciseId, [coders[1]!, coders[2]!]))!;
    expect(forPair.output.pairs).toHaveLength(57);
    expect(forPair.output.pairs.filter((p) => [p.coderA, p.coderB].includes(coders[1]!) && [p.coderA, p.coderB].includes(coders[2]!))).toHaveLength(1);
    expect(run.output.vsKey).toHaveLength(29);
    const view = agreementView(run, []);
    expect(view.vsKey).toHaveLength(29);
    expect(view.vsKey[0]!.variables.cognition?.ci?.cohen_kappa).toBeDefined();
    const keyRows = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(agreementRuns)
      .where(and(eq(agreementRuns.exerciseId, exerciseId)));
    expect(keyRows[0]?.n).toBe(1);
  });
});
