import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { transcriptRoom } from "../../lib/collab/roomName";
import { loadRoomDoc } from "../../lib/db/queries/yjsLog";
import { type ChildServer, startChildServer } from "../support/childServer";
import { type SocketRecord, type TestClient, connectClient } from "../support/collabClient";
import { seedTestWorld, type TestWorld } from "../support/seedTestWorld";
import { TEST_SECRET, sessionCookie } from "../support/sessionCookie";
import { createTestDb, type TestDb } from "../support/testDb";
import { insertIntoTurn, turnCount, turnTexts } from "../support/transcriptText";

let t: TestDb;
let world: TestWorld;
let scratch: string;
const children: ChildServer[] = [];

beforeAll(async () => {
  // The server runs in a child process; an embedded database must then live on disk, opened by one process at a time.
  t = await createTestDb({ onDisk: true });
  world = await seedTestWorld(t.db);
  if (t.kind === "pglite") await t.release();
  scratch = mkdtempSync(path.join(tmpdir(), "coflex-crash-"));
});

afterAll(async () => {
  for (const child of children) await child.kill();
  await t?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function start(): Promise<ChildServer> {
  const child = await startChildServer({
    DATABASE_URL: t.config.databaseUrl ?? "",
    COFLEX_DATA_DIR: t.kind === "pglite" ? t.config.dataDir : scratch,
    NEXTAUTH_SECRET: TEST_SECRET,
  });
  children.push(child);
  return child;
}

interface Edit {
  token: string;
  record: SocketRecord;
  /** The edit's write frame is the seq-th on its socket: acknowledged once record.saved >= seq. */
  seq: number;
}

describe("crash safety", () => {
  it("keeps every acknowledged update when the server is SIGKILLed mid-burst and restarted", async () => {
    const room = transcriptRoom(world.transcriptId);
    const first = await start();
    const cookies = [await sessionCookie(world.supervisor), await sessionCookie(world.instructor), await sessionCookie(world.supervisor)];
    const clients: TestClient[] = cookies.map((cookie) => connectClient(first.url, room, cookie));
    await Promise.all(clients.map((c) => c.synced(30_000)));
    const turns = turnCount((clients[0] as TestClient).doc);

    const edits: Edit[] = [];
    const acked = () => edits.filter((e) => e.record.saved >= e.seq).length;
    let n = 0;
    // ~3 × 100 edits per second (below the 200/s per-socket limit), each its own update frame. Every edit
    // goes to the start of a turn, so later inserts never split a token and each stays a plain substring.
    const timer = setInterval(() => {
      clients.forEach((c, i) => {
        if (!c.provider.wsconnected) return;
        const token = `<${i}.${n}>`;
        insertIntoTurn(c.doc, n % turns, 0, token);
        const record = c.socket();
        edits.push({ token, record, seq: record.writesSent });
      });
      n++;
    }, 10);
    try {
      await vi.waitFor(() => expect(acked()).toBeGreaterThan(150), { timeout: 30_000, interval: 5 });
      await first.kill();
    } finally {
      clearInterval(timer);
    }
    for (const c of clients) c.destroy();
    const saved = edits.filter((e) => e.record.saved >= e.seq).map((e) => e.token);
    expect(saved.length).toBeGreaterThan(150);

    // The restarted server must serve every acknowledged edit…
    const second = await start();
    const reader = connectClient(second.url, room, cookies[1] ?? null);
    try {
      await reader.synced(30_000);
      const text = turnTexts(reader.doc).join("\n");
      expect(saved.filter((token) => !text.includes(token))).toEqual([]);
    } finally {
      reader.destroy();
    }
    // …and so must the database itself, read directly once the server has stopped.
    await second.stop();
    expect(await second.exited).toBe(0);
    const db = await t.reopen();
    const { doc } = await loadRoomDoc(db, room);
    const stored = turnTexts(doc).join("\n");
    expect(saved.filter((token) => !stored.includes(token))).toEqual([]);
    doc.destroy();
  });
});
