import { parseRoomName, roomName, transcriptRoom } from "../../lib/collab/roomName";
import { onRightsChanged } from "../../lib/collab/rightsBus";
import { onRoomUpdated } from "../../lib/collab/roomEvents";
import type { Db } from "../../lib/db/client";
import {
  DEFAULT_AGREEMENT_SETTINGS,
  type AgreementSettings,
  databaseNow,
  exercisesNeedingRun,
  insertAgreementRun,
  knownFingerprints,
  markRunCurrent,
  pruneLiveRuns,
} from "../../lib/db/queries/agreement";
import { batchText } from "../../lib/db/queries/runBatches";
import { getExercise, listExercisesForTranscript } from "../../lib/db/queries/exercises";
import { readRoomLog, type RoomLog } from "../../lib/db/queries/yjsLog";
import { type SummaryPair, mergePairSummaries } from "../../lib/agreement/pairSummaries";
import type { AgreementRunOutput, StoredRun } from "../../lib/agreement/runSchema";
import type { RunInputs } from "./agreementTypes";
import { AgreementWorkerClient } from "./agreementWorkerClient";

/**
 * Recomputes an exercise's agreement when its inputs change and stores each new run:
 * - a layer room's committed update (lib/collab/roomEvents) → that exercise;
 * - a transcript room's committed update → every exercise on that transcript (units and spans move);
 * - a submit, reveal or other rights change of an exercise (lib/collab/rightsBus) → that exercise;
 * - at start, exercises whose layers changed after their latest run (or that have none yet).
 *
 * Debounce: a burst of changes runs once, `quietMs` after the last change but never later than
 * `maxDelayMs` after the first (default 250 ms / 1.5 s, so a change is picked up within 2 s when the
 * worker is free). Runs go one at a time through a single worker thread; a change that arrives while its
 * exercise is queued or running folds into one more run afterwards.
 *
 * A run whose input fingerprint is already stored for the exercise is not recomputed (that stored run is
 * marked current instead).
 */

export type AgreementTrigger = "layers" | "transcript" | "rights" | "startup";

export type RunEvent =
  | ({ exerciseId: string; outcome: "stored"; runId: string; fingerprint: string; rows: number; trigger: string; computedAt: Date; outputJson: string; pairSummaries: Uint8Array[] } & RunTimings)
  | ({ exerciseId: string; outcome: "unchanged"; fingerprint: string; trigger: string; computedAt: Date } & RunTimings)
  | { exerciseId: string; outcome: "skipped"; reason: "no_exercise" | "closed"; trigger: string }
  | { exerciseId: string; outcome: "failed"; error: string; trigger: string };

/**
 * The run a "stored" event describes, for the live agreement: the output the worker produced is parsed
 * here once rather than read back from the database (a class's run output is megabytes of JSON, and on the
 * embedded database every read waits in line with the coders' saves). Our own worker's output, as
 * latestAgreementRun trusts the stored copy. The summary pairs (~6 MB at 100 coders) are parsed a batch at
 * a time with a macrotask between, so sockets and timers run in between.
 */
export async function storedRunOf(event: Extract<RunEvent, { outcome: "stored" }>): Promise<StoredRun> {
  const output = JSON.parse(event.outputJson) as AgreementRunOutput;
  const summaries: SummaryPair[] = [];
  for (const batch of event.pairSummaries) {
    await nextTurn();
    for (const pair of JSON.parse(batchText(batch)) as SummaryPair[]) summaries.push(pair);
  }
  return {
    id: event.runId,
    exerciseId: event.exerciseId,
    fingerprint: event.fingerprint,
    trigger: event.trigger,
    computedAt: event.computedAt,
    durationMs: Math.round(event.durationMs),
    output: mergePairSummaries(output, summaries),
  };
}

/** Where a run's time went, in milliseconds. */
export interface RunTimings {
  /** From the first change this run covers until it started (debounce and queue). */
  waitMs: number;
  /** Gathering the exercise and its rooms (from memory when `inputs` has them, else from the database). */
  loadMs: number;
  /** The worker's own time (decode, units, fingerprint, statistics). */
  durationMs: number;
  /** Storing the run (0 when unchanged). */
  storeMs: number;
}

export interface SchedulerLogger {
  info(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export interface AgreementSchedulerOptions {
  db: Db;
  settings?: AgreementSettings;
  quietMs?: number;
  maxDelayMs?: number;
  /**
   * Layer edits alone wait for a quiet period this long (never longer than `layersMaxDelayMs`) before a
   * stored run: the live numbers come from server/collab/liveAgreement within a second, so stored runs
   * (CIs, pair detail) are milestones, not per keystroke. Defaults 2 s / 2 min: a class codes without a
   * 2 s pause, and each stored run of 40 coders writes megabytes that the embedded database's saves wait
   * behind (bench:classroom measured saved-ack p95 271 ms with a run every 5 s). While changes keep coming
   * the live summary has no CIs anyway (they are shown only beside a run as fresh as the live numbers), so
   * a stored run waits for the class to pause, a submit or the reveal; the 2 min cap keeps a snapshot of a
   * long session that never pauses.
   */
  layersQuietMs?: number;
  layersMaxDelayMs?: number;
  /** Live runs kept per exercise (older "layers" runs are pruned); see pruneLiveRuns. */
  keepLiveRuns?: number;
  logger?: SchedulerLogger;
  /** false: listen to nothing (tests drive it with schedule()). Default true. */
  subscribe?: boolean;
  /**
   * The run's inputs as the process already holds them (the live agreement's replicas): the scheduler then
   * reads no log from the database. Null (or no function) falls back to reading the stored logs.
   */
  inputs?: (exerciseId: string, coderIds: readonly string[]) => Promise<RunInputs | null>;
  /** false: skip the start-up catch-up of exercises whose layers changed since their latest run. Default true. */
  catchUp?: boolean;
}

export interface AgreementScheduler {
  /** Asks for a recompute of the exercise (debounced). */
  schedule(exerciseId: string, trigger: AgreementTrigger): void;
  /** Listens to every finished run (stored, unchanged or failed). */
  onRun(listener: (event: RunEvent) => void): () => void;
  /** Resolves when nothing is waiting, queued or running. */
  idle(): Promise<void>;
  /** Resolves once the worker thread has started and warmed up. */
  ready(): Promise<void>;
  stop(): Promise<void>;
}

interface Pending {
  timer: NodeJS.Timeout | null;
  /** Something other than a layer edit is waiting (submit, reveal, transcript): no quiet period. */
  urgent: boolean;
  firstAt: number;
  triggers: Set<AgreementTrigger>;
}

/** Lets timers and sockets run before the next database statement. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function roundAll(timings: RunTimings): Record<keyof RunTimings, number> {
  return { waitMs: Math.round(timings.waitMs), loadMs: Math.round(timings.loadMs), durationMs: Math.round(timings.durationMs), storeMs: Math.round(timings.storeMs) };
}

const quiet: SchedulerLogger = { info: () => undefined, error: () => undefined };

export function startAgreementScheduler(options: AgreementSchedulerOptions): AgreementScheduler {
  const { db } = options;
  const settings = options.settings ?? DEFAULT_AGREEMENT_SETTINGS;
  const quietMs = options.quietMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 1500;
  const layersQuietMs = options.layersQuietMs ?? 2000;
  const layersMaxDelayMs = options.layersMaxDelayMs ?? 120_000;
  const keepLiveRuns = options.keepLiveRuns ?? 5;
  const logger = options.logger ?? quiet;
  const worker = new AgreementWorkerClient();
  // Start the thread now: loading it (tsx, the agreement library) takes a moment the first run should not wait for.
  worker.warm();
  const listeners = new Set<(event: RunEvent) => void>();

  /** Debounce timers: exercise ids, and "tx:<id>" for transcript changes still to be resolved to exercises. */
  const pending = new Map<string, Pending>();
  /** Exercises whose timer fired, in order, with the triggers that led there and when the first came. */
  const queue = new Map<string, { triggers: Set<AgreementTrigger>; since: number }>();
  /** Exercises currently computing; a change meanwhile schedules one more run afterwards. */
  const running = new Set<string>();
  let loop: Promise<void> | null = null;
  let stopped = false;
  const unsubscribe: Array<() => void> = [];

  function debounce(key: string, trigger: AgreementTrigger, fire: (triggers: Set<AgreementTrigger>, since: number) => void): void {
    if (stopped) return;
    const now = Date.now();
    let entry = pending.get(key);
    if (!entry) {
      entry = { timer: null, urgent: false, firstAt: now, triggers: new Set() };
      pending.set(key, entry);
    }
    entry.triggers.add(trigger);
    if (trigger !== "layers") entry.urgent = true;
    if (entry.timer) clearTimeout(entry.timer);
    const delay = entry.urgent ? Math.max(0, Math.min(quietMs, entry.firstAt + maxDelayMs - now)) : Math.max(0, Math.min(layersQuietMs, entry.firstAt + layersMaxDelayMs - now));
    const current = entry;
    current.timer = setTimeout(() => {
      pending.delete(key);
      fire(current.triggers, current.firstAt);
    }, delay);
    // A debounced run alone must not keep a process alive (the server has its sockets for that).
    current.timer.unref();
  }

  function schedule(exerciseId: string, trigger: AgreementTrigger): void {
    debounce(exerciseId, trigger, (triggers, since) => {
      const queued = queue.get(exerciseId) ?? { triggers: new Set<AgreementTrigger>(), since };
      for (const t of triggers) queued.triggers.add(t);
      queued.since = Math.min(queued.since, since);
      queue.set(exerciseId, queued);
      loop ??= drain().finally(() => {
        loop = null;
      });
    });
  }

  function scheduleTranscript(transcriptId: string): void {
    debounce(transcriptRoom(transcriptId), "transcript", () => {
      listExercisesForTranscript(db, transcriptId)
        .then((list) => {
          for (const exercise of list) schedule(exercise.id, "transcript");
        })
        .catch((err: unknown) => logger.error("agreement.transcript_lookup_failed", { transcriptId, err }));
    });
  }

  async function drain(): Promise<void> {
    while (!stopped) {
      const next = [...queue.keys()].find((id) => !running.has(id));
      if (next === undefined) return;
      const { triggers, since } = queue.get(next)!;
      queue.delete(next);
      running.add(next);
      try {
        emit(await runExercise(next, triggerLabel(triggers), Date.now() - since));
      } finally {
        running.delete(next);
      }
    }
  }

  function triggerLabel(triggers: Set<AgreementTrigger>): string {
    // A run that includes a submit/reveal is history worth keeping; see pruneLiveRuns.
    for (const t of ["rights", "startup", "transcript"] as const) if (triggers.has(t)) return t;
    return "layers";
  }

  async function runExercise(exerciseId: string, trigger: string, waitMs: number): Promise<RunEvent> {
    const loadStarted = performance.now();
    try {
      const exercise = await getExercise(db, exerciseId);
      if (!exercise) return { exerciseId, outcome: "skipped", reason: "no_exercise", trigger };
      // A closed exercise's agreement is final: a later transcript edit must not rewrite it.
      if (exercise.state === "closed") return { exerciseId, outcome: "skipped", reason: "closed", trigger };
      const coderIds = exercise.coders.map((c) => c.id);
      // The run describes the layers as of now (database clock); updates committed later get their own run.
      const asOf = await databaseNow(db);
      const { transcript, layers } = (await options.inputs?.(exerciseId, coderIds)) ?? (await readInputs(exercise.transcriptId, exerciseId, coderIds));
      const known = await knownFingerprints(db, exerciseId);
      const loadMs = performance.now() - loadStarted;
      const outcome = await worker.run({ exerciseId, coderIds, keyCoderId: exercise.keyCoderId, unitScope: exercise.unitScope, transcript, layers, knownFingerprints: known, settings });
      if (outcome.type === "unchanged") {
        await markRunCurrent(db, exerciseId, outcome.fingerprint, asOf);
        return { exerciseId, outcome: "unchanged", fingerprint: outcome.fingerprint, trigger, computedAt: asOf, waitMs, loadMs, durationMs: outcome.durationMs, storeMs: 0 };
      }
      const storeStarted = performance.now();
      const runId = await insertAgreementRun(
        db,
        { exerciseId, fingerprint: outcome.fingerprint, trigger, computedAt: asOf, durationMs: outcome.durationMs, outputJson: outcome.outputJson, batches: outcome.batches },
        { yieldBetweenInserts: nextTurn },
      );
      if (runId === null) {
        await markRunCurrent(db, exerciseId, outcome.fingerprint, asOf);
        return { exerciseId, outcome: "unchanged", fingerprint: outcome.fingerprint, trigger, computedAt: asOf, waitMs, loadMs, durationMs: outcome.durationMs, storeMs: performance.now() - storeStarted };
      }
      await pruneLiveRuns(db, exerciseId, keepLiveRuns);
      const storeMs = performance.now() - storeStarted;
      const timings: RunTimings = { waitMs, loadMs, durationMs: outcome.durationMs, storeMs };
      const rows = outcome.batches.rowCount;
      logger.info("agreement.run_stored", { exerciseId, runId, trigger, rows, ...roundAll(timings) });
      return { exerciseId, outcome: "stored", runId, fingerprint: outcome.fingerprint, rows, trigger, computedAt: asOf, outputJson: outcome.outputJson, pairSummaries: outcome.batches.pairSummaries, ...timings };
    } catch (err) {
      // Stopping terminates the worker under a running job; that is not a failure worth reporting.
      if (!stopped) logger.error("agreement.run_failed", { exerciseId, trigger, err });
      return { exerciseId, outcome: "failed", error: err instanceof Error ? err.message : String(err), trigger };
    }
  }

  /** Without the live agreement (tests that drive the scheduler alone, a node that holds no replica): the stored logs. */
  async function readInputs(transcriptId: string, exerciseId: string, coderIds: readonly string[]): Promise<RunInputs> {
    // One room at a time with a macrotask between: timers and sockets run between the reads.
    const transcript = await readRoomLog(db, transcriptRoom(transcriptId));
    const layers: Record<string, RoomLog> = {};
    for (const coderId of coderIds) {
      await nextTurn();
      layers[coderId] = await readRoomLog(db, roomName({ kind: "layer", exerciseId, coderId }));
    }
    return { transcript, layers };
  }

  function emit(event: RunEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (err) {
        logger.error("agreement.listener_failed", { err });
      }
    }
  }

  if (options.subscribe !== false) {
    unsubscribe.push(
      onRoomUpdated((name) => {
        const room = parseRoomName(name);
        if (room?.kind === "layer") schedule(room.exerciseId, "layers");
        else if (room?.kind === "transcript") scheduleTranscript(room.transcriptId);
      }),
      onRightsChanged((change) => {
        if (change.kind === "exercise") schedule(change.exerciseId, "rights");
      }),
    );
  }
  if (options.catchUp !== false) {
    exercisesNeedingRun(db)
      .then((ids) => {
        for (const id of ids) schedule(id, "startup");
      })
      .catch((err: unknown) => logger.error("agreement.catch_up_failed", { err }));
  }

  return {
    schedule,
    onRun(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async idle() {
      for (;;) {
        if (loop) await loop;
        else if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
        else return;
      }
    },
    ready: () => worker.ready(),
    async stop() {
      stopped = true;
      for (const off of unsubscribe) off();
      for (const entry of pending.values()) if (entry.timer) clearTimeout(entry.timer);
      pending.clear();
      queue.clear();
      // Terminating the thread ends a long computation at once; a run already being stored finishes.
      await worker.close();
      await loop?.catch(() => undefined);
    },
  };
}
