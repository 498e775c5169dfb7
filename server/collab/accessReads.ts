import type { TranscriptResource } from "../../lib/auth/can";
import type { Subject } from "../../lib/auth/subject";
import { transcriptResource } from "../../lib/auth/transcriptAccess";
import type { Db } from "../../lib/db/client";
import { type ExerciseDetail, getExercise } from "../../lib/db/queries/exercises";
import { type TranscriptMeta, getTranscriptMeta } from "../../lib/db/queries/transcripts";
import { findUserById, loadSubject } from "../../lib/db/queries/users";

type UserRow = Awaited<ReturnType<typeof findUserById>>;

/**
 * The database reads behind rights checks of sockets, each made at most once per check pass. A pass
 * re-checks every open socket of the affected rooms (createCollabServer reauthorize): a class of 100 has
 * 100 layer sockets of one exercise, and without this each would re-read the exercise and its 100 coders —
 * measured: 100 submits queued ~80,000 statements, a minute of database work that every page then
 * waited behind. A new pass (or an upgrade) takes a new instance, so nothing here outlives the change
 * that asked for it.
 */
export class AccessReads {
  private readonly exercises = new Map<string, Promise<ExerciseDetail | null>>();
  private readonly subjects = new Map<string, Promise<Subject>>();
  private readonly users = new Map<string, Promise<UserRow>>();
  private readonly transcripts = new Map<string, Promise<TranscriptMeta | null>>();
  private readonly transcriptResources = new Map<string, Promise<TranscriptResource>>();

  constructor(readonly db: Db) {}

  exercise(id: string): Promise<ExerciseDetail | null> {
    return once(this.exercises, id, () => getExercise(this.db, id));
  }

  subject(userId: string): Promise<Subject> {
    return once(this.subjects, userId, () => loadSubject(this.db, userId));
  }

  user(userId: string): Promise<UserRow> {
    return once(this.users, userId, () => findUserById(this.db, userId));
  }

  transcriptMeta(id: string): Promise<TranscriptMeta | null> {
    return once(this.transcripts, id, () => getTranscriptMeta(this.db, id));
  }

  transcriptResource(meta: Pick<TranscriptMeta, "id" | "cohortId">): Promise<TranscriptResource> {
    return once(this.transcriptResources, meta.id, () => transcriptResource(this.db, meta));
  }
}

function once<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let hit = cache.get(key);
  if (!hit) {
    hit = load();
    cache.set(key, hit);
  }
  return hit;
}
