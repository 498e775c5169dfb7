import { and, eq } from "drizzle-orm";
import * as Y from "yjs";
import { roomName, transcriptRoom } from "../collab/roomName";
import { anchorContext, anchorSpan } from "../domain/anchoring";
import type { Dimension, Polarity } from "../domain/codebook";
import { DIMENSIONS } from "../domain/codebook";
import { DEMO_HISTORY_SESSIONS, type KeyCode, type KeyedSession } from "../domain/demoSessions";
import { putCode, setReviewed } from "../domain/layerDoc";
import { readTurns, type Turn } from "../domain/transcriptDoc";
import type { Db } from "./client";
import { createExercise } from "./queries/exercises";
import { createTranscript } from "./queries/transcripts";
import { appendUpdate, loadRoomDoc } from "./queries/yjsLog";
import { addMembership, createUser, findUserByEmail } from "./queries/users";
import { exerciseCoders, exercises } from "./schema";

/**
 * The demo's term of history (issue 9): a course five weeks in. Twelve trainees coded four keyed blind
 * exercises on three synthetic sessions (lib/domain/demoSessions), each revealed a week apart; trainees
 * improve at different rates (some reach the criterion, one drifts after reaching it); the supervisor
 * settled a few disagreements with a rationale; a fifth blind exercise is still being coded.
 *
 * Layers and consensus are written as the real Yjs documents (CONTRACTS §5), one update per room in its
 * log, exactly as the collaboration server stores them. No agreement number is written here: the agreement
 * scheduler's start-up catch-up computes and stores every run with the product's own engine.
 *
 * Deterministic: the codes come from a seeded PRNG per trainee and exercise, so every fresh start gives
 * the same history (ids and dates aside).
 */

export const HISTORY_TRAINEES = [
  { email: "trainee1@coflex.test", name: "Tara Nguyen" },
  { email: "trainee2@coflex.test", name: "Theo Brandt" },
  { email: "trainee3@coflex.test", name: "Amara Osei" },
  { email: "trainee4@coflex.test", name: "Ben Castillo" },
  { email: "trainee5@coflex.test", name: "Chloé Martin" },
  { email: "trainee6@coflex.test", name: "Dev Raman" },
  { email: "trainee7@coflex.test", name: "Elin Sørensen" },
  { email: "trainee8@coflex.test", name: "Farid Haddad" },
  { email: "trainee9@coflex.test", name: "Grace Whitfield" },
  { email: "trainee10@coflex.test", name: "Hugo Lemaire" },
  { email: "trainee11@coflex.test", name: "Ines Duarte" },
  { email: "trainee12@coflex.test", name: "Jonah Reyes" },
] as const;

/**
 * Chance of matching the key on a client turn, per revealed exercise (weeks 1–4). Fast learners pass the
 * criterion by week 3, slow ones are still climbing, Farid reaches it in week 3 and drifts in week 4.
 */
const SKILL: Record<string, readonly number[]> = {
  "trainee1@coflex.test": [0.55, 0.68, 0.8, 0.9],
  "trainee2@coflex.test": [0.45, 0.5, 0.58, 0.66],
  "trainee3@coflex.test": [0.65, 0.78, 0.88, 0.93],
  "trainee4@coflex.test": [0.4, 0.48, 0.55, 0.6],
  "trainee5@coflex.test": [0.6, 0.72, 0.82, 0.88],
  "trainee6@coflex.test": [0.5, 0.6, 0.7, 0.78],
  "trainee7@coflex.test": [0.7, 0.8, 0.9, 0.95],
  "trainee8@coflex.test": [0.6, 0.82, 0.9, 0.62],
  "trainee9@coflex.test": [0.48, 0.55, 0.66, 0.74],
  "trainee10@coflex.test": [0.35, 0.45, 0.5, 0.58],
  "trainee11@coflex.test": [0.58, 0.66, 0.75, 0.84],
  "trainee12@coflex.test": [0.5, 0.62, 0.72, 0.8],
};

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** mulberry32: small, seeded, the same numbers on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const flip = (p: Polarity): Polarity => (p === "flexible" ? "inflexible" : "flexible");

/** A trainee's codes on one client turn: the key's, or one of the mistakes trainees typically make. */
function traineeCodes(key: readonly KeyCode[], skill: number, random: () => number): KeyCode[] {
  if (random() < skill) return [...key];
  const mistake = random();
  const dimension = DIMENSIONS[Math.floor(random() * DIMENSIONS.length)]!;
  if (key.length === 0) return [[dimension, random() < 0.5 ? "flexible" : "inflexible"]];
  const [first, ...rest] = key;
  if (mistake < 0.35) return [[first![0], flip(first![1])], ...rest];
  if (mistake < 0.65) return [[dimension === first![0] ? "cognition" : dimension, first![1]], ...rest];
  if (mistake < 0.85) return rest.length > 0 ? rest : [];
  return [...key, [dimension, flip(first![1])]];
}

interface Transcript {
  id: string;
  session: KeyedSession;
  turns: Turn[];
  doc: Y.Doc;
}

/** One coder's layer as the collaboration server stores it: a single update in the room's log. */
async function writeLayer(db: Db, tx: Transcript, exerciseId: string, coderId: string, codesByTurn: ReadonlyMap<string, readonly KeyCode[]>, reviewed: readonly string[], at: number): Promise<void> {
  const layer = new Y.Doc();
  const context = anchorContext(tx.doc);
  setReviewed(layer, reviewed, true);
  let n = 0;
  for (const turn of tx.turns) {
    for (const [dimension, polarity] of codesByTurn.get(turn.id) ?? []) {
      // Whole-turn codes (0…length), as a coder's "code the whole turn" makes them.
      const anchor = anchorSpan(tx.doc, turn.id, 0, turn.text.length, context);
      putCode(layer, `${turn.id}-${dimension}-${polarity}`, { ...anchor, dimension, polarity, at: at + n * 41_000, codebookVersion: 1 });
      n++;
    }
  }
  await appendUpdate(db, roomName({ kind: "layer", exerciseId, coderId }), Y.encodeStateAsUpdate(layer));
  layer.destroy();
}

async function writeConsensus(db: Db, exerciseId: string, by: string, at: number, decisions: ReadonlyArray<{ turnId: string; codes: readonly KeyCode[]; rationale: string }>): Promise<void> {
  const doc = new Y.Doc();
  const map = doc.getMap("decisions");
  decisions.forEach((d, i) => {
    map.set(d.turnId, { decision: "edit", codes: d.codes.map(([dimension, polarity]) => ({ dimension, polarity })), rationale: d.rationale, by, at: at + i * 60_000 });
  });
  await appendUpdate(db, roomName({ kind: "consensus", exerciseId }), Y.encodeStateAsUpdate(doc));
  doc.destroy();
}

export async function seedHistory(
  db: Db,
  input: { cohortId: string; supervisorId: string; instructorId: string; passwordHash: string; codebookId: string; codebookVersion: number; openTranscriptId: string },
): Promise<void> {
  const trainees: Array<{ id: string; email: string }> = [];
  for (const t of HISTORY_TRAINEES) {
    const found = await findUserByEmail(db, t.email);
    const id = found?.id ?? (await createUser(db, { email: t.email, name: t.name, passwordHash: input.passwordHash }));
    if (!found) await addMembership(db, input.cohortId, id, "trainee");
    trainees.push({ id, email: t.email });
  }
  const transcripts: Transcript[] = [];
  for (const session of DEMO_HISTORY_SESSIONS) {
    const id = await createTranscript(db, { cohortId: input.cohortId, title: session.title, createdBy: input.supervisorId, turns: session.turns.map(({ key: _key, ...turn }) => turn) });
    const { doc } = await loadRoomDoc(db, transcriptRoom(id));
    transcripts.push({ id, session, turns: readTurns(doc), doc });
  }
  try {
    const now = Date.now();
    const plan = [
      { title: "Week 1 — grief and values (blind)", tx: transcripts[0]! },
      { title: "Week 2 — panic at the supermarket (blind)", tx: transcripts[1]! },
      { title: "Week 3 — anger and pleasing at work (blind)", tx: transcripts[2]! },
      { title: "Week 4 — panic at the supermarket, second pass (blind)", tx: transcripts[1]! },
    ];
    for (const [week, { title, tx }] of plan.entries()) {
      const started = now - (5 - week) * WEEK_MS;
      const exerciseId = await createExercise(db, {
        cohortId: input.cohortId,
        transcriptId: tx.id,
        title,
        mode: "blind",
        revealRule: "instructor",
        coderIds: [input.supervisorId, ...trainees.map((t) => t.id)],
        keyCoderId: input.supervisorId,
        codersSettle: false,
        codebookId: input.codebookId,
        codebookVersion: input.codebookVersion,
        createdBy: input.instructorId,
      });
      const clientTurns = tx.turns.filter((turn) => turn.role === "client");
      const keyByTurn = new Map(clientTurns.map((turn) => [turn.id, tx.session.turns[turn.index]!.key ?? []]));
      await writeLayer(db, tx, exerciseId, input.supervisorId, keyByTurn, clientTurns.map((t) => t.id), started + 3600_000);
      for (const [i, trainee] of trainees.entries()) {
        const random = prng(1000 * (week + 1) + i);
        const skill = SKILL[trainee.email]![week]!;
        const codes = new Map(clientTurns.map((turn) => [turn.id, traineeCodes(keyByTurn.get(turn.id)!, skill, random)]));
        // Jonah ran out of time in week 4: he left the last four client turns not looked at, and said so.
        const leftOut = week === 3 && trainee.email === "trainee12@coflex.test" ? 4 : 0;
        const looked = clientTurns.slice(0, clientTurns.length - leftOut);
        for (const turn of clientTurns.slice(looked.length)) codes.delete(turn.id);
        await writeLayer(db, tx, exerciseId, trainee.id, codes, looked.map((t) => t.id), started + 86_400_000 + i * 600_000);
        if (leftOut > 0) {
          await db.update(exerciseCoders).set({ unreviewedChoice: "missing", unreviewedCount: leftOut }).where(and(eq(exerciseCoders.exerciseId, exerciseId), eq(exerciseCoders.userId, trainee.id)));
        }
      }
      const revealedAt = new Date(started + 5 * 86_400_000);
      await db.update(exerciseCoders).set({ submittedAt: new Date(started + 4 * 86_400_000) }).where(eq(exerciseCoders.exerciseId, exerciseId));
      await db.update(exercises).set({ state: "revealed", createdAt: new Date(started), revealedAt }).where(eq(exercises.id, exerciseId));
      if (week < 2) {
        // The supervisor settled the turns the class argued over most, each with its one-line reason.
        const settled = clientTurns.filter((turn) => (keyByTurn.get(turn.id) ?? []).length >= 2).slice(0, 3);
        await writeConsensus(
          db,
          exerciseId,
          input.supervisorId,
          revealedAt.getTime() + 3600_000,
          settled.map((turn, k) => ({
            turnId: turn.id,
            codes: keyByTurn.get(turn.id)!,
            rationale: [
              "Both codes stand: the behaviour and the feeling it avoids are separate processes here.",
              "The value is named even while the avoidance goes on, so motivation is flexible alongside it.",
              "The self-story is explicit (\"there's something wrong with me\"), so self·I, not only cognition.",
            ][k % 3]!,
          })),
        );
      }
    }

    // Week 5, in progress: a blind exercise on the grief session, some trainees partway through. Not on the
    // open demo transcript: a running blind exercise locks its text, and supervisors edit that one in the demo.
    const started = now - 2 * 86_400_000;
    const current = transcripts[0]!;
    {
      const exerciseId = await createExercise(db, {
        cohortId: input.cohortId,
        transcriptId: current.id,
        title: "Week 5 — grief and values, third pass (blind, in progress)",
        mode: "blind",
        revealRule: "instructor",
        coderIds: [input.supervisorId, ...trainees.map((t) => t.id)],
        keyCoderId: input.supervisorId,
        codersSettle: false,
        codebookId: input.codebookId,
        codebookVersion: input.codebookVersion,
        createdBy: input.instructorId,
      });
      await db.update(exercises).set({ createdAt: new Date(started) }).where(eq(exercises.id, exerciseId));
      const clientTurns = current.turns.filter((turn) => turn.role === "client");
      const dims: Dimension[] = ["cognition", "emotion", "overt_behavior", "self", "attention", "motivation"];
      for (const [i, trainee] of trainees.slice(2, 9).entries()) {
        const random = prng(9000 + i);
        const looked = clientTurns.slice(0, Math.round(clientTurns.length * (0.25 + 0.1 * i)));
        const codes = new Map(looked.map((turn) => [turn.id, random() < 0.6 ? [[dims[Math.floor(random() * dims.length)]!, random() < 0.6 ? "inflexible" : "flexible"] as KeyCode] : []]));
        await writeLayer(db, current, exerciseId, trainee.id, codes, looked.map((t) => t.id), started + i * 900_000);
      }
    }
  } finally {
    for (const tx of transcripts) tx.doc.destroy();
  }
}
