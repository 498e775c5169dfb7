import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { z } from "zod";
import { classSummary } from "../agreement/classSummary";
import { type AgreementView, COHORT_VIEW_MIN_CODERS, agreementViewSchema } from "../agreement/runSchema";
import { MESSAGE_AGREEMENT, MESSAGE_EXERCISE_STATE } from "./protocol";

/**
 * What the server pushes on a `watch:<exerciseId>` socket (CONTRACTS §5 extension, documented in the
 * README): a frame is a varUint message type followed by a varString of JSON.
 * - 101 exercise state: `{exerciseId, state, mode, coders: [{id, submitted}]}` — sent on connect and on
 *   every submit, reveal or close; to everyone who may view the exercise.
 * - 102 agreement: the GET /api/exercises/:id/agreement body (lib/agreement/runSchema agreementViewSchema)
 *   with `source: "live"` — only to sockets allowed to see agreement (a blind coder gets nothing before
 *   the reveal), within a second of a change. Coders' names are left empty: the same bytes go to every
 *   watcher, and a trainee may not see other trainees' names (lib/auth/exerciseAccess); each page keeps
 *   the names it was given for its viewer (components/agreement/useAgreementRun).
 */
export const exerciseStateSchema = z.object({
  exerciseId: z.string(),
  state: z.enum(["coding", "revealed", "closed"]),
  mode: z.enum(["blind", "open"]),
  coders: z.array(z.object({ id: z.string(), submitted: z.boolean() })),
});
export type ExerciseState = z.infer<typeof exerciseStateSchema>;

export type WatchMessage = { type: "exercise"; state: ExerciseState } | { type: "agreement"; view: AgreementView };

function frame(type: number, json: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarString(encoder, json);
  return encoding.toUint8Array(encoder);
}

export function exerciseStateFrame(state: ExerciseState): Uint8Array {
  return frame(MESSAGE_EXERCISE_STATE, JSON.stringify(state));
}

/**
 * The summary is serialized once per change and the same bytes go to every watcher. A class's pairs stay
 * out (`pairs: []`): there are n² of them (about 1.5 MB of JSON at 40 coders), they come from the latest
 * stored run rather than the live tables, and the class view draws from the model its page loaded with,
 * asking for one pair's detail on demand (GET /api/exercises/:id/agreement/detail). Serializing them on
 * every change held the event loop that "saved" acks wait on. Coders' names stay out too: the same bytes
 * reach staff and trainees, and a trainee may not see other trainees' names.
 */
export function agreementFrame(view: AgreementView): Uint8Array {
  const coders = view.coders.map((c) => ({ ...c, name: "" }));
  const pushed = view.comparedCoders.length >= COHORT_VIEW_MIN_CODERS ? { ...classSummary(view), coders } : { ...view, coders };
  return frame(MESSAGE_AGREEMENT, JSON.stringify(pushed));
}

/** Parses a frame from the server; null for anything else or anything malformed. */
export function parseWatchMessage(bytes: Uint8Array): WatchMessage | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type !== MESSAGE_EXERCISE_STATE && type !== MESSAGE_AGREEMENT) return null;
    const json: unknown = JSON.parse(decoding.readVarString(decoder));
    if (type === MESSAGE_EXERCISE_STATE) {
      const parsed = exerciseStateSchema.safeParse(json);
      return parsed.success ? { type: "exercise", state: parsed.data } : null;
    }
    const parsed = agreementViewSchema.safeParse(json);
    return parsed.success ? { type: "agreement", view: parsed.data } : null;
  } catch {
    return null;
  }
}
