/**
 * The wire shapes of POST /api/transcripts/preview, shared by the route (which builds them) and the import
 * page (which reads them). Types only: nothing here runs.
 */
export type SpeakerRole = "therapist" | "client" | "other";

export type IdentifierKind = "email" | "phone" | "url" | "date" | "id_number" | "person" | "place" | "org";

export interface PreviewTurn {
  index: number;
  speaker: string;
  role: SpeakerRole;
  start: number | null;
  end: number | null;
  text: string;
}

export interface PreviewSpeaker {
  speaker: string;
  role: SpeakerRole;
  turnCount: number;
  /** True when the label is not a role word ("Therapist", "C"), so it is probably somebody's name. */
  looksLikeName: boolean;
}

export interface PreviewCandidate {
  id: string;
  kind: IdentifierKind;
  text: string;
  turnIndex: number;
  start: number;
  end: number;
  proposal: string;
  /** The speaker of the turn it sits in, and a few words either side, so a reviewer can judge it. */
  speaker: string;
  before: string;
  after: string;
}

export interface PreviewResponse {
  format: "txt" | "vtt" | "srt" | "csv" | "docx";
  formatName: string;
  turnCount: number;
  /** The first turns only (roles applied, text as in the file); `turnCount` says how many there are. */
  turns: PreviewTurn[];
  speakers: PreviewSpeaker[];
  candidates: PreviewCandidate[];
  warnings: string[];
}

/** One accepted de-identification, as the import page posts it back (`text` must still match). */
export interface ReplacementInput {
  turnIndex: number;
  start: number;
  end: number;
  text: string;
  proposal: string;
}
