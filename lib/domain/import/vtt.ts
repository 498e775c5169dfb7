import { parseClockStrict } from "./clock";
import { cuesToTurns, type Cue, type CueSegment } from "./cues";
import type { ImportLimits } from "./limits";
import { cleanCaption } from "./markup";
import { splitSpeakerPrefix } from "./speakerLabel";
import type { ParseOutcome } from "./types";

const HEADER = /^WEBVTT(?:[ \t].*)?$/;
const TIMING = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+.*)?$/;
const VTT_TIME = /^(?:\d{1,3}:)?\d{2}:\d{2}[.,]\d{3}$/;
const VOICE = /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>|<\/v>/g;

export const VTT_TIMING_EXAMPLE = "00:01:02.500 --> 00:01:05.000";

/** "WEBVTT" opens the file, optionally followed by a space or tab and a title. */
export function isWebVttHeader(firstLine: string): boolean {
  return HEADER.test(firstLine.replace(/^\uFEFF/, ""));
}

function quoteTiming(line: string): string {
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

/** The words of a cue, split at <v Speaker> voice spans, else at speaker prefixes per line. */
function cueSegments(payload: readonly string[]): CueSegment[] {
  const segments: CueSegment[] = [];
  const push = (speaker: string | null, raw: string): void => {
    const text = cleanCaption(raw);
    const last = segments[segments.length - 1];
    if (last && (speaker === null || last.speaker === speaker)) {
      if (text) last.text = last.text ? `${last.text} ${text}` : text;
      return;
    }
    if (text || speaker !== null) segments.push({ speaker, text });
  };
  let voice: string | null = null;
  for (const line of payload) {
    VOICE.lastIndex = 0;
    if (voice === null && !/<v[\s.>]/.test(line)) {
      const prefixed = splitSpeakerPrefix(cleanCaption(line));
      push(prefixed.speaker, prefixed.text);
      continue;
    }
    let at = 0;
    for (let match = VOICE.exec(line); match; match = VOICE.exec(line)) {
      push(voice, line.slice(at, match.index));
      at = match.index + match[0].length;
      const name = match[0] === "</v>" ? null : cleanCaption(match[1] ?? "");
      voice = name ? name : null;
      if (voice !== null) push(voice, "");
    }
    push(voice, line.slice(at));
  }
  return segments.filter((segment) => segment.text.length > 0);
}

/**
 * WebVTT: the WEBVTT header, then blocks separated by blank lines — cues (an optional identifier line, a
 * timing line with optional settings, the caption) and NOTE, STYLE and REGION blocks, which are skipped.
 * Speakers come from <v Name> voice tags (also <v.class Name>), else from prefixes like "Client: …".
 */
export function parseVtt(text: string, limits: ImportLimits): ParseOutcome {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  if (!isWebVttHeader(lines[0] ?? "")) {
    return { ok: false, error: "This file is not a WebVTT subtitle file: the first line must be WEBVTT." };
  }
  let i = 1;
  while (i < lines.length && (lines[i] ?? "").trim() !== "") i++;
  const cues: Cue[] = [];
  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? "").trim() === "") i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && (lines[i] ?? "").trim() !== "") block.push(lines[i++] ?? "");
    const first = block[0] ?? "";
    if (/^NOTE(?:[ \t]|$)/.test(first) || /^(?:STYLE|REGION)[ \t]*$/.test(first)) continue;
    const timingAt = first.includes("-->") ? 0 : (block[1] ?? "").includes("-->") ? 1 : -1;
    if (timingAt < 0) {
      return { ok: false, error: `Line ${blockStart + 1}: this block has no cue timing. Each cue needs a timing line such as ${VTT_TIMING_EXAMPLE}.` };
    }
    const timingLine = (block[timingAt] ?? "").trim();
    const lineNo = blockStart + timingAt + 1;
    const timing = TIMING.exec(timingLine);
    const startText = timing?.[1] ?? "";
    const endText = timing?.[2] ?? "";
    const start = VTT_TIME.test(startText) ? parseClockStrict(startText) : null;
    const end = VTT_TIME.test(endText) ? parseClockStrict(endText) : null;
    if (start === null || end === null) {
      return { ok: false, error: `Line ${lineNo}: the cue timing "${quoteTiming(timingLine)}" is not valid. Write it as ${VTT_TIMING_EXAMPLE} (hours optional).` };
    }
    if (end < start) return { ok: false, error: `Line ${lineNo}: the cue ends before it starts.` };
    cues.push({ start, end, segments: cueSegments(block.slice(timingAt + 1)) });
  }
  if (cues.length === 0) return { ok: false, error: "This WebVTT file has no cues." };
  return cuesToTurns(cues, limits, "WebVTT");
}
