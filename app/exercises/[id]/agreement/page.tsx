import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AgreementDashboard } from "@/components/agreement/AgreementDashboard";
import { type AgreementData, type UnitData, agreementDataSchema } from "@/components/agreement/agreementData";
import { statisticId } from "@/components/agreement/statistics";
import { TopBar } from "@/components/layout/TopBar";
import type { CurrentUser } from "@/lib/auth/currentUser";
import { auditExercise, exerciseFor } from "@/lib/auth/exerciseAccess";
import { type ExerciseFacts, can } from "@/lib/auth/can";
import { requirePageUser } from "@/lib/auth/requirePageUser";
import { roomName, transcriptRoom } from "@/lib/collab/roomName";
import type { Db } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import { agreementView, latestAgreementRun } from "@/lib/db/queries/agreement";
import { exerciseCodebook } from "@/lib/db/queries/codebooks";
import type { ExerciseDetail } from "@/lib/db/queries/exercises";
import { loadRoomDoc } from "@/lib/db/queries/yjsLog";
import { agreementUnits } from "@/lib/domain/agreementUnits";
import { headlineSettingForExercise } from "@/lib/db/queries/cohortHeadline";
import { BAND_SCHEME_IDS } from "@/lib/domain/headline";
import { DIMENSIONS, dimensionAbbreviation, dimensionColour, dimensionLabel } from "@/lib/domain/codebook";
import { MISSING_MASK, buildFadUnits } from "@/lib/domain/fadUnits";
import { readLayer } from "@/lib/domain/layerDoc";
import { readTurns } from "@/lib/domain/transcriptDoc";
import { isAppError } from "@/lib/errors";
import { createLogger } from "@/lib/log";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Agreement" };

const log = createLogger("agreement-page");

/**
 * Unit data for the timeline and the confusion matrix: the turns and, for each coder whose layer the
 * viewer may open (can "layer.read", the editor's rule), their code set per turn. Layers the viewer may not
 * see are never loaded. Coders who have not looked at any turn are left out, as the run leaves them out.
 */
async function loadUnitData(db: Db, user: CurrentUser, exercise: ExerciseDetail, facts: ExerciseFacts): Promise<UnitData> {
  const visible = exercise.coders.filter((coder) => can(user.subject, "layer.read", { kind: "layer", exercise: facts, coderId: coder.id }));
  const layers = [];
  for (const coder of visible) {
    const { doc } = await loadRoomDoc(db, roomName({ kind: "layer", exerciseId: exercise.id, coderId: coder.id }));
    try {
      const layer = readLayer(doc);
      layers.push({ coderId: coder.id, codes: layer.codes, reviewed: layer.reviewed });
    } finally {
      doc.destroy();
    }
  }
  const { doc: txDoc } = await loadRoomDoc(db, transcriptRoom(exercise.transcriptId));
  try {
    const unitTurns = agreementUnits(readTurns(txDoc), exercise.unitScope);
    const unitIds = new Set(unitTurns.turnIds);
    // The timeline and confusion matrix show the units the run was computed over (client turns by default).
    const turns = readTurns(txDoc)
      .filter((t) => unitIds.has(t.id))
      .map((t) => ({ id: t.id, index: t.index, speaker: t.speaker, role: t.role, start: t.start }));
    const units = buildFadUnits(
      turns.map((t) => t.id),
      layers,
      unitTurns.otherTurnIds,
    );
    const coders = visible
      .map((c) => ({ id: c.id, name: c.name, masks: Array.from(units.masks[c.id] ?? []) }))
      .filter((c) => c.masks.some((m) => m !== MISSING_MASK));
    return { turns, coders };
  } finally {
    txDoc.destroy();
  }
}

export default async function AgreementPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const query = await searchParams;
  const user = await requirePageUser(`/exercises/${id}/agreement`);
  const db = await getDb();
  const { exercise, facts } = await exerciseFor(db, user, id).catch((err: unknown) => {
    if (isAppError(err)) notFound();
    throw err;
  });

  if (!can(user.subject, "exercise.agreement", { kind: "exercise", exercise: facts })) {
    await auditExercise(db, user, exercise, "exercise.agreement_view", "denied");
    return (
      <>
        <TopBar userName={user.name} />
        <main className="page agreement-hidden">
          <h1>Agreement is hidden until the reveal</h1>
          <p>
            “{exercise.title}” is a blind exercise. While it is being coded, nobody sees how the other coders coded — not their codes and not the agreement
            computed from them — so that each coding stays independent.
          </p>
          <p>When the instructor reveals the exercise, the agreement per dimension, the coder pairs and the process timeline appear here.</p>
          <p>
            <Link href={`/exercises/${exercise.id}`} className="btn">
              Back to the coding page
            </Link>
          </p>
        </main>
      </>
    );
  }

  const run = await latestAgreementRun(db, exercise.id);
  let initial: AgreementData | null = null;
  if (run) {
    const parsed = agreementDataSchema.safeParse(agreementView(run, exercise.coders));
    if (parsed.success) initial = parsed.data;
    else log.error("agreement_view_shape", { exerciseId: exercise.id, runId: run.id, issues: parsed.error.issues.length });
  }
  const unit = await loadUnitData(db, user, exercise, facts);
  await auditExercise(db, user, exercise, "exercise.agreement_view");

  const [codebook, headline] = await Promise.all([exerciseCodebook(db, exercise), headlineSettingForExercise(db, exercise.id)]);
  const styles = DIMENSIONS.map((dimension) => {
    const entry = codebook.entries.find((e) => e.dimension === dimension);
    // Colours stay the Okabe–Ito set everywhere (UX): the codebook may rename a dimension, not recolour it.
    return { dimension, label: entry?.label ?? dimensionLabel(dimension), abbreviation: entry?.abbreviation ?? dimensionAbbreviation(dimension), colour: dimensionColour(dimension) };
  });
  const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

  return (
    <AgreementDashboard
      exercise={{ id: exercise.id, title: exercise.title, mode: exercise.mode, state: exercise.state }}
      initial={initial}
      unit={unit}
      styles={styles}
      headline={headline}
      settings={{
        statistic: statisticId(first(query.stat), headline.statistic),
        scheme: (BAND_SCHEME_IDS as readonly string[]).includes(first(query.bands) ?? "") ? first(query.bands)! : headline.bands,
        poles: first(query.poles) === "1",
      }}
    />
  );
}
