import { NextResponse } from "next/server";
import { z } from "zod";
import { requireUser } from "@/lib/auth/currentUser";
import { exerciseFor } from "@/lib/auth/exerciseAccess";
import { getDb } from "@/lib/db/client";
import { parseOr400, readJson, route } from "@/lib/http/route";
import { exerciseSettingsSchema, updateExerciseSettings } from "@/lib/review/namesSetting";
import { idParam } from "@/lib/validation/member";

export const GET = route(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = parseOr400(z.object({ id: idParam }), await ctx.params, "exercise id");
  const db = await getDb();
  // Not audited: this is state (no transcript text), and the coding page polls it to notice a reveal.
  const { exercise } = await exerciseFor(db, user, id);
  return NextResponse.json({
    id: exercise.id,
    title: exercise.title,
    transcriptId: exercise.transcriptId,
    mode: exercise.mode,
    state: exercise.state,
    revealRule: exercise.revealRule,
    unitScope: exercise.unitScope,
    coders: exercise.coders,
    keyCoderId: exercise.keyCoderId,
    coderNamesVisible: exercise.coderNamesVisible,
  });
});

/** PATCH /api/exercises/:id {coderNamesVisible} — staff let trainees see each other's names in review (lib/review/namesSetting). */
export const PATCH = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = parseOr400(z.object({ id: idParam }), await ctx.params, "exercise id");
  const body = parseOr400(exerciseSettingsSchema, await readJson(req), "exercise settings");
  return NextResponse.json(await updateExerciseSettings(await getDb(), user, id, body));
});
