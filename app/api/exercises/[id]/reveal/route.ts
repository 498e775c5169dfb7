import { NextResponse } from "next/server";
import { z } from "zod";
import { requireUser } from "@/lib/auth/currentUser";
import { getDb } from "@/lib/db/client";
import { revealAs } from "@/lib/exercise/exerciseDecisions";
import { parseOr400, route } from "@/lib/http/route";
import { idParam } from "@/lib/validation/member";

/** Reveals a blind exercise (staff); an open exercise → 409 and nothing changes (lib/exercise/exerciseDecisions). */
export const POST = route(
  async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
    const user = await requireUser();
    const { id } = parseOr400(z.object({ id: idParam }), await ctx.params, "exercise id");
    await revealAs(await getDb(), user, id);
    return NextResponse.json({ revealed: true });
  },
  { body: "none" },
);
