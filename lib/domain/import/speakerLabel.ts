import { isRoleLabel } from "./roles";

/**
 * Words that open a line with a colon in ordinary speech or in a document header ("Well: …", "Date: …").
 * Taking them for speakers would silently split a turn, so they never count as a speaker label.
 */
const NOT_SPEAKERS = new Set([
  "also", "and", "answer", "anyway", "actually", "basically", "because", "but", "date", "duration", "example",
  "goal", "goals", "homework", "honestly", "like", "listen", "location", "look", "meaning", "no", "note", "notes",
  "now", "ok", "okay", "participants", "plan", "ps", "question", "re", "session", "so", "subject", "summary",
  "then", "time", "tip", "title", "topic", "transcript", "update", "warning", "well", "yes", "yeah",
]);

/** Sound and action captions that brackets hold more often than speaker names: "[laughs]", "[Inaudible]". */
const CAPTION_WORDS = new Set([
  "applause", "background", "beep", "coughs", "coughing", "crosstalk", "crying", "inaudible", "laughing", "laughs",
  "laughter", "music", "noise", "pause", "pauses", "silence", "sighs", "sighing", "sniffs", "unintelligible",
  "crosstalk", "long pause", "overlapping", "phone rings", "redacted",
]);

const NAME_PARTICLES = new Set(["van", "von", "de", "der", "den", "da", "di", "del", "la", "le", "du", "dos", "bin", "al", "el", "ten", "ter"]);

/**
 * Whether a label before a colon reads as a speaker: a role word ("T", "client"), or one to four words that
 * each start with a capital or a digit ("Dana", "Speaker 2", "Dr. Mei Chen", "Anna van Dijk"), and not a
 * discourse word ("Honestly:") or a header field ("Date:").
 */
export function looksLikeSpeakerLabel(label: string): boolean {
  const trimmed = label.trim();
  if (trimmed.length === 0 || trimmed.length > 40) return false;
  if (isRoleLabel(trimmed)) return true;
  if (NOT_SPEAKERS.has(trimmed.toLowerCase())) return false;
  const words = trimmed.split(/\s+/);
  if (words.length > 4) return false;
  return words.every((word, index) => {
    if (/^\p{Lu}/u.test(word)) return /^\p{Lu}[\p{L}\p{M}.'’-]*$/u.test(word);
    if (index > 0 && /^\d{1,3}$/.test(word)) return true;
    return index > 0 && NAME_PARTICLES.has(word);
  });
}

export interface PrefixedLine {
  speaker: string | null;
  text: string;
}

const BRACKET_PREFIX = /^(?:[-–—]|>>)?\s*\[([^\]]{1,40})\]\s*:?\s*(.*)$/u;
const COLON_PREFIX = /^(?:[-–—]|>>)?\s*([^\s:][^:]{0,39}?)\s*:(?:\s+(.*)|$)/u;
const DASH_ONLY = /^(?:[-–—]|>>)\s*(.*)$/u;

/**
 * A subtitle line's speaker prefix, in the forms captioning tools write: "THERAPIST: …", "- Client: …",
 * ">> Dana: …", "[Client] …". Returns the line unchanged (speaker null) when no prefix reads as a speaker;
 * a bare "- " dialogue dash is dropped.
 */
export function splitSpeakerPrefix(line: string): PrefixedLine {
  const bracket = BRACKET_PREFIX.exec(line);
  if (bracket?.[1] !== undefined && !CAPTION_WORDS.has(bracket[1].trim().toLowerCase()) && looksLikeSpeakerLabel(bracket[1])) {
    return { speaker: bracket[1].trim(), text: (bracket[2] ?? "").trim() };
  }
  const colon = COLON_PREFIX.exec(line);
  if (colon?.[1] !== undefined && looksLikeSpeakerLabel(colon[1])) {
    return { speaker: colon[1].trim(), text: (colon[2] ?? "").trim() };
  }
  const dash = DASH_ONLY.exec(line);
  if (dash) return { speaker: null, text: (dash[1] ?? "").trim() };
  return { speaker: null, text: line.trim() };
}
