import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { transcriptRoom } from "../../lib/collab/roomName";
import { loadRoomDoc } from "../../lib/db/queries/yjsLog";
import { api, type Cluster, type NodeName, signIn, startCluster } from "../support/cluster";
import { type SocketRecord, type TestClient, connectClient } from "../support/collabClient";
import { PIN_HEADER } from "../support/loadBalancer";
import { seedTestWorld, type TestUser, type TestWorld } from "../support/seedTestWorld";
import { sessionCookie } from "../support/sessionCookie";
import { insertIntoTurn, turnCount, turnTexts } from "../support/transcriptText";

// The cluster tier (.ci/run, vitest project "cluster"): two real server processes — Next and collaboration,
// as `npm start` runs them — on one PostgreSQL database and Redis, behind HAProxy running deploy/haproxy.cfg
// (round robin, no sticky sessions). Every request and socket goes through the balancer; where a case
// needs "through node A", a test-only request header pins it (tests/support/loadBalancer.ts).
const secret = randomBytes(24).toString("hex");
let cluster: Cluster;
const clients: TestClient[] = [];
// A cluster that cannot start (no HAProxy, PostgreSQL or Redis) fails every case by name; a throwing
// beforeAll would only mark them skipped.
let setupError: unknown = null;

beforeAll(async () => {
  try {
    cluster = await startCluster(secret);
  } catch (error) {
    setupError = error;
  }
}, 300_000);

beforeEach(() => {
  if (setupError) throw setupError;
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await cluster?.stop();
});

function cookieOf(user: TestUser): Promise<string> {
  return sessionCookie(user, secret);
}

/** A browser-like y-websocket client through the balancer (its Origin is the balancer's), optionally pinned. */
async function open(user: TestUser, room: string, pin?: NodeName): Promise<TestClient> {
  const headers: Record<string, string> = { Origin: cluster.lb.url };
  if (pin) headers[PIN_HEADER] = pin;
  const c = connectClient(cluster.lb.wsUrl, room, await cookieOf(user), { headers });
  clients.push(c);
  await c.synced(30_000);
  return c;
}

async function newExercise(w: TestWorld): Promise<string> {
  const res = await api(cluster.lb, "POST", "/api/exercises", {
    cookie: await cookieOf(w.instructor),
    body: { transcriptId: w.transcriptId, title: "two nodes", mode: "blind", coderIds: [w.supervisor.id, w.trainee.id] },
  });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

const allAcked = (c: TestClient) => c.provider.wsconnected && c.socket().saved === c.socket().writesSent;

describe("two nodes behind HAProxy (round robin, no sticky sessions)", () => {
  it("relays live edits between clients the balancer put on different nodes", async () => {
    const w = await seedTestWorld(cluster.db.db);
    const room = transcriptRoom(w.transcriptId);
    const users = [w.instructor, w.supervisor, w.instructor, w.supervisor];
    const peers: TestClient[] = [];
    for (const u of users) peers.push(await open(u, room));
    // Round robin with no stickiness spreads consecutive sockets over both nodes.
    expect(new Set(peers.map((p) => p.socket().servedBy))).toEqual(new Set(["a", "b"]));
    const t0 = performance.now();
    peers.forEach((p, i) => insertIntoTurn(p.doc, i, 0, `[live-${i}]`));
    await vi.waitFor(
      () => {
        for (const p of peers) {
          const text = turnTexts(p.doc).join("\n");
          for (let i = 0; i < peers.length; i++) expect(text).toContain(`[live-${i}]`);
        }
      },
      { timeout: 5_000, interval: 5 },
    );
    console.log(`cluster: 4 edits reached all 4 clients on nodes ${peers.map((p) => p.socket().servedBy).join(",")} in ${Math.round(performance.now() - t0)} ms`);
    await vi.waitFor(() => expect(peers.every(allAcked)).toBe(true));
  });

  it("stops a coder's writes on node B within 1 s of a submit answered by node A", async () => {
    const w = await seedTestWorld(cluster.db.db);
    const exerciseId = await newExercise(w);
    const room = `layer:${exerciseId}:${w.trainee.id}`;
    const coder = await open(w.trainee, room, "b");
    expect(coder.socket().servedBy).toBe("b");
    const reviewed = coder.doc.getMap("reviewed");

    // The coder keeps writing while the submit travels; afterwards each edit was either committed or refused.
    const sent: Array<{ key: string; at: number }> = [];
    let n = 0;
    const timer = setInterval(() => {
      const key = `k${n++}`;
      reviewed.set(key, true);
      sent.push({ key, at: performance.now() });
    }, 20);
    let requested = 0;
    let answered = 0;
    try {
      await vi.waitFor(() => expect(coder.socket().saved).toBeGreaterThan(5));
      requested = performance.now();
      const res = await api(cluster.lb, "POST", `/api/exercises/${exerciseId}/submit`, { cookie: await cookieOf(w.trainee), body: {}, pin: "a" });
      answered = performance.now();
      expect(res.status).toBe(200);
      expect(res.node).toBe("a");
      await vi.waitFor(() => expect(sent.filter((s) => s.at > answered + 1500).length).toBeGreaterThan(3), { timeout: 5_000 });
    } finally {
      clearInterval(timer);
    }
    // Writes are committed before they are acknowledged; give frames still in flight time to land, then read.
    await new Promise((r) => setTimeout(r, 500));
    const { doc } = await loadRoomDoc(cluster.db.db, room);
    const stored = new Set(doc.getMap("reviewed").keys());
    doc.destroy();
    const accepted = sent.filter((s) => stored.has(s.key));
    expect(accepted.length).toBeGreaterThan(5);
    const lastAfterAnswer = Math.max(0, ...accepted.map((s) => s.at - answered));
    const lastAfterRequest = Math.max(0, ...accepted.map((s) => s.at - requested));
    const refusedAfter = sent.find((s) => s.at > answered && !stored.has(s.key));
    console.log(
      `cluster: submit through A (answered in ${Math.round(answered - requested)} ms) → B stopped accepting the coder's writes: ` +
        `last accepted write sent ${Math.round(lastAfterRequest)} ms after the request, ${Math.round(lastAfterAnswer)} ms after A answered; ` +
        `first refused ${refusedAfter ? Math.round(refusedAfter.at - answered) : "?"} ms after`,
    );
    expect(lastAfterAnswer).toBeLessThan(1000);
    for (const s of sent) if (s.at > answered + 1000) expect(stored.has(s.key)).toBe(false);
  });

  it("closes node B's sockets when node A deletes the transcript, and no table keeps a row of it", async () => {
    const w = await seedTestWorld(cluster.db.db);
    // A marker written into the transcript through B: if any table kept its text, the marker would be there.
    const marker = `MARK${randomBytes(8).toString("hex")}`;
    const tx = await open(w.instructor, transcriptRoom(w.transcriptId), "b");
    insertIntoTurn(tx.doc, 0, 0, marker);
    await vi.waitFor(() => expect(allAcked(tx)).toBe(true));
    const exerciseId = await newExercise(w);
    const layer = await open(w.trainee, `layer:${exerciseId}:${w.trainee.id}`, "b");
    expect([tx.socket().servedBy, layer.socket().servedBy]).toEqual(["b", "b"]);
    // B's write path stays busy while A deletes: the fence must hold mid-burst.
    let n = 0;
    const timer = setInterval(() => layer.doc.getMap("reviewed").set(`${marker}-${n++}`, true), 10);
    let closedAfter = Number.NaN;
    try {
      await vi.waitFor(() => expect(layer.socket().saved).toBeGreaterThan(5));
      const res = await api(cluster.lb, "DELETE", `/api/transcripts/${w.transcriptId}`, { cookie: await cookieOf(w.instructor), pin: "a" });
      const answered = performance.now();
      expect([res.status, res.node]).toEqual([204, "a"]);
      await vi.waitFor(
        () => {
          expect(tx.closes.map((c) => c.code)).toContain(4403);
          expect(layer.closes.map((c) => c.code)).toContain(4403);
        },
        { timeout: 5_000, interval: 5 },
      );
      closedAfter = performance.now() - answered;
    } finally {
      clearInterval(timer);
    }
    console.log(`cluster: deletion through A → B closed the transcript's sockets ${Math.round(closedAfter)} ms after A answered`);
    expect(closedAfter).toBeLessThan(1000);
    // B unloads (and would compact) its rooms on a graceful stop: nothing may come back from there either.
    await cluster.restart("b");
    const leftovers = await rowsMentioning([marker, Buffer.from(marker).toString("hex")], [w.transcriptId, exerciseId]);
    expect(leftovers).toEqual([]);
  });

  it("counts failed sign-ins made through node A when node B checks the password", async () => {
    const w = await seedTestWorld(cluster.db.db);
    for (let i = 0; i < 5; i++) {
      const attempt = await signIn(cluster.lb, w.trainee.email, "wrong password", "a");
      expect([attempt.node, attempt.cookie, attempt.error]).toEqual(["a", null, "That email and password do not match an account."]);
    }
    const onB = await signIn(cluster.lb, w.trainee.email, w.password, "b");
    expect(onB.node).toBe("b");
    expect(onB.cookie).toBeNull();
    expect(onB.error).toMatch(/^Too many failed sign-ins\. Try again in \d+ minutes?\.$/);
    // Another account signs in on B, and its cookie works on A: the nodes share the secret, not a session store.
    const other = await signIn(cluster.lb, w.supervisor.email, w.password, "b");
    expect(other.error).toBeNull();
    const session = await api(cluster.lb, "GET", "/api/auth/session", { cookie: other.cookie ?? "", pin: "a" });
    expect([session.node, (session.body as { user?: { email?: string } }).user?.email]).toEqual(["a", w.supervisor.email]);
  });

  it("keeps every acknowledged edit when node A is killed mid-burst: clients reconnect through the balancer to B", async () => {
    const w = await seedTestWorld(cluster.db.db);
    const room = transcriptRoom(w.transcriptId);
    const writers: TestClient[] = [];
    for (const u of [w.instructor, w.supervisor, w.instructor, w.supervisor]) writers.push(await open(u, room));
    expect(writers.filter((c) => c.socket().servedBy === "a").length).toBeGreaterThan(0);
    const turns = turnCount((writers[0] as TestClient).doc);

    const edits: Array<{ token: string; record: SocketRecord; seq: number }> = [];
    const acked = () => edits.filter((e) => e.record.saved >= e.seq);
    let n = 0;
    // Each edit is its own update frame at the start of a turn, so every token stays a plain substring.
    const timer = setInterval(() => {
      writers.forEach((c, i) => {
        if (!c.provider.wsconnected) return;
        const token = `<${i}.${n}>`;
        insertIntoTurn(c.doc, n % turns, 0, token);
        const record = c.socket();
        edits.push({ token, record, seq: record.writesSent });
      });
      n++;
    }, 10);
    let reconnectedAfter = Number.NaN;
    try {
      await vi.waitFor(() => expect(acked().length).toBeGreaterThan(150), { timeout: 30_000, interval: 5 });
      const killedAt = performance.now();
      await cluster.nodes.a.kill();
      const ackedAtKill = acked().length;
      await vi.waitFor(() => expect(writers.every((c) => c.provider.wsconnected && c.provider.synced && c.socket().servedBy === "b")).toBe(true), {
        timeout: 20_000,
        interval: 5,
      });
      reconnectedAfter = performance.now() - killedAt;
      // Keep writing on B for a while, so the run covers edits before, across and after the kill.
      await vi.waitFor(() => expect(acked().length).toBeGreaterThan(ackedAtKill + 100), { timeout: 20_000, interval: 5 });
    } finally {
      clearInterval(timer);
    }
    await vi.waitFor(() => expect(writers.every(allAcked)).toBe(true), { timeout: 10_000 });
    const ackedTokens = acked().map((e) => e.token);

    const { doc } = await loadRoomDoc(cluster.db.db, room);
    const stored = turnTexts(doc).join("\n");
    // A gap in the log (an update never stored) leaves every later edit that builds on it pending, unreadable.
    const pending = doc.store.pendingStructs ? [...doc.store.pendingStructs.missing.entries()] : [];
    doc.destroy();
    const lost = ackedTokens.filter((token) => !stored.includes(token));
    const reader = await open(w.instructor, room);
    const served = turnTexts(reader.doc).join("\n");
    const lostOnReader = ackedTokens.filter((token) => !served.includes(token));
    console.log(
      `cluster: kill -9 of node A mid-burst: acked ${ackedTokens.length}, lost ${lost.length} ` +
        `(${edits.length} edits sent; all clients back on B through the balancer ${Math.round(reconnectedAfter)} ms after the kill)`,
    );
    expect(lost).toEqual([]);
    expect(pending).toEqual([]);
    expect(lostOnReader).toEqual([]);
  });
});

/**
 * Every row of every table in the database whose text form contains one of the needles. Ids are looked
 * for everywhere but the audit trail, which by design keeps who deleted which id (never text).
 */
async function rowsMentioning(textNeedles: string[], idNeedles: string[]): Promise<string[]> {
  const tables = (await cluster.db.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)) as unknown as Array<{
    table_name: string;
  }>;
  expect(tables.length).toBeGreaterThan(5);
  const found: string[] = [];
  for (const { table_name: table } of tables) {
    const needles = table === "audit_events" ? textNeedles : [...textNeedles, ...idNeedles];
    for (const needle of needles) {
      const rows = (await cluster.db.db.execute(
        sql`select count(*)::int as n from ${sql.identifier(table)} as r where strpos(r::text, ${needle}) > 0`,
      )) as unknown as Array<{ n: number }>;
      if ((rows[0]?.n ?? 0) > 0) found.push(`${table}: ${rows[0]?.n} row(s) with ${needle}`);
    }
  }
  return found;
}
