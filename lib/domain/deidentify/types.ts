import type { SpeakerRole } from "../transcriptDoc";

export type IdentifierKind = "email" | "phone" | "url" | "date" | "id_number" | "person" | "place" | "org";

export const STRUCTURED_KINDS: readonly IdentifierKind[] = ["email", "phone", "url", "date", "id_number"];

/** A suspected identifier for a person to accept, edit or reject. Offsets are UTF-16 indexes into the turn's text. */
export interface IdentifierCandidate {
  /** Stable for the same input: kind, turn and offsets. */
  id: string;
  kind: IdentifierKind;
  text: string;
  turnIndex: number;
  start: number;
  end: number;
  /** The consistent pseudonym: [CLIENT], [THERAPIST], [PERSON-n], [PLACE-n], [ORG-n], [DATE], [EMAIL], [PHONE], [URL], [ID]. */
  proposal: string;
}

/** What the assistant reads of a turn; ParsedTurn and stored turns both fit. */
export interface DeidTurn {
  text: string;
  speaker?: string;
  role?: SpeakerRole;
}

export interface FindIdentifiersOptions {
  /** Names a person added in the review: always flagged, as people, wherever they occur capitalised. */
  extraNames?: readonly string[];
  /** The client's own names (as the reviewer marked them): flagged and proposed as [CLIENT]. */
  clientNames?: readonly string[];
  /** The therapist's own names: flagged and proposed as [THERAPIST] (with short forms and "Dr. X"). */
  therapistNames?: readonly string[];
  /**
   * Speaker labels that are names (not "Therapist"/"C") count as names too: a client-role speaker's label
   * as the client's name, a therapist-role speaker's as the therapist's, the others as people. Default true.
   */
  useSpeakerNames?: boolean;
}

/** A span found in one text before pseudonyms are assigned. */
export interface RawSpan {
  kind: IdentifierKind;
  start: number;
  end: number;
  /** Higher wins an overlap; structured patterns outrank the name heuristics. */
  priority: number;
}
