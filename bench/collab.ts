/**
 * `npm run bench:collab`: the collaboration server under load, measured from real y-websocket clients.
 *
 * The server runs as `npm start` runs it (scripts/start.mjs: production build, Next and the collaboration
 * endpoint in one process — its own process, so its event loop is not shared with the clients; the clients
 * run here). Per scenario: a fresh transcript imported through the API, N clients in its room signed in as
 * the demo supervisor and instructor (CONTRACTS §3), 20 document updates per second in total (a random
 * full client each time), every client moving its presence cursor every ~5 s. FULL_CLIENTS of the N are
 * full y-websocket clients (they edit and measure) at random positions in the join order — so latency is
 * measured at randomly chosen recipients, not the first to join; the rest are light protocol-level clients
 * (see FULL_CLIENTS): the server still serves every socket.
 * Reported: propagation latency (one client's local edit → each other full client's receipt, both timed
 * with this process's clock), "saved" ack latency (edit → the server's ack that its row committed), join
 * time, CPU of server and client processes, and the server's RSS. The first scenario starts once the
 * server has settled after start-up (its start-up agreement runs had made the first row measure them).
 *
 * Targets (2 cores): 2 clients p99 ≤ 10 ms; 100 clients p99 ≤ 50 ms; 200 clients p99 ≤ 100 ms;
 * saved-ack p95 ≤ 50 ms. Database: PostgreSQL when DATABASE_URL is set (a fresh database on that
 * server), else the embedded PGlite in a fresh data folder.
 *
 * Options (env): BENCH_SECONDS (measured seconds per scenario, default 10), BENCH_CLIENTS (e.g. "2,20"),
 * BENCH_PORT (3121).
 */
import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";
import os from "node:os";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { transcriptRoom } from "../lib/collab/roomName";
import { demoTranscript } from "../lib/domain/demoTranscript";
import { type TestClient, connectClient } from "../tests/support/collabClient";
import { seededRandom, turnCount, turnText } from "../tests/support/transcriptText";
import { signIn } from "./support/httpUser";
import { cpuSeconds, rssMb, serverSettled, startProductServer } from "./support/productServer";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SCENARIOS = (process.env.BENCH_CLIENTS ?? "2,20,100,200").split(",").map(Number);
const UPDATES_PER_SECOND = 20;
const PRESENCE_INTERVAL_MS = 5_000;
const WARMUP_MS = 1_000;
/**
 * Real y-websocket clients (Y.Doc, awareness, editing, measuring) per scenario; the rest are light clients
 * that speak the same protocol but apply nothing. 200 full clients in this one process would measure this
 * process's CPU, not the server: in reality every browser has its own. BENCH_FULL=1000 makes all full.
 */
const FULL_CLIENTS = Number(process.env.BENCH_FULL ?? 20);

interface Result {
  clients: number;
  joinMs: number;
  updates: number;
  receipts: number;
  expectedReceipts: number;
  propagation: number[];
  acks: number[];
  rssMb: number;
  /** CPU use (1.0 = one core) of the server process and of this (client) process while measuring. */
  serverCpu: number;
  clientCpu: number;
  /** Event-loop delay of this process: a busy client process inflates the measured latency. */
  clientLoopP99: number;
  fullClients: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const server = await startProductServer({ port: Number(process.env.BENCH_PORT ?? 3121), postgresUrl: process.env.DATABASE_URL || undefined });
  const results: Result[] = [];
  try {
    process.stderr.write(`bench: server settled ${Math.round(await serverSettled(server.pid))} ms after it listened\n`);
    const people = [await signIn(server.baseUrl, "supervisor@coflex.test", "coflex-demo"), await signIn(server.baseUrl, "instructor@coflex.test", "coflex-demo")];
    const text = demoTranscript.turns.map((turn) => `${turn.speaker}: ${turn.text}`).join("\n");
    const url = `${server.baseUrl.replace(/^http/, "ws")}/collab`;
    for (const n of SCENARIOS) {
      // One fresh room per scenario, holding a realistic 40-turn session, imported as a user would.
      const imported = await people[0]!.api("POST", "/api/transcripts", { title: `bench ${n}`, text });
      const id = (imported.json as { id?: string }).id;
      if (imported.status !== 201 || !id) throw new Error(`transcript import failed: ${imported.status}`);
      process.stderr.write(`bench: ${n} clients…\n`);
      results.push(await scenario(url, server.baseUrl, transcriptRoom(id), n, people.map((p) => p.cookie), server.pid));
    }
  } finally {
    await server.stop();
  }
  print(results, server.database);
}

/** Like y-websocket on the wire, but applies nothing: stands for a browser that runs on its own CPU. */
interface LightClient {
  synced: Promise<void>;
  move(state: unknown): void;
  close(): void;
}

function lightClient(url: string, origin: string, room: string, cookie: string, clientId: number): LightClient {
  const ws = new WebSocket(`${url}/${room}`, { headers: { Cookie: cookie, Origin: origin } });
  ws.on("error", () => undefined);
  let clock = 0;
  const awareness = (state: unknown) => {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock++);
    encoding.writeVarString(inner, JSON.stringify(state));
    const outer = encoding.createEncoder();
    encoding.writeVarUint(outer, 1);
    encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
    if (ws.readyState === ws.OPEN) ws.send(encoding.toUint8Array(outer));
  };
  const synced = new Promise<void>((resolve, reject) => {
    ws.once("close", (code) => reject(new Error(`light client closed ${code}`)));
    ws.on("message", (data: Buffer) => {
      if (data[0] !== 0) return;
      // The server's step 1 is answered with an empty step 2, as y-websocket does when it has nothing new.
      if (data[1] === 0) ws.send(new Uint8Array([0, 1, 2, 0, 0]));
      if (data[1] === 1) resolve();
    });
  });
  ws.once("open", () => {
    ws.send(new Uint8Array([0, 0, 1, 0]));
    awareness({ cursor: { turn: 0, offset: 0 } });
  });
  return { synced, move: awareness, close: () => ws.terminate() };
}

async function scenario(url: string, origin: string, room: string, n: number, cookies: string[], serverPid: number): Promise<Result> {
  const random = seededRandom(n);
  const sentAt = new Map<string, number>();
  const propagation: number[] = [];
  const acks: number[] = [];
  let measuring = false;
  let measureFrom = Number.POSITIVE_INFINITY;
  const fullCount = Math.min(n, FULL_CLIENTS);

  // Which of the N join order positions are full (measuring) clients: a random sample, not the first ones.
  const positions = Array.from({ length: n }, (_, i) => i);
  for (let i = positions.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [positions[i], positions[j]] = [positions[j] as number, positions[i] as number];
  }
  const full = new Set(positions.slice(0, fullCount));
  const joinStart = performance.now();
  const clients: TestClient[] = [];
  const lights: LightClient[] = [];
  for (let i = 0; i < n; i++) {
    const cookie = cookies[i % cookies.length] ?? "";
    if (full.has(i)) clients.push(connectClient(url, room, cookie, { headers: { Origin: origin } }));
    else lights.push(lightClient(url, origin, room, cookie, 1_000_000 + i));
  }
  await Promise.all([...clients.map((c) => c.synced(60_000)), ...lights.map((l) => l.synced)]);
  const joinMs = performance.now() - joinStart;

  for (const c of clients) {
    // Receipt = the remote transaction that carries an edit's marker key lands in this client's document.
    c.doc.getMap("bench").observe((event) => {
      if (event.transaction.local) return;
      const now = performance.now();
      for (const key of event.keysChanged) {
        const sent = sentAt.get(key);
        if (sent !== undefined && measuring) propagation.push(now - sent);
      }
    });
    let ackedUpTo = 0;
    c.onSaved = (record) => {
      const now = performance.now();
      for (let seq = ackedUpTo + 1; seq <= record.saved; seq++) {
        const at = record.sentAt[seq];
        if (at !== undefined && at >= measureFrom) acks.push(now - at);
      }
      ackedUpTo = record.saved;
    };
    c.provider.awareness.setLocalState({ cursor: { turn: 0, offset: 0 } });
  }

  const movers: Array<(state: unknown) => void> = [
    ...clients.map((c) => (state: unknown) => c.provider.awareness.setLocalStateField("cursor", state)),
    ...lights.map((l) => (state: unknown) => l.move({ cursor: state })),
  ];
  const presence = movers.map((move, i) => {
    const tick = () => {
      move({ turn: Math.floor(random() * 40), offset: Math.floor(random() * 80) });
      presence[i] = setTimeout(tick, PRESENCE_INTERVAL_MS * (0.8 + 0.4 * random()));
    };
    return setTimeout(tick, PRESENCE_INTERVAL_MS * random());
  });

  let updates = 0;
  let seq = 0;
  const edit = () => {
    const c = clients[Math.floor(random() * clients.length)] as TestClient;
    const key = `${n}:${seq++}`;
    const turns = turnCount(c.doc);
    // Timed from before the local transaction: encoding and sending are part of the path.
    if (measuring) sentAt.set(key, performance.now());
    c.doc.transact(() => {
      const text = turnText(c.doc, Math.floor(random() * turns));
      text.insert(Math.floor(random() * (text.length + 1)), "x");
      c.doc.getMap("bench").set(key, 1);
    });
    if (measuring) updates++;
  };
  const ticker = setInterval(edit, 1000 / UPDATES_PER_SECOND);
  await sleep(WARMUP_MS);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const serverCpuStart = cpuSeconds(serverPid);
  const clientCpuStart = process.cpuUsage();
  const wallStart = performance.now();
  measureFrom = performance.now();
  measuring = true;
  await sleep(SECONDS * 1000);
  clearInterval(ticker);
  const wall = (performance.now() - wallStart) / 1000;
  const serverCpu = (cpuSeconds(serverPid) - serverCpuStart) / wall;
  const clientCpuUsed = process.cpuUsage(clientCpuStart);
  const clientCpu = (clientCpuUsed.user + clientCpuUsed.system) / 1e6 / wall;
  // Let the last edits arrive and be acknowledged before the numbers are read.
  const expectedReceipts = updates * (fullCount - 1);
  const deadline = performance.now() + 5_000;
  while (propagation.length < expectedReceipts && performance.now() < deadline) await sleep(20);
  await sleep(200);
  measuring = false;
  loop.disable();
  const rss = rssMb(serverPid);

  for (const timer of presence) clearTimeout(timer);
  for (const c of clients) c.destroy();
  for (const l of lights) l.close();
  await sleep(500);
  return {
    clients: n,
    fullClients: fullCount,
    joinMs,
    updates,
    receipts: propagation.length,
    expectedReceipts,
    propagation,
    acks,
    rssMb: rss,
    serverCpu,
    clientCpu,
    clientLoopP99: loop.percentile(99) / 1e6,
  };
}

function print(results: Result[], kind: string): void {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const f = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "–");
  const pct = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : "–");
  const lines = [
    `## Collaboration benchmark`,
    ``,
    `Machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; database: ${kind === "postgres" ? "PostgreSQL" : "PGlite (embedded)"}.`,
    `Load: ${UPDATES_PER_SECOND} updates/s in total, presence every ~${PRESENCE_INTERVAL_MS / 1000} s per client, ${SECONDS} s measured per row; server in its own process.`,
    ``,
    `| clients (full) | join all (ms) | updates | receipts | propagation p50 (ms) | p99 (ms) | max (ms) | saved-ack p50 (ms) | p95 (ms) | server CPU | server RSS (MB) | client CPU / loop delay p99 (ms) |`,
    `|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
  ];
  for (const r of results) {
    const p = [...r.propagation].sort((a, b) => a - b);
    const a = [...r.acks].sort((x, y) => x - y);
    lines.push(
      `| ${r.clients} (${r.fullClients}) | ${f(r.joinMs)} | ${r.updates} | ${r.receipts}/${r.expectedReceipts} | ${f(percentile(p, 50))} | ${f(percentile(p, 99))} | ${f(p[p.length - 1] ?? Number.NaN)} | ${f(percentile(a, 50))} | ${f(percentile(a, 95))} | ${pct(r.serverCpu)} | ${r.rssMb} | ${pct(r.clientCpu)} / ${f(r.clientLoopP99)} |`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
