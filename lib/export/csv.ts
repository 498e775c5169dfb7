/**
 * CSV as RFC 4180 describes it: comma-separated, CRLF line ends, a field quoted when it holds a comma,
 * a double quote, CR or LF, with inner quotes doubled.
 *
 * Two additions for the people who open these files:
 * - A UTF-8 byte-order mark first. Excel (Windows and macOS) decodes a CSV without one in the legacy
 *   ANSI code page, so "é" in a speaker name or a quote turns into "Ã©"; with the BOM it reads UTF-8.
 *   readr, pandas (`encoding="utf-8-sig"`, and its default C parser) and LibreOffice skip it; base R
 *   needs `fileEncoding = "UTF-8-BOM"` (see lib/export/README.md).
 * - Formula-injection neutralising (OWASP "CSV injection"): a text cell that begins with = + - @, a tab
 *   or a carriage return is read by spreadsheets as a formula (`=HYPERLINK(…)`, `@SUM(…)`, DDE), and a
 *   transcript or a note is text someone else wrote. Such a cell gets a leading apostrophe, which
 *   spreadsheets treat as "this is text" and hide. Numbers we produce ourselves (offsets, indices,
 *   statistics, which may be negative) are written as numbers and never prefixed. The JSON export keeps
 *   every string exactly as stored.
 */

export type CsvValue = string | number | boolean | null | undefined;

export const UTF8_BOM = "\uFEFF";
const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]!) ? `'${text}` : text;
}

function quoteIfNeeded(text: string, quoteHash = false): string {
  let needs = false;
  for (const c of text) {
    if (c === "," || c === '"' || c === "\r" || c === "\n" || (quoteHash && c === "#")) {
      needs = true;
      break;
    }
  }
  return needs ? `"${text.split('"').join('""')}"` : text;
}

export interface CsvCellOptions {
  missing?: string;
  /** Quote a text cell holding "#": a file with comment lines is read with comment="#", which cuts an unquoted cell there. */
  quoteHash?: boolean;
}

export function csvCell(value: CsvValue, options: CsvCellOptions = {}): string {
  if (value === null || value === undefined) return options.missing ?? "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return options.missing ?? "";
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  return quoteIfNeeded(neutraliseFormula(value), options.quoteHash);
}

export function csvRow(values: readonly CsvValue[], options: CsvCellOptions = {}): string {
  return values.map((v) => csvCell(v, options)).join(",");
}

/**
 * The whole file: header, rows, each line ended by CRLF, optionally after a UTF-8 BOM. `comments`: lines
 * written before the header as "# …" (a summary a person reads first); readers skip them with
 * comment="#" (pandas, readr) or comment.char = "#" (base R), and every cell holding "#" is then quoted.
 */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[], options: { bom?: boolean; missing?: string; comments?: readonly string[] } = {}): string {
  let out = options.bom === false ? "" : UTF8_BOM;
  const comments = options.comments ?? [];
  for (const line of comments) out += `# ${line.replace(/[\r\n]+/g, " ")}\r\n`;
  const cell: CsvCellOptions = { ...(options.missing !== undefined ? { missing: options.missing } : {}), quoteHash: comments.length > 0 };
  out += `${csvRow(header, cell)}\r\n`;
  for (const row of rows) {
    if (row.length !== header.length) throw new RangeError(`CSV row has ${row.length} cells, header has ${header.length}`);
    out += `${csvRow(row, cell)}\r\n`;
  }
  return out;
}
