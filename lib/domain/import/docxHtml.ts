import { decodeEntities } from "./markup";
import { looksLikeSpeakerLabel } from "./speakerLabel";

const STAMP_CELL = /^[[(]?((?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\])]?$/;
const HEADER_WORDS = new Set(["speaker", "name", "who", "time", "timestamp", "start", "end", "text", "utterance", "transcript", "said", "content", "role"]);

/** A cell's or paragraph's words on one line: tags dropped, entities decoded, space collapsed. */
function inlineText(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>|<\/p>|<\/li>/g, " ").replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim();
}

/**
 * A table row as a transcript line. Word transcripts often sit in a table — speaker | text, or time |
 * speaker | text — so a row becomes "[time] Speaker: text" when a cell reads as a speaker; a header row
 * ("Speaker | Text") is dropped and any other row is kept as plain words.
 */
function rowToLine(rowHtml: string): string {
  const cells = (rowHtml.match(/<t[dh]\b[^>]*>[\s\S]*?<\/t[dh]>/g) ?? []).map(inlineText);
  const filled = cells.filter((cell) => cell !== "");
  if (filled.length === 0) return "";
  if (filled.every((cell) => HEADER_WORDS.has(cell.toLowerCase()))) return "";
  if (filled.length === 1) return filled[0] ?? "";
  let stamp: string | null = null;
  const rest: string[] = [];
  for (const cell of filled) {
    const match: RegExpExecArray | null = stamp === null ? STAMP_CELL.exec(cell) : null;
    if (match?.[1] !== undefined) stamp = match[1];
    else rest.push(cell);
  }
  const [first, ...words] = rest;
  if (first === undefined) return stamp ?? "";
  const label = first.replace(/:$/, "").trim();
  if (!looksLikeSpeakerLabel(label)) return filled.join(" ");
  return `${stamp === null ? "" : `[${stamp}] `}${label}: ${words.join(" ")}`;
}

/**
 * mammoth's HTML for a .docx → text the plain-text parser reads: one paragraph per line, soft line breaks
 * kept as line breaks (mammoth's raw-text mode glues the words on either side of one), table rows as
 * "Speaker: text" lines. mammoth's HTML is regular enough for patterns; nested tables flatten to words.
 */
export function docxHtmlToText(html: string): string {
  const withTables = html.replace(/<table\b[^>]*>[\s\S]*?<\/table>/g, (table) => {
    const rows = table.match(/<tr\b[^>]*>[\s\S]*?<\/tr>/g) ?? [];
    return `\n${rows.map(rowToLine).filter((line) => line !== "").join("\n")}\n`;
  });
  const lines = withTables
    .replace(/<br\s*\/?>/g, "\n")
    .replace(/<\/(?:p|h[1-6]|li|ol|ul|blockquote)>/g, "\n")
    .replace(/<[^>]*>/g, "");
  return decodeEntities(lines)
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}
