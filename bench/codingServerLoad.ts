/**
 * Server half of `npm run bench:coding`: a cold server loads a 400-turn transcript and 20 coder layers
 * holding 5,000 codes from the database and syncs them to one viewer (an instructor watching every layer,
 * as the review does): one socket for the transcript and one per layer, all opened at once. Reports the
 * time from "connect" to "every room synced" — the server's share of the coding page's cold load; the
 * Chromium half (bench/coding.ts) reports the editor's share.
 *
 * Options (env): BENCH_TURNS (400), BENCH_CODES (5000), BENCH_CODERS (20); DATABASE_URL → PostgreSQL,
 * else embedded PGlite in a temp folder.
 */
import * as Y from "yjs";
import { roomName } from "../lib/collab/roomName";
import { createExercise } from "../lib/db/queries/exercises";
import { createTranscript } from "../lib/db/queries/transcripts";
import { addMembership, createCohort, createUser } from "../lib/db/queries/users";
import { appendUpdates, loadRoomDoc } from "../lib/db/queries/yjsLog";
import { anchorContext, anchorSpan, plainText, turnTextType } from "../lib/domain/anchoring";
import { DIMENSIONS, POLARITIES } from "../lib/domain/codebook";
import { demoTranscript } from "../lib/domain/demoTranscript";
import { putCode } from "../lib/domain/layerDoc";
import { connectClient } from "../tests/support/collabClient";
import { startCollabTestServer } from "../tests/support/collabTestServer";
import { sessionCookie } from "../tests/support/sessionCookie";
import { createTestDb } from "../tests/support/testDb";

const TURNS = Number(process.env.BENCH_TURNS ?? 400);
const CODES = Number(process.env.BENCH_CODES ?? 5000);
const CODERS = Number(process.env.BENCH_CODERS ?? 20);

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main(): Promise<void> {
  const t = await createTestDb({ onDisk: true });
  const db = t.db;
  const rnd = random(20261126);
  const cohortId = await createCohort(db, "Bench cohort");
  const viewer = { id: await createUser(db, { email: "bench-instructor@coflex.test", name: "Bench Instructor", passwordHash: "x" }), name: "Bench Instructor", email: "bench-instructor@coflex.test" };
  await addMembership(db, cohortId, viewer.id, "instructor");
  const coderIds: string[] = [];
  for (let i = 0; i < CODERS; i++) {
    const id = await createUser(db, { email: `bench-coder-${i}@coflex.test`, name: `Coder ${i}`, passwordHash: "x" });
    await addMembership(db, cohortId, id, "trainee");
    coderIds.push(id);
  }
  const seed = demoTranscript.turns;
  const turns = Array.from({ length: TURNS }, (_, i) => {
    const s = seed[i % seed.length] ?? seed[0];
    if (!s) throw new Error("no demo turns");
    return { speaker: s.speaker, role: s.role, start: i * 4, end: i * 4 + 3, text: s.text };
  });
  const words = turns.reduce((n, turn) => n + turn.text.split(/\s+/).length, 0);
  const transcriptId = await createTranscript(db, { cohortId, title: "Bench", createdBy: viewer.id, turns });
  const exerciseId = await createExercise(db, {
    cohortId, transcriptId, title: "Bench", mode: "open", revealRule: "instructor", coderIds, keyCoderId: null,
    codersSettle: false, codebookId: null, codebookVersion: 1, createdBy: viewer.id,
  });

  // Layers as a coder's browser writes them: one update per code, in the log (below the compaction threshold).
  const { doc: tx } = await loadRoomDoc(db, roomName({ kind: "transcript", transcriptId }));
  const ctx = anchorContext(tx);
  const perLayer: Uint8Array[][] = coderIds.map(() => []);
  const layers = coderIds.map(() => new Y.Doc());
  layers.forEach((layer, i) => layer.on("update", (u: Uint8Array) => perLayer[i]?.push(u)));
  for (let i = 0; i < CODES; i++) {
    const turnIndex = Math.floor(rnd() * TURNS);
    const element = ctx.turns[turnIndex] as Y.XmlElement;
    const text = plainText(turnTextType(element) as Y.XmlText);
    const start = Math.floor(rnd() * Math.max(1, text.length - 20));
    const end = Math.min(text.length, start + 5 + Math.floor(rnd() * 40));
    const anchor = anchorSpan(tx, String(element.getAttribute("id")), start, end);
    putCode(layers[i % CODERS] as Y.Doc, `c${i}`, {
      ...anchor, dimension: DIMENSIONS[i % 6] ?? "emotion", polarity: POLARITIES[i % 2] ?? "flexible", at: Date.now(),
    });
  }
  for (let i = 0; i < CODERS; i++) await appendUpdates(db, roomName({ kind: "layer", exerciseId, coderId: coderIds[i] as string }), perLayer[i] ?? []);

  const server = await startCollabTestServer(db);
  const cookie = await sessionCookie(viewer);
  const rooms = [roomName({ kind: "transcript", transcriptId }), ...coderIds.map((coderId) => roomName({ kind: "layer", exerciseId, coderId }))];
  const started = performance.now();
  const clients = rooms.map((room) => connectClient(server.url, room, cookie));
  await Promise.all(clients.map((c) => c.synced(60_000)));
  const syncedMs = performance.now() - started;
  const codesSynced = clients.slice(1).reduce((n, c) => n + c.doc.getMap("codes").size, 0);

  console.log(`coding page, server side — ${TURNS} turns (${words} words), ${CODES} codes in ${CODERS} layers, database: ${t.kind}`);
  console.log(`  cold server: load from the database + sync of ${rooms.length} rooms to one viewer: ${syncedMs.toFixed(0)} ms (${codesSynced} codes received)`);
  for (const c of clients) c.destroy();
  await server.close();
  await t.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
