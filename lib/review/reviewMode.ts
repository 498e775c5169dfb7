/**
 * Which review a viewer gets after the reveal (pure; the review page asks here):
 * - "group": staff with a class — every coder at once, turn by turn, and a projector mode;
 * - "pair": two coders side by side — a supervisor with one trainee, or staff who ask for it;
 * - "me": a trainee's own feedback — their codes beside the key's (or the class's without a key).
 * A trainee never gets a pair of two other people; with exactly two coders their pair is their own.
 */
export type ReviewMode = "group" | "pair" | "me";

export interface ReviewModeInput {
  isStaff: boolean;
  isCoder: boolean;
  /** The exercise has a key coder who is not the viewer. */
  keyIsSomeoneElse: boolean;
  coderCount: number;
  requested: string | null | undefined;
}

export function reviewMode({ isStaff, isCoder, keyIsSomeoneElse, coderCount, requested }: ReviewModeInput): ReviewMode {
  if (isStaff) {
    if (requested === "pair" && coderCount >= 2) return "pair";
    if (requested === "group") return "group";
    if (requested === "me" && isCoder && keyIsSomeoneElse) return "me";
    return coderCount <= 2 ? "pair" : "group";
  }
  if (requested === "pair" && coderCount === 2) return "pair";
  if (keyIsSomeoneElse) return "me";
  return coderCount === 2 && requested !== "me" ? "pair" : "me";
}
