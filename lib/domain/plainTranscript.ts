import type { SpeakerRole } from "./transcriptDoc";

/** A parsed turn before it gets an id; the import boundary's output. */
export interface ParsedTurn {
  speaker: string;
  role: SpeakerRole;
  start: number | null;
  end: number | null;
  text: string;
}

export type ParseResult = { ok: true; turns: ParsedTurn[] } | { ok: false; error: string };

export const MAX_TURNS = 5000;
export const MAX_LINE_CHARS = 20_000;

const THERAPIST = /^(t|th|therapist|counsel+or|clinician|supervisor|trainee|psychologist)$/i;
const CLIENT = /^(c|cl|client|patient|p)$/i;

export function roleForSpeaker(speaker: string): SpeakerRole {
  const s = speaker.trim();
  if (THERAPIST.test(s)) return "therapist";
  if (CLIENT.test(s)) return "client";
  return "other";
}

const TIMESTAMP = /^\[?((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\]?\s+/;
const SPEAKER = /^([A-Za-zÀ-ÿ][\w .'’-]{0,40}?)\s*:\s+(.*)$/u;

export function parseClock(value: string): number {
  const parts = value.replace(",", ".").split(":").map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/**
 * Plain-text transcripts: "Speaker: text" lines, optionally after a [hh:mm:ss] stamp. A line without a
 * speaker continues the previous turn; consecutive lines of one speaker merge into one turn.
 */
export function parsePlainTranscript(input: string): ParseResult {
  const text = input.replace(/^\uFEFF/, "");
  if (text.includes("\u0000")) return { ok: false, error: "This does not look like a text transcript (it contains binary data)." };
  const turns: ParsedTurn[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    if (raw.length > MAX_LINE_CHARS) return { ok: false, error: `Line ${i + 1} is longer than ${MAX_LINE_CHARS} characters.` };
    let line = raw.trim();
    if (line === "") continue;
    let start: number | null = null;
    const stamp = TIMESTAMP.exec(line);
    if (stamp?.[1]) {
      start = parseClock(stamp[1]);
      line = line.slice(stamp[0].length);
    }
    const speakerMatch = SPEAKER.exec(line);
    const previous = turns[turns.length - 1];
    if (speakerMatch?.[1] && speakerMatch[2] !== undefined) {
      const speaker = speakerMatch[1].trim();
      const body = speakerMatch[2].trim();
      if (previous && previous.speaker === speaker) {
        previous.text = `${previous.text} ${body}`.trim();
        continue;
      }
      if (previous && start !== null && previous.start !== null && previous.end === null) previous.end = start;
      turns.push({ speaker, role: roleForSpeaker(speaker), start, end: null, text: body });
      if (turns.length > MAX_TURNS) return { ok: false, error: `The transcript has more than ${MAX_TURNS} turns.` };
    } else if (previous) {
      previous.text = `${previous.text} ${line}`.trim();
    } else {
      return { ok: false, error: `Line ${i + 1} has no speaker. Start each turn with "Therapist:", "Client:" or a name and a colon.` };
    }
  }
  const nonEmpty = turns.filter((t) => t.text.length > 0);
  if (nonEmpty.length === 0) return { ok: false, error: "No turns found. Start each turn with \"Therapist:\", \"Client:\" or a name and a colon." };
  return { ok: true, turns: nonEmpty };
}
