import { EXERCISE_TITLE_MAX } from "@/lib/validation/exercise";

const MODE_WORD = { blind: "Blind", open: "Open" } as const;

/** "<transcript title> — Blind": the title the form offers until the person writes their own. */
export function suggestedTitle(transcriptTitle: string, mode: "blind" | "open"): string {
  const suffix = ` — ${MODE_WORD[mode]}`;
  const room = EXERCISE_TITLE_MAX - suffix.length;
  const head = transcriptTitle.length > room ? `${transcriptTitle.slice(0, room - 1)}…` : transcriptTitle;
  return `${head}${suffix}`;
}
