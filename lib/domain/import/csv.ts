import type { SpeakerRole } from "../transcriptDoc";
import { parseSecondsOrClock } from "./clock";
import { parseCsvRecords, sniffDelimiter } from "./csvRecords";
import type { ImportLimits } from "./limits";
import { TurnBuilder } from "./turnBuilder";
import type { ParseOutcome } from "./types";

type Column = "speaker" | "start" | "end" | "text" | "role";

const HEADER_NAMES: Readonly<Record<string, Column>> = {
  speaker: "speaker", name: "speaker", "speaker name": "speaker",
  start: "start", begin: "start", "start time": "start", start_time: "start", starttime: "start",
  end: "end", stop: "end", "end time": "end", end_time: "end", endtime: "end",
  text: "text", utterance: "text", transcript: "text", content: "text",
  role: "role",
};

function isRole(value: string): value is SpeakerRole {
  return value === "therapist" || value === "client" || value === "other";
}
const TIME_HINT = "Use seconds (65.5) or hh:mm:ss (00:01:05.5), or leave it empty.";

function parseTime(value: string, which: "start" | "end", rowNo: number): number | null | string {
  if (value.trim() === "") return null;
  const seconds = parseSecondsOrClock(value);
  if (seconds === null) return `Row ${rowNo}: the ${which} time is not a time. ${TIME_HINT}`;
  return seconds;
}

/**
 * CSV with a header row naming speaker, start, end and text, in any order and any case (start/end may be
 * missing or empty; an optional role column sets therapist/client/other). RFC 4180 quoting; rows are
 * numbered as a spreadsheet shows them (the header is row 1). Consecutive rows of one speaker merge.
 */
export function parseCsv(text: string, limits: ImportLimits): ParseOutcome {
  const body = text.replace(/^\uFEFF/, "");
  const parsed = parseCsvRecords(body, sniffDelimiter(body));
  if (!parsed.ok) return parsed;
  const isBlank = (fields: readonly string[]): boolean => fields.every((field) => field.trim() === "");
  const headerIndex = parsed.records.findIndex((record) => !isBlank(record.fields));
  const header = parsed.records[headerIndex];
  if (!header) return { ok: false, error: "This CSV file has no rows." };
  // Rows are numbered as a spreadsheet numbers them: the n-th record is row n, blank rows included.
  const rows = parsed.records.map((record, index) => ({ ...record, rowNo: index + 1 })).slice(headerIndex + 1).filter((row) => !isBlank(row.fields));
  const columns = new Map<Column, number>();
  header.fields.forEach((name, index) => {
    const column = HEADER_NAMES[name.trim().toLowerCase()];
    if (column && !columns.has(column)) columns.set(column, index);
  });
  const missing = (["speaker", "text"] as const).filter((column) => !columns.has(column));
  if (missing.length > 0) {
    return {
      ok: false,
      error: `The first row of a CSV transcript must name its columns: speaker, start, end and text (start and end may be left out). The ${missing.join(" and ")} column${missing.length > 1 ? "s are" : " is"} missing.`,
    };
  }
  const width = header.fields.length;
  const builder = new TurnBuilder(limits);
  const at = (fields: readonly string[], column: Column): string => {
    const index = columns.get(column);
    return index === undefined ? "" : (fields[index] ?? "");
  };
  for (const row of rows) {
    const rowNo = row.rowNo;
    const where = row.line === rowNo ? `Row ${rowNo}` : `Row ${rowNo} (line ${row.line})`;
    if (row.fields.length !== width) {
      return {
        ok: false,
        error: `${where} has ${row.fields.length} column${row.fields.length === 1 ? "" : "s"}, but the header has ${width}. Put text that contains commas or line breaks in double quotes.`,
      };
    }
    const speaker = at(row.fields, "speaker").trim();
    if (!speaker) return { ok: false, error: `${where} has no speaker.` };
    const start = parseTime(at(row.fields, "start"), "start", rowNo);
    if (typeof start === "string") return { ok: false, error: start };
    const end = parseTime(at(row.fields, "end"), "end", rowNo);
    if (typeof end === "string") return { ok: false, error: end };
    if (start !== null && end !== null && end < start) return { ok: false, error: `${where} ends before it starts.` };
    const error = builder.add({ speaker, start, end, text: at(row.fields, "text") });
    if (error) return { ok: false, error };
  }
  const turns = builder.finish();
  if (turns.length === 0) return { ok: false, error: "This CSV file has a header but no rows with text." };
  if (columns.has("role")) {
    const roleByKey = new Map<string, SpeakerRole>();
    for (const row of rows) {
      const role = at(row.fields, "role").trim().toLowerCase();
      const key = at(row.fields, "speaker").trim().replace(/\s+/g, " ");
      if (isRole(role) && !roleByKey.has(key)) roleByKey.set(key, role);
    }
    for (const turn of turns) turn.role = roleByKey.get(turn.speaker) ?? turn.role;
  }
  return { ok: true, turns, warnings: [] };
}
