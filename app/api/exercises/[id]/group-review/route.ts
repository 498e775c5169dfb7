import { NextResponse } from "next/server";
import { z } from "zod";
import { requireUser } from "@/lib/auth/currentUser";
import { getDb } from "@/lib/db/client";
import { parseOr400, route } from "@/lib/http/route";
import { readGroupReview } from "@/lib/review/groupReviewData";
import { idParam } from "@/lib/validation/member";

/**
 * GET /api/exercises/:id/group-review — the class's codes per unit turn after the reveal
 * (lib/review/groupReviewData.ts GroupReviewPayload): per turn the count of each of the 12 codes over
 * the coders (the key excluded), the key's code set (a 12-bit mask, FAD_CODES order), the turn's
 * disagreement (0–1, overall and per dimension), and, where the caller may see names, who gave each
 * code. Rights and the 404 before the reveal are the agreement API's; every answered read is audited.
 */
export const GET = route(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = parseOr400(z.object({ id: idParam }), await ctx.params, "exercise id");
  const db = await getDb();
  return NextResponse.json(await readGroupReview(db, user, id));
});
