import type { ImportLimits } from "./limits";
import { TurnBuilder } from "./turnBuilder";
import type { ParseOutcome } from "./types";

export interface CueSegment {
  speaker: string | null;
  text: string;
}

/** One subtitle cue: its timing and the words in it, split where a voice or speaker prefix changes. */
export interface Cue {
  start: number;
  end: number;
  segments: CueSegment[];
}

export const UNKNOWN_SPEAKER = "Unknown";

/**
 * Subtitle cues → turns. A cue without a speaker continues the previous speaker (captions mark only the
 * changes). When a file names no speaker anywhere, merging would glue the whole session into one turn, so
 * each cue becomes its own "Unknown" turn and the preview asks a person to name the speakers.
 */
export function cuesToTurns(cues: readonly Cue[], limits: ImportLimits, fileKind: string): ParseOutcome {
  const named = cues.some((cue) => cue.segments.some((segment) => segment.speaker !== null));
  const builder = new TurnBuilder(limits, { merge: named });
  const warnings: string[] = [];
  let current: string | null = null;
  let unnamedAtStart = 0;
  for (const cue of cues) {
    for (const segment of cue.segments) {
      if (segment.speaker !== null) current = segment.speaker;
      else if (current === null && named && segment.text) unnamedAtStart += 1;
      const error = builder.add({ speaker: current ?? UNKNOWN_SPEAKER, start: cue.start, end: cue.end, text: segment.text });
      if (error) return { ok: false, error };
    }
  }
  const turns = builder.finish();
  if (turns.length === 0) return { ok: false, error: `This ${fileKind} file has no subtitle text.` };
  if (!named) {
    warnings.push(`This ${fileKind} file does not name its speakers, so each subtitle became its own turn with the speaker "${UNKNOWN_SPEAKER}". Set the speakers before coding.`);
  } else if (unnamedAtStart > 0) {
    warnings.push(`The first ${unnamedAtStart === 1 ? "subtitle names" : `${unnamedAtStart} subtitles name`} no speaker; ${unnamedAtStart === 1 ? "it was" : "they were"} given the speaker "${UNKNOWN_SPEAKER}".`);
  }
  return { ok: true, turns, warnings };
}
