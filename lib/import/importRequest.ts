/**
 * The import boundary shared by POST /api/transcripts and POST /api/transcripts/preview: read the body
 * (multipart or JSON) within a size cap, validate every field with zod, decide the cohort, parse the
 * transcript and apply the reviewer's speaker roles, speaker labels and accepted de-identification.
 * Nothing here stores anything or logs any text.
 */
import { z } from "zod";
import { can, roleIn, type CohortRole } from "../auth/can";
import type { CurrentUser } from "../auth/currentUser";
import type { Db } from "../db/client";
import { recordAudit } from "../db/queries/audit";
import { applyReplacements } from "../domain/deidentify";
import { DEFAULT_IMPORT_LIMITS, formatName, type ParsedTurn } from "../domain/import";
import { AppError } from "../errors";
import { parseTranscriptFile, parseTranscriptText } from "./index";
import { idParam } from "../validation/member";

const MAX_FILE_BYTES = DEFAULT_IMPORT_LIMITS.maxFileBytes;
/** The file (or pasted text) plus room for the review: roles, labels and up to tens of thousands of replacements. */
export const MAX_BODY_BYTES = MAX_FILE_BYTES + 4 * 1024 * 1024;
const MB = Math.round(MAX_FILE_BYTES / (1024 * 1024));
const TOO_LARGE = `This transcript is larger than ${MB} MB, the most Coflex imports at once. Split the transcript into parts and import each one.`;

const roleSchema = z.enum(["therapist", "client", "other"]);
const speakerKey = z.string().min(1).max(500);
const oneLine = (what: string, max: number) =>
  z.string().trim().min(1, `${what} is empty`).max(max, `${what} is longer than ${max} characters`).regex(/^[^\r\n]*$/, `${what} must be on one line`);

const replacementSchema = z.object({
  turnIndex: z.number().int().min(0),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  text: z.string().min(1).max(1000),
  proposal: oneLine("a pseudonym", 80),
});

const reviewSchema = z.object({
  title: oneLine("the title", 200).optional(),
  cohortId: idParam.optional(),
  format: z.enum(["txt", "vtt", "srt", "csv"]).optional(),
  roles: z.record(speakerKey, roleSchema).default({}),
  speakerLabels: z.record(speakerKey, oneLine("a speaker's name", 80)).default({}),
  replacements: z.array(replacementSchema).max(50_000).default([]),
  extraNames: z.array(oneLine("a name", 100)).max(200).default([]),
  clientNames: z.array(oneLine("the client's name", 100)).max(20).default([]),
});

export type ImportSource = { kind: "file"; bytes: Uint8Array; filename: string } | { kind: "text"; text: string };

export interface ImportRequest {
  title: string | undefined;
  cohortId: string | undefined;
  source: ImportSource;
  format: "txt" | "vtt" | "srt" | "csv" | undefined;
  roles: Map<string, "therapist" | "client" | "other">;
  speakerLabels: Map<string, string>;
  replacements: z.infer<typeof replacementSchema>[];
  extraNames: string[];
  clientNames: string[];
}

/** Reads at most `max` bytes of the body; more (declared or actually sent) is a 413 before anything is parsed. */
async function readCapped(req: Request, max: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > max) throw new AppError("too_large", TOO_LARGE);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new AppError("too_large", TOO_LARGE);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A JSON-encoded multipart field ("roles", "replacements", …) → its value, or a 400 naming the field. */
function jsonField(form: FormData, name: string): unknown {
  const value = form.get(name);
  if (value === null) return undefined;
  if (typeof value !== "string") throw new AppError("bad_request", `The field "${name}" must be text, not a file.`);
  if (value.trim() === "") return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new AppError("bad_request", `The field "${name}" is not valid JSON.`);
  }
}

function textField(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  if (value === null) return undefined;
  if (typeof value !== "string") throw new AppError("bad_request", `The field "${name}" must be text, not a file.`);
  return value.trim() === "" ? undefined : value;
}

function validateReview(value: unknown): z.infer<typeof reviewSchema> {
  const result = reviewSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join(".")})` : "";
  throw new AppError("bad_request", `The import could not be read: ${issue?.message ?? "a field is not valid"}${where}.`);
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

export async function readImportRequest(req: Request): Promise<ImportRequest> {
  const contentType = (req.headers.get("content-type") ?? "").toLowerCase();
  const isJson = contentType.includes("application/json");
  const isMultipart = contentType.includes("multipart/form-data");
  if (!isJson && !isMultipart) {
    throw new AppError("bad_request", "Send the transcript as a file upload (multipart/form-data with a \"file\" field) or as JSON {title, text}.");
  }
  const body = await readCapped(req, MAX_BODY_BYTES);

  let source: ImportSource;
  let review: z.infer<typeof reviewSchema>;
  if (isMultipart) {
    let form: FormData;
    try {
      // The body is already read within the cap; Response parses the multipart encoding the same way req.formData() would.
      form = await new Response(body as BodyInit, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
    } catch {
      throw new AppError("bad_request", "The upload could not be read. Choose the file again and retry.");
    }
    const file = form.get("file");
    const text = textField(form, "text");
    if (file !== null && typeof file !== "string") {
      if (file.size > MAX_FILE_BYTES) throw new AppError("too_large", TOO_LARGE);
      source = { kind: "file", bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name.slice(-255) };
    } else if (text !== undefined) {
      source = { kind: "text", text };
    } else {
      throw new AppError("bad_request", "Choose a transcript file (or paste the transcript's text) to import.");
    }
    review = validateReview({
      title: textField(form, "title"),
      cohortId: textField(form, "cohortId"),
      format: textField(form, "format"),
      roles: jsonField(form, "roles"),
      speakerLabels: jsonField(form, "speakerLabels"),
      replacements: jsonField(form, "replacements"),
      extraNames: jsonField(form, "extraNames"),
      clientNames: jsonField(form, "clientNames"),
    });
  } else {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(body)) as unknown;
    } catch {
      throw new AppError("bad_request", "The request body is not valid JSON.");
    }
    const text = z.object({ text: z.string().min(1, "the transcript is empty") }).safeParse(json);
    if (!text.success) throw new AppError("bad_request", "Send the transcript's text in the \"text\" field; it is missing or empty.");
    source = { kind: "text", text: text.data.text };
    review = validateReview({ ...(json as Record<string, unknown>), text: undefined });
  }

  if (source.kind === "text") {
    if (source.text.trim() === "") throw new AppError("bad_request", "The transcript is empty. Paste the transcript's text, or choose a file.");
    if (utf8Length(source.text) > MAX_FILE_BYTES) throw new AppError("too_large", TOO_LARGE);
  }
  return {
    title: review.title,
    cohortId: review.cohortId,
    source,
    format: review.format,
    roles: new Map(Object.entries(review.roles)),
    speakerLabels: new Map(Object.entries(review.speakerLabels)),
    replacements: review.replacements,
    extraNames: review.extraNames,
    clientNames: review.clientNames,
  };
}

/** Cohorts where the user may add transcripts. None → 403 before the body is even read (and audited). */
export async function requireImportRights(db: Db, user: CurrentUser, action: string): Promise<Array<{ cohortId: string; role: CohortRole }>> {
  const staff = user.subject.memberships.filter((m) => can(user.subject, "transcript.create", { kind: "cohort", cohortId: m.cohortId }));
  if (staff.length === 0) {
    const first = user.subject.memberships[0];
    await recordAudit(db, { userId: user.id, role: first?.role ?? null, action, resource: "transcript:new", outcome: "denied", cohortId: first?.cohortId ?? null });
    throw new AppError("forbidden", "Only supervisors and instructors can import transcripts. Ask your cohort's instructor to add this one.");
  }
  return staff;
}

/** The cohort the transcript goes into: the one asked for (if the user may add to it), or the only one they may. */
export async function resolveCohort(
  db: Db,
  user: CurrentUser,
  staff: ReadonlyArray<{ cohortId: string }>,
  requested: string | undefined,
  action: string,
): Promise<{ cohortId: string; role: CohortRole | null }> {
  if (requested === undefined) {
    const only = staff.length === 1 ? staff[0] : undefined;
    if (!only) throw new AppError("bad_request", "Choose the cohort this transcript belongs to (cohortId).");
    return { cohortId: only.cohortId, role: roleIn(user.subject, only.cohortId) };
  }
  if (!staff.some((m) => m.cohortId === requested)) {
    await recordAudit(db, { userId: user.id, role: roleIn(user.subject, requested), action, resource: `cohort:${requested}`, outcome: "denied", cohortId: null });
    throw new AppError("forbidden", "You cannot add transcripts to that cohort. Only its supervisors and instructors can.");
  }
  return { cohortId: requested, role: roleIn(user.subject, requested) };
}

export interface ParsedImport {
  turns: ParsedTurn[];
  format: "txt" | "vtt" | "srt" | "csv" | "docx";
  formatName: string;
  warnings: string[];
}

/** The file or text → every turn with the reviewer's roles applied, or a 400 in the parser's plain words. */
export async function parseImport(request: ImportRequest): Promise<ParsedImport> {
  const result =
    request.source.kind === "file"
      ? await parseTranscriptFile(request.source.bytes, request.source.filename)
      : parseTranscriptText(request.source.text, request.format ? { format: request.format } : {});
  if (!result.ok) throw new AppError("bad_request", result.error);
  if (result.turns.length === 0) throw new AppError("bad_request", "No turns were found in this transcript. Check that it is the right file.");
  const speakers = new Set(result.turns.map((t) => t.speaker));
  for (const speaker of [...request.roles.keys(), ...request.speakerLabels.keys()]) {
    if (!speakers.has(speaker)) {
      throw new AppError("bad_request", "The speakers you mapped are not the ones in this file. Preview the transcript again, then import.");
    }
  }
  const turns = result.turns.map((turn) => ({ ...turn, role: request.roles.get(turn.speaker) ?? turn.role }));
  return { turns, format: result.format, formatName: formatName(result.format), warnings: result.warnings };
}

/** The turns as they will be stored: accepted pseudonyms in the text, then speakers renamed. */
export function finishTurns(turns: readonly ParsedTurn[], request: ImportRequest): ParsedTurn[] {
  let replaced: ParsedTurn[];
  try {
    replaced = applyReplacements(turns, request.replacements);
  } catch (err) {
    if (err instanceof RangeError) {
      throw new AppError("bad_request", "The de-identification you confirmed no longer matches this file's text. Preview the transcript again, then import.");
    }
    throw err;
  }
  return replaced.map((turn) => ({ ...turn, speaker: request.speakerLabels.get(turn.speaker) ?? turn.speaker }));
}

/** A title for a file posted without one: its name without the extension. */
export function titleFor(request: ImportRequest): string {
  if (request.title) return request.title;
  if (request.source.kind === "file") {
    const base = request.source.filename.replace(/\.[^.]*$/, "").replace(/[_]+/g, " ").trim();
    if (base) return base.slice(0, 200);
  }
  throw new AppError("bad_request", "Give the transcript a title.");
}
