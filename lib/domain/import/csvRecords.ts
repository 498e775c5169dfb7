export interface CsvRecord {
  fields: string[];
  /** 1-based line on which the record starts (a quoted field may span lines). */
  line: number;
}

export type CsvRecordsResult = { ok: true; records: CsvRecord[] } | { ok: false; error: string };

/** The delimiter of the header line: comma, or semicolon/tab as spreadsheets in some locales write them. */
export function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, 2000).split(/\r\n|\r|\n/)[0] ?? "";
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => [d, outsideQuotes.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ",";
}

/**
 * RFC 4180 records: fields split by the delimiter, quoted fields may hold delimiters, line breaks and
 * doubled quotes (""), records end at CRLF, LF or CR. A quote inside an unquoted field is kept as text,
 * as spreadsheets do; a quoted field that never closes is an error rather than a silently eaten file.
 */
export function parseCsvRecords(text: string, delimiter = ","): CsvRecordsResult {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let atFieldStart = true;
  const n = text.length;
  const endRecord = (): void => {
    fields.push(field);
    records.push({ fields, line: recordLine });
    fields = [];
    field = "";
    atFieldStart = true;
  };
  while (i < n) {
    const ch = text[i];
    if (atFieldStart && ch === '"') {
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= n) return { ok: false, error: `The quoted text that starts on line ${quoteLine} never ends: a closing quote (") is missing.` };
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
        field += c;
        i++;
      }
      // Spaces after a closing quote ("a" , "b") are layout, not text.
      while (i < n && (text[i] === " " || (text[i] === "\t" && delimiter !== "\t"))) i++;
      const next = text[i];
      if (i < n && next !== delimiter && next !== "\n" && next !== "\r") {
        return { ok: false, error: `Line ${line}: text follows a closing quote. Inside quoted text, write a quote twice ("").` };
      }
      atFieldStart = false;
      continue;
    }
    if (ch === delimiter) {
      fields.push(field);
      field = "";
      atFieldStart = true;
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      endRecord();
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    atFieldStart = false;
    i++;
  }
  if (!atFieldStart || field !== "" || fields.length > 0) endRecord();
  return { ok: true, records };
}
