import type { SpeakerRole } from "./transcriptDoc";

/**
 * Which turns are units of agreement (CONTRACTS §5: "client turns by default; an exercise setting may
 * include therapist turns"). FAD codes the client's psychological flexibility, so a therapist turn is
 * not something a coder judges: counting every therapist turn that both coders left uncoded as agreement
 * on "absent" inflates po and α. An exercise that codes the therapist's targeting of a dimension ("dimension
 * targeted" coding) opts into therapist turns as well.
 *
 * Per-turn logic (isUnitTurn) so an incremental engine can decide a single turn without the whole list.
 */

export const UNIT_SCOPES = ["client_turns", "all_turns"] as const;
export type UnitScope = (typeof UNIT_SCOPES)[number];
export const DEFAULT_UNIT_SCOPE: UnitScope = "client_turns";

export interface UnitTurn {
  id: string;
  role: SpeakerRole;
}

/** Whether a turn with this role is a unit under the scope ("other" speakers count only with all turns). */
export function isUnitTurn(role: SpeakerRole, scope: UnitScope): boolean {
  return scope === "all_turns" || role === "client";
}

export interface AgreementUnits {
  /** Turn ids of the units, in transcript order. */
  turnIds: string[];
  /** The transcript's other turns: codes there are not agreement data (nor "stray"). */
  otherTurnIds: Set<string>;
  /** The scope actually applied: a transcript without any client turn falls back to all its turns. */
  effectiveScope: UnitScope;
  /** One sentence for people: what a unit is here, and how many there are. */
  definition: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * The units of an exercise over its transcript's turns. A transcript whose speakers were never given
 * roles has no client turn; rather than an agreement over nothing, every turn is a unit and the
 * definition says why.
 */
export function agreementUnits(turns: readonly UnitTurn[], scope: UnitScope): AgreementUnits {
  const clientTurns = turns.filter((t) => t.role === "client").length;
  if (scope === "client_turns" && clientTurns > 0) {
    const others = turns.length - clientTurns;
    return {
      turnIds: turns.filter((t) => isUnitTurn(t.role, scope)).map((t) => t.id),
      otherTurnIds: new Set(turns.filter((t) => !isUnitTurn(t.role, scope)).map((t) => t.id)),
      effectiveScope: scope,
      definition: `Units are the ${plural(clientTurns, "client turn")}; the other ${plural(others, "turn")} (therapist and other speakers) are not units.`,
    };
  }
  const ids = turns.map((t) => t.id);
  if (scope === "client_turns") {
    return { turnIds: ids, otherTurnIds: new Set(), effectiveScope: "all_turns", definition: `Units are all ${plural(ids.length, "turn")}: the transcript marks no speaker as the client.` };
  }
  return {
    turnIds: ids,
    otherTurnIds: new Set(),
    effectiveScope: "all_turns",
    definition: `Units are all ${plural(ids.length, "turn")}, client and therapist (${plural(clientTurns, "client turn")}): this exercise codes therapist turns too.`,
  };
}

/** The set-up form's words for each scope. */
export const UNIT_SCOPE_LABELS: Record<UnitScope, { title: string; detail: string }> = {
  client_turns: { title: "Client turns", detail: "FAD reliability: agreement is computed over the client's turns only." },
  all_turns: { title: "Client and therapist turns", detail: "For dimension-targeted coding of the therapist's turns as well." },
};
