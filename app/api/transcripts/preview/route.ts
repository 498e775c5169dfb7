import { NextResponse } from "next/server";
import type { PreviewCandidate, PreviewResponse } from "@/components/import/types";
import { requireUser } from "@/lib/auth/currentUser";
import { getDb } from "@/lib/db/client";
import { recordAuditOnce } from "@/lib/db/queries/audit";
import { findIdentifiers } from "@/lib/domain/deidentify";
import { isRoleLabel, speakersOf } from "@/lib/domain/import";
import { route } from "@/lib/http/route";
import { parseImport, readImportRequest, requireImportRights, resolveCohort } from "@/lib/import/importRequest";

/** Turns sent back for display; the page says how many more there are. */
const PREVIEW_TURNS = 30;
/** Words of context either side of a suspected identifier. */
const CONTEXT_CHARS = 48;

function contextBefore(text: string, start: number): string {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const slice = text.slice(from, start);
  return from > 0 ? `…${slice.replace(/^\S*\s/, "")}` : slice;
}

function contextAfter(text: string, end: number): string {
  const to = Math.min(text.length, end + CONTEXT_CHARS);
  const slice = text.slice(end, to);
  return to < text.length ? `${slice.replace(/\s\S*$/, "")}…` : slice;
}

/** Previews re-run by one person within this window are one import (one audit row). */
const PREVIEW_AUDIT_WINDOW_MS = 15 * 60_000;

/**
 * The import preview: the same inputs as POST /api/transcripts, parsed and checked the same way, but
 * nothing is stored. Returns the first turns, each speaker with its guessed (or chosen) role, and the
 * de-identification candidates with context. The text lives only in this request's memory; the call is
 * audited (who sent session material to the server, into which cohort), never with any of its text.
 */
export const POST = route(async (req: Request) => {
  const user = await requireUser();
  const db = await getDb();
  const staff = await requireImportRights(db, user, "transcript.import_preview");
  const request = await readImportRequest(req);
  const { cohortId, role } = await resolveCohort(db, user, staff, request.cohortId, "transcript.import_preview");
  const parsed = await parseImport(request);
  const candidates: PreviewCandidate[] = findIdentifiers(parsed.turns, { extraNames: request.extraNames, clientNames: request.clientNames }).map((c) => {
    const turn = parsed.turns[c.turnIndex];
    const text = turn?.text ?? "";
    return { ...c, speaker: turn?.speaker ?? "", before: contextBefore(text, c.start), after: contextAfter(text, c.end) };
  });
  const body: PreviewResponse = {
    format: parsed.format,
    formatName: parsed.formatName,
    turnCount: parsed.turns.length,
    turns: parsed.turns.slice(0, PREVIEW_TURNS).map((t, index) => ({ index, speaker: t.speaker, role: t.role, start: t.start, end: t.end, text: t.text })),
    speakers: speakersOf(parsed.turns).map((s) => ({ ...s, looksLikeName: !isRoleLabel(s.speaker) })),
    candidates,
    warnings: parsed.warnings,
  };
  // One row per import, not per re-run of the preview while the reviewer adjusts roles and labels.
  await recordAuditOnce(db, { userId: user.id, role, action: "transcript.import_preview", resource: `cohort:${cohortId}`, outcome: "ok", cohortId }, PREVIEW_AUDIT_WINDOW_MS);
  return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
}, { body: "upload" });
