import { formatCount, type ImportLimits } from "./limits";
import { inferClientSpeaker, roleForSpeaker } from "./roles";
import type { ParsedTurn } from "./types";

export interface CuePiece {
  speaker: string;
  start: number | null;
  end: number | null;
  text: string;
}

export interface TurnBuilderOptions {
  /** Merge consecutive pieces of one speaker into one turn (true everywhere except speakerless subtitles). */
  merge: boolean;
}

/** Speakers compare case- and space-insensitively, so "THERAPIST" and "Therapist" are one speaker. */
export function speakerKey(speaker: string): string {
  return speaker.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * Collects cues, lines or rows into turns: consecutive pieces of one speaker merge (start = first start,
 * end = last end), a turn without an end ends where the next timed turn starts, and the turn limits are
 * checked as turns grow so an oversized file fails early instead of after building everything.
 */
export class TurnBuilder {
  private readonly turns: ParsedTurn[] = [];
  private readonly keys: string[] = [];
  /** The first spelling of each speaker, so "THERAPIST" later in a file shows as the "Therapist" seen first. */
  private readonly spellings = new Map<string, string>();

  constructor(
    private readonly limits: ImportLimits,
    private readonly options: TurnBuilderOptions = { merge: true },
  ) {}

  get count(): number {
    return this.turns.length;
  }

  /** Adds a piece; returns an error message when a limit is crossed. */
  add(piece: CuePiece): string | null {
    const text = piece.text.replace(/\s+/g, " ").trim();
    const key = speakerKey(piece.speaker);
    const last = this.turns[this.turns.length - 1];
    if (last && this.options.merge && this.keys[this.keys.length - 1] === key) {
      if (text) last.text = last.text ? `${last.text} ${text}` : text;
      if (last.start === null) last.start = piece.start;
      if (piece.end !== null) last.end = piece.end;
      return this.checkLength(last);
    }
    if (last && last.end === null && last.start !== null && piece.start !== null && piece.start >= last.start) last.end = piece.start;
    const speaker = this.spellings.get(key) ?? piece.speaker.trim().replace(/\s+/g, " ");
    this.spellings.set(key, speaker);
    const turn: ParsedTurn = { speaker, role: roleForSpeaker(speaker), start: piece.start, end: piece.end, text };
    this.turns.push(turn);
    this.keys.push(key);
    if (this.turns.length > this.limits.maxTurns) {
      return `This transcript has more than ${formatCount(this.limits.maxTurns)} turns, the most Coflex imports at once. Split it into parts.`;
    }
    return this.checkLength(turn);
  }

  /** Continues the current turn with more text (a line without a speaker); false when there is no turn yet. */
  continueLast(text: string): string | null | false {
    const last = this.turns[this.turns.length - 1];
    if (!last) return false;
    const clean = text.replace(/\s+/g, " ").trim();
    if (clean) last.text = last.text ? `${last.text} ${clean}` : clean;
    return this.checkLength(last);
  }

  /**
   * The turns with any text, in order. Turns emptied by stripped markup are dropped; they held no words.
   * A named speaker beside the therapist is taken for the client where the transcript makes it plain.
   */
  finish(): ParsedTurn[] {
    return inferClientSpeaker(this.turns.filter((turn) => turn.text.length > 0));
  }

  private checkLength(turn: ParsedTurn): string | null {
    if (turn.text.length <= this.limits.maxTurnChars) return null;
    return `Turn ${formatCount(this.turns.indexOf(turn) + 1)} is longer than ${formatCount(this.limits.maxTurnChars)} characters. Check that the file marks each change of speaker.`;
  }
}
