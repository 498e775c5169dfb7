import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SCALAR_STATISTICS, computeAgreement, type AgreementResult } from "../../lib/agreement";
import { rightsChanged } from "../../lib/collab/rightsBus";
import { MESSAGE_AGREEMENT } from "../../lib/collab/protocol";
import { roomName, transcriptRoom } from "../../lib/collab/roomName";
import { type WatchMessage, parseWatchMessage } from "../../lib/collab/watchMessages";
import { createExercise, revealExercise } from "../../lib/db/queries/exercises";
import { addMembership, createUser, loadSubject } from "../../lib/db/queries/users";
import { readAgreement } from "../../lib/exercise/exerciseDecisions";
import { loadRoomDoc } from "../../lib/db/queries/yjsLog";
import { agreementUnits } from "../../lib/domain/agreementUnits";
import { anchorContext, anchorSpan } from "../../lib/domain/anchoring";
import { DIMENSIONS } from "../../lib/domain/codebook";
import { activeCoders, buildFadUnits, fadVariables, selectCoders } from "../../lib/domain/fadUnits";
import { putCode, readLayer, setReviewed } from "../../lib/domain/layerDoc";
import { readTurns } from "../../lib/domain/transcriptDoc";
import { LiveAgreement, type LiveWiring, createRedisRelay, startLiveAgreement } from "../../server/collab";
import { type RunEvent, startAgreementScheduler, storedRunOf } from "../../server/jobs/agreementScheduler";
import { type RawSocket, type TestClient, connectClient, openRawSocket } from "../support/collabClient";
import { type CollabTestServer, startCollabTestServer } from "../support/collabTestServer";
import { type TestUser, type TestWorld, seedTestWorld } from "../support/seedTestWorld";
import { sessionCookie } from "../support/sessionCookie";
import { type TestDb, createTestDb } from "../support/testDb";

/**
 * Issue 8 end to end on a real WebSocket server (port 0) with real y-websocket clients: a class of 30
 * codes a blind keyed exercise at once; the summary pushed on watch:<id> after the last change equals a
 * full recomputation from the stored layers; blind coders' watch sockets carry no summary byte before the
 * reveal and do after; the reveal reaches every coder's watch socket within a second.
 */

const CODERS = 30;
const quiet = { info: () => undefined, warn: () => undefined, error: (m: string, f?: Record<string, unknown>) => console.error(m, f) };

let t: TestDb;
let world: TestWorld;
let wiring: LiveWiring;
let server: CollabTestServer;
const closers: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestWorld(t.db);
  // With REDIS_URL (the PostgreSQL+Redis tier) the rooms and the live engine use the relay as in production.
  const redisUrl = process.env.REDIS_URL;
  const relay = redisUrl ? await createRedisRelay(redisUrl, quiet) : null;
  const liveRelay = redisUrl ? await createRedisRelay(redisUrl, quiet) : null;
  wiring = startLiveAgreement({ db: t.db, relay: liveRelay, logger: quiet });
  server = await startCollabTestServer(t.db, { watch: wiring.watch, relay });
  closers.push(
    () => server.close(),
    () => wiring.close(),
    async () => {
      await relay?.close();
      await liveRelay?.close();
    },
  );
}, 120_000);

afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await t?.close();
});

interface Watcher {
  socket: RawSocket;
  received: Array<{ at: number; message: WatchMessage | null; type: number }>;
}

async function watch(exerciseId: string, user: TestUser): Promise<Watcher> {
  const socket = await openRawSocket(server.url, roomName({ kind: "watch", exerciseId }), await sessionCookie(user));
  const received: Watcher["received"] = [];
  // Frames that arrived before this listener (openRawSocket records from the start) count too.
  for (const bytes of socket.messages) received.push({ at: Date.now(), message: parseWatchMessage(bytes), type: bytes[0]! });
  socket.ws.on("message", (data: Buffer) => {
    const bytes = new Uint8Array(data);
    received.push({ at: Date.now(), message: parseWatchMessage(bytes), type: bytes[0]! });
  });
  closers.push(() => socket.ws.close());
  return { socket, received };
}

function lastSummary(w: Watcher) {
  for (let i = w.received.length - 1; i >= 0; i--) {
    const m = w.received[i]!.message;
    if (m?.type === "agreement") return m.view;
  }
  return null;
}

async function fullRecompute(exerciseId: string, coderIds: readonly string[]): Promise<Record<string, AgreementResult>> {
  const { doc: tx } = await loadRoomDoc(t.db, transcriptRoom(world.transcriptId));
  const units = agreementUnits(readTurns(tx), "client_turns").turnIds;
  tx.destroy();
  const layers = [];
  for (const coderId of [...coderIds].sort()) {
    const { doc } = await loadRoomDoc(t.db, roomName({ kind: "layer", exerciseId, coderId }));
    const layer = readLayer(doc);
    layers.push({ coderId, codes: layer.codes, reviewed: layer.reviewed });
    doc.destroy();
  }
  const all = buildFadUnits(units, layers);
  const out: Record<string, AgreementResult> = {};
  for (const v of fadVariables(selectCoders(all, activeCoders(all)))) out[v.name] = computeAgreement(v.input);
  return out;
}

function expectSameEstimates(live: Record<string, Omit<AgreementResult, "warnings"> & { warnings?: string[] }>, full: Record<string, AgreementResult>): void {
  expect(Object.keys(live).sort()).toEqual(Object.keys(full).sort());
  for (const [name, result] of Object.entries(full)) {
    const got = live[name]!;
    expect([got.n_units, got.n_coders, got.n_pairable_units], name).toEqual([result.n_units, result.n_coders, result.n_pairable_units]);
    for (const key of SCALAR_STATISTICS) {
      if (result[key] === undefined) expect(got[key], `${name} ${key}`).toBeUndefined();
      else expect(Math.abs(got[key]! - result[key]!), `${name} ${key}`).toBeLessThanOrEqual(1e-9);
    }
  }
}

describe("live agreement for a class of 30 (real server, real clients)", () => {
  it("pushes a summary equal to a full recompute, nothing to blind coders before the reveal, the reveal to every coder within 1 s, stores runs from its replicas that match the stored logs, and keeps a current run's intervals after a restart", async () => {
    const tag = Math.random().toString(36).slice(2, 7);
    const trainees: TestUser[] = [];
    for (let i = 0; i < CODERS - 1; i++) {
      const email = `class-${tag}-${i}@coflex.test`;
      const id = await createUser(t.db, { email, name: `Trainee ${i} ${tag}`, passwordHash: "x" });
      await addMembership(t.db, world.cohortId, id, "trainee");
      trainees.push({ id, name: `Trainee ${i} ${tag}`, email });
    }
    const coders = [world.supervisor, ...trainees];
    const exerciseId = await createExercise(t.db, {
      cohortId: world.cohortId,
      transcriptId: world.transcriptId,
      title: "class of 30",
      mode: "blind",
      revealRule: "instructor",
      coderIds: coders.map((c) => c.id),
      keyCoderId: world.supervisor.id,
      codersSettle: false,
      codebookId: null,
      codebookVersion: 1,
      createdBy: world.instructor.id,
    });

    const staff = await watch(exerciseId, world.instructor);
    const coderWatchers = await Promise.all(coders.map((c) => watch(exerciseId, c)));
    // Everyone hears the exercise's state first.
    await vi.waitFor(() => {
      for (const w of [staff, ...coderWatchers]) expect(w.received.some((r) => r.message?.type === "exercise")).toBe(true);
    });

    const { doc: tx } = await loadRoomDoc(t.db, transcriptRoom(world.transcriptId));
    const turns = readTurns(tx);
    const context = anchorContext(tx);
    const clients: TestClient[] = [];
    closers.push(() => {
      for (const c of clients) c.destroy();
    });
    // Each coder reviews and codes in a few bursts, all coders at once.
    await Promise.all(
      coders.map(async (coder, c) => {
        const client = connectClient(server.url, roomName({ kind: "layer", exerciseId, coderId: coder.id }), await sessionCookie(coder));
        clients.push(client);
        await client.synced(30_000);
        for (let round = 0; round < 3; round++) {
          client.doc.transact(() => {
            const slice = turns.filter((_, i) => (i + c + round) % 3 === 0);
            setReviewed(
              client.doc,
              slice.map((turn) => turn.id),
              true,
            );
            slice.forEach((turn, i) => {
              if (turn.text.length < 4 || (i + c) % 4 === 0) return;
              const dimension = DIMENSIONS[(i + (c % 3)) % DIMENSIONS.length]!;
              putCode(client.doc, `k${round}-${i}`, { ...anchorSpan(tx, turn.id, 0, 4, context), dimension, polarity: (i + c) % 5 === 0 ? "flexible" : "inflexible", at: round * 100 + i });
            });
          });
        }
        await vi.waitFor(() => expect(client.socket().saved).toBe(client.socket().writesSent), { timeout: 20_000, interval: 20 });
      }),
    );

    // Every update acked; the summary pushed after the last change equals a full recompute of what is stored.
    const full = await fullRecompute(
      exerciseId,
      coders.map((c) => c.id),
    );
    expect(Object.keys(full).length).toBeGreaterThanOrEqual(18);
    await vi.waitFor(
      () => {
        const view = lastSummary(staff);
        expect(view?.comparedCoders).toHaveLength(CODERS);
        expectSameEstimates(view!.variables, full);
      },
      { timeout: 5_000, interval: 50 },
    );

    // Blind coders (the key coder included) got not one summary byte before the reveal.
    for (const w of coderWatchers) expect(w.received.filter((r) => r.type === MESSAGE_AGREEMENT)).toEqual([]);

    await revealExercise(t.db, exerciseId);
    const revealedAt = Date.now();
    rightsChanged({ kind: "exercise", exerciseId, transcriptId: world.transcriptId });
    await vi.waitFor(
      () => {
        for (const w of coderWatchers) {
          expect(w.received.some((r) => r.message?.type === "exercise" && r.message.state.state === "revealed")).toBe(true);
          expect(lastSummary(w)).not.toBeNull();
        }
      },
      { timeout: 5_000, interval: 10 },
    );
    for (const w of coderWatchers) {
      const reveal = w.received.find((r) => r.message?.type === "exercise" && r.message.state.state === "revealed")!;
      expect(reveal.at - revealedAt).toBeLessThanOrEqual(1_000);
      expectSameEstimates(lastSummary(w)!.variables, full);
    }
    // Stored runs are computed from the live replicas, as server/index.ts wires the scheduler: the same
    // inputs as the stored logs give the same run — a scheduler reading the logs finds its fingerprint stored.
    const fromMemory = startAgreementScheduler({ db: t.db, subscribe: false, catchUp: false, inputs: (id, coderIds) => wiring.live.runInputs(id, coderIds) });
    const fromLogs = startAgreementScheduler({ db: t.db, subscribe: false, catchUp: false });
    closers.push(
      () => fromMemory.stop(),
      () => fromLogs.stop(),
    );
    const nextRun = (scheduler: typeof fromMemory) =>
      new Promise<RunEvent>((resolve) => {
        const off = scheduler.onRun((event) => {
          off();
          resolve(event);
        });
      });
    const stored = nextRun(fromMemory);
    fromMemory.schedule(exerciseId, "rights");
    const memoryRun = await stored;
    expect(memoryRun.outcome).toBe("stored");
    const checked = nextRun(fromLogs);
    fromLogs.schedule(exerciseId, "rights");
    const logsRun = await checked;
    expect(logsRun.outcome).toBe("unchanged");
    expect(logsRun.outcome === "unchanged" && memoryRun.outcome === "stored" && logsRun.fingerprint === memoryRun.fingerprint).toBe(true);

    // The stored run joins the live summary without being read back; the push and the API body leave its n²
    // pairs out (the class view asks for one pair on demand), and carry each coder against the key.
    if (memoryRun.outcome !== "stored") throw new Error("no run stored");
    const run = await storedRunOf(memoryRun);
    expect(run.output.pairs.length).toBe((CODERS * (CODERS - 1)) / 2);
    await wiring.live.runStored(exerciseId, { stored: run });
    await vi.waitFor(() => expect(lastSummary(staff)?.runId).toBe(run.id), { timeout: 5_000, interval: 20 });
    expect(lastSummary(staff)!.pairs).toEqual([]);
    expect((await wiring.live.summary(exerciseId))!.pairs).toHaveLength(run.output.pairs.length);
    const body = await readAgreement(t.db, { ...world.instructor, subject: await loadSubject(t.db, world.instructor.id) }, exerciseId);
    expect(body.runId).toBe(run.id);
    expect(body.pairs).toEqual([]);
    expect(body.vsKey).toHaveLength(CODERS - 1);
    expect(body.vsKey.every((k) => k.key === world.supervisor.id && k.variables.pooled !== undefined)).toBe(true);
    expectSameEstimates(body.variables, full);

    // After a restart the live agreement loads the exercise afresh: a stored run that covers every stored
    // change keeps its intervals beside the live numbers (the layers are unchanged since the run).
    const withCi = Object.entries(run.output.variables).filter(([, r]) => r.ci !== undefined);
    expect(withCi.length).toBeGreaterThan(0);
    const restarted = new LiveAgreement({ db: t.db, logger: quiet });
    closers.push(() => restarted.close());
    const fresh = (await restarted.summary(exerciseId))!;
    expect(fresh.runId).toBe(run.id);
    for (const [name, result] of withCi) expect(fresh.variables[name]?.ci, name).toEqual(result.ci);
    tx.destroy();
  }, 180_000);
});
