import { NextResponse } from "next/server";
import { z } from "zod";
import { can, roleIn } from "@/lib/auth/can";
import { type CurrentUser, requireUser } from "@/lib/auth/currentUser";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/queries/audit";
import { cohortCodebook } from "@/lib/db/queries/codebooks";
import { insertCodebookVersion, isUniqueViolation, listCodebookVersions } from "@/lib/db/queries/codebookVersions";
import { AppError } from "@/lib/errors";
import { parseOr400, readJson, route } from "@/lib/http/route";
import { fixedPartsChanged, sameContent, saveCodebookRequestSchema, validateCodebook } from "@/lib/validation/codebook";
import { idParam } from "@/lib/validation/member";

type Ctx = { params: Promise<{ id: string }> };

/** Members of the cohort read its codebook; anyone else gets "not found" (a forbidden cohort and a missing one look the same). */
async function cohortFor(user: CurrentUser, ctx: Ctx): Promise<string> {
  const { id } = parseOr400(z.object({ id: idParam }), await ctx.params, "cohort id");
  if (!can(user.subject, "cohort.view", { kind: "cohort", cohortId: id })) throw new AppError("not_found", "No such cohort, or you are not a member of it.");
  return id;
}

/** The current codebook and every stored version (newest first). */
export const GET = route(async (_req: Request, ctx: Ctx) => {
  const user = await requireUser();
  const cohortId = await cohortFor(user, ctx);
  const db = await getDb();
  const current = await cohortCodebook(db, cohortId);
  const versions = await listCodebookVersions(db, cohortId);
  return NextResponse.json({
    current: { id: current.id, createdAt: versions.find((v) => v.id === current.id)?.createdAt ?? null, codebook: current.codebook },
    versions: versions.map((v) => ({ id: v.id, version: v.version, name: v.name, createdAt: v.createdAt, createdBy: v.createdByName })),
    canEdit: can(user.subject, "cohort.edit_codebook", { kind: "cohort", cohortId }),
  });
});

/**
 * An instructor saves an edited codebook as the next version. Older versions stay: exercises keep the
 * version they were set with, so codes already made keep their meaning.
 */
export const POST = route(async (req: Request, ctx: Ctx) => {
  const user = await requireUser();
  const cohortId = await cohortFor(user, ctx);
  const db = await getDb();
  const audit = (outcome: "ok" | "denied", resource: string) =>
    recordAudit(db, { userId: user.id, role: roleIn(user.subject, cohortId), action: "codebook.update", resource, outcome, cohortId });
  if (!can(user.subject, "cohort.edit_codebook", { kind: "cohort", cohortId })) {
    await audit("denied", `cohort:${cohortId}`);
    throw new AppError("forbidden", "Only this cohort's instructors can change its codebook.");
  }
  const body = parseOr400(saveCodebookRequestSchema, await readJson(req), "codebook");
  const current = await cohortCodebook(db, cohortId);
  const base = current.codebook;
  if (body.baseVersion !== base.version) {
    throw new AppError("conflict", `Version ${base.version} was saved while you were editing version ${body.baseVersion}. Copy your changes, reload the page and make them again.`);
  }
  // The name and the version number are the server's: the version counts up, and the name stays so versions line up.
  const checked = validateCodebook({ ...body.codebook, name: base.name, version: base.version + 1 });
  if (!checked.ok) {
    const [first, ...rest] = checked.problems;
    const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? "" : "s"})` : "";
    throw new AppError("bad_request", `The codebook was not saved: ${first?.text ?? "it is not valid."}${more}`);
  }
  const fixed = fixedPartsChanged(base, checked.codebook);
  if (fixed) throw new AppError("bad_request", `The codebook was not saved: ${fixed}`);
  if (sameContent(base, checked.codebook)) throw new AppError("bad_request", `Nothing to save: this is the same as version ${base.version}.`);
  let saved: { id: string; version: number };
  try {
    saved = await insertCodebookVersion(db, cohortId, checked.codebook, user.id);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `Someone else saved version ${base.version + 1} at the same moment. Copy your changes, reload the page and make them again.`);
    throw error;
  }
  await audit("ok", `codebook:${saved.id}`);
  return NextResponse.json(saved, { status: 201 });
});
