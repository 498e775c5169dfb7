import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { transcriptRoom } from "../../lib/collab/roomName";
import { createTranscript } from "../../lib/db/queries/transcripts";
import { loadRoomDoc } from "../../lib/db/queries/yjsLog";
import { demoTranscriptShort } from "../../lib/domain/demoTranscriptShort";
import { type TestClient, connectClient } from "../support/collabClient";
import { type CollabTestServer, startCollabTestServer } from "../support/collabTestServer";
import { seedTestWorld, type TestWorld } from "../support/seedTestWorld";
import { sessionCookie } from "../support/sessionCookie";
import { createTestDb, type TestDb } from "../support/testDb";
import { seededRandom, transcriptXml, turnCount, turnText } from "../support/transcriptText";

let t: TestDb;
let world: TestWorld;
let server: CollabTestServer;

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestWorld(t.db);
  // A low compaction threshold makes compactions run in the middle of the traffic.
  server = await startCollabTestServer(t.db, { limits: { compactEvery: 50, roomIdleMs: 0 } });
});

afterAll(async () => {
  await server?.close();
  await t?.close();
});

const ALPHABET = "abcdefghijklmnopqrstuvwxyz ÄÖÜßé😀,.";

/** Seeds to run; COLLAB_FUZZ_SEED replays one. */
const seeds = process.env.COLLAB_FUZZ_SEED ? [Number(process.env.COLLAB_FUZZ_SEED)] : [1, 20260101, 777];

describe("random concurrent editing", () => {
  for (const seed of seeds) {
    it(`5 clients with random edits and random disconnects converge to the stored document (seed ${seed})`, async () => {
      const random = seededRandom(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
      const transcriptId = await createTranscript(t.db, { cohortId: world.cohortId, title: `fuzz ${seed}`, createdBy: null, turns: demoTranscriptShort.turns });
      const room = transcriptRoom(transcriptId);
      const cookies = [await sessionCookie(world.supervisor), await sessionCookie(world.instructor)];
      const clients: TestClient[] = Array.from({ length: 5 }, (_, i) => connectClient(server.url, room, cookies[i % 2] ?? null));
      try {
        await Promise.all(clients.map((c) => c.synced()));
        for (let step = 0; step < 600; step++) {
          const c = pick(clients);
          const roll = random();
          if (roll < 0.04) {
            // Disconnect or reconnect; edits made while offline are uploaded by the reconnect's sync.
            if (c.provider.shouldConnect) c.provider.disconnect();
            else c.provider.connect();
          } else if (turnCount(c.doc) > 0) {
            const text = turnText(c.doc, Math.floor(random() * turnCount(c.doc)));
            const offset = Math.floor(random() * (text.length + 1));
            if (roll < 0.7 || text.length === 0) {
              const length = 1 + Math.floor(random() * 4);
              text.insert(offset, Array.from({ length }, () => pick([...ALPHABET])).join(""));
            } else {
              text.delete(Math.min(offset, text.length - 1), Math.min(1 + Math.floor(random() * 3), text.length - offset || 1));
            }
          }
          // Let the network interleave with the edits: sometimes a turn of the event loop, sometimes a few ms.
          if (random() < 0.3) await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 3)));
          else if (random() < 0.5) await new Promise((resolve) => setImmediate(resolve));
        }
        for (const c of clients) c.provider.connect();
        await Promise.all(clients.map((c) => c.synced(30_000)));
        const reference = clients[0] as TestClient;
        await vi.waitFor(
          () => {
            for (const c of clients) {
              expect(transcriptXml(c.doc)).toBe(transcriptXml(reference.doc));
              expect(c.socket().saved).toBe(c.socket().writesSent);
            }
          },
          { timeout: 30_000 },
        );
        const stored = await loadRoomDoc(t.db, room);
        expect(transcriptXml(stored.doc)).toBe(transcriptXml(reference.doc));
        stored.doc.destroy();
      } finally {
        for (const c of clients) c.destroy();
      }
    });
  }
});
