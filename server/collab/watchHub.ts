import { can } from "../../lib/auth/can";
import type { Db } from "../../lib/db/client";
import { type ExerciseDetail, exerciseFacts, getExercise } from "../../lib/db/queries/exercises";
import { loadSubject } from "../../lib/db/queries/users";
import { type ExerciseState, agreementFrame, exerciseStateFrame } from "../../lib/collab/watchMessages";
import type { Connection } from "./connection";
import type { LiveAgreement } from "./liveAgreement";
import { safeErrorFields } from "./safeError";
import type { CollabLogger } from "./types";

/**
 * The server-only `watch:<exerciseId>` rooms (lib/collab/watchMessages): every socket gets the exercise's
 * state (101) on connect and on each submit, reveal or close; a socket whose user may see the agreement —
 * can(…, "exercise.agreement"), exactly the rule of GET /api/exercises/:id/agreement — also gets the live
 * summary (102) on connect and after every change. A blind coder's socket is sent no summary byte before
 * the reveal; the reveal's rights change re-checks every socket and sends the summary to those now allowed.
 * Frames from watchers are ignored (the room has no document).
 */

interface Watcher {
  conn: Connection;
  seesAgreement: boolean;
}

export class WatchHub {
  private readonly watchers = new Map<string, Set<Watcher>>();
  private readonly off: () => void;

  constructor(private readonly deps: { db: Db; live: LiveAgreement; logger: CollabLogger }) {
    this.off = deps.live.onChange((exerciseId) => void this.pushSummary(exerciseId));
  }

  join(conn: Connection): void {
    if (conn.room.kind !== "watch") return;
    const exerciseId = conn.room.exerciseId;
    const watcher: Watcher = { conn, seesAgreement: false };
    let set = this.watchers.get(exerciseId);
    if (!set) {
      set = new Set();
      this.watchers.set(exerciseId, set);
    }
    set.add(watcher);
    conn.attach(ignore, {
      accessChanged: () => undefined,
      leave: () => {
        set.delete(watcher);
        if (set.size === 0 && this.watchers.get(exerciseId) === set) this.watchers.delete(exerciseId);
      },
    });
    void this.greet(exerciseId, watcher).catch((error: unknown) => this.deps.logger.error("watch.greet_failed", { exerciseId, ...safeErrorFields(error) }));
  }

  /** A submit, reveal or membership change: new state to everyone, and the summary to those now allowed. */
  async exerciseChanged(exerciseId: string): Promise<void> {
    const set = this.watchers.get(exerciseId);
    if (!set || set.size === 0) return;
    const exercise = await getExercise(this.deps.db, exerciseId);
    if (!exercise) return;
    const stateFrame = exerciseStateFrame(stateOf(exercise));
    const newlyAllowed: Watcher[] = [];
    const verdicts = new Map<string, boolean>();
    for (const watcher of [...set]) {
      watcher.conn.send(stateFrame);
      let sees = verdicts.get(watcher.conn.user.id);
      if (sees === undefined) {
        sees = await this.seesAgreement(exercise, watcher.conn.user.id);
        verdicts.set(watcher.conn.user.id, sees);
      }
      if (sees && !watcher.seesAgreement) newlyAllowed.push(watcher);
      watcher.seesAgreement = sees;
    }
    if (newlyAllowed.length === 0) return;
    const view = await this.deps.live.summary(exerciseId);
    if (!view) return;
    const frame = agreementFrame(view);
    for (const watcher of newlyAllowed) if (watcher.seesAgreement) watcher.conn.send(frame);
  }

  close(): void {
    this.off();
  }

  private async greet(exerciseId: string, watcher: Watcher): Promise<void> {
    const exercise = await getExercise(this.deps.db, exerciseId);
    if (!exercise || watcher.conn.closed) return;
    watcher.conn.send(exerciseStateFrame(stateOf(exercise)));
    watcher.seesAgreement = await this.seesAgreement(exercise, watcher.conn.user.id);
    if (!watcher.seesAgreement) return;
    const view = await this.deps.live.summary(exerciseId);
    if (view && watcher.seesAgreement) watcher.conn.send(agreementFrame(view));
  }

  private async pushSummary(exerciseId: string): Promise<void> {
    const set = this.watchers.get(exerciseId);
    if (!set) return;
    const allowed = [...set].filter((w) => w.seesAgreement);
    if (allowed.length === 0) return;
    const view = await this.deps.live.summary(exerciseId);
    if (!view) return;
    // Serialized once, the same bytes to every watcher.
    const frame = agreementFrame(view);
    for (const watcher of allowed) if (watcher.seesAgreement) watcher.conn.send(frame);
  }

  private async seesAgreement(exercise: ExerciseDetail, userId: string): Promise<boolean> {
    const subject = await loadSubject(this.deps.db, userId);
    return can(subject, "exercise.agreement", { kind: "exercise", exercise: exerciseFacts(exercise) });
  }
}

function stateOf(exercise: ExerciseDetail): ExerciseState {
  return { exerciseId: exercise.id, state: exercise.state, mode: exercise.mode, coders: exercise.coders.map((c) => ({ id: c.id, submitted: c.submitted })) };
}

function ignore(): void {}
