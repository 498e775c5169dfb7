import type { SpeakerRole } from "../transcriptDoc";
import type { ParsedTurn } from "./types";

const THERAPIST_WORDS = new Set([
  "t", "th", "therapist", "counsellor", "counselor", "clinician", "psychologist", "psychotherapist", "trainee",
  "supervisor", "dr", "doctor",
]);
const CLIENT_WORDS = new Set(["c", "cl", "client", "patient", "p", "pt"]);

/**
 * A first guess at a speaker's role from the label alone; the import preview lets a person correct it.
 * The first word decides and a short tag may follow ("Therapist 2", "Client A", "Dr. Levi" → therapist).
 */
export function roleForSpeaker(speaker: string): SpeakerRole {
  const words = speaker.trim().toLowerCase().replace(/[.()[\]]/g, " ").split(/\s+/).filter(Boolean);
  const first = words[0];
  if (first === undefined) return "other";
  if (first === "dr" || first === "doctor") return words.length > 1 ? "therapist" : "other";
  const tagOnly = words.length === 1 || (words.length === 2 && /^([a-z]|\d{1,2})$/.test(words[1] ?? ""));
  if (!tagOnly) return "other";
  if (THERAPIST_WORDS.has(first)) return "therapist";
  if (CLIENT_WORDS.has(first)) return "client";
  return "other";
}

/** True when the label is a role word ("T", "Client", "Counsellor 2") rather than somebody's name. */
export function isRoleLabel(speaker: string): boolean {
  const words = speaker.trim().toLowerCase().replace(/[.()[\]]/g, " ").split(/\s+/).filter(Boolean);
  const first = words[0];
  if (first === undefined || first === "dr" || first === "doctor") return false;
  return roleForSpeaker(speaker) !== "other";
}

export interface SpeakerSummary {
  speaker: string;
  role: SpeakerRole;
  turnCount: number;
}

/** Each distinct speaker in order of first appearance, with the role its turns carry now. */
export function speakersOf(turns: readonly ParsedTurn[]): SpeakerSummary[] {
  const bySpeaker = new Map<string, SpeakerSummary>();
  for (const turn of turns) {
    const known = bySpeaker.get(turn.speaker);
    if (known) known.turnCount += 1;
    else bySpeaker.set(turn.speaker, { speaker: turn.speaker, role: turn.role, turnCount: 1 });
  }
  return [...bySpeaker.values()];
}

/** New turns with the roles a person chose per speaker; speakers not in `roles` keep theirs. */
export function applySpeakerRoles(
  turns: readonly ParsedTurn[],
  roles: Readonly<Record<string, SpeakerRole>> | ReadonlyMap<string, SpeakerRole>,
): ParsedTurn[] {
  const lookup = (speaker: string): SpeakerRole | undefined =>
    roles instanceof Map ? roles.get(speaker) : Object.prototype.hasOwnProperty.call(roles, speaker) ? (roles as Record<string, SpeakerRole>)[speaker] : undefined;
  return turns.map((turn) => ({ ...turn, role: lookup(turn.speaker) ?? turn.role }));
}

/**
 * The client, where the transcript makes it plain but the labels do not: a therapist speaker and the
 * people with them. With exactly one other speaker beside the therapist(s), that speaker is the client
 * ("Therapist" and "Jonas Weber"). With several, the one the therapist addresses by first name ("Jonas,
 * what…", "…, Jonas?") is, when exactly one is. Nothing changes when a client is already marked, when no
 * therapist is, or when the text leaves it open: the import preview still lets a person choose.
 */
export function inferClientSpeaker(turns: readonly ParsedTurn[]): ParsedTurn[] {
  if (turns.some((t) => t.role === "client") || !turns.some((t) => t.role === "therapist")) return [...turns];
  const others = [...new Set(turns.filter((t) => t.role === "other").map((t) => t.speaker))];
  let client: string | undefined = others.length === 1 ? others[0] : undefined;
  if (others.length > 1) {
    const therapistText = turns.filter((t) => t.role === "therapist").map((t) => t.text).join("\n");
    const addressed = others.filter((speaker) => {
      const first = speaker.trim().split(/\s+/)[0] ?? "";
      if (first.length < 2 || isRoleLabel(speaker)) return false;
      const name = first.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return new RegExp(`(?:^|[.!?]\\s+)${name},|,\\s*${name}[,.?!]`, "mu").test(therapistText);
    });
    if (addressed.length === 1) client = addressed[0];
  }
  return client === undefined ? [...turns] : turns.map((t) => (t.speaker === client ? { ...t, role: "client" } : t));
}
