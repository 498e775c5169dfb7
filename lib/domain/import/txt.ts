import { parseClockStrict } from "./clock";
import type { ImportLimits } from "./limits";
import { isRoleLabel } from "./roles";
import { looksLikeSpeakerLabel } from "./speakerLabel";
import { TurnBuilder } from "./turnBuilder";
import type { ParseOutcome } from "./types";

const STAMP = String.raw`(?:\d{1,3}:)?\d{1,3}:\d{2}(?:[.,]\d{1,3})?`;
/** "[00:01:05] ", "(1:05) ", "00:01:05 - " before the speaker. */
const LEADING_STAMP = new RegExp(String.raw`^[\[(]?(${STAMP})[\])]?\s*(?:[-–—|]\s*)?`);
/** "Dana: …", "Dana (00:01:05): …", "Speaker 2 [1:05]: …" — the label is checked separately. */
const LABELLED = new RegExp(String.raw`^([^\s:\[(][^:\[(]{0,39}?)\s*(?:[\[(]?(${STAMP})[\])]?\s*)?:(\s*)(.*)$`);
/** An Otter-style header line: the speaker and a time alone on a line, the words on the lines below. */
const HEADER_ONLY = new RegExp(String.raw`^([^\s:\[(][^:\[(]{0,39}?)\s+[\[(]?(${STAMP})[\])]?$`);
/** "[00:01:05]" right after the colon. */
const BODY_STAMP = new RegExp(String.raw`^[\[(](${STAMP})[\])]\s*`);
const STAMP_ONLY = new RegExp(String.raw`^[\[(]?(${STAMP})[\])]?$`);

export const NO_SPEAKER_HINT = 'Start each turn with "Therapist:", "Client:" or a name and a colon (for example "Dana: …").';

interface SpeakerLine {
  speaker: string;
  start: number | null;
  text: string;
}

function readSpeakerLine(line: string): SpeakerLine | null {
  const header = HEADER_ONLY.exec(line);
  if (header?.[1] !== undefined && header[2] !== undefined && looksLikeSpeakerLabel(header[1])) {
    return { speaker: header[1].trim(), start: parseClockStrict(header[2]), text: "" };
  }
  const labelled = LABELLED.exec(line);
  if (labelled?.[1] === undefined) return null;
  const label = labelled[1].trim();
  const body = labelled[4] ?? "";
  const spaceAfterColon = (labelled[3] ?? "").length > 0 || body === "";
  // "Speaker 1:04" is a label and a time run together, not "Speaker 1" saying "04".
  if (!spaceAfterColon && /\d$/.test(label) && /^\d/.test(body)) return null;
  if (!looksLikeSpeakerLabel(label) || !(spaceAfterColon || isRoleLabel(label))) return null;
  let text = body;
  let start = labelled[2] === undefined ? null : parseClockStrict(labelled[2]);
  const bodyStamp = BODY_STAMP.exec(text);
  if (bodyStamp?.[1] !== undefined && start === null) {
    start = parseClockStrict(bodyStamp[1]);
    text = text.slice(bodyStamp[0].length);
  }
  return { speaker: label, start, text };
}

/**
 * Plain-text transcripts: "Speaker: text" lines ("Therapist:", "T:", "Client:", "C:" or a name), with an
 * optional [hh:mm:ss] or hh:mm:ss stamp before the speaker, after the name, or right after the colon. A line
 * without a speaker continues the previous turn; a stamp alone on a line times the next speaker's turn.
 */
export function parseTxt(text: string, limits: ImportLimits): ParseOutcome {
  const builder = new TurnBuilder(limits);
  const lines = text.split(/\r\n|\r|\n/);
  // A stamp alone on a line times the next speaker's turn; if words follow instead, the stamp was words.
  let pending: { start: number; line: string } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (line === "") continue;
    const stampOnly = STAMP_ONLY.exec(line);
    if (stampOnly?.[1] !== undefined) {
      const start = parseClockStrict(stampOnly[1]);
      if (start !== null) {
        if (pending && builder.count > 0) {
          const kept = builder.continueLast(pending.line);
          if (kept) return { ok: false, error: kept };
        }
        pending = { start, line };
        continue;
      }
    }
    let speakerLine = readSpeakerLine(line);
    if (!speakerLine) {
      const leading = LEADING_STAMP.exec(line);
      const start = leading?.[1] === undefined ? null : parseClockStrict(leading[1]);
      if (leading && start !== null) {
        const rest = readSpeakerLine(line.slice(leading[0].length));
        if (rest) speakerLine = { ...rest, start: rest.start ?? start };
      }
    }
    if (speakerLine) {
      const error = builder.add({ speaker: speakerLine.speaker, start: speakerLine.start ?? pending?.start ?? null, end: null, text: speakerLine.text });
      pending = null;
      if (error) return { ok: false, error };
      continue;
    }
    const continued = builder.continueLast(pending ? `${pending.line} ${line}` : line);
    pending = null;
    if (continued === false) return { ok: false, error: `Line ${i + 1}: no speaker. ${NO_SPEAKER_HINT} If the file begins with a title or notes, remove them.` };
    if (continued) return { ok: false, error: continued };
  }
  if (pending && builder.count > 0) {
    const kept = builder.continueLast(pending.line);
    if (kept) return { ok: false, error: kept };
  }
  const turns = builder.finish();
  if (turns.length === 0) return { ok: false, error: `No turns found. ${NO_SPEAKER_HINT}` };
  return { ok: true, turns, warnings: [] };
}
