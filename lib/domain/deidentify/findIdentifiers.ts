import { isRoleLabel } from "../import/roles";
import { decideNameKinds, findNameGroups, normalizeName, type NameGroup } from "./names";
import { fixedPseudonym, namePseudonyms } from "./pseudonyms";
import { findStructured } from "./structured";
import type { DeidTurn, FindIdentifiersOptions, IdentifierCandidate, IdentifierKind, RawSpan } from "./types";
import { NOT_NAMES } from "./wordLists";

const NAME_PRIORITY = 40;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A name and each of its words (except stop words and initials), lower-cased. */
function nameParts(names: readonly string[]): Set<string> {
  const parts = new Set<string>();
  for (const name of names) {
    const key = normalizeName(name.replace(/[.,]/g, " "));
    if (key.length < 2) continue;
    parts.add(key);
    for (const part of key.split(" ")) if (part.length >= 2 && !NOT_NAMES.has(part)) parts.add(part);
  }
  return parts;
}

/** One pattern per known name, built once per call: capitalised occurrences, also where the heuristics do not look. */
function knownNameMatcher(known: ReadonlySet<string>): (text: string) => RawSpan[] {
  const patterns = [...known].map((name) => new RegExp(`(?<![\\p{L}\\p{M}])${escapeRegExp(name).replace(/ /g, "\\s+")}(?![\\p{L}\\p{M}])`, "giu"));
  return (text) => {
    const spans: RawSpan[] = [];
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        if (/^\p{Lu}/u.test(m[0])) spans.push({ kind: "person", start: m.index, end: m.index + m[0].length, priority: NAME_PRIORITY });
      }
    }
    return spans;
  };
}

/** Keeps the strongest of overlapping spans: higher priority first, then the longer one, then the earlier. */
export function resolveOverlaps(spans: readonly RawSpan[]): RawSpan[] {
  const ranked = [...spans].sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: RawSpan[] = [];
  for (const span of ranked) {
    if (span.end <= span.start) continue;
    if (kept.every((other) => span.end <= other.start || span.start >= other.end)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Suspected identifiers in the turns, each with a consistent pseudonym to propose. Structured identifiers
 * come from patterns (emails, phones, URLs, dates, ID numbers, street addresses); people and places from
 * capitalisation and the words around a name, decided once per name for the whole transcript. A person
 * confirms every replacement: this finds candidates, it does not de-identify on its own.
 */
export function findIdentifiers(turns: readonly DeidTurn[], options: FindIdentifiersOptions = {}): IdentifierCandidate[] {
  const useSpeakers = options.useSpeakerNames ?? true;
  const speakerNames = (role: "client" | "others"): string[] =>
    useSpeakers
      ? [...new Set(turns.filter((t) => t.speaker && !isRoleLabel(t.speaker) && (role === "client" ? t.role === "client" : t.role !== "client")).map((t) => t.speaker ?? ""))]
      : [];
  const clientParts = nameParts([...(options.clientNames ?? []), ...speakerNames("client")]);
  const known = new Set([...clientParts, ...nameParts([...(options.extraNames ?? []), ...speakerNames("others")])]);

  const findKnownNames = knownNameMatcher(known);
  const groupsByTurn: NameGroup[][] = turns.map((turn) => findNameGroups(turn.text, known));
  const allGroups = groupsByTurn.flat();
  const confident = new Set(allGroups.filter((g) => !g.weak).map((g) => g.key));
  const nameKinds = decideNameKinds(allGroups.filter((g) => !g.weak || confident.has(g.key)));

  const perTurn: RawSpan[][] = turns.map((turn, index) => {
    const spans = findStructured(turn.text);
    for (const group of groupsByTurn[index] ?? []) {
      if (group.weak && !confident.has(group.key)) continue;
      spans.push({ kind: nameKinds.get(group.key) ?? "person", start: group.start, end: group.end, priority: NAME_PRIORITY });
    }
    spans.push(...findKnownNames(turn.text));
    return resolveOverlaps(spans);
  });

  const named = perTurn.flatMap((spans, index) =>
    spans.filter((s) => s.kind === "person" || s.kind === "place").map((s) => ({ kind: s.kind as "person" | "place", text: (turns[index]?.text ?? "").slice(s.start, s.end) })),
  );
  const pseudonym = namePseudonyms(named, clientParts);

  const candidates: IdentifierCandidate[] = [];
  perTurn.forEach((spans, turnIndex) => {
    const text = turns[turnIndex]?.text ?? "";
    for (const span of spans) {
      const value = text.slice(span.start, span.end);
      const kind: IdentifierKind = span.kind;
      const proposal = kind === "person" || kind === "place" ? pseudonym(value, kind) : fixedPseudonym(kind);
      candidates.push({ id: `${kind}:${turnIndex}:${span.start}-${span.end}`, kind, text: value, turnIndex, start: span.start, end: span.end, proposal });
    }
  });
  return candidates;
}
