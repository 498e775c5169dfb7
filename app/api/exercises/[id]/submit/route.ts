import { NextResponse } from "next/server";
import { z } from "zod";
import { requireUser } from "@/lib/auth/currentUser";
import { getDb } from "@/lib/db/client";
import { submitAs, submitBodySchema } from "@/lib/exercise/exerciseDecisions";
import { AppError } from "@/lib/errors";
import { parseOr400, route } from "@/lib/http/route";
import { idParam } from "@/lib/validation/member";

/**
 * The caller submits their layer: from now on it is read-only; the last submit reveals when the rule says
 * so. Optional JSON body `{unreviewed: "reviewed" | "missing"}`: what becomes of the units the coder has not
 * looked at (marked reviewed with no code, or left missing — the default). → 200 {submitted: true,
 * revealed, unreviewed: {count, choice}}.
 */
export const POST = route(
  async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
    const user = await requireUser();
    const { id } = parseOr400(z.object({ id: idParam }), await ctx.params, "exercise id");
    const text = await req.text();
    if (text.length > 10_000) throw new AppError("too_large", "The request body is too large.");
    let raw: unknown = {};
    if (text.trim() !== "") {
      try {
        raw = JSON.parse(text) as unknown;
      } catch {
        throw new AppError("bad_request", "The request body is not valid JSON.");
      }
    }
    const body = parseOr400(submitBodySchema, raw, "submit request");
    return NextResponse.json(await submitAs(await getDb(), user, id, body));
  },
  { body: "none" },
);
