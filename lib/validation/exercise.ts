import { z } from "zod";
import { DEFAULT_UNIT_SCOPE, UNIT_SCOPES } from "../domain/agreementUnits";
import { idParam } from "./member";

export const EXERCISE_TITLE_MAX = 200;

/**
 * POST /api/exercises (CONTRACTS §4). The set-up form checks the same schema before it sends, so the
 * browser and the server refuse the same things with the same words.
 */
export const newExerciseSchema = z.object({
  transcriptId: idParam,
  title: z.string().trim().min(1, "give the exercise a title").max(EXERCISE_TITLE_MAX, `keep the title under ${EXERCISE_TITLE_MAX} characters`),
  mode: z.enum(["blind", "open"]),
  coderIds: z.array(idParam).min(1, "choose at least one coder").max(200, "an exercise can have at most 200 coders"),
  keyCoderId: idParam.nullish(),
  revealRule: z.enum(["all_submitted", "instructor"]).default("instructor"),
  codersSettle: z.boolean().default(false),
  /** Trainees see each other's names in review after the reveal (staff always do). */
  coderNamesVisible: z.boolean().default(false),
  /** Which turns are units of agreement (lib/domain/agreementUnits). */
  unitScope: z.enum(UNIT_SCOPES).default(DEFAULT_UNIT_SCOPE),
});

export type NewExerciseInput = z.input<typeof newExerciseSchema>;
export type NewExercise = z.output<typeof newExerciseSchema>;

export type ExerciseField = "transcriptId" | "title" | "mode" | "coderIds" | "keyCoderId" | "revealRule" | "codersSettle" | "coderNamesVisible" | "unitScope";

/**
 * Field-by-field problems in plain words, for the form. The rule that the key coder is one of the coders
 * spans two fields, so it lives here rather than in the schema the API parses with (which checks it after
 * de-duplicating the coders).
 */
export function exerciseProblems(input: NewExerciseInput): Partial<Record<ExerciseField, string>> {
  const problems: Partial<Record<ExerciseField, string>> = {};
  const result = newExerciseSchema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      if (typeof field !== "string" || !(field in FIELD_WORDS)) continue;
      const key = field as ExerciseField;
      problems[key] ??= sentence(FIELD_WORDS[key], issue.message);
    }
  }
  if (input.keyCoderId && !input.coderIds.includes(input.keyCoderId)) {
    problems.keyCoderId ??= "The key coder must be one of the coders.";
  }
  return problems;
}

const FIELD_WORDS: Record<ExerciseField, string> = {
  transcriptId: "Choose the transcript to code.",
  title: "",
  mode: "Choose blind or open coding.",
  coderIds: "",
  keyCoderId: "Choose the key coder from the coders, or no key.",
  revealRule: "Choose when codes are revealed.",
  codersSettle: "",
  coderNamesVisible: "",
  unitScope: "Choose which turns are units of agreement.",
};

/** The schema's own message where it is written for people; the field's fixed sentence otherwise. */
function sentence(fixed: string, message: string): string {
  if (fixed) return fixed;
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
}
