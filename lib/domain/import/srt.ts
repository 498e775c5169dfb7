import { parseClockStrict } from "./clock";
import { cuesToTurns, type Cue, type CueSegment } from "./cues";
import type { ImportLimits } from "./limits";
import { cleanCaption } from "./markup";
import { splitSpeakerPrefix } from "./speakerLabel";
import type { ParseOutcome } from "./types";

const TIMING = /^(\S+)[ \t]*-->[ \t]*(\S+)(?:[ \t]+.*)?$/;
const SRT_TIME = /^\d{1,3}:\d{1,2}:\d{1,2}(?:[,.]\d{1,3})?$/;
export const SRT_TIMING_EXAMPLE = "00:00:01,000 --> 00:00:04,000";

/** A first block that is a cue number over a timing line: how every SRT file begins. */
export function looksLikeSrt(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, "").slice(0, 1000).split(/\r\n|\r|\n/).map((line) => line.trim());
  let i = 0;
  while (i < lines.length && lines[i] === "") i++;
  const timing = TIMING.exec(lines[i + 1] ?? "");
  return /^\d+$/.test(lines[i] ?? "") && timing !== null && SRT_TIME.test(timing[1] ?? "");
}

function quoteTiming(line: string): string {
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

function srtSegments(payload: readonly string[]): CueSegment[] {
  const segments: CueSegment[] = [];
  for (const line of payload) {
    const { speaker, text } = splitSpeakerPrefix(cleanCaption(line));
    const last = segments[segments.length - 1];
    if (last && (speaker === null || speaker === last.speaker)) {
      if (text) last.text = last.text ? `${last.text} ${text}` : text;
    } else if (text || speaker !== null) {
      segments.push({ speaker, text });
    }
  }
  return segments.filter((segment) => segment.text.length > 0);
}

/**
 * SubRip (.srt): blocks of a cue number, a timing line "00:00:01,000 --> 00:00:04,000" and caption lines,
 * separated by blank lines. Speakers come from prefixes in the caption ("THERAPIST: …", "- Client: …",
 * "[Client] …"); <i>, <b>, <font> and {\an8} markup is dropped.
 */
export function parseSrt(text: string, limits: ImportLimits): ParseOutcome {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const cues: Cue[] = [];
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? "").trim() === "") i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && (lines[i] ?? "").trim() !== "") block.push((lines[i++] ?? "").trim());
    const timingAt = /^\d+$/.test(block[0] ?? "") ? 1 : 0;
    const timingLine = block[timingAt] ?? "";
    const lineNo = blockStart + timingAt + 1;
    const timing = TIMING.exec(timingLine);
    if (!timing) {
      return {
        ok: false,
        error: `Line ${lineNo}: expected a subtitle timing such as ${SRT_TIMING_EXAMPLE}. Each subtitle is a number, a timing line and its text, with a blank line between subtitles.`,
      };
    }
    const startText = timing[1] ?? "";
    const endText = timing[2] ?? "";
    const start = SRT_TIME.test(startText) ? parseClockStrict(startText) : null;
    const end = SRT_TIME.test(endText) ? parseClockStrict(endText) : null;
    if (start === null || end === null) {
      return { ok: false, error: `Line ${lineNo}: the subtitle timing "${quoteTiming(timingLine)}" is not valid. Write it as ${SRT_TIMING_EXAMPLE}.` };
    }
    if (end < start) return { ok: false, error: `Line ${lineNo}: the subtitle ends before it starts.` };
    cues.push({ start, end, segments: srtSegments(block.slice(timingAt + 1)) });
  }
  if (cues.length === 0) return { ok: false, error: "This SRT file has no subtitles." };
  return cuesToTurns(cues, limits, "SRT");
}
