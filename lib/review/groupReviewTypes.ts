import type { TurnDistribution } from "../domain/groupReview";
import type { Headline } from "../domain/headline";
import type { SpeakerRole } from "../domain/transcriptDoc";

/** The group-review payload (GET /api/exercises/:id/group-review), shared by the server and the pages. */

/** The unit turn and, when the turn before it is not a unit (a therapist turn), that turn as context. */
export interface ReviewTurn extends TurnDistribution {
  index: number;
  speaker: string;
  role: SpeakerRole;
  text: string;
  /** The viewer's own code set when they coded the exercise (null: they did not look at the turn). */
  me?: number | null;
  before?: { index: number; speaker: string; text: string };
}

export interface GroupReviewPayload {
  exercise: { id: string; title: string; mode: "blind" | "open"; state: "coding" | "revealed" | "closed"; transcriptId: string; coderNamesVisible: boolean };
  computedAt: string;
  /** The cohort's headline statistic over all compared coders (the key included), on the pooled variable. */
  headline: Headline;
  /** The viewer's own headline against the key (a coder in a keyed exercise), as the agreement and progress pages show it. */
  viewerHeadline: Headline | null;
  /** What a unit is in this exercise (the run's own sentence, e.g. "Units are the client turns…"). */
  unitDefinition: string;
  /** Coders in the distribution (the key excluded), with names when the viewer may see them. */
  cohort: Array<{ id: string; name: string | null }>;
  key: { id: string; name: string } | null;
  /** Coders of the exercise who have not looked at any turn (not in the distribution). */
  idle: number;
  namesVisible: boolean;
  /** The viewer's place: staff may settle; a coder sees their own codes. */
  viewer: { id: string; isStaff: boolean; isCoder: boolean; isKey: boolean; canSettle: boolean };
  turns: ReviewTurn[];
}

