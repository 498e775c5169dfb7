import { desc, eq, inArray, like } from "drizzle-orm";
import * as Y from "yjs";
import { transcriptRoom } from "../../collab/roomName";
import { type TurnInput, writeTurns } from "../../domain/transcriptDoc";
import type { Db } from "../client";
import { newId } from "../ids";
import { exercises, memberships, transcripts, yjsSnapshots, yjsUpdates } from "../schema";

export interface TranscriptMeta {
  id: string;
  cohortId: string;
  title: string;
  turnCount: number;
  createdAt: Date;
}

const metaColumns = {
  id: transcripts.id,
  cohortId: transcripts.cohortId,
  title: transcripts.title,
  turnCount: transcripts.turnCount,
  createdAt: transcripts.createdAt,
};

export async function getTranscriptMeta(db: Db, id: string): Promise<TranscriptMeta | null> {
  const rows = await db.select(metaColumns).from(transcripts).where(eq(transcripts.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function listTranscriptsForUser(db: Db, userId: string): Promise<TranscriptMeta[]> {
  const cohortIds = db.select({ id: memberships.cohortId }).from(memberships).where(eq(memberships.userId, userId));
  return db.select(metaColumns).from(transcripts).where(inArray(transcripts.cohortId, cohortIds)).orderBy(desc(transcripts.createdAt));
}

/**
 * Creates the transcript row and its document's first update in one transaction, so a transcript never
 * exists without its text (nor text without its row), and the browser never has to seed anything.
 */
export async function createTranscript(
  db: Db,
  input: { cohortId: string; title: string; createdBy: string | null; turns: ReadonlyArray<Omit<TurnInput, "id">> },
): Promise<string> {
  const id = newId();
  const doc = new Y.Doc();
  writeTurns(
    doc,
    input.turns.map((turn) => ({ ...turn, id: newId() })),
  );
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  await db.transaction(async (tx) => {
    await tx.insert(transcripts).values({ id, cohortId: input.cohortId, title: input.title, turnCount: input.turns.length, createdBy: input.createdBy });
    await tx.insert(yjsUpdates).values({ room: transcriptRoom(id), update: state });
  });
  return id;
}

export async function setTurnCount(db: Db, id: string, turnCount: number): Promise<void> {
  await db.update(transcripts).set({ turnCount }).where(eq(transcripts.id, id));
}

/**
 * Deletes the transcript and every stored byte of its text: the row, its update log and snapshot, and the
 * layer and consensus rooms of every exercise on it (their codes quote the text). Exercises, agreement runs
 * and coder rows go by cascade. Audit rows stay: they name the resource, never its text.
 */
/** Deletes the transcript and every row of its rooms in one transaction; returns the exercises that went with it. */
export async function deleteTranscript(db: Db, id: string): Promise<string[]> {
  return db.transaction(async (tx) => {
    // The fence first: locking the transcript's row makes every append or compaction of its rooms (and a new
    // exercise on it) wait on every node (lib/db/queries/yjsLog lockRoomOwner), after those that locked it
    // earlier have committed; once the row is deleted they find nothing and fail. Then the rows go.
    await tx.select({ id: transcripts.id }).from(transcripts).where(eq(transcripts.id, id)).for("update");
    const exerciseIds = (await tx.select({ id: exercises.id }).from(exercises).where(eq(exercises.transcriptId, id))).map((e) => e.id);
    await tx.delete(transcripts).where(eq(transcripts.id, id));
    const exact = [transcriptRoom(id), ...exerciseIds.map((e) => `consensus:${e}`)];
    await tx.delete(yjsUpdates).where(inArray(yjsUpdates.room, exact));
    await tx.delete(yjsSnapshots).where(inArray(yjsSnapshots.room, exact));
    for (const exerciseId of exerciseIds) {
      const layers = `layer:${exerciseId}:%`;
      await tx.delete(yjsUpdates).where(like(yjsUpdates.room, layers));
      await tx.delete(yjsSnapshots).where(like(yjsSnapshots.room, layers));
    }
    return exerciseIds;
  });
}
