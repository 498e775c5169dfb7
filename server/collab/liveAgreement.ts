import * as Y from "yjs";
import type { AgreementResult } from "../../lib/agreement";
import { type AgreementView, type StoredRun, agreementView, keyRows } from "../../lib/agreement/runSchema";
import { onRoomDocUpdate, onRoomUpdated } from "../../lib/collab/roomEvents";
import { parseRoomName, roomName, transcriptRoom } from "../../lib/collab/roomName";
import type { Db } from "../../lib/db/client";
import { DEFAULT_AGREEMENT_SETTINGS, inputsChangedAt, latestAgreementRun } from "../../lib/db/queries/agreement";
import { type ExerciseDetail, getExercise } from "../../lib/db/queries/exercises";
import { type RoomLog, loadRoomDoc } from "../../lib/db/queries/yjsLog";
import { agreementUnits } from "../../lib/domain/agreementUnits";
import { LayerTurns } from "../../lib/domain/layerTurns";
import { codesMap, reviewedMap } from "../../lib/domain/layerDoc";
import { LiveFadAgreement } from "../../lib/domain/liveFadAgreement";
import { readTurns } from "../../lib/domain/transcriptDoc";
import type { RelayMessage, RoomRelay } from "./redisRelay";
import { safeErrorFields } from "./safeError";
import type { CollabLogger } from "./types";

/**
 * Live agreement for every exercise this node takes part in (issue 8): the process that holds the layer
 * rooms keeps a replica of each layer document, fed by the rooms' own updates as they are integrated
 * (lib/collab/roomEvents onRoomDocUpdate) — no per-change read of the database, no log cloning. A layer
 * whose room is not held here is loaded once and kept current from the Redis relay (a subscription of
 * our own, `relay`). A change updates only the turns it touched, for that coder, in the running tables
 * of lib/domain/LiveFadAgreement; watchers hear about it `pushDelayMs` later (changes within that window
 * coalesce), and GET /api/exercises/:id/agreement serves the same summary.
 *
 * CIs, pairs, the key table and the span view come from the latest stored run (computed off the main
 * thread by server/jobs at milestones); the CIs are shown only while that run is as fresh as the live
 * state, so an interval never sits next to a point estimate it was not computed with.
 */

interface Replica {
  doc: Y.Doc;
  layer: LayerTurns;
}

interface ExerciseLive {
  exercise: ExerciseDetail;
  /** The transcript's state when the exercise was loaded (a transcript change reloads the exercise). */
  transcriptState: Uint8Array;
  units: string[];
  unitDefinition: string;
  live: LiveFadAgreement;
  replicas: Map<string, Replica>;
  run: StoredRun | null;
  changedAt: number;
  touchedAt: number;
  view: AgreementView | null;
  pushTimer: NodeJS.Timeout | null;
}

export interface LiveAgreementOptions {
  db: Db;
  /** A relay subscription of the live agreement's own (REDIS_URL); null on a single node. */
  relay?: RoomRelay | null;
  logger?: CollabLogger;
  /** Changes within this window go out as one summary. Default 100 ms. */
  pushDelayMs?: number;
  /** An exercise nobody changed or asked about for this long is dropped from memory. Default 10 min. */
  idleMs?: number;
}

export type SummaryListener = (exerciseId: string) => void;

const quiet: CollabLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export class LiveAgreement {
  private readonly exercises = new Map<string, Promise<ExerciseLive | null>>();
  /** Updates that arrived while their exercise was loading; applied once it has. */
  private readonly early = new Map<string, Array<[coderId: string, update: Uint8Array]>>();
  private readonly listeners = new Set<SummaryListener>();
  private readonly offs: Array<() => void> = [];
  private readonly sweep: NodeJS.Timeout;
  private readonly logger: CollabLogger;
  private readonly pushDelayMs: number;

  constructor(private readonly options: LiveAgreementOptions) {
    this.logger = options.logger ?? quiet;
    this.pushDelayMs = options.pushDelayMs ?? 100;
    this.offs.push(
      onRoomDocUpdate((name, update) => {
        const room = parseRoomName(name);
        if (room?.kind === "layer") this.applyUpdate(room.exerciseId, room.coderId, update, true);
      }),
      onRoomUpdated((name) => {
        // Turns are units: a transcript change (open exercises may edit it) rebuilds its exercises.
        const room = parseRoomName(name);
        if (room?.kind === "transcript") void this.dropTranscript(room.transcriptId);
      }),
    );
    const idleMs = options.idleMs ?? 10 * 60_000;
    this.sweep = setInterval(() => void this.dropIdle(idleMs), Math.min(idleMs, 60_000));
    this.sweep.unref();
  }

  /** Called (once per coalesced change) when an exercise's summary changed. */
  onChange(listener: SummaryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The current summary (loads the exercise once if this node has not seen it yet); null without one. */
  async summary(exerciseId: string): Promise<AgreementView | null> {
    const state = await this.ensure(exerciseId);
    if (!state) return null;
    state.touchedAt = Date.now();
    state.view ??= this.buildView(state);
    return state.view;
  }

  /** Exercise facts changed (submit, reveal, membership): re-read them (the stored run comes through runStored). */
  async refresh(exerciseId: string): Promise<void> {
    const pending = this.exercises.get(exerciseId);
    if (!pending) return;
    const state = await pending;
    if (!state) return;
    const exercise = await getExercise(this.options.db, exerciseId);
    if (!exercise) {
      await this.drop(exerciseId);
      return;
    }
    state.exercise = exercise;
    for (const coder of exercise.coders) if (!state.replicas.has(coder.id)) await this.loadLayer(state, coder.id);
    // The stored run is not read again here: a rights change schedules a run (server/jobs), whose outcome
    // arrives through runStored. Reading it back on every submit parsed a class's megabytes 100 times over.
    this.changed(state, false);
  }

  /**
   * A run was stored or found current for the exercise (server/jobs): its CIs and detail join the summary.
   * The scheduler hands over what it stored (`stored`) or the fingerprint it found current (`current`), so
   * the run is not read back from the database; without either, it is.
   */
  async runStored(exerciseId: string, news?: { stored: StoredRun } | { current: string; computedAt: Date }): Promise<void> {
    const pending = this.exercises.get(exerciseId);
    if (!pending) return;
    const state = await pending;
    if (!state) return;
    if (news && "stored" in news) state.run = news.stored;
    else if (news && state.run?.fingerprint === news.current) {
      if (news.computedAt > state.run.computedAt) state.run = { ...state.run, computedAt: news.computedAt };
    } else state.run = await latestAgreementRun(this.options.db, exerciseId);
    this.changed(state, false);
  }

  /**
   * The inputs of a stored run, from memory (server/jobs/agreementScheduler `inputs`): the transcript and
   * every coder's layer as one encoded state each — no log is re-read from the database or cloned. Coders
   * not held yet (added since the exercise was loaded) are loaded once now.
   */
  async runInputs(exerciseId: string, coderIds: readonly string[]): Promise<{ transcript: RoomLog; layers: Record<string, RoomLog> } | null> {
    const state = await this.ensure(exerciseId);
    if (!state) return null;
    state.touchedAt = Date.now();
    const layers: Record<string, RoomLog> = {};
    for (const coderId of coderIds) {
      if (!state.replicas.has(coderId)) await this.loadLayer(state, coderId);
      const replica = state.replicas.get(coderId);
      if (!replica) return null;
      layers[coderId] = { snapshot: Y.encodeStateAsUpdate(replica.doc), updates: [] };
    }
    return { transcript: { snapshot: state.transcriptState, updates: [] }, layers };
  }

  async close(): Promise<void> {
    clearInterval(this.sweep);
    for (const off of this.offs) off();
    await Promise.all([...this.exercises.keys()].map((id) => this.drop(id)));
  }

  private ensure(exerciseId: string): Promise<ExerciseLive | null> {
    let pending = this.exercises.get(exerciseId);
    if (!pending) {
      pending = this.load(exerciseId).catch((error: unknown) => {
        this.logger.error("live_agreement.load_failed", { exerciseId, ...safeErrorFields(error) });
        this.exercises.delete(exerciseId);
        return null;
      });
      this.exercises.set(exerciseId, pending);
    }
    return pending;
  }

  private async load(exerciseId: string): Promise<ExerciseLive | null> {
    const { db } = this.options;
    const exercise = await getExercise(db, exerciseId);
    if (!exercise) {
      this.exercises.delete(exerciseId);
      this.early.delete(exerciseId);
      return null;
    }
    const { doc: txDoc } = await loadRoomDoc(db, transcriptRoom(exercise.transcriptId));
    let units: string[];
    let unitDefinition: string;
    const transcriptState = Y.encodeStateAsUpdate(txDoc);
    try {
      const unitSet = agreementUnits(readTurns(txDoc), exercise.unitScope);
      units = unitSet.turnIds;
      unitDefinition = unitSet.definition;
    } finally {
      txDoc.destroy();
    }
    const state: ExerciseLive = {
      exercise,
      transcriptState,
      units,
      unitDefinition,
      live: new LiveFadAgreement(units),
      replicas: new Map(),
      run: await latestAgreementRun(db, exerciseId),
      // Set below, from the database, once the layers are loaded.
      changedAt: Date.now(),
      touchedAt: Date.now(),
      view: null,
      pushTimer: null,
    };
    // One layer at a time, with a macrotask between: embedded PGlite answers on this thread.
    for (const coder of exercise.coders) {
      await new Promise((resolve) => setImmediate(resolve));
      await this.loadLayer(state, coder.id);
    }
    // The stored inputs' last change, read after the layers: everything the replicas hold is at or before
    // it, so a stored run computed since then (e.g. at start-up) covers them and keeps its intervals. A
    // change applied from here on moves changedAt to its own time.
    state.changedAt = (await inputsChangedAt(db, exerciseId, exercise.transcriptId))?.getTime() ?? 0;
    const early = this.early.get(exerciseId) ?? [];
    this.early.delete(exerciseId);
    for (const [coderId, update] of early) this.applyTo(state, coderId, update);
    return state;
  }

  private async loadLayer(state: ExerciseLive, coderId: string): Promise<void> {
    const name = roomName({ kind: "layer", exerciseId: state.exercise.id, coderId });
    const doc = new Y.Doc();
    const layer = new LayerTurns();
    const replica: Replica = { doc, layer };
    state.replicas.set(coderId, replica);
    const touched = new Set<string>();
    codesMap(doc).observe((event) => {
      for (const id of event.keysChanged) for (const t of layer.setCode(id, codesMap(doc).get(id))) touched.add(t);
    });
    reviewedMap(doc).observe((event) => {
      for (const turnId of event.keysChanged) for (const t of layer.setReviewed(turnId, reviewedMap(doc).get(turnId))) touched.add(t);
    });
    doc.on("afterTransaction", () => {
      if (touched.size === 0) return;
      const turns = [...touched];
      touched.clear();
      const changed = state.live.setTurnMasks(
        coderId,
        turns.map((t) => [t, layer.mask(t)] as const),
      );
      if (changed > 0) this.changed(state, true);
    });
    // Subscribe before reading, as rooms do: an update relayed meanwhile is in the read or in the queue.
    await this.options.relay?.subscribe(name, (message: RelayMessage) => {
      if (message.kind === "update") this.applyTo(state, coderId, message.bytes);
    });
    const { doc: stored } = await loadRoomDoc(this.options.db, name, true);
    try {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(stored));
    } finally {
      stored.destroy();
    }
  }

  private applyUpdate(exerciseId: string, coderId: string, update: Uint8Array, startTracking: boolean): void {
    const pending = this.exercises.get(exerciseId);
    if (!pending) {
      if (!startTracking) return;
      this.early.set(exerciseId, [[coderId, update]]);
      void this.ensure(exerciseId);
      return;
    }
    const early = this.early.get(exerciseId);
    if (early) {
      early.push([coderId, update]);
      return;
    }
    void pending.then((state) => {
      if (state) this.applyTo(state, coderId, update);
    });
  }

  private applyTo(state: ExerciseLive, coderId: string, update: Uint8Array): void {
    const replica = state.replicas.get(coderId);
    if (!replica) return;
    try {
      Y.applyUpdate(replica.doc, update);
    } catch (error) {
      this.logger.warn("live_agreement.bad_update", { exerciseId: state.exercise.id, ...safeErrorFields(error) });
    }
  }

  private changed(state: ExerciseLive, data: boolean): void {
    if (data) state.changedAt = Date.now();
    state.touchedAt = Date.now();
    state.view = null;
    if (state.pushTimer) return;
    state.pushTimer = setTimeout(() => {
      state.pushTimer = null;
      for (const listener of this.listeners) listener(state.exercise.id);
    }, this.pushDelayMs);
  }

  private buildView(state: ExerciseLive): AgreementView {
    const started = performance.now();
    const { exercise, run } = state;
    const summary = state.live.summary();
    const compared = summary.coders;
    const idleCoders = exercise.coders.map((c) => c.id).filter((id) => !compared.includes(id)).sort();
    // The stored run's intervals belong with these numbers only if it saw every change so far.
    const runIsCurrent = run !== null && run.computedAt.getTime() >= state.changedAt;
    // Such a run is the full computation over these same inputs (the live tables agree with it to 1e-9):
    // it is served as stored — its warnings, unitizing and intervals — so the numbers after a reveal are
    // exactly the run that the exports and the other pages read.
    if (run && runIsCurrent) return { ...agreementView(run, exercise.coders.map((c) => ({ id: c.id, name: c.name }))), durationMs: Math.round(performance.now() - started) };
    const variables: Record<string, AgreementResult> = {};
    for (const [name, result] of Object.entries(summary.variables)) {
      const ci = runIsCurrent ? run.output.variables[name]?.ci : undefined;
      variables[name] = ci ? { ...result, ci } : result;
    }
    const warnings: string[] = [];
    for (const [coderId, replica] of state.replicas) {
      const invalid = replica.layer.invalid;
      if (invalid > 0) warnings.push(`Coder ${coderId}: ${invalid} malformed code entr${invalid === 1 ? "y was" : "ies were"} ignored.`);
    }
    if (idleCoders.length > 0) warnings.push(`${idleCoders.length} coder${idleCoders.length === 1 ? " has" : "s have"} not reviewed or coded any turn yet and ${idleCoders.length === 1 ? "is" : "are"} not compared.`);
    if (compared.length < 2) warnings.push("Fewer than two coders have reviewed or coded a turn, so there is no agreement to compute yet.");
    if (summary.pooledOmitted) warnings.push("The coders used too many different code combinations for the pooled variable; see the per-code and per-dimension variables.");
    return {
      runId: run?.id ?? `live-${exercise.id}`,
      computedAt: new Date(state.changedAt).toISOString(),
      trigger: "live",
      durationMs: Math.round(performance.now() - started),
      source: "live",
      coders: exercise.coders.map((c) => ({ id: c.id, name: c.name })),
      keyCoderId: exercise.keyCoderId !== null && compared.includes(exercise.keyCoderId) ? exercise.keyCoderId : null,
      nUnits: state.units.length,
      unitDefinition: state.unitDefinition,
      comparedCoders: compared,
      idleCoders,
      settings: run?.output.settings ?? DEFAULT_AGREEMENT_SETTINGS,
      variables,
      variableInfo: summary.variableInfo,
      unitizing: run?.output.unitizing ?? null,
      pairs: run?.output.pairs ?? [],
      vsKey: run ? keyRows(run.output) : [],
      warnings,
    };
  }

  private async dropTranscript(transcriptId: string): Promise<void> {
    for (const [id, pending] of [...this.exercises]) {
      const state = await pending;
      if (state?.exercise.transcriptId === transcriptId) {
        await this.drop(id);
        // Reload now if anybody was listening, so watchers get the new units' numbers.
        void this.ensure(id).then((s) => s && this.changed(s, true));
      }
    }
  }

  private async dropIdle(idleMs: number): Promise<void> {
    const now = Date.now();
    for (const [id, pending] of [...this.exercises]) {
      const state = await pending;
      if (state && now - state.touchedAt > idleMs) await this.drop(id);
    }
  }

  private async drop(exerciseId: string): Promise<void> {
    const pending = this.exercises.get(exerciseId);
    this.exercises.delete(exerciseId);
    const state = await pending;
    if (!state) return;
    if (state.pushTimer) clearTimeout(state.pushTimer);
    for (const [coderId, replica] of state.replicas) {
      replica.doc.destroy();
      await this.options.relay?.unsubscribe(roomName({ kind: "layer", exerciseId, coderId })).catch(() => undefined);
    }
  }
}
