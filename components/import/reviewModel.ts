/**
 * The import review's pure logic: candidates grouped by the pseudonym they would become, the speaker
 * labels Coflex proposes in place of names, the accepted replacements to post, and turn text split into
 * kept and replaced pieces for the preview. No React here, so it is tested on its own.
 */
import type { IdentifierKind, PreviewCandidate, PreviewSpeaker, ReplacementInput, SpeakerRole } from "./types";

export const KIND_LABELS: Readonly<Record<IdentifierKind, string>> = {
  person: "Name",
  place: "Place",
  org: "Organisation",
  date: "Date",
  phone: "Phone number",
  email: "Email address",
  url: "Web address",
  id_number: "ID number",
};

const KIND_PLURALS: Readonly<Record<IdentifierKind, [string, string]>> = {
  person: ["name", "names"],
  place: ["place", "places"],
  org: ["organisation", "organisations"],
  date: ["date", "dates"],
  phone: ["phone number", "phone numbers"],
  email: ["email address", "email addresses"],
  url: ["web address", "web addresses"],
  id_number: ["ID number", "ID numbers"],
};

const KIND_ORDER: readonly IdentifierKind[] = ["person", "place", "org", "date", "phone", "email", "url", "id_number"];

export const ROLE_LABELS: Readonly<Record<SpeakerRole, string>> = { therapist: "Therapist", client: "Client", other: "Other" };

/** The reviewer's choices per candidate id: rejected ids, and edited pseudonyms. Absent → accepted, as proposed. */
export interface Decisions {
  rejected: ReadonlySet<string>;
  pseudonyms: Readonly<Record<string, string>>;
}

export interface CandidateGroup {
  /** The pseudonym the detector proposed; the group's key. */
  proposal: string;
  kind: IdentifierKind;
  /** The distinct original spellings, in order of appearance ("Maria Lopez", "Maria"). */
  originals: string[];
  candidates: PreviewCandidate[];
}

/** Candidates that would get the same pseudonym, together: the client and the therapist first, then people, places, organisations, the rest. */
export function groupCandidates(candidates: readonly PreviewCandidate[]): CandidateGroup[] {
  const groups = new Map<string, CandidateGroup>();
  for (const c of candidates) {
    const group = groups.get(c.proposal) ?? { proposal: c.proposal, kind: c.kind, originals: [], candidates: [] };
    if (!group.originals.includes(c.text)) group.originals.push(c.text);
    group.candidates.push(c);
    groups.set(c.proposal, group);
  }
  const rank = (g: CandidateGroup) => (g.proposal === "[CLIENT]" ? -2 : g.proposal === "[THERAPIST]" ? -1 : KIND_ORDER.indexOf(g.kind));
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}

/** The edited pseudonym, or the proposal when none was typed (an emptied field never leaves the original in). */
export function pseudonymOf(candidate: PreviewCandidate, decisions: Decisions): string {
  const edited = decisions.pseudonyms[candidate.id]?.replace(/\s+/g, " ").trim();
  return edited ? edited : candidate.proposal;
}

export function isAccepted(candidate: PreviewCandidate, decisions: Decisions): boolean {
  return !decisions.rejected.has(candidate.id);
}

/** What the import posts: every accepted candidate with its (possibly edited) pseudonym and the text it replaces. */
export function acceptedReplacements(candidates: readonly PreviewCandidate[], decisions: Decisions): ReplacementInput[] {
  return candidates
    .filter((c) => isAccepted(c, decisions))
    .map((c) => ({ turnIndex: c.turnIndex, start: c.start, end: c.end, text: c.text, proposal: pseudonymOf(c, decisions) }));
}

/** "2 names, 1 place and 2 dates" — how many different identifiers of each kind (a name mentioned twice counts once). */
export function describeCounts(groups: readonly CandidateGroup[]): string {
  const counts = new Map<IdentifierKind, number>();
  for (const g of groups) counts.set(g.kind, (counts.get(g.kind) ?? 0) + (g.kind === "date" || g.kind === "phone" || g.kind === "email" || g.kind === "url" || g.kind === "id_number" ? g.originals.length : 1));
  const parts = KIND_ORDER.filter((k) => counts.has(k)).map((k) => {
    const n = counts.get(k) ?? 0;
    return `${n} ${KIND_PLURALS[k][n === 1 ? 0 : 1]}`;
  });
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/**
 * What each speaker is called once imported. A label that is a role word ("Therapist", "C") stays; one
 * that looks like a person's name becomes its role ("Therapist", "Client", "Speaker"), numbered where two
 * speakers would otherwise share it, so the stored transcript carries no speaker's name.
 */
export function proposedLabels(speakers: readonly PreviewSpeaker[], roles: Readonly<Record<string, SpeakerRole>>): Record<string, string> {
  const base = (s: PreviewSpeaker): string => {
    const role = roles[s.speaker] ?? s.role;
    return role === "therapist" ? "Therapist" : role === "client" ? "Client" : "Speaker";
  };
  const used = new Set(speakers.filter((s) => !s.looksLikeName).map((s) => s.speaker.toLowerCase()));
  const named = speakers.filter((s) => s.looksLikeName);
  const labels: Record<string, string> = {};
  for (const s of speakers) if (!s.looksLikeName) labels[s.speaker] = s.speaker;
  for (const s of named) {
    const b = base(s);
    const sharing = named.filter((other) => base(other) === b).length;
    if (sharing === 1 && !used.has(b.toLowerCase())) {
      labels[s.speaker] = b;
      used.add(b.toLowerCase());
      continue;
    }
    let n = 1;
    while (used.has(`${b} ${n}`.toLowerCase())) n++;
    labels[s.speaker] = `${b} ${n}`;
    used.add(`${b} ${n}`.toLowerCase());
  }
  return labels;
}

export type TextPiece = { kind: "kept"; text: string } | { kind: "replaced"; original: string; pseudonym: string };

/**
 * A turn's text split into kept and replaced pieces, the way the import will apply the accepted
 * replacements (overlapping spans merge into one, with the earlier span's pseudonym).
 */
export function pieces(text: string, accepted: ReadonlyArray<{ start: number; end: number; pseudonym: string }>): TextPiece[] {
  const sorted = accepted.filter((a) => a.start >= 0 && a.end <= text.length && a.end > a.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Array<{ start: number; end: number; pseudonym: string }> = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  const out: TextPiece[] = [];
  let at = 0;
  for (const span of merged) {
    if (span.start > at) out.push({ kind: "kept", text: text.slice(at, span.start) });
    out.push({ kind: "replaced", original: text.slice(span.start, span.end), pseudonym: span.pseudonym });
    at = span.end;
  }
  if (at < text.length) out.push({ kind: "kept", text: text.slice(at) });
  return out;
}

/** A title from a file name: "session_04-final.vtt" → "session 04-final". */
export function titleFromFilename(filename: string): string {
  return filename.replace(/\.[^.]*$/, "").replace(/_+/g, " ").trim().slice(0, 200);
}
