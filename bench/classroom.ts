/**
 * `npm run bench:classroom`: a class codes one blind, keyed exercise at once — the scenario of issue 8.
 *
 * Per row: Coflex starts as `npm start` runs it (scripts/start.mjs: production build, Next and the
 * collaboration server in one process) with a fresh data folder (PGlite) or a fresh database on
 * PostgreSQL. The demo instructor signs in (CONTRACTS §3), adds K trainees through the members API, each
 * trainee signs in, and the instructor creates a blind exercise on the demo transcript with trainee 1 as
 * key coder. Every trainee holds the transcript room and their own layer room with the real y-websocket
 * client and codes client turns at a human pace (~0.6 updates/s each); the instructor (not coding) reads
 * GET /api/exercises/:id/agreement every 500 ms. Then everybody submits and the instructor reveals.
 *
 * Agreement freshness: two of the trainees are probes — each alternates between one code and none, which
 * moves them between `idleCoders` and `comparedCoders`; freshness is the time from that change leaving the
 * probe's socket to the first agreement answer that shows it (the 500 ms polling interval is included).
 * Reveal → final numbers: from sending the reveal to a trainee's first agreement answer that compares
 * exactly the coders who coded.
 * Pages: the agreement, review and progress pages as the instructor opens them right after the final
 * numbers (the reveal's run may still be being stored), and again 15 s later; median of three loads each.
 *
 * Env: BENCH_CODERS ("40,100"), BENCH_DB ("pglite,postgres"; postgres uses BENCH_POSTGRES_URL or
 * postgres://postgres@127.0.0.1:5432/postgres), BENCH_SECONDS (60), BENCH_PORT (3120).
 */
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { ClassroomCoder } from "./support/classroomCoder";
import { type HttpUser, pool, signIn } from "./support/httpUser";
import { cpuSeconds, rssMb, serverSettled, startProductServer } from "./support/productServer";
import { seededRandom } from "../tests/support/transcriptText";
import { AgreementWatcher } from "./support/agreementWatcher";
import { type ScenarioResult, printResults, summaryOf } from "./support/classroomReport";

const CODERS = (process.env.BENCH_CODERS ?? "40,100").split(",").map(Number);
const DATABASES = (process.env.BENCH_DB ?? "pglite,postgres").split(",") as Array<"pglite" | "postgres">;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const PORT = Number(process.env.BENCH_PORT ?? 3120);
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const UPDATES_PER_SECOND_PER_CODER = 0.6;
const PROBES = 2;
/** How long after the first page loads the settled loads start. */
const SETTLE_MS = 15_000;
const PASSWORD = "bench-password-0001";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function scenario(k: number, database: "pglite" | "postgres"): Promise<ScenarioResult> {
  log(`${k} coders on ${database}: starting the server`);
  const server = await startProductServer({ port: PORT, postgresUrl: database === "postgres" ? POSTGRES_URL : undefined });
  const rss: number[] = [];
  const rssTimer = setInterval(() => rss.push(rssMb(server.pid)), 1000);
  const coders: ClassroomCoder[] = [];
  try {
    const base = server.baseUrl;
    const instructor = await signIn(base, "instructor@coflex.test", "coflex-demo");
    const home = await instructor.page("/");
    const cohortId = /\/cohorts\/([A-Za-z0-9_-]+)/.exec(home.html)?.[1];
    if (!cohortId) throw new Error("no cohort link on the instructor's home page");
    const transcripts = (await instructor.api("GET", "/api/transcripts")).json as Array<{ id: string; turnCount: number }>;
    const transcript = transcripts.find((t) => t.turnCount >= 40) ?? transcripts[0];
    if (!transcript) throw new Error("no demo transcript");
    const turns = ((await instructor.api("GET", `/api/transcripts/${transcript.id}`)).json as { turns: Array<{ id: string; role: string }> }).turns;
    const clientTurnIds = turns.filter((t) => t.role === "client").map((t) => t.id);

    log(`adding and signing in ${k} trainees`);
    const run = Date.now().toString(36);
    const trainees: HttpUser[] = await pool(Array.from({ length: k }, (_, i) => i), 4, async (i) => {
      const email = `bench-${run}-${i}@coflex.test`;
      const added = await instructor.api("POST", `/api/cohorts/${cohortId}/members`, { name: `Trainee ${i + 1}`, email, password: PASSWORD, role: "trainee" });
      if (added.status !== 201) throw new Error(`adding a member failed: ${added.status}`);
      return signIn(base, email, PASSWORD);
    });
    const created = await instructor.api("POST", "/api/exercises", {
      transcriptId: transcript.id,
      title: `Classroom bench (${k})`,
      mode: "blind",
      coderIds: trainees.map((t) => t.id),
      keyCoderId: trainees[0]?.id,
      revealRule: "instructor",
    });
    const exerciseId = (created.json as { id?: string }).id;
    if (created.status !== 201 || !exerciseId) throw new Error(`creating the exercise failed: ${created.status}`);

    log("connecting every trainee's transcript and layer sockets");
    const random = seededRandom(k * 7919);
    const collabUrl = `${base.replace(/^http/, "ws")}/collab`;
    const joinStart = performance.now();
    for (const user of trainees) coders.push(new ClassroomCoder(user, collabUrl, base, transcript.id, exerciseId, clientTurnIds, random));
    await Promise.all(coders.map((c) => c.synced(180_000)));
    const joinMs = performance.now() - joinStart;

    const probes = coders.slice(1, 1 + PROBES);
    const workers = coders.filter((c) => !probes.includes(c));
    const watcher = new AgreementWatcher(instructor, exerciseId, probes, random);
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    log(`server settled after ${((await serverSettled(server.pid)) / 1000).toFixed(1)} s; coding for ${SECONDS} s`);
    const codingStart = performance.now();
    for (const c of coders) c.measureFrom = codingStart;
    const cpuStart = cpuSeconds(server.pid);
    let coding = true;
    const meanGap = 1000 / UPDATES_PER_SECOND_PER_CODER;
    const timers = workers.map((c) => {
      const tick = () => {
        if (!coding) return;
        c.act();
        timers[workers.indexOf(c)] = setTimeout(tick, meanGap * (0.5 + random()));
      };
      return setTimeout(tick, meanGap * random());
    });
    watcher.start();
    await sleep(SECONDS * 1000);
    coding = false;
    for (const t of timers) clearTimeout(t);
    const codingWall = (performance.now() - codingStart) / 1000;
    // Counted now: submitting re-authorizes the sockets, and a reconnected socket counts from zero.
    const updates = coders.reduce((n, c) => n + c.layer.socket().sentAt.filter((at) => at >= codingStart).length, 0);
    const serverCpu = (cpuSeconds(server.pid) - cpuStart) / codingWall;
    const rssCoding = Math.max(...rss);
    await watcher.stop();
    for (const p of probes) if (!p.looksAtSomething()) p.addCode();
    const saveDeadline = performance.now() + 30_000;
    while (!coders.every((c) => c.allSaved()) && performance.now() < saveDeadline) await sleep(50);
    const unsaved = coders.filter((c) => !c.allSaved()).length;
    loop.disable();

    log("submitting and revealing");
    const submitStart = performance.now();
    const submits = await Promise.all(coders.map((c) => c.user.api("POST", `/api/exercises/${exerciseId}/submit`, {})));
    const submitMs = performance.now() - submitStart;
    if (submits.some((s) => s.status !== 200)) throw new Error(`a submit failed: ${submits.map((s) => s.status).join(",")}`);
    const expected = new Set(coders.filter((c) => c.looksAtSomething()).map((c) => c.user.id));
    const revealStart = performance.now();
    const reveal = await instructor.api("POST", `/api/exercises/${exerciseId}/reveal`, {});
    if (reveal.status !== 200) throw new Error(`reveal failed: ${reveal.status}`);
    let revealToFinalMs = Number.NaN;
    const trainee = coders[0]?.user as HttpUser;
    while (performance.now() - revealStart < 60_000) {
      const answer = await trainee.api("GET", `/api/exercises/${exerciseId}/agreement`);
      const compared = (answer.json as { comparedCoders?: string[] } | null)?.comparedCoders;
      if (answer.status === 200 && compared && compared.length === expected.size && compared.every((id) => expected.has(id))) {
        revealToFinalMs = performance.now() - revealStart;
        break;
      }
      await sleep(100);
    }

    log("loading the agreement, review and progress pages");
    const pagePaths = [
      ["agreement", `/exercises/${exerciseId}/agreement`],
      ["review", `/exercises/${exerciseId}/review`],
      ["progress", `/cohorts/${cohortId}/progress`],
    ] as const;
    // Median of three loads each: right after the final numbers (the instructor opens them at once, while
    // the reveal's run is still being stored), and again once the server has settled.
    const loadPages = async (): Promise<ScenarioResult["pages"]> => {
      const pages: ScenarioResult["pages"] = {};
      for (const [name, path] of pagePaths) {
        const loads = [];
        for (let i = 0; i < 3; i++) loads.push(await instructor.page(path));
        const times = loads.map((l) => l.ms).sort((a, b) => a - b);
        pages[name] = { status: loads[0]?.status ?? 0, bytes: loads[loads.length - 1]?.bytes ?? 0, ms: times[1] ?? Number.NaN };
      }
      return pages;
    };
    const pages = await loadPages();
    await sleep(SETTLE_MS);
    const pagesSettled = await loadPages();
    return {
      coders: k,
      database,
      seconds: codingWall,
      joinMs,
      updates,
      acks: coders.flatMap((c) => c.acks),
      unsaved,
      freshness: watcher.freshness,
      polls: watcher.polls,
      revealToFinalMs,
      submitMs,
      serverCpu,
      rssCodingMb: rssCoding,
      rssPeakMb: Math.max(...rss),
      clientLoopP99: loop.percentile(99) / 1e6,
      pages,
      pagesSettled,
    };
  } finally {
    clearInterval(rssTimer);
    for (const c of coders) c.destroy();
    await server.stop();
  }
}

async function main(): Promise<void> {
  const results: ScenarioResult[] = [];
  for (const database of DATABASES) {
    for (const k of CODERS) {
      results.push(await scenario(k, database));
      // Each row as soon as it is measured (stderr), so a long matrix that is stopped still reports.
      log(JSON.stringify(summaryOf(results[results.length - 1] as ScenarioResult)));
    }
  }
  printResults(results, { secondsPlanned: SECONDS, loadavg: os.loadavg() });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
