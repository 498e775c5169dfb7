import { hashPassword } from "../../lib/auth/password";
import { transcriptRoom } from "../../lib/collab/roomName";
import type { AgreementResultData, AgreementRunOutput, PairAgreement, PairSummary } from "../../lib/agreement/runSchema";
import { AGREEMENT_ENGINE_VERSION } from "../../lib/agreement/runSchema";
import { splitPairSummaries } from "../../lib/agreement/pairSummaries";
import type { Db } from "../../lib/db/client";
import { DEFAULT_AGREEMENT_SETTINGS, type NewRunRow, insertAgreementRun } from "../../lib/db/queries/agreement";
import { createExercise } from "../../lib/db/queries/exercises";
import { createTranscript } from "../../lib/db/queries/transcripts";
import { addMembership, createCohort, createUser } from "../../lib/db/queries/users";
import { loadRoomDoc } from "../../lib/db/queries/yjsLog";
import { DIMENSIONS } from "../../lib/domain/codebook";
import { demoTranscript } from "../../lib/domain/demoTranscript";
import { readTurns } from "../../lib/domain/transcriptDoc";
import { sql } from "drizzle-orm";
import { exercises } from "../../lib/db/schema";

/**
 * A whole class for the views' size and speed tests (issue 8 item 4): one cohort with an instructor (the
 * key coder) and `trainees` trainees, and `exerciseCount` revealed blind keyed exercises on the demo
 * transcript, each with ONE stored agreement run written straight through the query layer — the shape
 * the server's producer writes for a class (pairs without the key as summaries, pairs with the key in
 * full, unit masks), with synthetic, deterministic numbers. The numbers are not computed from layers (no
 * layer is stored): this world measures what the pages send and how fast they read, not the math.
 */

export interface LargeClass {
  cohortId: string;
  instructor: { id: string; email: string; name: string };
  trainees: Array<{ id: string; email: string; name: string }>;
  exerciseIds: string[];
}

const FIRST = ["Ada", "Ben", "Cleo", "Dev", "Esme", "Finn", "Gia", "Hugo", "Iris", "Jon", "Kai", "Lena", "Milo", "Nora", "Omar", "Pia", "Quin", "Rosa", "Sami", "Tess"];
const LAST = ["Adler", "Brooks", "Cruz", "Dahl", "Ekman", "Fox", "Grant", "Holm", "Ito", "Jensen"];

/** A deterministic value in [0, 1) from integers (no Math.random: the world is the same every run). */
function noise(...parts: number[]): number {
  let h = 2166136261;
  for (const p of parts) h = Math.imul(h ^ (p + 0x9e3779b9), 16777619) >>> 0;
  // murmur3's finalizer: without it the last part barely moves the result (all dimensions alike).
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

const clamp = (v: number) => Math.max(-0.2, Math.min(1, v));

function result(alpha: number, nCoders: number, nUnits: number, withCi: boolean): AgreementResultData {
  const kappa = clamp(alpha - 0.04);
  const ac1 = clamp(alpha + 0.08);
  const po = Math.min(1, 0.5 + alpha / 2);
  return {
    n_units: nUnits,
    n_coders: nCoders,
    n_pairable_units: nUnits,
    po,
    ...(nCoders === 2 ? { cohen_kappa: kappa } : { fleiss_kappa: kappa }),
    scott_pi: kappa,
    krippendorff_alpha: alpha,
    gwet_ac1: ac1,
    brennan_prediger: ac1,
    ...(withCi ? { ci: { krippendorff_alpha: [clamp(alpha - 0.15), clamp(alpha + 0.1)] as [number, number], ...(nCoders === 2 ? { cohen_kappa: [clamp(kappa - 0.15), clamp(kappa + 0.1)] as [number, number] } : {}) } } : {}),
    warnings: [],
  };
}

const summary = (r: AgreementResultData): PairSummary => ({
  n_units: r.n_units,
  n_coders: r.n_coders,
  n_pairable_units: r.n_pairable_units,
  ...(r.po !== undefined ? { po: r.po } : {}),
  ...(r.cohen_kappa !== undefined ? { cohen_kappa: r.cohen_kappa } : {}),
  ...(r.krippendorff_alpha !== undefined ? { krippendorff_alpha: r.krippendorff_alpha } : {}),
  ...(r.gwet_ac1 !== undefined ? { gwet_ac1: r.gwet_ac1 } : {}),
});

const SUMMARY_VARIABLES = [...DIMENSIONS, "pooled"] as const;
const PRESENCE_VARIABLES = DIMENSIONS.flatMap((d) => [`${d}.flexible`, `${d}.inflexible`]);
const FLAT_STATISTICS = ["po", "cohen_kappa", "krippendorff_alpha", "gwet_ac1"] as const;

/** How well trainee t codes on exercise e (0 … 1): most improve, at different rates. */
function skill(t: number, e: number): number {
  const start = 0.3 + 0.35 * noise(t, 1);
  const rate = 0.05 + 0.12 * noise(t, 2);
  return Math.min(0.97, start + rate * e);
}

export async function seedLargeClass(db: Db, options: { trainees: number; exercises: number; tag?: string }): Promise<LargeClass> {
  const tag = options.tag ?? Math.random().toString(36).slice(2, 8);
  const passwordHash = await hashPassword("coflex-demo");
  const cohortId = await createCohort(db, `Large class ${tag}`);
  const instructorEmail = `classlead-${tag}@coflex.test`;
  const instructor = { id: await createUser(db, { email: instructorEmail, name: "Class Lead", passwordHash }), email: instructorEmail, name: "Class Lead" };
  await addMembership(db, cohortId, instructor.id, "instructor");
  const trainees: LargeClass["trainees"] = [];
  for (let t = 0; t < options.trainees; t++) {
    const name = `${FIRST[t % FIRST.length]} ${LAST[Math.floor(t / FIRST.length) % LAST.length]}${t >= FIRST.length * LAST.length ? ` ${t}` : ""}`;
    const email = `class-${tag}-${t + 1}@coflex.test`;
    const id = await createUser(db, { email, name, passwordHash });
    await addMembership(db, cohortId, id, "trainee");
    trainees.push({ id, email, name });
  }
  const transcriptId = await createTranscript(db, { cohortId, title: `${demoTranscript.title} (class)`, createdBy: instructor.id, turns: demoTranscript.turns });
  const { doc } = await loadRoomDoc(db, transcriptRoom(transcriptId));
  const units = readTurns(doc)
    .filter((t) => t.role === "client")
    .map((t) => t.id);
  doc.destroy();

  const exerciseIds: string[] = [];
  const coders = [instructor.id, ...trainees.map((t) => t.id)];
  for (let e = 0; e < options.exercises; e++) {
    const exerciseId = await createExercise(db, {
      cohortId,
      transcriptId,
      title: `Week ${e + 1}: thesis avoidance`,
      mode: "blind",
      revealRule: "instructor",
      coderIds: coders,
      keyCoderId: instructor.id,
      codersSettle: false,
      codebookId: null,
      codebookVersion: 1,
      createdBy: instructor.id,
    });
    // Set in sequence a week apart, and revealed: the progress page orders exercises by when they were set.
    const setAt = new Date(Date.UTC(2026, 8, 1 + 7 * e));
    await db
      .update(exercises)
      .set({ state: "revealed", createdAt: setAt, revealedAt: new Date(setAt.getTime() + 86_400_000) })
      .where(sql`${exercises.id} = ${exerciseId}`);
    exerciseIds.push(exerciseId);

    const n = units.length;
    const pairs: PairAgreement[] = [];
    const rows: NewRunRow[] = [];
    const flat = (variable: string, a: string | null, b: string | null, r: AgreementResultData) => {
      for (const statistic of FLAT_STATISTICS) {
        const value = r[statistic];
        if (value === undefined) continue;
        const ci = r.ci?.[statistic];
        rows.push({ variable, coderA: a, coderB: b, statistic, value, ciLow: ci?.[0] ?? null, ciHigh: ci?.[1] ?? null, nUnits: r.n_pairable_units, nCoders: r.n_coders, prevalence: null, warnings: null });
      }
    };
    for (let a = 0; a < coders.length; a++) {
      for (let b = a + 1; b < coders.length; b++) {
        const withKey = a === 0;
        const level = withKey ? skill(b - 1, e) : (skill(a - 1, e) + skill(b - 1, e)) / 2 - 0.08;
        const variables: Record<string, AgreementResultData> = {};
        for (const [i, v] of [...SUMMARY_VARIABLES, ...(withKey ? PRESENCE_VARIABLES : [])].entries()) {
          variables[v] = result(clamp(level + 0.2 * (noise(a, b, e, i) - 0.5)), 2, n, withKey && i < SUMMARY_VARIABLES.length);
        }
        if (withKey) {
          pairs.push({ coderA: coders[a]!, coderB: coders[b]!, detail: "full", variables });
          for (const [v, r] of Object.entries(variables)) flat(v, coders[a]!, coders[b]!, r);
        } else {
          pairs.push({ coderA: coders[a]!, coderB: coders[b]!, detail: "summary", variables: Object.fromEntries(SUMMARY_VARIABLES.map((v) => [v, summary(variables[v]!)])) });
        }
      }
    }
    const overallLevel = trainees.reduce((s, _t, i) => s + skill(i, e), 0) / trainees.length - 0.1;
    const variables: Record<string, AgreementResultData> = {};
    for (const [i, v] of [...SUMMARY_VARIABLES, ...PRESENCE_VARIABLES].entries()) {
      variables[v] = result(clamp(overallLevel + 0.2 * (noise(e, i, 7) - 0.5)), coders.length, n, true);
      flat(v, null, null, variables[v]!);
    }
    const masks: Record<string, number[]> = {};
    coders.forEach((c, ci) => {
      masks[c] = units.map((_u, ui) => (noise(ci === 0 ? 0 : ci, ui, e) < (ci === 0 ? 1 : skill(ci - 1, e)) ? 1 << ui % 12 : 1 << (ui + 3) % 12));
    });
    const output: AgreementRunOutput = {
      engine: AGREEMENT_ENGINE_VERSION,
      settings: DEFAULT_AGREEMENT_SETTINGS,
      nUnits: n,
      unitScope: "client_turns",
      unitDefinition: `Units are the ${n} client turns; therapist turns are not units.`,
      coders,
      idleCoders: [],
      keyCoderId: instructor.id,
      variables,
      variableInfo: Object.fromEntries(
        [...SUMMARY_VARIABLES, ...PRESENCE_VARIABLES].map((v) => [
          v,
          { kind: v === "pooled" ? "pooled" : v.includes(".") ? "presence" : "dimension", categories: v.includes(".") ? [0, 1] : ["none", "flexible", "inflexible", "both"], prevalence: {} },
        ]),
      ),
      unitizing: null,
      pairs,
      vsKey: trainees.map((t) => ({ coder: t.id, key: instructor.id })),
      warnings: [],
      unitMasks: { units, masks },
    };
    // Stored as the agreement worker stores a class's run: the summary pairs as rows of their own.
    const split = splitPairSummaries(output);
    await insertAgreementRun(db, { exerciseId, fingerprint: `large-class-${e}`, trigger: "reveal", durationMs: 1, outputJson: JSON.stringify(split.output), rows, pairSummaries: split.summaries });
  }
  return { cohortId, instructor, trainees, exerciseIds };
}
