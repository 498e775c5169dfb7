import { isRoleLabel } from "../import/roles";
import { findInstitutions } from "./institutions";
import { formParts, nameForms, type NameForm } from "./nameForms";
import { decideNameKinds, findNameGroups, normalizeName, type NameGroup } from "./names";
import { fixedPseudonym, type NamedKind, namePseudonyms } from "./pseudonyms";
import { findStructured } from "./structured";
import type { DeidTurn, FindIdentifiersOptions, IdentifierCandidate, IdentifierKind, RawSpan } from "./types";
import { NOT_NAMES, TITLES } from "./wordLists";

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

/** Whether the text before `index` ends a sentence (or there is no text before it). */
function sentenceStartAt(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && /[\s"“‘'([]/.test(text[i] ?? "")) {
    if (text[i] === "\n") return true;
    i--;
  }
  return i < 0 || ".!?…:".includes(text[i] ?? "");
}

/**
 * One pattern per known form, built once per call: capitalised occurrences, also where the heuristics do
 * not look. A title may carry its dot ("Dr. Hartmann"); a trailing initial takes its dot when the sentence
 * goes on ("Jonas W. is…"), so a full stop ending the sentence stays in the text.
 */
function knownNameMatcher(forms: readonly NameForm[]): (text: string) => RawSpan[] {
  const patterns = forms.map((form) => {
    const last = form.words.length - 1;
    const source = form.words
      .map((word, k) => {
        const escaped = escapeRegExp(word);
        if (k < last) return `${escaped}${TITLES.has(word) ? "\\.?" : ""}\\s+`;
        return word.length === 1 && k > 0 ? `${escaped}(?:\\.(?=\\s+\\p{Ll}|,))?` : escaped;
      })
      .join("");
    return { pattern: new RegExp(`(?<![\\p{L}\\p{M}])${source}(?![\\p{L}\\p{M}])`, "giu"), wordLike: form.wordLike };
  });
  return (text) => {
    const spans: RawSpan[] = [];
    for (const { pattern, wordLike } of patterns) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        if (!/^\p{Lu}/u.test(m[0])) continue;
        if (wordLike && sentenceStartAt(text, m.index)) continue;
        spans.push({ kind: "person", start: m.index, end: m.index + m[0].length, priority: NAME_PRIORITY });
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

const isNamed = (kind: IdentifierKind): kind is NamedKind => kind === "person" || kind === "place" || kind === "org";

/**
 * Suspected identifiers in the turns, each with a consistent pseudonym to propose. Structured identifiers
 * come from patterns (emails, phones, URLs, dates, ID numbers, street addresses); people, places and
 * organisations from capitalisation and the words around a name, decided once per name for the whole
 * transcript. The client's names (the client speaker's label and what the reviewer marked), with their
 * short forms and titles, become [CLIENT]; the therapist speaker's likewise [THERAPIST]. A person
 * confirms every replacement: this finds candidates, it does not de-identify on its own.
 */
export function findIdentifiers(turns: readonly DeidTurn[], options: FindIdentifiersOptions = {}): IdentifierCandidate[] {
  const useSpeakers = options.useSpeakerNames ?? true;
  const speakerNames = (match: (role: DeidTurn["role"]) => boolean): string[] =>
    useSpeakers ? [...new Set(turns.filter((t) => t.speaker && !isRoleLabel(t.speaker) && match(t.role)).map((t) => t.speaker ?? ""))] : [];
  const clientForms = nameForms([...(options.clientNames ?? []), ...speakerNames((r) => r === "client")]);
  const therapistForms = nameForms([...(options.therapistNames ?? []), ...speakerNames((r) => r === "therapist")]);
  const clientParts = formParts(clientForms);
  // The client wins a shared word (a therapist and client with one surname): under-naming the client is the worse mistake.
  const therapistParts = new Set([...formParts(therapistForms)].filter((part) => !clientParts.has(part)));
  const otherNames = [...(options.extraNames ?? []), ...speakerNames((r) => r !== "client" && r !== "therapist")];
  // Short forms that are also words ("Rob", "Will") are names only away from a sentence start.
  const wordLike = new Set([...clientForms, ...therapistForms].filter((f) => f.wordLike).map((f) => f.words.join(" ")));
  const known = new Set([...clientParts, ...therapistParts, ...nameParts(otherNames)].filter((part) => !wordLike.has(part)));

  const findKnownNames = knownNameMatcher([
    ...clientForms,
    ...therapistForms,
    ...[...nameParts(otherNames)].map((part) => ({ words: part.split(" "), wordLike: false })),
  ]);
  const groupsByTurn: NameGroup[][] = turns.map((turn) => findNameGroups(turn.text, known));
  const allGroups = groupsByTurn.flat();
  const confident = new Set(allGroups.filter((g) => !g.weak).map((g) => g.key));
  const nameKinds = decideNameKinds(allGroups.filter((g) => !g.weak || confident.has(g.key)));

  const perTurn: RawSpan[][] = turns.map((turn, index) => {
    const spans = findStructured(turn.text);
    for (const group of groupsByTurn[index] ?? []) {
      if (group.weak && !confident.has(group.key)) continue;
      if (wordLike.has(group.key) && sentenceStartAt(turn.text, group.start)) continue;
      spans.push({ kind: nameKinds.get(group.key) ?? "person", start: group.start, end: group.end, priority: NAME_PRIORITY });
    }
    spans.push(...findKnownNames(turn.text));
    for (const span of findInstitutions(turn.text)) spans.push({ ...span, priority: NAME_PRIORITY });
    return resolveOverlaps(spans);
  });

  const named = perTurn.flatMap((spans, index) =>
    spans.flatMap((s) => (isNamed(s.kind) ? [{ kind: s.kind, text: (turns[index]?.text ?? "").slice(s.start, s.end) }] : [])),
  );
  const pseudonym = namePseudonyms(named, { client: clientParts, therapist: therapistParts });

  const candidates: IdentifierCandidate[] = [];
  perTurn.forEach((spans, turnIndex) => {
    const text = turns[turnIndex]?.text ?? "";
    for (const span of spans) {
      const value = text.slice(span.start, span.end);
      const kind: IdentifierKind = span.kind;
      const proposal = isNamed(kind) ? pseudonym(value, kind) : fixedPseudonym(kind);
      candidates.push({ id: `${kind}:${turnIndex}:${span.start}-${span.end}`, kind, text: value, turnIndex, start: span.start, end: span.end, proposal });
    }
  });
  return candidates;
}
